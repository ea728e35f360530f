import Foundation

/// A private PostgreSQL cluster for the tests: `initdb` in a temporary directory, its own port
/// on 127.0.0.1, started with `pg_ctl` (as the `postgres` user when the tests run as root, as
/// PostgreSQL refuses to run as root) and stopped, with its directory removed, when the test
/// process exits. One cluster serves the whole run; each test works in a network of its own.
public final class PostgresCluster: @unchecked Sendable {
    public static let shared: PostgresCluster = {
        let cluster = PostgresCluster()
        atexit { PostgresCluster.shared.stop() }
        return cluster
    }()

    public let directory: String
    public let port: Int
    public let binaries: String
    public private(set) var failure: String?
    private var running = false
    private let lock = NSLock()

    /// The superuser's address for a network (trust authentication on loopback).
    public func url(network: String, user: String = "postgres") -> String {
        "postgres://\(user)@127.0.0.1:\(port)/postgres?network=\(network)"
    }

    /// Whether the server speaks TLS only (a self-signed certificate for 127.0.0.1).
    public let tlsOnly: Bool
    /// The server's certificate, to trust it (`sslrootcert`), when `tlsOnly`.
    public var certificate: String { directory + "/data/server.crt" }

    /// A cluster of one's own (for tests that stop the server, or want TLS); `stop()` it when done.
    public init(tlsOnly: Bool = false) {
        self.tlsOnly = tlsOnly
        directory = NSTemporaryDirectory() + "unmn-pg-\(getpid())-\(UUID().uuidString.prefix(8))"
        port = Self.freePort()
        binaries = Self.findBinaries() ?? ""
        guard !binaries.isEmpty else {
            failure = "PostgreSQL's server binaries are not installed (apt-get install postgresql)"
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if geteuid() == 0 { try Self.run("/bin/chown", ["postgres:postgres", directory]) }
            try asServer("initdb", ["-D", directory + "/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"])
            if tlsOnly {
                // Connections over TCP must be encrypted; the socket (for psql here) need not.
                try Self.run(
                    "/usr/bin/openssl",
                    [
                        "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", directory + "/data/server.key", "-out", certificate,
                    ])
                try "local all all trust\nhostssl all all 127.0.0.1/32 trust\n".write(
                    toFile: directory + "/data/pg_hba.conf", atomically: false, encoding: .utf8)
                if geteuid() == 0 {
                    try Self.run(
                        "/bin/chown", ["postgres:postgres", directory + "/data/server.key", certificate, directory + "/data/pg_hba.conf"])
                }
                try Self.run("/bin/chmod", ["0600", directory + "/data/server.key"])
                try Self.run("/bin/chmod", ["0644", certificate])
            }
            try start()
            running = true
        } catch {
            failure = "the test cluster did not start: \(error)"
        }
    }

    public func start() throws {
        try asServer(
            "pg_ctl",
            [
                "-D", directory + "/data", "-l", directory + "/log", "-w", "-t", "60", "-o",
                "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
                    + (tlsOnly ? " -c ssl=on" : ""), "start",
            ])
    }

    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard running else {
            try? FileManager.default.removeItem(atPath: directory)
            return
        }
        running = false
        try? asServer("pg_ctl", ["-D", directory + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Stops the server at once, as if it crashed or was taken down (`start()` brings it back).
    public func crash() throws {
        try asServer("pg_ctl", ["-D", directory + "/data", "-m", "immediate", "-w", "stop"])
    }

    /// Stops the server, runs `body`, and starts the server again, for fault tests.
    public func restart(afterStopping body: () throws -> Void) throws {
        try crash()
        defer { try? start() }
        try body()
    }

    /// Runs SQL as the superuser through psql; returns its output.
    @discardableResult
    public func psql(_ sql: String, user: String = "postgres") throws -> String {
        try Self.run(
            binaries + "/psql",
            [
                "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", tlsOnly ? directory : "127.0.0.1", "-p", String(port), "-U", user,
                "-d", "postgres", "-c", sql,
            ])
    }

    private func asServer(_ program: String, _ arguments: [String]) throws {
        if geteuid() == 0 {
            try Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", binaries + "/" + program] + arguments)
        } else {
            try Self.run(binaries + "/" + program, arguments)
        }
    }

    public struct Failed: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs a program to its end: posix_spawn and waitpid, output to a file. (Foundation's
    /// `Process` waits for descriptors the server that pg_ctl starts inherits, and never returns.)
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "unmn-pg-output-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failed(description: "\(executable) could not start: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED and WEXITSTATUS, by hand: the macros are not imported.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw Failed(description: "\(executable) \(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }

    /// The newest /usr/lib/postgresql/N/bin with a server in it.
    static func findBinaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted(by: >)
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/pg_ctl") }
    }

    /// A port nothing listens on now: bind to port 0 and read what the kernel chose.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
