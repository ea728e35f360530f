import Foundation
import Testing
import UNMNDomain

@testable import UNMNJournal

/// Issue 14: a snapshot is a cache that cannot lie. `check` compares it with a full replay, and
/// a snapshot that saw records the journal lost since makes the loss visible.
@Suite("Snapshots that cannot lie")
struct SnapshotTrustTests {
    func journalWithSnapshot(records: Int) throws -> String {
        let path = try JournalFixture.journal(records: records)
        try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "tester").writeSnapshot()
        return path
    }

    @Test("An edited snapshot is found by check, which compares it with the journal's replay")
    func edited() throws {
        let path = try journalWithSnapshot(records: 4)
        #expect(try JournalMaintenance.verify(path: path, emailPolicy: JournalFixture.policy).snapshot == .matches)
        let snapshot = path + ".snapshot"
        let text = try String(contentsOfFile: snapshot, encoding: .utf8).replacingOccurrences(of: "Ўлмас 1", with: "Mallory")
        try text.write(toFile: snapshot, atomically: true, encoding: .utf8)
        #expect(try JournalMaintenance.verify(path: path, emailPolicy: JournalFixture.policy).snapshot == .differs)
    }

    @Test("Whole records lost at a line boundary since the snapshot are named, and the journal opens read-only")
    func lostRecords() throws {
        let path = try journalWithSnapshot(records: 6)
        let lines = JournalFixture.bytes(path).split(separator: 0x0A, omittingEmptySubsequences: false)
        // Keep the founding and four focal points: records 6 and 7 are gone, cut between lines.
        JournalFixture.write(Array(lines.prefix(5).joined(separator: [0x0A])) + [0x0A], to: path)
        let (scan, _, _, snapshot) = try JournalMaintenance.verify(path: path, emailPolicy: JournalFixture.policy)
        #expect(snapshot == .sawMissingRecords)
        #expect(scan.problem == .missing(first: 6, last: 7, offset: scan.validLength))
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "tester")
        #expect(
            journal.mode
                == .readOnly(
                    reason:
                        "records 6–7 are missing from the journal (its snapshot saw them); nothing was changed on disk. Run `unmn check`"))
    }

    @Test("A snapshot of an older format is replayed over, never read with what it lacks (the founding day)")
    func olderFormat() throws {
        let path = try journalWithSnapshot(records: 4)
        let snapshot = path + ".snapshot"
        let text = try String(contentsOfFile: snapshot, encoding: .utf8)
        #expect(text.contains("\"format\":\(Journal.Snapshot.currentFormat)"))
        try text.replacingOccurrences(of: "\"format\":\(Journal.Snapshot.currentFormat)", with: "\"format\":1")
            .write(toFile: snapshot, atomically: true, encoding: .utf8)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "tester")
        #expect(journal.snapshotWasIgnored)
        #expect(journal.notices == ["The snapshot was written by another version of unmn and was ignored; replayed the whole journal."])
        #expect(journal.state.foundedOn != nil)
        #expect(journal.isWritable)
    }
}
