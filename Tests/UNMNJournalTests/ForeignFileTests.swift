import Foundation
import Testing
import UNMNDomain

@testable import UNMNJournal

/// Issue 15: whatever file the journal path names, opening it never hangs, never crashes and
/// never writes unless it is a journal.
@Suite("Files that are not journals")
struct ForeignFileTests {
    func open(_ path: String, readOnly: Bool = false) -> Result<Journal, JournalError> {
        do { return .success(try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x", readOnly: readOnly)) } catch {
            return .failure(error)
        }
    }

    @Test("Random bytes, written and read, are refused untouched", arguments: 0..<200)
    func randomBytes(seed: Int) throws {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let count = Int(next() % 600) + 1
        var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
        if seed % 3 == 0 { bytes = Array("1 00000000 {\"osUser\":\"x\"}\n".utf8) + bytes }  // almost a record
        if seed % 5 == 0 { bytes = bytes.map { $0 == 0 ? 0x0A : $0 } }  // many lines
        let path = JournalFixture.directory() + "/journal"
        JournalFixture.write(bytes, to: path)
        guard case .failure(let error) = open(path) else {
            Issue.record("seed \(seed): random bytes opened as a journal")
            return
        }
        guard case .notAJournal = error else {
            Issue.record("seed \(seed): \(error)")
            return
        }
        #expect(JournalFixture.bytes(path) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["journal"])
    }

    @Test("A FIFO, a directory, a device, an empty file and a symlink loop are refused at once")
    func kinds() throws {
        let directory = JournalFixture.directory()
        mkfifo(directory + "/fifo", 0o600)
        _ = FileManager.default.createFile(atPath: directory + "/empty", contents: Data())
        symlink(directory + "/loop-b", directory + "/loop-a")
        symlink(directory + "/loop-a", directory + "/loop-b")
        for path in [directory + "/fifo", directory, "/dev/zero", directory + "/empty"] {
            for readOnly in [false, true] {
                guard case .failure(.notAJournal) = open(path, readOnly: readOnly) else {
                    Issue.record("\(path) was not refused as not a journal")
                    continue
                }
            }
        }
        guard case .failure = open(directory + "/loop-a") else {
            Issue.record("a symlink loop opened")
            return
        }
        #expect(throws: JournalError.self) { try JournalMaintenance.check(path: directory + "/fifo", emailPolicy: JournalFixture.policy) }
    }

    @Test("A founding longer than the first read (a large roster, 300 KB on one line) is read whole and opens")
    func longFounding() throws {
        let roster =
            JournalFixture.entities
            + (0..<1_500).map {
                MemberEntity(
                    code: EntityCode("E\($0)"), fullName: "Entity \($0) " + String(repeating: "x", count: 120), role: .member,
                    functions: "Coordination of migration work")
            }
        let founding = NetworkState.founding(
            entities: roster, emailPolicy: JournalFixture.policy, by: JournalFixture.secretariat,
            at: Instant(tashkent: JournalFixture.today, hour: 9)
        ).batch
        let path = JournalFixture.directory() + "/journal"
        try Journal.create(at: path, batches: [founding], osUser: "x")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int > 4 * 65_536)
        guard case .success(let journal) = open(path) else {
            Issue.record("the journal did not open")
            return
        }
        #expect(journal.state.entities.count == roster.count)
        #expect(journal.mode == .writable)
    }

    @Test("A sequence number written +2 is not record 2")
    func signedSequence() throws {
        let path = try JournalFixture.journal(records: 2)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n2 ", with: "\n+2 ")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let scan = try JournalMaintenance.check(path: path)
        #expect(scan.records.count == 1)
        #expect(scan.problem != nil)
    }
}
