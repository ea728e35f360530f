import Foundation
import Testing

/// Issue 17's command-line messages as a newcomer meets them: which journal was read, a meeting
/// not found named as asked, and a mistyped command answered with the list of commands.
@Suite("Command-line messages", .serialized)
struct CommandLineMessagesTests {
    let unmn = TmuxSession.binary

    /// `unmn` with a fresh home and nothing in the environment pointing at a journal.
    func unmnAtHome(_ home: String, _ arguments: [String]) -> (status: Int32, output: String) {
        Subprocess.run(["env", "-u", "UNMN_JOURNAL", "-u", "XDG_DATA_HOME", "HOME=\(home)", unmn] + arguments)
    }

    func home() throws -> String { try makeTestDirectory("home") }

    @Test("Without --journal an export says which journal it read, and that it holds only the founding records")
    func whichJournal() throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(unmnAtHome(home, ["init", "--name", "Dilnoza Yusupova"]).status == 0)
        let report = unmnAtHome(home, ["export", "decisions", "-o", home + "/d.md"])
        #expect(report.status == 0)
        #expect(
            report.output.split(separator: "\n").prefix(2) == [
                "unmn: reading the journal at ~/.local/share/unmn/journal",
                "unmn: warning: ~/.local/share/unmn/journal holds only the network's founding records: no meeting, focal point, "
                    + "item or work plan yet.",
            ])
        // With --journal the reader named the file: only the warning about its contents remains.
        let named = unmnAtHome(home, ["export", "decisions", "--journal", home + "/.local/share/unmn/journal", "-o", "-"])
        #expect(!named.output.contains("reading the journal at"))
    }

    @Test("A meeting not found is named as it was asked: by reference, by date, or neither")
    func meetingNotFound() throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let journal = home + "/journal"
        #expect(Subprocess.run([unmn, "init", "--demo", "--journal", journal]).status == 0)
        func minutes(_ asked: String) -> String {
            let result = Subprocess.run([unmn, "export", "minutes", "--journal", journal, "--meeting", asked])
            #expect(result.status == 1)
            return result.output.split(separator: "\n").last.map(String.init) ?? ""
        }
        #expect(minutes("MTG/2026/30").hasPrefix("unmn: there is no meeting MTG/2026/30; recent ones: MTG/"))
        #expect(minutes("2026-02-31").hasPrefix("unmn: \"2026-02-31\" is neither a meeting reference"))
        #expect(minutes("2026-08-01").hasPrefix("unmn: there is no meeting on 2026-08-01; recent ones: MTG/"))
        #expect(minutes("tuesday").hasPrefix("unmn: \"tuesday\" is neither a meeting reference (MTG/2026/03) nor a date (YYYY-MM-DD)"))
    }

    @Test("A mistyped command lists the commands there are (exit 64), and help still works")
    func unknownCommand() {
        let result = Subprocess.run([unmn, "frobnicate"])
        #expect(result.status == 64)
        #expect(
            result.output.hasPrefix("unmn: unknown command \"frobnicate\". The commands are:\n  console   Open the full-screen console"))
        #expect(result.output.contains("\n  export    Export minutes"))
        #expect(Subprocess.run([unmn, "help", "export"]).status == 0)
        #expect(Subprocess.run([unmn, "--version"]).status == 0)
    }
}
