import Foundation
import Testing

/// The SSH gateway as docs/DEPLOYMENT.md sets it up, with a real OpenSSH server on 127.0.0.1:
/// one account owns the journal; each person's key runs the console under their own grant.
@Suite("SSH gateway end to end", .serialized)
struct GatewayEndToEndTests {
    /// A private sshd for one test: its own host key, authorized_keys and port; stopped at the end.
    final class Gateway {
        let directory: String
        let port: Int
        let pid: pid_t

        init(directory: String, authorizedKeys: String) throws {
            self.directory = directory
            guard Subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", directory + "/host"]).status == 0 else {
                throw TmuxSession.Failure(description: "ssh-keygen failed")
            }
            try authorizedKeys.write(toFile: directory + "/authorized_keys", atomically: true, encoding: .utf8)
            port = 20_000 + Int(getpid() % 20_000)
            let config = """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(directory)/host
                AuthorizedKeysFile \(directory)/authorized_keys
                PidFile \(directory)/sshd.pid
                UsePAM no
                PermitRootLogin forced-commands-only
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                StrictModes no
                PermitTTY yes
                AllowTcpForwarding yes
                AcceptEnv LANG TERM
                """
            try config.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            let sshd = ["/usr/sbin/sshd", "/usr/bin/sshd"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "sshd"
            pid = try Subprocess.spawn([sshd, "-D", "-e", "-f", directory + "/sshd_config"], output: directory + "/sshd.log")
            // Wait until it listens.
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if Subprocess.run(["ssh-keyscan", "-p", "\(port)", "127.0.0.1"]).output.contains("ssh-ed25519") { return }
                usleep(100_000)
            }
            throw TmuxSession.Failure(
                description: "sshd did not start: " + ((try? String(contentsOfFile: directory + "/sshd.log", encoding: .utf8)) ?? ""))
        }

        deinit {
            kill(pid, SIGTERM)
            _ = Subprocess.wait(pid)
        }

        /// `ssh` as a person with their key, options for a private test server.
        func ssh(_ key: String, _ extra: [String] = []) -> [String] {
            [
                "ssh", "-i", directory + "/" + key, "-p", "\(port)", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "BatchMode=yes",
            ] + extra + ["root@127.0.0.1"]
        }
    }

    @Test("A member's key cannot close an item, the chair's can; reports through ssh work; a shell, a file and a forward are refused")
    func walkthrough() throws {
        let directory = NSTemporaryDirectory() + "unmn-e2e-gateway-\(UUID().uuidString)"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = directory + "/journal"
        let unmn = TmuxSession.binary
        #expect(Subprocess.run([unmn, "init", "--journal", journal, "--name", "Dilnoza Yusupova"]).status == 0)
        for (login, name, entity, role) in [
            ("gulnora", "Gulnora Karimova", "UNICEF", "member"), ("laura", "Laura Bianchi", "IOM", "chair"),
        ] {
            #expect(
                Subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", login, "-f", directory + "/" + login]).status == 0)
            let key = try String(contentsOfFile: directory + "/\(login).pub", encoding: .utf8).trimmingCharacters(
                in: .whitespacesAndNewlines)
            let granted = Subprocess.run([
                unmn, "access", "grant", login, "--name", name, "--entity", entity, "--role", role, "--key", key, "--journal", journal,
            ])
            #expect(granted.status == 0, "\(granted.output)")
        }
        let keys = Subprocess.run([unmn, "access", "authorized-keys", "--journal", journal, "--binary", unmn])
        #expect(
            keys.output.contains("--login 'gulnora'\",no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-user-rc ssh-ed25519 "))
        let gateway = try Gateway(directory: directory, authorizedKeys: keys.output)

        // The secretariat (the journal's owner, at the server) opens an item.
        let secretariat = try TmuxSession(arguments: ["--journal", journal])
        try secretariat.waitFor(text: "Dilnoza Yusupova · IOM secretariat")
        try secretariat.send("5", "n")
        try secretariat.waitFor(text: "Open a consensus item")
        try secretariat.send("Tab")
        try secretariat.type("Statement on migrant workers")
        try secretariat.send("Tab")
        try secretariat.type("Text")
        try secretariat.send("Enter")
        try secretariat.waitFor(text: "Saved: Opened UNMN/")
        try secretariat.send("q")

        // The member, through the gateway: the console is hers, and closing is not.
        let member = try TmuxShell(command: gateway.ssh("gulnora", ["-tt"]))
        try member.session.waitFor(text: "Gulnora Karimova · UNICEF member")
        try member.session.send("5", "r", "w")
        try member.session.waitFor(text: "Cannot withdraw the item: only the chair or co-chair closes consensus items (you are a member).")
        try member.session.send("q")

        // The chair, through the gateway, withdraws it.
        let chair = try TmuxShell(command: gateway.ssh("laura", ["-tt"]))
        try chair.session.waitFor(text: "Laura Bianchi · IOM chair")
        try chair.session.send("5", "r", "w")
        try chair.session.waitFor(text: "Withdraw UNMN/")
        try chair.session.type("Withdrawn: superseded by the UNCT statement.")
        try chair.session.send("Enter")
        try chair.session.waitFor(text: "Saved: Withdrew UNMN/")
        try chair.session.send("q")

        // Reports through the gateway; anything else is refused.
        let report = Subprocess.run(gateway.ssh("gulnora") + ["report", "--year", "2026"])
        #expect(report.status == 0)
        #expect(report.output.contains("progress report, 2026"))
        let shell = Subprocess.run(gateway.ssh("gulnora") + ["sh", "-c", "id"])
        #expect(shell.status == 77)
        #expect(shell.output.contains("Not available through the gateway: sh -c id."))
        let file = Subprocess.run(gateway.ssh("gulnora") + ["cat", journal])
        #expect(file.status == 77)
        let other = Subprocess.run(gateway.ssh("gulnora") + ["report", "--year", "2026", "--journal", "/etc/passwd"])
        #expect(other.status == 77)
        let forward = Subprocess.run(
            gateway.ssh("gulnora", ["-N", "-o", "ExitOnForwardFailure=yes", "-R", "\(gateway.port + 1):127.0.0.1:22"]))
        #expect(forward.status != 0)
        #expect(forward.output.contains("forwarding failed"))

        // Someone else's login is the owner's to use only: a member cannot pass --login.
        let check = Subprocess.run([unmn, "check", "--journal", journal])
        #expect(check.status == 0, "\(check.output)")
    }
}

/// A command (ssh) run in its own tmux server, for a console on the far side.
final class TmuxShell {
    let session: TmuxSession
    init(command: [String]) throws {
        session = try TmuxSession(command: command)
    }
}
