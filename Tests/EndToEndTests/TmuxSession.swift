import Foundation

/// Drives the real `unmn` binary in a private tmux server: send keys, read the screen, wait
/// for text with a deadline (never a fixed sleep).
final class TmuxSession {
    let socket: String
    let home: String

    /// Starts `unmn arguments` in a detached session of the given size, with its own HOME
    /// and XDG directories so that it never touches the developer's data.
    init(arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "unmn-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        home = NSTemporaryDirectory() + socket
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var env = ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
                   "TERM": "xterm-256color", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let unmn = "env \(assignments) \(([TmuxSession.binary] + arguments).map(Self.quote).joined(separator: " "))"
        // A shell runs unmn, writes its exit status to a file and stays, so that the screen
        // unmn left behind (and whether it left the alternate screen) can still be read.
        let command = "\(unmn); echo $? > \(Self.quote(statusPath)); exec sleep 3600"
        try tmux(["new-session", "-d", "-s", "unmn", "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: home)
    }

    /// The unmn binary built beside the test bundle.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["UNMN_BINARY"] { return path }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var directory = bundle
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("unmn").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        for candidate in [".build/debug/unmn", ".build/release/unmn"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return FileManager.default.currentDirectoryPath + "/" + candidate
        }
        return bundle.appendingPathComponent("unmn").path
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "unmn"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "unmn", "-l", text]) }
    func resize(width: Int, height: Int) throws { try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"]) }

    /// The visible screen, wrapped lines joined (-J) and trailing spaces removed.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-t", "unmn"])
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }

    /// A tmux format of the pane, such as `#{alternate_on}` or `#{pane_dead_status}`.
    func paneFormat(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "unmn", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until `condition` holds for the screen, up to `seconds`; returns the last screen.
    @discardableResult
    func waitFor(_ description: String, seconds: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if condition(last) { return last }
            usleep(50_000)
        }
        throw Timeout(description: description, screen: last)
    }

    @discardableResult
    func waitFor(text: String, seconds: Double = 10) throws -> String {
        try waitFor("\"\(text)\" on screen", seconds: seconds) { $0.contains(text) }
    }

    var statusPath: String { home + "/exit-status" }

    /// Waits for unmn to exit and returns its exit status.
    func waitForExit(seconds: Double = 10) throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusPath, encoding: .utf8),
               let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return status }
            usleep(50_000)
        }
        throw Timeout(description: "unmn to exit", screen: (try? screen()) ?? "")
    }

    /// The process id of unmn: the child of the pane's shell.
    func unmnProcessID() throws -> pid_t {
        let shell = try paneFormat("#{pane_pid}")
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) else {
            throw Failure(description: "unmn is not running in the pane")
        }
        return pid
    }

    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        init(description: String, screen: String) {
            waitingFor = description
            self.screen = screen
        }
        var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Runs one tmux command and returns what it printed. posix_spawn and waitpid rather than
    /// Foundation's Process, whose waitUntilExit can miss the child's exit inside a test task;
    /// output goes through a file, since the tmux server that the first command starts would
    /// hold a pipe open for ever.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outputPath = home + "/.tmux-output-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["tmux", "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The test runner's blocked and ignored signals would be inherited by the tmux server
        // and so by unmn (SIGTERM blocked, SIGCHLD ignored): start from the defaults.
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
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot run tmux: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else { throw Failure(description: "tmux \(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    private static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
