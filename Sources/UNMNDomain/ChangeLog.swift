import Synchronization

/// Who last changed each field of each record, and at which version: what edits are merged or
/// refused against (kept by `apply`).
///
/// Read from a snapshot it stays in its bytes until a record's changes are first asked for (an
/// edit, a conflict check): it is as large as the items and nothing on the first screen needs
/// it. Changes applied meanwhile (the records after the snapshot) are kept beside it and win
/// over what the bytes say.
struct ChangeLog: Hashable, Sendable, Codable {
    /// Every change when nothing is deferred; otherwise the changes applied since: each record's
    /// fields as a short list of plain numbers (`FieldStamp`), its field named by its number
    /// (`FieldNames`) and its author by a place in `authors`. A table of its own for each record
    /// (a name and a stamp in a bucket of a dictionary, one storage each) was a sixth of a
    /// replayed console's memory; a record has a few dozen fields at most, found by halving.
    private var entries: [RecordKey: [FieldStamp]] = [:]
    private var deferred: DeferredChanges?
    private var authors: [Author] = []
    private var authorIndex: [Author: UInt32] = [:]
    /// The author of the last change stamped, and the name as it was last given: a replay gives
    /// one person's name as the same string record after record, found equal by its storage
    /// alone, where comparing it with the copy in `authors` compared its bytes every time.
    private var lastAuthor: UInt32 = 0
    private var lastAuthorName: String?

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

    /// The last change to one field of a record: 24 bytes.
    struct FieldStamp: Sendable {
        var version: Int
        var at: Instant
        /// The author's place in the log's `authors` (or a snapshot's, for its changes).
        var author: UInt32
        var field: FieldNames.Number

        init(_ stamp: Stamp, field: FieldNames.Number) {
            (version, at, author, self.field) = (stamp.version, stamp.at, stamp.author, field)
        }

        init(version: Int, at: Instant, author: UInt32, field: FieldNames.Number) {
            (self.version, self.at, self.author, self.field) = (version, at, author, field)
        }
    }

    init() {}

    init(deferred: DeferredChanges) { self.deferred = deferred }

    /// The changes to one record's fields.
    subscript(record: RecordKey) -> [HashedString: FieldChange]? {
        // The snapshot's changes are read (numbering their fields) before the names are taken.
        let earlier = deferred?.value
        let names = FieldNames.shared.all
        let applied = entries[record].map { Self.changes($0, authors: authors, names: names) }
        guard let earlier else { return applied }
        let read = earlier.entries[record].map { Self.changes($0, authors: earlier.authors, names: names) }
        guard let applied else { return read }
        return (read ?? [:]).merging(applied) { _, later in later }
    }

    /// The last change to one field of a record.
    subscript(record: RecordKey, field: HashedString) -> FieldChange? {
        // A name only the snapshot's changes use is numbered when they are read: read them first.
        let earlier = deferred?.value
        guard let number = FieldNames.shared.existing(field) else { return nil }
        if let found = entries[record]?.first(where: { $0.field == number }) { return Self.change(found, authors: authors) }
        guard let earlier, let found = earlier.entries[record]?.first(where: { $0.field == number }) else { return nil }
        return Self.change(found, authors: earlier.authors)
    }

    /// The stamp of a change by `name` of `entity`, numbered `version`, made at `at`: what
    /// `set` records for each field it changed.
    mutating func stamp(version: Int, by name: String, entity: EntityCode, at: Instant) -> Stamp {
        // Consecutive changes are mostly one person's: their place is found without hashing.
        if lastAuthorName == name, authors[Int(lastAuthor)].entity == entity {
            return Stamp(version: version, author: lastAuthor, at: at)
        }
        lastAuthorName = name
        let author = Author(by: name, entity: entity)
        if let index = authorIndex[author] {
            lastAuthor = index
        } else {
            // A copy of its own, which no record read from a journal shares (`name(of:)`).
            authors.append(Author(by: String(decoding: Array(name.utf8), as: UTF8.self), entity: entity))
            lastAuthor = UInt32(authors.count - 1)
            authorIndex[author] = lastAuthor
        }
        return Stamp(version: version, author: lastAuthor, at: at)
    }

    /// The name of a stamp's author: the log's own copy. A replayed record's name is one string
    /// shared by every record its reading thread read; kept in the state, each record's copy
    /// of it counted one more reference on that string's count, which the reading threads and
    /// the thread releasing read records count up and down meanwhile, on other cores.
    func name(of stamp: Stamp) -> String { authors[Int(stamp.author)].by }

    private static func change(_ stamp: FieldStamp, authors: [Author]) -> FieldChange {
        let author = authors[Int(stamp.author)]
        return FieldChange(version: stamp.version, by: author.by, entity: author.entity, at: stamp.at)
    }

    private static func changes(_ list: [FieldStamp], authors: [Author], names: [HashedString]) -> [HashedString: FieldChange] {
        Dictionary(uniqueKeysWithValues: list.map { (names[Int($0.field)], change($0, authors: authors)) })
    }

    /// One change to several fields of a record. A record first seen is given room for
    /// `expected` fields at once, not grown one doubling at a time as they arrive.
    mutating func set(_ stamp: Stamp, of record: RecordKey, fields: some Collection<HashedString>, expected: Int) {
        set(stamp, of: record, numbers: FieldNames.shared.numbers(fields), expected: expected)
    }

    /// The same for fields already numbered (`FieldNames`).
    mutating func set(_ stamp: Stamp, of record: RecordKey, numbers: some Collection<FieldNames.Number>, expected: Int) {
        // A record seen before is changed in place through its index (its key hashed once).
        guard let known = entries.index(forKey: record) else {
            var list: [FieldStamp] = []
            list.reserveCapacity(max(expected, numbers.count))
            for number in numbers { Self.insert(FieldStamp(stamp, field: number), into: &list) }
            entries[record] = list
            return
        }
        for number in numbers { Self.put(FieldStamp(stamp, field: number), in: &entries.values[known]) }
    }

    /// Puts a field's change in the list of a record being made: its fields come mostly in the
    /// order they were first numbered, so each is found in place from the end (a field named
    /// twice is kept once: all have one stamp).
    static func insert(_ change: FieldStamp, into list: inout [FieldStamp]) {
        var place = list.count
        while place > 0 && list[place - 1].field > change.field { place -= 1 }
        if place > 0 && list[place - 1].field == change.field { return }
        if place == list.count {
            list.append(change)
        } else {
            list.insert(change, at: place)
        }
    }

    /// Puts a field's change in a record's list, kept in the order of the fields' numbers: found
    /// by halving (a record has a few dozen fields, and a field first changed, as every member's
    /// first position on an item is, was a scan of them all).
    private static func put(_ change: FieldStamp, in list: inout [FieldStamp]) {
        let low = list.withUnsafeBufferPointer { fields in
            var (low, high) = (0, fields.count)
            while low < high {
                let middle = (low &+ high) &>> 1
                if fields[middle].field < change.field { low = middle &+ 1 } else { high = middle }
            }
            return low
        }
        if low == list.count {
            list.append(change)
        } else if list[low].field == change.field {
            list[low] = change
        } else {
            list.insert(change, at: low)
        }
    }

    /// Records one change to several fields, interning its author (for a change log read back).
    mutating func set(_ change: FieldChange, of record: RecordKey, fields: some Collection<HashedString>) {
        set(stamp(version: change.version, by: change.by, entity: change.entity, at: change.at), of: record, fields: fields, expected: 0)
    }

    /// Every record's changes (reading deferred ones): for the snapshot, equality and tests.
    var all: [RecordKey: [HashedString: FieldChange]] {
        let earlier = deferred?.value
        let names = FieldNames.shared.all
        var merged: [RecordKey: [HashedString: FieldChange]] = [:]
        if let earlier {
            merged = earlier.entries.mapValues { Self.changes($0, authors: earlier.authors, names: names) }
        }
        for (record, list) in entries {
            merged[record, default: [:]].merge(Self.changes(list, authors: authors, names: names)) { _, later in later }
        }
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

/// The names of records' fields as small numbers, the same in every change log of the process:
/// a name is numbered the first time it is seen, and the numbers never leave the process (a
/// snapshot or a log written out names its fields).
final class FieldNames: Sendable {
    typealias Number = UInt32

    static let shared = FieldNames()

    private struct Table {
        var names: [HashedString] = []
        var numbers: [HashedString: Number] = [:]

        mutating func number(_ name: HashedString) -> Number {
            if let known = numbers[name] { return known }
            names.append(name)
            numbers[name] = Number(names.count - 1)
            return Number(names.count - 1)
        }
    }

    private let table = Mutex(Table())

    /// Every name, at its number.
    var all: [HashedString] { table.withLock { $0.names } }

    /// The name's number, numbering it if it is new.
    func number(_ name: HashedString) -> Number { table.withLock { $0.number(name) } }

    /// The name's number, if it was ever numbered.
    func existing(_ name: HashedString) -> Number? { table.withLock { $0.numbers[name] } }

    /// The names' numbers (numbering new ones), looked up under one lock.
    func numbers(_ names: some Collection<HashedString>) -> [Number] { table.withLock { table in names.map { table.number($0) } } }
}

/// A snapshot's change log, still in its bytes, read once on first use into the shape the log
/// keeps (each record's fields as numbered stamps, each author once): read as a table of names
/// to whole changes first, it was the largest thing a console opened from its snapshot held.
/// Bytes that passed the snapshot's checksum and still do not read (a forged snapshot) give an
/// empty log; `unmn check` then finds the snapshot differs from the journal.
final class DeferredChanges: Sendable {
    struct Changes: Sendable {
        var entries: [RecordKey: [ChangeLog.FieldStamp]] = [:]
        var authors: [ChangeLog.Author] = []
    }

    private let bytes: [UInt8]
    private let strings: [String]
    private let hashes: [Int]
    private let decoded = Mutex<Changes?>(nil)

    init(bytes: [UInt8], strings: [String], hashes: [Int]) {
        self.bytes = bytes
        self.strings = strings
        self.hashes = hashes
    }

    var value: Changes {
        decoded.withLock { decoded in
            if let decoded { return decoded }
            let value =
                bytes.withUnsafeBytes { raw -> Changes? in
                    var reader = StateReader(raw, strings: strings, hashes: hashes)
                    guard let value = try? Self.read(&reader), reader.isAtEnd else { return nil }
                    return value
                } ?? Changes()
            decoded = value
            return value
        }
    }

    /// Reads what `StateWriter` wrote of `ChangeLog.all` (a table of records, each a table of
    /// field names to `FieldChange`s), refusing what that table's reader refuses (a record or a
    /// field named twice). A name or an author met before is found by its number in the
    /// snapshot's table of strings, not hashed again.
    private static func read(_ reader: inout StateReader) throws(StateReader.Failure) -> Changes {
        var changes = Changes()
        var fields: [Int: FieldNames.Number] = [:]
        var authors: [Int: UInt32] = [:]
        let count = try reader.count()
        changes.entries.reserveCapacity(count)
        for _ in 0..<count {
            let record = try RecordKey(from: &reader)
            let fieldCount = try reader.count()
            var list: [ChangeLog.FieldStamp] = []
            list.reserveCapacity(fieldCount)
            for _ in 0..<fieldCount {
                let name = try reader.stringNumber()
                let field: FieldNames.Number
                if let known = fields[name] {
                    field = known
                } else {
                    field = FieldNames.shared.number(reader.hashedString(number: name))
                    fields[name] = field
                }
                let version = try reader.int()
                let (by, entity) = (try reader.stringNumber(), try reader.stringNumber())
                let at = try Instant(from: &reader)
                // Two numbers below the table's size, as one key.
                let key = by &* reader.stringCount &+ entity
                let author: UInt32
                if let known = authors[key] {
                    author = known
                } else {
                    let made = ChangeLog.Author(by: reader.string(number: by), entity: EntityCode(reader.hashedString(number: entity)))
                    changes.authors.append(made)
                    author = UInt32(changes.authors.count - 1)
                    authors[key] = author
                }
                let before = list.count
                ChangeLog.insert(ChangeLog.FieldStamp(version: version, at: at, author: author, field: field), into: &list)
                guard list.count > before else {
                    throw StateReader.Failure("a record's changes name a field twice (byte \(reader.position))")
                }
            }
            guard changes.entries.updateValue(list, forKey: record) == nil else {
                throw StateReader.Failure("a table repeats a key (byte \(reader.position))")
            }
        }
        return changes
    }
}
