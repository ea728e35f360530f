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

    /// The snapshot's bytes with a CRC-32C that matches them again: what a forger who knows the
    /// format would write.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        let body = Array(bytes.dropLast(4))
        let crc = CRC32C.checksum(body)
        return body + (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) }
    }

    static func replacing(_ old: String, with new: String, in bytes: [UInt8]) -> [UInt8] {
        let (old, new) = (Array(old.utf8), Array(new.utf8))
        guard let start = (0...(bytes.count - old.count)).first(where: { bytes[$0..<($0 + old.count)].elementsEqual(old) }) else {
            return bytes
        }
        return Array(bytes[..<start]) + new + Array(bytes[(start + old.count)...])
    }

    @Test("An edited snapshot is found by check, which compares it with the journal's replay")
    func edited() throws {
        let path = try journalWithSnapshot(records: 4)
        #expect(try JournalMaintenance.verify(path: path, emailPolicy: JournalFixture.policy).snapshot == .matches)
        let snapshot = path + ".snapshot"
        // The same number of UTF-8 bytes, so that the forgery still reads.
        let original = JournalFixture.bytes(snapshot)
        let forged = Self.replacing("Ўлмас 1", with: "Mallory 1EVE", in: original)
        #expect(forged != original && forged.count == original.count)
        JournalFixture.write(Self.resealed(forged), to: snapshot)
        #expect(try JournalMaintenance.verify(path: path, emailPolicy: JournalFixture.policy).snapshot == .differs)
    }

    @Test("A damaged snapshot (its checksum no longer matches) is ignored with a notice, and check calls it unreadable")
    func damaged() throws {
        let path = try journalWithSnapshot(records: 4)
        let snapshot = path + ".snapshot"
        var bytes = JournalFixture.bytes(snapshot)
        bytes[bytes.count / 2] ^= 0x01
        JournalFixture.write(bytes, to: snapshot)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "tester")
        #expect(journal.snapshotWasIgnored)
        #expect(journal.notices == ["The snapshot did not match the journal and was ignored; replayed the whole journal."])
        #expect(journal.lastSequence == 5)
        #expect(try JournalMaintenance.verify(path: path, emailPolicy: JournalFixture.policy).snapshot == .unreadable)
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
        var bytes = JournalFixture.bytes(snapshot)
        #expect(bytes.starts(with: Array("UNMNSNAP".utf8)) && bytes[8] == UInt8(StateSnapshot.currentFormat))
        bytes[8] = 3
        JournalFixture.write(Self.resealed(bytes), to: snapshot)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "tester")
        #expect(journal.snapshotWasIgnored)
        #expect(journal.notices == ["The snapshot was written by another version of unmn and was ignored; replayed the whole journal."])
        #expect(journal.state.foundedOn != nil)
        #expect(journal.isWritable)

        // The same format, but cases of an enumeration renamed or reordered since: another version too.
        bytes[8] = UInt8(StateSnapshot.currentFormat)
        JournalFixture.write(Self.resealed(Self.replacing("applicant", with: "Applicant", in: bytes)), to: snapshot)
        let renamed = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "tester")
        #expect(renamed.notices == ["The snapshot was written by another version of unmn and was ignored; replayed the whole journal."])
    }

    /// Releases up to 2026-11-29 wrote JSON snapshots (formats 1–3); the binary one is format 4.
    @Test("A JSON snapshot of an earlier release is replayed over, and still tells how many records it saw")
    func jsonSnapshotOfEarlierRelease() throws {
        let path = try journalWithSnapshot(records: 4)
        let snapshot = path + ".snapshot"
        let earlier = #"{"format":3,"sequence":5,"offset":1200,"lastRecordChecksum":"0a1b2c3d","state":{"batchCount":5}}"#
        JournalFixture.write(Array(earlier.utf8), to: snapshot)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "tester")
        #expect(journal.notices == ["The snapshot was written by another version of unmn and was ignored; replayed the whole journal."])
        #expect(journal.lastSequence == 5 && journal.isWritable)

        JournalFixture.write(Array(earlier.replacingOccurrences(of: "\"sequence\":5", with: "\"sequence\":9").utf8), to: snapshot)
        let short = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "tester")
        #expect(
            short.mode
                == .readOnly(
                    reason:
                        "records 6–9 are missing from the journal (its snapshot saw them); nothing was changed on disk. Run `unmn check`"))
    }
}
