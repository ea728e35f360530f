import Foundation
import TestSupport
import Testing

@testable import UNMNDomain

@Suite("The change log")
struct ChangeLogTests {
    /// Random changes to random fields of random records — fields named twice in one change, new
    /// names numbered between old ones, authors coming back — answer as a plain table of every
    /// field's last change does.
    @Test("answers every record and field as a plain table of last changes does", arguments: [3, 17, 2026])
    func matchesPlainTable(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let records: [RecordKey] = [
            .item("UNMN/2026/001"), .item("UNMN/2026/002"), .meeting("MTG/2026/01"), .keyAction(year: 2026, code: "2026-1"),
            .entity("IOM"), .plan(year: 2026),
        ]
        // Names beyond those unmn numbers itself, some seen first here, in a random order.
        let names = (0..<40).map { HashedString("field \($0) of seed \(seed)") } + ["status", "deadline", "history", "title"]
        let authors: [(String, EntityCode)] = [("Dilnoza Yusupova", "IOM"), ("Aziz Rahimov", "ILO"), ("Laura Bianchi", "IOM")]
        var log = ChangeLog()
        var table: [RecordKey: [HashedString: FieldChange]] = [:]
        for version in 1...400 {
            let record = records.randomElement(using: &random)!
            let fields = (0..<Int.random(in: 1...6, using: &random)).map { _ in names.randomElement(using: &random)! }
            let (name, entity) = authors.randomElement(using: &random)!
            let at = Instant(secondsSinceEpoch: 1_700_000_000 + Int64(version) * 60)
            let stamp = log.stamp(version: version, by: name, entity: entity, at: at)
            if Bool.random(using: &random) {
                log.set(stamp, of: record, fields: fields, expected: Int.random(in: 0...8, using: &random))
            } else {
                log.set(stamp, of: record, numbers: fields.map(FieldNames.shared.number), expected: 0)
            }
            for field in fields { table[record, default: [:]][field] = FieldChange(version: version, by: name, entity: entity, at: at) }
            // Looked up both ways after every change: a whole record, and one field of it.
            // Compared first, so that a failure names the record rather than printing both tables.
            let sameRecord = log[record] == table[record]
            #expect(sameRecord, "\(record) after version \(version)")
            let asked = names.randomElement(using: &random)!
            #expect(log[record, asked] == table[record]?[asked], "\(record) \(asked.text)")
        }
        let sameLog = log.all == table
        #expect(sameLog)
        #expect(log[.actionPoint("AP/2026/01/1")] == nil)
        #expect(log[.item("UNMN/2026/001"), "a field never numbered"] == nil)
    }

    @Test("a log read back from its coding is the same log")
    func codingRoundTrip() throws {
        var log = ChangeLog()
        let stamp = log.stamp(version: 3, by: "Dilnoza Yusupova", entity: "IOM", at: Instant(secondsSinceEpoch: 1_700_000_000))
        log.set(stamp, of: .item("UNMN/2026/001"), fields: ["status", "closure", "status"], expected: 4)
        let later = log.stamp(version: 4, by: "Aziz Rahimov", entity: "ILO", at: Instant(secondsSinceEpoch: 1_700_000_600))
        log.set(later, of: .item("UNMN/2026/001"), fields: ["position of ILO"], expected: 0)
        let decoded = try JSONDecoder().decode(ChangeLog.self, from: JSONEncoder().encode(log))
        #expect(decoded == log)
        #expect(decoded[.item("UNMN/2026/001"), "status"]?.version == 3)
        #expect(decoded[.item("UNMN/2026/001"), "position of ILO"]?.by == "Aziz Rahimov")
        #expect(decoded[.item("UNMN/2026/001")]?.count == 3)
    }
}
