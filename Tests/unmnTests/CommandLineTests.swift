import ArgumentParser
import Testing

@testable import unmn

/// The command line of DESIGN.md section 7, parsed in-process: every subcommand with its flags,
/// and the usage errors scripts rely on (exit 64).
@Suite("Command line parsing")
struct CommandLineTests {
    func parse(_ arguments: [String]) throws -> any ParsableCommand { try UNMN.parseAsRoot(arguments) }

    @Test("No subcommand is the console, with its options")
    func console() throws {
        let command = try #require(
            try parse(["--journal", "/tmp/j", "--as", "IOM:chair", "--name", "Laura", "--read-only"]) as? ConsoleCommand)
        #expect(command.journal.journal == "/tmp/j")
        #expect(command.designation == "IOM:chair")
        #expect(command.name == "Laura")
        #expect(command.readOnly)
        #expect(!command.demo)
        #expect(try parse(["console", "--demo"]) is ConsoleCommand)
    }

    @Test("init, check, repair and compact take --journal; init --demo and repair --yes")
    func journalCommands() throws {
        let initCommand = try #require(try parse(["init", "--journal", "/tmp/j", "--demo"]) as? InitCommand)
        #expect(initCommand.journal.journal == "/tmp/j" && initCommand.demo)
        #expect((try parse(["check", "--journal", "/tmp/j"]) as? CheckCommand)?.journal.journal == "/tmp/j")
        #expect((try parse(["repair", "--yes"]) as? RepairCommand)?.yes == true)
        #expect(try parse(["compact"]) is CompactCommand)
    }

    @Test("Every export and the report, with their formats and -o")
    func exports() throws {
        let minutes = try #require(
            try parse(["export", "minutes", "--meeting", "MTG/2026/03", "--format", "txt", "-o", "m.txt"]) as? ExportCommand.Minutes)
        #expect(minutes.meeting == "MTG/2026/03" && minutes.format == .txt && minutes.output.output == "m.txt")
        #expect((try parse(["export", "ics", "--upcoming"]) as? ExportCommand.Calendar)?.upcoming == true)
        #expect((try parse(["export", "workplan", "--year", "2026", "--format", "md"]) as? ExportCommand.Workplan)?.year == 2026)
        let list = try #require(
            try parse(["export", "mailing-list", "--changes-since", "2026-01-01", "--format", "vcf"]) as? ExportCommand.MailingList)
        #expect(list.changesSince == "2026-01-01" && list.format == .vcf)
        #expect((try parse(["export", "decisions", "--year", "2025", "--format", "csv"]) as? ExportCommand.Decisions)?.year == 2025)
        #expect((try parse(["report", "--quarter", "2026Q3", "-o", "r.md"]) as? ReportCommand)?.quarter == "2026Q3")
        #expect((try parse(["report", "--year", "2026"]) as? ReportCommand)?.year == 2026)
    }

    @Test(
        "Bad flags and values are usage errors (exit 64) with one sentence",
        arguments: [
            ["check", "--frobnicate"],
            ["init", "--journal"],
            ["export", "minutes"],
            ["export", "minutes", "--meeting", "MTG/2026/03", "--format", "pdf"],
            ["export", "ics"],
            ["export", "ics", "--all", "--upcoming"],
            ["export", "workplan", "--year", "twenty"],
            ["export", "mailing-list", "--changes-since", "yesterday"],
            ["export", "mailing-list", "--for", "gmail"],
            ["export", "mailing-list", "--for", "outlook", "--format", "vcf"],
            ["report"],
            ["report", "--as-of", "30/09/2025"],
            ["report", "--quarter", "2026Q5"],
            ["report", "--quarter", "2026Q1", "--year", "2026"],
            ["repair", "--yes", "--no"],
        ])
    func usageErrors(arguments: [String]) {
        do {
            let command = try parse(arguments)
            Issue.record("parsed \(arguments) as \(command)")
        } catch {
            #expect(UNMN.exitCode(for: error) == ExitCode(64))
            #expect(!UNMN.message(for: error).isEmpty)
            #expect(!UNMN.message(for: error).contains("\u{1b}"))
        }
    }

    @Test("--help and --version are not errors")
    func helpAndVersion() {
        for arguments in [["--help"], ["export", "--help"], ["--version"]] {
            do {
                _ = try parse(arguments)
            } catch {
                #expect(UNMN.exitCode(for: error) == .success, "\(arguments)")
            }
        }
    }
}
