import Foundation
import Testing
import UNMNDomain

@testable import UNMNJournal

@Suite("Recovery from damage")
struct JournalRecoveryTests {
    /// A small journal and where each record starts.
    static func sample() throws -> (bytes: [UInt8], records: [JournalRecord], starts: [Int]) {
        let path = try JournalFixture.journal(records: 3)
        let bytes = JournalFixture.bytes(path)
        let records = try JournalMaintenance.check(path: path).records
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A && index + 1 < bytes.count { starts.append(index + 1) }
        return (bytes, records, starts)
    }

    @Test("Cut at every byte offset: exactly the whole records before the cut survive, and the rest is a torn tail")
    func everyTruncation() throws {
        let (bytes, records, starts) = try Self.sample()
        let ends = starts.dropFirst() + [bytes.count]
        for cut in 0...bytes.count {
            let scan = Array(bytes[..<cut]).withUnsafeBytes { JournalScan.scan($0) }
            let whole = ends.filter { $0 <= cut }.count
            #expect(scan.records == Array(records.prefix(whole)), "cut at \(cut)")
            if ends.contains(cut) || cut == 0 {
                #expect(scan.problem == nil, "cut at \(cut)")
            } else {
                guard case .tornTail(_, let offset, _)? = scan.problem else {
                    Issue.record("cut at \(cut): \(String(describing: scan.problem))")
                    continue
                }
                #expect(offset == (whole == 0 ? 0 : ends[ends.startIndex + whole - 1]))
            }
        }
    }

    @Test("Each byte flipped: never a wrong record; damage in the last record is a torn tail, earlier damage is not")
    func everyFlip() throws {
        let (bytes, records, starts) = try Self.sample()
        let lastStart = starts.last!
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x01
            let scan = damaged.withUnsafeBytes { JournalScan.scan($0) }
            let hit = starts.lastIndex { $0 <= index }!
            #expect(scan.records == Array(records.prefix(hit)), "flip at \(index)")
            // A flipped newline just before the last record merges the two last lines into one
            // bad last line: indistinguishable from a torn write, so it too is a torn tail (its
            // bytes are kept aside, not lost).
            if index >= lastStart - 1 {
                guard case .tornTail? = scan.problem else {
                    Issue.record("flip at \(index) in the last record: \(String(describing: scan.problem))")
                    continue
                }
            } else {
                guard case .damaged(let record, let offset, _)? = scan.problem else {
                    Issue.record("flip at \(index): \(String(describing: scan.problem))")
                    continue
                }
                #expect(record == UInt64(hit + 1) && offset == starts[hit])
            }
        }
    }

    @Test("Opening a torn journal keeps the torn bytes aside, cuts them, and says so")
    func tornTailRecovered() throws {
        let path = try JournalFixture.journal(records: 3)
        let whole = JournalFixture.bytes(path)
        let cut = whole.count - 10
        JournalFixture.write(Array(whole[..<cut]), to: path)
        let journal = try Journal(
            path: path, emailPolicy: JournalFixture.policy, osUser: "x", clock: { Date(timeIntervalSince1970: 1_796_000_000) })
        #expect(journal.isWritable)
        #expect(journal.state.focalPoints.count == 2)
        #expect(journal.notices.first?.hasPrefix("Recovered from a torn write: record 4 was incomplete") == true)
        let aside = path + ".torn-20261130T005320Z"
        let lastStart = whole[..<(whole.count - 1)].lastIndex(of: 0x0A)! + 1
        #expect(JournalFixture.bytes(aside) == Array(whole[lastStart..<cut]))
        #expect(JournalFixture.bytes(path) == Array(whole[..<lastStart]))
        try journal.commit(JournalFixture.addFocalPoint(7), context: JournalFixture.context())
        #expect(try JournalMaintenance.check(path: path).problem == nil)
    }

    @Test("Damage before the tail: read-only, the record and offset named, the file byte-identical")
    func damagedMiddle() throws {
        let path = try JournalFixture.journal(records: 3)
        var bytes = JournalFixture.bytes(path)
        let secondStart = bytes.firstIndex(of: 0x0A)! + 1
        bytes[secondStart + 30] ^= 0x20
        JournalFixture.write(bytes, to: path)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        guard case .readOnly(let reason) = journal.mode else {
            Issue.record("not read-only")
            return
        }
        #expect(reason.hasPrefix("record 2 at byte \(secondStart) of the journal is damaged (the checksum does not match)"))
        #expect(journal.state.members.count == 4)
        #expect(JournalFixture.bytes(path) == bytes)
        #expect(throws: CommitError.self) { try journal.commit(JournalFixture.addFocalPoint(9), context: JournalFixture.context()) }
        #expect(JournalFixture.bytes(path) == bytes)
    }

    @Test("repair keeps a byte-identical backup, then cuts at the first bad record")
    func repair() throws {
        let path = try JournalFixture.journal(records: 3)
        var bytes = JournalFixture.bytes(path)
        let secondStart = bytes.firstIndex(of: 0x0A)! + 1
        bytes[secondStart + 30] ^= 0x20
        JournalFixture.write(bytes, to: path)
        let plan = try #require(try JournalMaintenance.plan(path: path))
        #expect(plan.cutAt == secondStart && plan.keptRecords == 1)
        let backup = try JournalMaintenance.repair(path: path, now: Date(timeIntervalSince1970: 1_796_000_000))
        #expect(backup.hasSuffix(".bak-20261130T005320Z"))
        #expect(JournalFixture.bytes(backup) == bytes)
        #expect(JournalFixture.bytes(path) == Array(bytes[..<secondStart]))
        #expect(try JournalMaintenance.check(path: path).problem == nil)
    }
}
