import Synchronization

/// Who last changed each field of each record, and at which version: what edits are merged or
/// refused against (kept by `apply`).
///
/// Read from a snapshot it stays in its bytes until a record's changes are first asked for (an
/// edit, a conflict check): it is as large as the items and nothing on the first screen needs
/// it. Changes applied meanwhile (the records after the snapshot) are kept beside it and win
/// over what the bytes say.
struct ChangeLog: Hashable, Sendable, Codable {
    /// Every change when nothing is deferred; otherwise the changes applied since.
    private var entries: [RecordKey: [String: FieldChange]] = [:]
    private var deferred: DeferredChanges?

    init() {}

    init(deferred: DeferredChanges) { self.deferred = deferred }

    /// The changes to one record's fields.
    subscript(record: RecordKey) -> [String: FieldChange]? {
        guard let deferred else { return entries[record] }
        guard let applied = entries[record] else { return deferred.value[record] }
        return (deferred.value[record] ?? [:]).merging(applied) { _, later in later }
    }

    /// One change to several fields of a record. A record first seen is given room for
    /// `expected` fields at once, not grown one doubling at a time as they arrive.
    mutating func set(_ change: FieldChange, of record: RecordKey, fields: [String], expected: Int) {
        entries[record, default: Dictionary(minimumCapacity: max(expected, fields.count))].merge(fields.lazy.map { ($0, change) }) {
            _, new in new
        }
    }

    /// Every record's changes (reading deferred ones): for the snapshot, equality and tests.
    var all: [RecordKey: [String: FieldChange]] {
        guard let deferred else { return entries }
        var merged = deferred.value
        for (record, fields) in entries { merged[record, default: [:]].merge(fields) { _, later in later } }
        return merged
    }

    /// Reads the deferred changes now (on whatever thread calls it): nil when none are deferred.
    var decodeDeferred: (@Sendable () -> Void)? {
        guard let deferred else { return nil }
        return { _ = deferred.value }
    }

    static func == (lhs: ChangeLog, rhs: ChangeLog) -> Bool { lhs.all == rhs.all }
    func hash(into hasher: inout Hasher) { hasher.combine(all) }

    init(from decoder: any Decoder) throws { entries = try decoder.singleValueContainer().decode([RecordKey: [String: FieldChange]].self) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(all)
    }
}

/// A snapshot's change log, still in its bytes, read once on first use. Bytes that passed the
/// snapshot's checksum and still do not read (a forged snapshot) give an empty log; `unmn check`
/// then finds the snapshot differs from the journal.
final class DeferredChanges: Sendable {
    private let bytes: [UInt8]
    private let strings: [String]
    private let decoded = Mutex<[RecordKey: [String: FieldChange]]?>(nil)

    init(bytes: [UInt8], strings: [String]) {
        self.bytes = bytes
        self.strings = strings
    }

    var value: [RecordKey: [String: FieldChange]] {
        decoded.withLock { decoded in
            if let decoded { return decoded }
            let value =
                bytes.withUnsafeBytes { raw -> [RecordKey: [String: FieldChange]]? in
                    var reader = StateReader(raw, strings: strings)
                    guard let value = try? reader.read([RecordKey: [String: FieldChange]].self), reader.isAtEnd else { return nil }
                    return value
                } ?? [:]
            decoded = value
            return value
        }
    }
}
