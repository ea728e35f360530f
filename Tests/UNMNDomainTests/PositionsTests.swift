import Foundation
import Testing

@testable import UNMNDomain

/// An item's current positions (issue 18's compact state): a short list in the order the members
/// first answered, with what the dictionary by entity it replaced gave — one position a member,
/// equality whatever the order, and the same JSON.
@Suite("An item's positions")
struct PositionsTests {
    static func record(_ entity: EntityCode, _ position: Position?, by name: String = "Dilnoza Yusupova", at seconds: Int64 = 1_790_000_000)
        -> PositionRecord
    {
        PositionRecord(entity: entity, position: position, source: .email, recordedBy: name, at: Instant(secondsSinceEpoch: seconds))
    }

    @Test("a member's new position takes the place of its last; taking it back leaves no answer")
    func oneAMember() {
        var positions = Positions()
        positions.record(Self.record("FAO", .agree))
        positions.record(Self.record("ILO", .object(reason: "Not in our mandate")))
        positions.record(Self.record("FAO", .standAside(reason: "HQ to decide"), at: 1_790_000_100))
        #expect(positions.count == 2)
        #expect(positions.map(\.entity) == ["FAO", "ILO"])
        #expect(positions["FAO"] == Self.record("FAO", .standAside(reason: "HQ to decide"), at: 1_790_000_100))
        #expect(positions.position(of: "ILO") == .object(reason: "Not in our mandate"))
        #expect(positions["WHO"] == nil && positions.position(of: "WHO") == nil)
        positions.remove("FAO")
        positions.remove("WHO")
        #expect(positions.map(\.entity) == ["ILO"])
        #expect(positions["FAO"] == nil)
    }

    @Test("positions given in another order are equal and hash alike; another position is not equal")
    func equalWhateverTheOrder() {
        let records = (0..<12).map { Self.record(EntityCode("E\($0)"), $0 % 3 == 0 ? .agree : .object(reason: "reason \($0)")) }
        let given = Positions(records)
        let reversed = Positions(records.reversed())
        #expect(given == reversed)
        #expect(given.hashValue == reversed.hashValue)
        var changed = reversed
        changed.record(Self.record("E4", .agree))
        #expect(changed != given)
        var fewer = given
        fewer.remove("E11")
        #expect(fewer != given && given != fewer)
    }

    @Test("written as the dictionary by entity wrote itself, and read back in the order written")
    func writtenAsTheDictionaryWas() throws {
        let one = Positions([Self.record("UN Women", .standAside(reason: nil))])
        let dictionary: [EntityCode: PositionRecord] = ["UN Women": Self.record("UN Women", .standAside(reason: nil))]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(one) == encoder.encode(dictionary))
        #expect(try encoder.encode(Positions()) == encoder.encode([EntityCode: PositionRecord]()))
        // What an older release wrote (a dictionary of several) reads back to the same positions.
        let several = Dictionary(uniqueKeysWithValues: ["FAO", "ILO", "WHO", "IOM"].map { ($0 as EntityCode, Self.record($0, .agree)) })
        let read = try JSONDecoder().decode(Positions.self, from: encoder.encode(several))
        #expect(read == Positions(several.values))
        #expect(try JSONDecoder().decode(Positions.self, from: encoder.encode(read)).map(\.entity) == read.map(\.entity))
    }

    @Test("a position written under a member other than its record's is refused, in JSON and in a snapshot")
    func anotherMembersRecordRefused() throws {
        let json = try JSONEncoder().encode([EntityCode("FAO"): Self.record("ILO", .agree)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Positions.self, from: json) }

        let history = [Self.record("ILO", .agree)]
        var writer = StateWriter()
        writer.unsigned(1)
        writer.write(EntityCode("FAO"))
        writer.unsigned(1)  // the first record of the history: ILO's
        let strings = writer.strings
        let failure = writer.bytes.withUnsafeBytes { bytes in
            var reader = StateReader(bytes, strings: strings, hashes: StateReader.hashes(of: strings))
            return Result { () throws(StateReader.Failure) in try ConsensusItem.readPositions(in: history, from: &reader) }
        }
        #expect(throws: StateReader.Failure("a position is recorded for another member")) { try failure.get() }
    }
}
