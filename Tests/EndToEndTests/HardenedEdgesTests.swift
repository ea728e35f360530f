import Foundation
import Testing
import UNMNDomain
import UNMNJournal

/// Issue 15's reproductions, each run as a person would: outputs never destroy, files that are
/// not journals are left untouched, and no control byte from someone's data reaches a terminal.
@Suite("Hardened edges", .serialized)
struct HardenedEdgesTests {
    let unmn = TmuxSession.binary

    func directory() throws -> String { try makeTestDirectory("edges") }

    func sampleJournal(in directory: String) -> String {
        let path = directory + "/jj"
        #expect(Subprocess.run([unmn, "init", "--demo", "--journal", path]).status == 0)
        return path
    }

    func shell(_ script: String) -> (status: Int32, output: String) { Subprocess.run(["sh", "-c", script]) }

    @Test("-o refuses the journal, its snapshot and anything that is not a regular file; the journal is untouched")
    func outputsNeverDestroy() throws {
        let directory = try directory()
        let journal = sampleJournal(in: directory)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        for target in [journal, journal + ".snapshot", directory + "/./jj", "/dev/null"] {
            let result = Subprocess.run([unmn, "export", "decisions", "--journal", journal, "-o", target])
            #expect(result.status == 1, "\(target): \(result.output)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
        // A link planted at the output's name is not followed: the victim stays as it was.
        let victim = directory + "/victim"
        try "precious\n".write(toFile: victim, atomically: true, encoding: .utf8)
        symlink(victim, directory + "/report.md")
        let report = Subprocess.run([unmn, "report", "--year", "2026", "--journal", journal, "-o", directory + "/report.md"])
        #expect(report.status == 1)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        // Nor at the snapshot's.
        symlink(victim, journal + ".snapshot")
        let compact = Subprocess.run([unmn, "compact", "--journal", journal])
        #expect(compact.status != 0)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        // -o - is standard output.
        #expect(Subprocess.run([unmn, "export", "decisions", "--journal", journal, "-o", "-"]).output.hasPrefix("# Decisions"))
    }

    @Test("A full disk on standard output is an error (74); a reader that stops is not")
    func standardOutput() throws {
        let directory = try directory()
        let journal = sampleJournal(in: directory)
        let full = shell("'\(unmn)' export decisions --journal '\(journal)' > /dev/full")
        #expect(full.status == 74)
        #expect(full.output.contains("cannot write to standard output: No space left on device."))
        let report = shell("'\(unmn)' report --year 2026 --journal '\(journal)' > /dev/full")
        #expect(report.status == 74)
        let head = shell("'\(unmn)' export workplan --year 2026 --format md --journal '\(journal)' | head -1")
        #expect(!head.output.contains("unmn:"))
    }

    @Test("Files that are not journals are refused and left untouched, without hanging")
    func notJournals() throws {
        let directory = try directory()
        let text = directory + "/f"
        try "important\n".write(toFile: text, atomically: true, encoding: .utf8)
        symlink(text, directory + "/j")
        let opened = Subprocess.run([unmn, "check", "--journal", directory + "/j"])
        #expect(opened.status == 2)
        #expect(opened.output.contains("is not a unmn journal: its first line is not a unmn record. It was left untouched."))
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "important\n")
        mkfifo(directory + "/fifo", 0o600)
        #expect(FileManager.default.createFile(atPath: directory + "/empty", contents: Data()))
        for path in [directory + "/fifo", directory + "/empty", "/dev/zero", directory] {
            let result = shell("timeout 10 '\(unmn)' check --journal '\(path)'")
            #expect(result.status == 2, "\(path): \(result.output)")
            #expect(result.output.contains("is not a unmn journal"), "\(path): \(result.output)")
        }
        #expect(Subprocess.run([unmn, "check", "--journal", ""]).status == 64)
        #expect(Subprocess.run([unmn, "check", "--journal", directory + "/nothing"]).status == 66)
        #expect(Subprocess.run([unmn, "export", "decisions", "--journal", directory + "/nothing"]).status == 66)
    }

    @Test("A whole record a newer unmn wrote is never cut: read-only, and check says so")
    func newerRecord() throws {
        let directory = try directory()
        let journal = sampleJournal(in: directory)
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        let sequence = lines.count + 1
        let json =
            #"{"batch":{"at":0,"events":[{"futureEvent":{}}],"isUndo":false,"#
            + #""operator":{"entity":"IOM","name":"X","role":"secretariat"},"summary":"From the future"},"osUser":"x"}"#
        let covered = Array("\(sequence) ".utf8) + Array(json.utf8)
        let crc = String(CRC32C.checksum(covered), radix: 16)
        let line = "\(sequence) \(String(repeating: "0", count: 8 - crc.count) + crc) \(json)\n"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        let check = Subprocess.run([unmn, "check", "--journal", journal])
        #expect(check.status == 2)
        #expect(check.output.contains("was written by a newer unmn"))
        let console = try TmuxSession(arguments: ["--journal", journal, "--as", "IOM:secretariat", "--name", "Test"])
        try console.waitFor(text: "was written by a newer unmn")
        try console.send("q")
        #expect(try console.waitForExit() == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
    }

    @Test("No command-line output carries a control byte from someone's data")
    func hostileNames() throws {
        let directory = try directory()
        let path = directory + "/hostile"
        let policy = EmailPolicy(corporateDomains: ["iom.int"])
        let hostile = Operator(name: "\u{1b}]52;c;aGVsbG8=\u{07}Mallory\u{1b}[2J", entity: "IOM", role: .secretariat)
        let founding = NetworkState.founding(
            entities: [MemberEntity(code: "IOM", fullName: "International Organization for Migration", role: .chair)], emailPolicy: policy,
            by: hostile, at: Instant(tashkent: LocalDate(year: 2026, month: 1, day: 5)!), sandbox: true)
        try Journal.create(at: path, batches: [founding.batch], osUser: "x")
        let outputs = [
            Subprocess.run([unmn, "check", "--journal", path]), Subprocess.run([unmn, "access", "list", "--journal", path]),
            Subprocess.run([unmn, "export", "minutes", "--journal", path, "--meeting", "\u{1b}[2J\u{07}"]),
            Subprocess.run([unmn, "--journal", path, "--as", "\u{1b}[31m:chair"]),
        ]
        for result in outputs {
            #expect(
                !result.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(result.output.debugDescription)")
        }
        #expect(outputs[0].output.contains("^[]52;c;aGVsbG8=^GMallory^[[2J"))
    }
}
