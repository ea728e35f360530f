import Foundation
import Testing

/// `unmn init --demo`, then every export and report from the command line, read back by
/// standard readers (Python's csv, icalendar, vobject).
@Suite("Exports end to end", .serialized, .enabled(if: ProcessInfo.processInfo.environment["CI"] != nil || Python.hasParsers))
struct ExportEndToEndTests {
    @Test("Every export command writes a file its standard reader accepts")
    func exports() throws {
        let directory = try makeTestDirectory("e2e-export")
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
        Subprocess.run(kind == "import" ? ["python3", "-c", "import icalendar, vobject"] : ["python3", "-c", script, kind, path])
    }
}
