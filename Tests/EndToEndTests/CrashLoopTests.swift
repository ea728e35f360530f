import Foundation
import Testing
import UNMNJournal

/// kill -9 against a process appending to the journal: after every kill, each record it had
/// been told was saved is there, and the journal opens cleanly.
@Suite("kill -9 loop")
struct CrashLoopTests {
    @Test("After every kill each acknowledged record is present")
    func killLoop() throws {
        let directory = NSTemporaryDirectory() + "unmn-kill-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = directory + "/journal"
        let writer = (TmuxSession.binary as NSString).deletingLastPathComponent + "/unmn-stress"
        var acknowledged: UInt64 = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<6 {
            let output = directory + "/acknowledged-\(round)"
            let pid = try spawn(writer, [journal], stdout: output)
            // Let it write, then kill it mid-stride.
            usleep(UInt32.random(in: 80_000...250_000, using: &generator))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
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
        let directory = NSTemporaryDirectory() + "unmn-two-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = directory + "/journal"
        let writer = (TmuxSession.binary as NSString).deletingLastPathComponent + "/unmn-stress"
        // The first creates the journal; the second joins once it exists.
        let first = try spawn(writer, [journal], stdout: directory + "/a")
        while access(journal, F_OK) != 0 { usleep(5_000) }
        let second = try spawn(writer, [journal], stdout: directory + "/b")
        usleep(400_000)
        for pid in [first, second] {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
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

    private func spawn(_ path: String, _ arguments: [String], stdout: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw TmuxSession.Failure(description: "cannot start \(path): \(String(cString: strerror(result)))") }
        return pid
    }
}
