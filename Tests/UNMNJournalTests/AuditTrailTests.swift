import Foundation
import Testing
import UNMNDomain

@testable import UNMNJournal

/// `unmn export journal`: the audit trail stays readable (JSON lines, one record each, with what it
/// did in words) whatever format the journal keeps on disk.
@Suite("The audit trail")
struct AuditTrailTests {
    @Test("One JSON line per verified record: sequence, when, who, the summary, the command and its events")
    func lines() throws {
        let path = try JournalFixture.journal(records: 3)
        let trail = try JournalMaintenance.auditTrail(path: path, emailPolicy: JournalFixture.policy)
        #expect(trail.problem == nil)
        let lines = trail.lines.split(separator: "\n")
        #expect(lines.count == 4)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["sequence"] as? Int } == [1, 2, 3, 4])
        #expect(objects[1]["summary"] as? String == "Added Ўлмас 0 (ILO) as FP-0001")
        #expect(objects[1]["osUser"] as? String == "tester")
        #expect((objects[1]["events"] as? [Any])?.isEmpty == false)
        #expect(objects[1]["command"] != nil)
    }

    @Test("A damaged journal's trail stops before the damage and says where")
    func damaged() throws {
        let path = try JournalFixture.journal(records: 3)
        var bytes = JournalFixture.bytes(path)
        // Corrupt the last record's checksum digits.
        let lastLine = bytes.lastIndex(of: 0x0A, before: bytes.count - 1)! + 1
        bytes[lastLine + 2] = bytes[lastLine + 2] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        JournalFixture.write(bytes, to: path)
        let trail = try JournalMaintenance.auditTrail(path: path, emailPolicy: JournalFixture.policy)
        #expect(trail.problem != nil)
        #expect(trail.lines.split(separator: "\n").count == 3)
    }
}

extension Array where Element == UInt8 {
    fileprivate func lastIndex(of byte: UInt8, before end: Int) -> Int? { self[..<end].lastIndex(of: byte) }
}
