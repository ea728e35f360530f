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
    /// and hashing the names again at each was a tenth of applying one. A change is kept as plain
    /// numbers (`Stamp`), its author once in `authors`: a copy of the person's name and entity
    /// in every field's change was retained for each field (and the one it replaced released),
    /// and made each entry 56 bytes instead of 24.
    private var entries: [RecordKey: [HashedString: Stamp]] = [:]
    private var deferred: DeferredChanges?
    private var authors: [Author] = []
    private var authorIndex: [Author: UInt32] = [:]
    /// The author of the last change stamped, and the name as it was last given: a replay gives
    /// one person's name as the same string record after record, found equal by its storage
    /// alone, where comparing it with the copy in `authors` compared its bytes every time.
    private var lastAuthor: UInt32 = 0
    private var lastAuthorName = ""

    /// Who made a change.
    struct Author: Hashable, Sendable {
        var by: String
        var entity: EntityCode
    }

    /// One change as the log keeps it: its version, its author's place in `authors`, its time.
    struct Stamp: Hashable, Sendable {
        var version: Int
        var author: UInt32
        var at: Instant
    }

    init() {}

    init(deferred: DeferredChanges) { self.deferred = deferred }

    /// The changes to one record's fields.
    subscript(record: RecordKey) -> [HashedString: FieldChange]? {
        let applied = entries[record]?.mapValues(change)
        guard let deferred else { return applied }
        guard let applied else { return deferred.value[record] }
        return (deferred.value[record] ?? [:]).merging(applied) { _, later in later }
    }

    /// The last change to one field of a record.
    subscript(record: RecordKey, field: HashedString) -> FieldChange? {
        if let stamp = entries[record]?[field] { return change(stamp) }
        return deferred?.value[record]?[field]
    }

    /// The stamp of a change by `name` of `entity`, numbered `version`, made at `at`: what
    /// `set` records for each field it changed.
    mutating func stamp(version: Int, by name: String, entity: EntityCode, at: Instant) -> Stamp {
        // Consecutive changes are mostly one person's: their place is found without hashing.
        if !authors.isEmpty, lastAuthorName == name, authors[Int(lastAuthor)].entity == entity {
            return Stamp(version: version, author: lastAuthor, at: at)
        }
        lastAuthorName = name
        let author = Author(by: name, entity: entity)
        if let index = authorIndex[author] {
            lastAuthor = index
        } else {
            authors.append(author)
            lastAuthor = UInt32(authors.count - 1)
            authorIndex[author] = lastAuthor
        }
        return Stamp(version: version, author: lastAuthor, at: at)
    }

    private func change(_ stamp: Stamp) -> FieldChange {
        let author = authors[Int(stamp.author)]
        return FieldChange(version: stamp.version, by: author.by, entity: author.entity, at: stamp.at)
    }

    /// One change to several fields of a record. A record first seen is given room for
    /// `expected` fields at once, not grown one doubling at a time as they arrive.
    mutating func set(_ stamp: Stamp, of record: RecordKey, fields: some Collection<HashedString>, expected: Int) {
        // A record seen before is changed in place through its index (its key hashed once).
        guard let known = entries.index(forKey: record) else {
            var changes = [HashedString: Stamp](minimumCapacity: max(expected, fields.count))
            for field in fields { changes[field] = stamp }
            entries[record] = changes
            return
        }
        for field in fields { entries.values[known][field] = stamp }
    }

    /// Records one change to several fields, interning its author (for a change log read back).
    mutating func set(_ change: FieldChange, of record: RecordKey, fields: some Collection<HashedString>) {
        set(stamp(version: change.version, by: change.by, entity: change.entity, at: change.at), of: record, fields: fields, expected: 0)
    }

    /// Every record's changes (reading deferred ones): for the snapshot, equality and tests.
    var all: [RecordKey: [HashedString: FieldChange]] {
        var merged = deferred?.value ?? [:]
        for (record, fields) in entries { merged[record, default: [:]].merge(fields.mapValues(change)) { _, later in later } }
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
        for (record, fields) in try decoder.singleValueContainer().decode([RecordKey: [String: FieldChange]].self) {
            for (field, change) in fields { set(change, of: record, fields: CollectionOfOne(HashedString(field))) }
        }
    }

    /// Written as a dictionary keyed by records is (key, value, key, value…), in the order of
    /// the records' names: `all` is a new dictionary each time, and its order with it.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for (record, fields) in all.sorted(by: { $0.key.description < $1.key.description }) {
            try container.encode(record)
            try container.encode(Dictionary(uniqueKeysWithValues: fields.map { ($0.key.text, $0.value) }))
        }
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
