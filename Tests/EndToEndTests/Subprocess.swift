import Foundation
import Testing

/// Starting programs from tests with posix_spawn (Foundation's Process can miss a child's exit
/// inside a test task), with the runner's blocked signals cleared and output to a file.
enum Subprocess {
    /// Starts `arguments` (looked up in PATH) with standard output and error to `output`.
    static func spawn(_ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The test runner's blocked and ignored signals would be inherited (SIGTERM blocked,
        // SIGCHLD ignored): start from the defaults.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard result == 0 else {
            throw TmuxSession.Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }

    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }

    /// Runs to the end; returns the exit status and what it printed.
    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let output = NSTemporaryDirectory() + "unmn-run-\(UUID().uuidString)"
        defer { unlink(output) }
        guard let pid = try? spawn(arguments, output: output) else { return (127, "cannot start \(arguments[0])") }
        let status = wait(pid)
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }
}

/// A fresh directory for one test under the system's temporary one; the test removes it
/// (`defer { try? FileManager.default.removeItem(atPath: directory) }`).
func makeTestDirectory(_ purpose: String) throws -> String {
    let path = NSTemporaryDirectory() + "unmn-\(purpose)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// `unmn init` of a real journal at `path` whose first secretariat is Dilnoza Yusupova, as a
/// newcomer's first command would create it.
func initJournal(_ path: String) throws {
    let setup = try TmuxSession(arguments: ["init", "--journal", path, "--name", "Dilnoza Yusupova"])
    #expect(try setup.waitForExit() == 0)
}
