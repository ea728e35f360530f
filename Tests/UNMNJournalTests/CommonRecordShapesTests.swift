import Foundation
import TestSupport
import Testing
import UNMNDomain

@testable import UNMNJournal

/// The typed reader for the commonest records (positions, progress) must read them exactly as
/// the general reader does, or step aside: never a different value.
@Suite("The commonest records, read straight from the tape")
struct CommonRecordShapesTests {
    /// What the typed reader makes of a body, if anything.
    static func common(_ json: [UInt8]) -> JournalRecord.Body? {
        json.withUnsafeBytes { bytes in
            var tape = JSONTape()
            guard (try? tape.parse(bytes)) != nil else { return nil }
            return tape.nodes.withUnsafeBufferPointer { TapeDecoder(bytes: bytes, nodes: $0).commonBody() }
        }
    }

    static func general(_ json: [UInt8]) -> JournalRecord.Body? {
        try? JournalJSONDecoder().decode(JournalRecord.Body.self, from: json)
    }

    /// The sample network's records, with positions given every way a member can give one.
    static func bodies() throws -> [[UInt8]] {
        var bodies = try RecordDecoderTests.sampleBatches.map {
            try JournalJSONEncoder().encode(JournalRecord.Body(osUser: "tester", batch: $0))
        }
        let op = Operator(name: "Oʻgʻiloy \"Ўзбек\"\n", entity: "UN Women", role: .member)
        let at = Instant(secondsSinceEpoch: 1_796_000_000)
        let positions: [Position?] = [.agree, .standAside(reason: nil), .standAside(reason: "HQ \\ consulted"), .object(reason: "🌸"), nil]
        for (index, position) in positions.enumerated() {
            let source = PositionRecord.Source.allCases[index % 4]
            let record = PositionRecord(entity: "UN Women", position: position, source: source, recordedBy: op.name, at: at)
            let command = Command.recordPosition(
                item: ItemReference("UNMN/2026/0\(index)"), entity: "UN Women", position, source: source,
                basedOn: index % 2 == 0 ? nil : index)
            let batch = EventBatch(
                operator: op, at: at, events: [.positionRecorded(item: ItemReference("UNMN/2026/0\(index)"), record)], summary: "s\(index)",
                isUndo: index == 3, command: command, login: index == 1 ? nil : "login\(index)")
            bodies.append(try JournalJSONEncoder().encode(JournalRecord.Body(osUser: "u", batch: batch)))
        }
        return bodies
    }

    @Test("every sample record reads the same, and positions and progress take the typed way")
    func sampleRecordsAgree() throws {
        var typed = 0
        for body in try Self.bodies() {
            guard let common = Self.common(body) else { continue }
            typed += 1
            #expect(common == Self.general(body), "\(String(decoding: body, as: UTF8.self))")
            if case .recordPosition? = common.batch.command {
            } else if case .recordProgress? = common.batch.command {
            } else {
                Issue.record("read a record of another kind: \(String(decoding: body, as: UTF8.self))")
            }
        }
        // Those whose command and every event are a position or progress.
        let expected = try Self.bodies().filter { body in
            guard let batch = Self.general(body)?.batch else { return false }
            let commonCommand: Bool
            switch batch.command {
            case .recordPosition?, .recordProgress?: commonCommand = true
            default: commonCommand = false
            }
            return commonCommand
                && batch.events.allSatisfy {
                    switch $0 {
                    case .positionRecorded, .progressRecorded: return true
                    default: return false
                    }
                }
        }
        for body in expected where Self.common(body) == nil {
            Issue.record("left to the general way: \(String(decoding: body, as: UTF8.self))")
        }
        #expect(typed == expected.count && typed > 20)
    }

    @Test("a damaged or unusual body is read as the general reader reads it, or left to it", arguments: [7, 18, 2026] as [UInt64])
    func damagedBodiesAgreeOrStepAside(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let eligible = try Self.bodies().filter { Self.common($0) != nil }
        let pool = Array("\"{}[],:a1n \\_-.eu0".utf8)
        var readTyped = 0
        for _ in 0..<3_000 {
            var body = eligible.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                body[Int.random(in: 0..<body.count, using: &random)] = pool.randomElement(using: &random)!
            }
            guard let common = Self.common(body) else { continue }
            readTyped += 1
            #expect(common == Self.general(body), "\(String(decoding: body, as: UTF8.self))")
        }
        #expect(readTyped > 100)
    }

    @Test("members added, removed, nulled or renamed send the record the general way")
    func unexpectedMembersStepAside() throws {
        let body = String(decoding: try #require(try Self.bodies().first { Self.common($0) != nil }), as: UTF8.self)
        let variants = [
            body.replacingOccurrences(of: "\"osUser\"", with: "\"extra\":1,\"osUser\""),
            body.replacingOccurrences(of: "\"isUndo\":false,", with: ""),
            body.replacingOccurrences(of: "\"summary\":", with: "\"summary\":null,\"x\":"),
            body.replacingOccurrences(of: "\"source\":\"", with: "\"sourc\\u0065\":\""),
            body.replacingOccurrences(of: "{\"agree\":{}}", with: "{\"agree\":{},\"object\":{}}"),
        ]
        for variant in variants {
            #expect(variant != body)
            #expect(Self.common(Array(variant.utf8)) == nil, "\(variant)")
        }
    }
}
