import Foundation
import Testing
import UNMNJournal

/// kill -9 against a process appending to the journal: after every kill, each record it had
/// been told was saved is there, and the journal opens cleanly.
@Suite("kill -9 loop")
struct CrashLoopTests {
    @Test("After every kill each acknowledged record is present")
    func killLoop() throws {
        let directory = try makeTestDirectory("kill")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = directory + "/journal"
        let writer = (TmuxSession.binary as NSString).deletingLastPathComponent + "/unmn-stress"
        var acknowledged: UInt64 = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<6 {
            let output = directory + "/acknowledged-\(round)"
            let pid = try Subprocess.spawn([writer, journal], output: output)
            // Let it write, then kill it mid-stride.
            usleep(UInt32.random(in: 80_000...250_000, using: &generator))
            kill(pid, SIGKILL)
            _ = Subprocess.wait(pid)
            let printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            let numbers = printed.split(separator: "\n").compactMap { UInt64($0) }
            acknowledged = max(acknowledged, numbers.last ?? 0)
            // Opening recovers a torn tail if the kill cut a write; every acknowledged record is kept.
            let opened = try Journal(path: journal, emailPolicy: .init(corporateDomains: ["ilo.org"]), osUser: "test", useSnapshot: false)
            #expect(opened.isWritable, "round \(round)")
            #expect(opened.lastSequence >= acknowledged, "round \(round): \(opened.lastSequence) < acknowledged \(acknowledged)")
            let scan = try JournalMaintenance.check(path: journal)
            #expect(scan.problem == nil, "round \(round)")
            #expect(scan.records.map(\.sequence) == Array(1...UInt64(scan.records.count)))
        }
        #expect(acknowledged > 10, "the writer should have saved records (saved \(acknowledged))")
    }

    @Test("Two processes appending at once: contiguous sequences, nothing lost, no duplicate")
    func twoProcesses() throws {
        let directory = try makeTestDirectory("two")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = directory + "/journal"
        let writer = (TmuxSession.binary as NSString).deletingLastPathComponent + "/unmn-stress"
        // The first creates the journal; the second joins once it exists.
        let first = try Subprocess.spawn([writer, journal], output: directory + "/a")
        while access(journal, F_OK) != 0 { usleep(5_000) }
        let second = try Subprocess.spawn([writer, journal], output: directory + "/b")
        usleep(400_000)
        for pid in [first, second] {
            kill(pid, SIGKILL)
            _ = Subprocess.wait(pid)
        }
        let printed = ["a", "b"].map { name in
            ((try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { UInt64($0) }
        }
        #expect(!printed[0].isEmpty && !printed[1].isEmpty, "both writers should have saved records")
        #expect(Set(printed[0]).isDisjoint(with: printed[1]))
        let opened = try Journal(path: journal, emailPolicy: .init(corporateDomains: ["ilo.org"]), osUser: "test", useSnapshot: false)
        let scan = try JournalMaintenance.check(path: journal)
        #expect(scan.records.map(\.sequence) == Array(1...UInt64(scan.records.count)))
        #expect(opened.lastSequence >= (printed.flatMap { $0 }.max() ?? 0))
        #expect(Set(opened.state.focalPoints.map(\.id)).count == opened.state.focalPoints.count)
    }

}
