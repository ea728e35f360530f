import Foundation

/// Drives the real `unmn` binary in a private tmux server: send keys, read the screen, wait
/// for text with a deadline (never a fixed sleep).
final class TmuxSession {
    let socket: String
    let home: String

    /// Starts `unmn arguments` in a detached session of the given size, with its own HOME
    /// and XDG directories so that it never touches the developer's data.
    convenience init(arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        try self.init(command: [TmuxSession.binary] + arguments, width: width, height: height, environment: environment)
    }

    /// Starts any command (ssh to the gateway, say) the same way.
    init(command: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "unmn-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        home = NSTemporaryDirectory() + socket
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var env = [
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no",
        ]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let program = "env \(assignments) \(command.map(Self.quote).joined(separator: " "))"
        // A shell runs the program, writes its exit status to a file and stays, so that the screen
        // it left behind (and whether it left the alternate screen) can still be read.
        let shell = "\(program); echo $? > \(Self.quote(statusPath)); exec sleep 3600"
        try tmux(["new-session", "-d", "-s", "unmn", "-x", "\(width)", "-y", "\(height)", shell])
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
    /// Pastes text as a terminal does: between bracketed-paste markers when unmn asked for them.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "unmn-paste", "--", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "unmn-paste", "-t", "unmn"])
    }
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
                let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return status
            }
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

    /// Runs one tmux command and returns what it printed. Output goes through a file, since
    /// the tmux server that the first command starts would hold a pipe open for ever.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = Subprocess.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
        guard result.status == 0 else { throw Failure(description: "tmux \(arguments.joined(separator: " ")): \(result.output)") }
        return result.output
    }

    private static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
