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
    /// Field names keep their hashes (`HashedString`): every replayed record records its changes,
    /// and hashing the names again at each was a tenth of applying one.
    private var entries: [RecordKey: [HashedString: FieldChange]] = [:]
    private var deferred: DeferredChanges?

    init() {}

    init(deferred: DeferredChanges) { self.deferred = deferred }

    /// The changes to one record's fields.
    subscript(record: RecordKey) -> [HashedString: FieldChange]? {
        guard let deferred else { return entries[record] }
        guard let applied = entries[record] else { return deferred.value[record] }
        return (deferred.value[record] ?? [:]).merging(applied) { _, later in later }
    }

    /// One change to several fields of a record. A record first seen is given room for
    /// `expected` fields at once, not grown one doubling at a time as they arrive.
    mutating func set(_ change: FieldChange, of record: RecordKey, fields: some Collection<HashedString>, expected: Int) {
        // A record seen before is changed in place through its index (its key hashed once).
        guard let known = entries.index(forKey: record) else {
            var changes = [HashedString: FieldChange](minimumCapacity: max(expected, fields.count))
            for field in fields { changes[field] = change }
            entries[record] = changes
            return
        }
        for field in fields { entries.values[known][field] = change }
    }

    /// Every record's changes (reading deferred ones): for the snapshot, equality and tests.
    var all: [RecordKey: [HashedString: FieldChange]] {
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

    // Written with the names as plain strings.
    init(from decoder: any Decoder) throws {
        entries = try decoder.singleValueContainer().decode([RecordKey: [String: FieldChange]].self).mapValues { fields in
            Dictionary(uniqueKeysWithValues: fields.map { (HashedString($0.key), $0.value) })
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(all.mapValues { fields in Dictionary(uniqueKeysWithValues: fields.map { ($0.key.text, $0.value) }) })
    }
}

/// A snapshot's change log, still in its bytes, read once on first use. Bytes that passed the
/// snapshot's checksum and still do not read (a forged snapshot) give an empty log; `unmn check`
/// then finds the snapshot differs from the journal.
final class DeferredChanges: Sendable {
    private let bytes: [UInt8]
    private let strings: [String]
    private let hashes: [Int]
    private let decoded = Mutex<[RecordKey: [HashedString: FieldChange]]?>(nil)

    init(bytes: [UInt8], strings: [String], hashes: [Int]) {
        self.bytes = bytes
        self.strings = strings
        self.hashes = hashes
    }

    var value: [RecordKey: [HashedString: FieldChange]] {
        decoded.withLock { decoded in
            if let decoded { return decoded }
            let value =
                bytes.withUnsafeBytes { raw -> [RecordKey: [HashedString: FieldChange]]? in
                    var reader = StateReader(raw, strings: strings, hashes: hashes)
                    guard let value = try? reader.read([RecordKey: [HashedString: FieldChange]].self), reader.isAtEnd else { return nil }
                    return value
                } ?? [:]
            decoded = value
            return value
        }
    }
}
