/// Each member's current position on an item, one at most a member (each record under its own
/// entity): a short list in the order the members first answered, searched in that order.
///
/// An item has a position from a few dozen members at the most, so the list is looked through
/// rather than hashed: a hash table for every item, made with room for every entity when the
/// item opened, was a tenth of a console's memory over 100,000 events (79 MiB, now 72), and
/// hashing a code cost more than comparing a few (codes are compared by their kept hash first).
public struct Positions: Sendable, RandomAccessCollection {
    private var records: [PositionRecord]

    /// No positions yet.
    public init() { records = [] }

    /// These positions, the last one of a member standing.
    public init(_ records: some Sequence<PositionRecord>) {
        self.init()
        for record in records { self.record(record) }
    }

    /// The entity's position as recorded, or nil when it has not answered.
    public subscript(entity: EntityCode) -> PositionRecord? {
        place(of: entity).map { records[$0] }
    }

    /// Only the entity's position (read where it lies: the record's copy retains its recorder's
    /// name).
    public func position(of entity: EntityCode) -> Position? {
        place(of: entity).flatMap { records[$0].position }
    }

    public var startIndex: Int { records.startIndex }
    public var endIndex: Int { records.endIndex }
    /// The positions in the order the members first answered.
    public subscript(place: Int) -> PositionRecord { records[place] }

    /// Records `record` as its entity's position, in place of one recorded before.
    public mutating func record(_ record: consuming PositionRecord) {
        if let place = place(of: record.entity) {
            records[place] = record
        } else {
            records.append(record)
        }
    }

    /// Takes the entity's position back to no answer.
    public mutating func remove(_ entity: EntityCode) {
        if let place = place(of: entity) { records.remove(at: place) }
    }

    /// Room for `count` members' positions, made once rather than grown a doubling at a time.
    mutating func reserveCapacity(_ count: Int) { records.reserveCapacity(count) }

    private func place(of entity: EntityCode) -> Int? {
        records.withUnsafeBufferPointer { records in records.firstIndex { $0.entity == entity } }
    }
}

extension Positions: Hashable {
    /// Equal when each member's position is, in whatever order they answered (as the dictionary
    /// this replaced compared).
    public static func == (lhs: Positions, rhs: Positions) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.records == rhs.records || lhs.records.allSatisfy { rhs[$0.entity] == $0 }
    }

    /// The same whatever the order (each record's own hash summed).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(records.reduce(0) { $0 &+ $1.hashValue })
    }
}

extension Positions: Codable {
    // Written and read as the dictionary by entity it replaced wrote itself, which journals of
    // older releases hold (an item as opened, with none): a list of each entity followed by its
    // record. In the order the members answered, not in a dictionary's, which differs from one
    // dictionary to the next.
    public init(from decoder: any Decoder) throws {
        self.init()
        var list = try decoder.unkeyedContainer()
        while !list.isAtEnd {
            let entity = try list.decode(EntityCode.self)
            let record = try list.decode(PositionRecord.self)
            guard record.entity == entity else {
                throw DecodingError.dataCorruptedError(
                    in: list, debugDescription: "the position of \(entity) is recorded for \(record.entity)")
            }
            self.record(record)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for record in records {
            try list.encode(record.entity)
            try list.encode(record)
        }
    }
}
