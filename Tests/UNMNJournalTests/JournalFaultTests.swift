import Foundation
import Testing
import UNMNDomain

@testable import UNMNJournal

@Suite("Fail-stop under injected I/O faults")
struct JournalFaultTests {
    /// Opens a 2-record journal through the faulty file system, injects `fault`, and tries to commit.
    func attempt(_ fault: FaultyFileSystem.Fault) throws -> (path: String, before: [UInt8], error: CommitError?, journal: Journal) {
        let path = try JournalFixture.journal(records: 2)
        let before = JournalFixture.bytes(path)
        let fs = FaultyFileSystem()
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", fs: fs)
        fs.inject(fault)
        do {
            try journal.commit(JournalFixture.addFocalPoint(5), context: JournalFixture.context())
            return (path, before, nil, journal)
        } catch {
            return (path, before, error, journal)
        }
    }

    @Test(
        "A failed, short or unsynced write is never acknowledged, leaves nothing behind, and turns the journal read-only",
        arguments: [FaultyFileSystem.Fault.failAppend, .shortAppendThenFail(40), .failSync])
    func failedWrite(fault: FaultyFileSystem.Fault) throws {
        let (path, before, error, journal) = try attempt(fault)
        guard case .failed(let reason)? = error else {
            Issue.record("acknowledged despite \(fault)")
            return
        }
        #expect(reason.hasPrefix("Saving failed ("))
        #expect(reason.hasSuffix("nothing was saved. unmn is now read-only; restart it once the disk is fixed."))
        #expect(!journal.isWritable)
        #expect(journal.state.focalPoints.count == 2)
        #expect(JournalFixture.bytes(path) == before)
        #expect(throws: CommitError.self) { try journal.commit(JournalFixture.addFocalPoint(6), context: JournalFixture.context()) }
        let reopened = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        #expect(reopened.state.focalPoints.count == 2)
    }

    @Test("When even the cleanup truncate fails, the partial record is a torn tail on the next start, and nothing acknowledged is lost")
    func truncateAlsoFails() throws {
        let path = try JournalFixture.journal(records: 2)
        let fs = FaultyFileSystem()
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", fs: fs)
        fs.inject(.shortAppendThenFail(25))
        fs.inject(.failTruncate)
        #expect(throws: CommitError.self) { try journal.commit(JournalFixture.addFocalPoint(5), context: JournalFixture.context()) }
        let reopened = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        #expect(reopened.state.focalPoints.count == 2)
        #expect(reopened.notices.first?.hasPrefix("Recovered from a torn write: record 4") == true)
    }

    @Test("A failed snapshot rename leaves no snapshot and the journal untouched")
    func snapshotRename() throws {
        let path = try JournalFixture.journal(records: 2)
        let before = JournalFixture.bytes(path)
        let fs = FaultyFileSystem()
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", fs: fs)
        fs.inject(.failRename)
        #expect(throws: JournalError.self) { try journal.writeSnapshot() }
        #expect(!FileManager.default.fileExists(atPath: journal.snapshotPath))
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["journal"])
        #expect(JournalFixture.bytes(path) == before)
    }
}

@Suite("Snapshots")
struct SnapshotTests {
    @Test("Snapshot plus tail equals a full replay")
    func snapshotAndTail() throws {
        let path = try JournalFixture.journal(records: 3)
        try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x").writeSnapshot()
        let writer = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        for index in 3..<6 { try writer.commit(JournalFixture.addFocalPoint(index), context: JournalFixture.context()) }
        let fromSnapshot = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        let full = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", useSnapshot: false)
        #expect(fromSnapshot.notices.isEmpty)
        #expect(fromSnapshot.state == full.state)
        #expect(fromSnapshot.lastSequence == 7 && full.lastSequence == 7)
    }

    @Test("A damaged or stale snapshot is ignored, said so, and the journal replayed", arguments: ["garbage", "stale"])
    func badSnapshot(kind: String) throws {
        let path = try JournalFixture.journal(records: 3)
        try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x").writeSnapshot()
        if kind == "garbage" {
            JournalFixture.write(Array("{not json".utf8), to: path + ".snapshot")
        } else {
            // The journal is replaced by another with the same number of records.
            try FileManager.default.removeItem(atPath: path)
            try Journal.create(at: path, batches: [JournalFixture.founding()], osUser: "other")
            let other = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "other", useSnapshot: false)
            for index in 10..<13 { try other.commit(JournalFixture.addFocalPoint(index), context: JournalFixture.context(hour: 11)) }
        }
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        #expect(journal.notices.first?.hasPrefix("The snapshot did not match the journal and was ignored") == true)
        #expect(journal.snapshotWasIgnored)
        try journal.writeSnapshot()
        let rebuilt = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        #expect(!rebuilt.snapshotWasIgnored && rebuilt.replayedAtStart == 0)
        let full = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", useSnapshot: false)
        #expect(journal.state == full.state)
    }
}

@Suite("Two writers on one journal")
struct ConcurrentWriterTests {
    @Test("Two journals appending at once (separate open file descriptions, so flock applies): contiguous, nothing lost, no duplicate")
    func concurrentAppends() async throws {
        let path = try JournalFixture.journal(records: 0)
        let perWriter = 40
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let journal = try! Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "w\(writer)")
                    for index in 0..<perWriter {
                        try! journal.commit(JournalFixture.addFocalPoint(writer * 1000 + index), context: JournalFixture.context())
                    }
                }
            }
        }
        let scan = try JournalMaintenance.check(path: path)
        #expect(scan.problem == nil)
        #expect(scan.records.map(\.sequence) == Array(1...UInt64(2 * perWriter + 1)))
        #expect(Set(JournalFixture.replay(scan.records).focalPoints.map(\.email)).count == 2 * perWriter)
    }

    @Test("A command decided against stale state is decided again after catching up: the second chair is told who adopted and when")
    func staleDecision() throws {
        let path = try JournalFixture.journal(records: 0)
        let setup = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "s")
        try setup.commit(
            .openItem(
                ConsensusItemDraft(
                    title: "Statement", text: "t", kind: .jointStatement, raisedAt: .writtenConsultation, deadline: JournalFixture.today)),
            context: JournalFixture.context())
        for code: EntityCode in ["IOM", "UNRC", "ILO", "UNICEF"] {
            try setup.commit(
                .recordPosition(item: "UNMN/2026/001", entity: code, .agree, source: .email), context: JournalFixture.context())
        }
        let chair = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "chair")
        let coChair = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "cochair")
        let chairOperator = Operator(name: "Laura Bianchi", entity: "IOM", role: .chair)
        try chair.commit(
            .adoptItem("UNMN/2026/001", statement: "Adopted."),
            context: CommandContext(operator: chairOperator, now: Instant(tashkent: JournalFixture.today, hour: 11)))
        let coChairOperator = Operator(name: "Samuel Okoro", entity: "UNRC", role: .coChair)
        #expect(
            throws: CommitError.rejected(
                "Cannot adopt UNMN/2026/001: UNMN/2026/001 was already adopted (decision 2026/01) by Laura Bianchi (IOM) on 2026-11-29.")
        ) {
            try coChair.commit(
                .adoptItem("UNMN/2026/001", statement: "Adopted too."),
                context: CommandContext(operator: coChairOperator, now: Instant(tashkent: JournalFixture.today, hour: 11)))
        }
        #expect(try JournalMaintenance.check(path: path).records.count == 7)
    }

    @Test("A console notices another's appends and reads them")
    func refresh() throws {
        let path = try JournalFixture.journal(records: 1)
        let reader = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "r", readOnly: true)
        let writer = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "w")
        #expect(try reader.refresh().isEmpty)
        try writer.commit(JournalFixture.addFocalPoint(4), context: JournalFixture.context())
        let news = try reader.refresh()
        #expect(news.map(\.batch.summary) == ["Added Ўлмас 4 (ILO) as FP-0002"])
        #expect(reader.state == writer.state)
    }
}

@Suite("Reading the file")
struct FileReadTests {
    @Test("a read gives exactly the bytes there are: fewer at the end, none past it, an error for a bad descriptor")
    func readsWhatIsThere() throws {
        let path = JournalFixture.directory() + "/bytes"
        let content = Array("0123456789".utf8)
        JournalFixture.write(content, to: path)
        let fs = POSIXFileSystem()
        let fd = try fs.open(path, flags: O_RDONLY, mode: 0)
        defer { fs.close(fd) }
        #expect(try fs.read(fd, at: 0, count: 10) == content)
        #expect(try fs.read(fd, at: 4, count: 100) == Array(content[4...]))
        #expect(try fs.read(fd, at: 20, count: 5) == [])
        #expect(try fs.read(fd, at: 3, count: 0) == [])
        #expect(throws: FileSystemError.self) { try fs.read(-1, at: 0, count: 4) }
    }
}
