import Foundation
import Testing

/// `unmn init --demo`, then every export and report from the command line, read back by
/// standard readers (Python's csv, icalendar, vobject).
@Suite("Exports end to end", .serialized, .enabled(if: ProcessInfo.processInfo.environment["CI"] != nil || Python.hasParsers))
struct ExportEndToEndTests {
    @Test("Every export command writes a file its standard reader accepts")
    func exports() throws {
        let directory = NSTemporaryDirectory() + "unmn-e2e-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = directory + "/journal"
        func unmn(_ arguments: [String]) throws -> Int {
            let session = try TmuxSession(arguments: arguments)
            return try session.waitForExit()
        }
        #expect(try unmn(["init", "--demo", "--journal", journal]) == 0)
        let commands: [(String, [String], String)] = [
            ("minutes.md", ["export", "minutes", "--meeting", "MTG/2026/02"], "text"),
            ("minutes.txt", ["export", "minutes", "--meeting", "2025-09-24", "--format", "txt"], "text"),
            ("all.ics", ["export", "ics", "--all"], "ics"),
            ("upcoming.ics", ["export", "ics", "--upcoming"], "ics"),
            ("workplan.csv", ["export", "workplan", "--year", "2026"], "csv"),
            ("workplan.md", ["export", "workplan", "--year", "2026", "--format", "md"], "text"),
            ("list.vcf", ["export", "mailing-list", "--format", "vcf"], "vcf"),
            ("changes.csv", ["export", "mailing-list", "--changes-since", "2026-01-01"], "csv"),
            ("decisions.csv", ["export", "decisions", "--year", "2026", "--format", "csv"], "csv"),
            ("report.md", ["report", "--quarter", "2026Q3"], "text"),
        ]
        for (file, arguments, kind) in commands {
            let path = directory + "/" + file
            #expect(try unmn(arguments + ["--journal", journal, "-o", path]) == 0, "\(arguments)")
            let check = Python.check(kind, path)
            #expect(check.status == 0, "\(file): \(check.output)")
        }
        let minutes = try String(contentsOfFile: directory + "/minutes.md", encoding: .utf8)
        #expect(minutes.contains("- **Mode:** hybrid — absence of members from the duty station"))
        #expect(try unmn(["export", "minutes", "--meeting", "MTG/2030/01", "--journal", journal]) == 1)
        #expect(try unmn(["export", "workplan", "--year", "2031", "--journal", journal]) == 1)
    }
}

/// Python's readers, run as a separate program.
enum Python {
    static let script = """
    import csv, io, sys, icalendar, vobject
    kind, path = sys.argv[1], sys.argv[2]
    data = open(path, encoding="utf-8", newline="").read()
    if kind == "ics":
        assert len(icalendar.Calendar.from_ical(data).walk("VEVENT")) >= 1
    elif kind == "vcf":
        assert len(list(vobject.readComponents(data))) >= 1
    elif kind == "csv":
        rows = list(csv.reader(io.StringIO(data)))
        assert len(rows) >= 2 and len(set(len(r) for r in rows)) == 1
    else:
        assert len(data) > 100
    """

    static let hasParsers: Bool = check("import", "").status == 0

    static func check(_ kind: String, _ path: String) -> (status: Int32, output: String) {
        let arguments = kind == "import" ? ["python3", "-c", "import icalendar, vobject"] : ["python3", "-c", script, kind, path]
        let outputPath = NSTemporaryDirectory() + "unmn-py-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "python3", &actions, nil, argv, environ) == 0 else { return (127, "no python3") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return ((status >> 8) & 0xFF, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }
}
