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

    /// A snapshot written by another process names fields this one never numbered: the log
    /// must read the snapshot's changes before it looks a name up, or it answers "never changed".
    @Test("a snapshot's changes left in their bytes answer for names this process never saw, and refuse a field named twice")
    func deferredChangesWithNewNames() throws {
        let unique = "field seen first in a snapshot \(UInt64.random(in: 0...UInt64.max))"
        let change = FieldChange(version: 7, by: "Dilnoza Yusupova", entity: "IOM", at: Instant(secondsSinceEpoch: 1_700_000_000))
        var writer = StateWriter()
        writer.write([RecordKey.item("UNMN/2026/001"): [HashedString(unique): change, "status": change]])
        func log(_ bytes: [UInt8]) -> ChangeLog {
            ChangeLog(deferred: DeferredChanges(bytes: bytes, strings: writer.strings, hashes: StateReader.hashes(of: writer.strings)))
        }
        // Asked for one field first: nothing had numbered its name yet.
        #expect(log(writer.bytes)[.item("UNMN/2026/001"), HashedString(unique)] == change)
        #expect(log(writer.bytes)[.item("UNMN/2026/001")] == [HashedString(unique): change, "status": change])
        // A record whose table names one field twice: forged, read as no changes at all (as any
        // unreadable change log is), never as half of them.
        var forged = StateWriter()
        forged.unsigned(1)
        RecordKey.item("UNMN/2026/001").write(to: &forged)
        forged.unsigned(2)
        for _ in 0..<2 {
            forged.string(unique)
            change.write(to: &forged)
        }
        let strings = forged.strings
        let damaged = ChangeLog(deferred: DeferredChanges(bytes: forged.bytes, strings: strings, hashes: StateReader.hashes(of: strings)))
        #expect(damaged.all.isEmpty)
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
