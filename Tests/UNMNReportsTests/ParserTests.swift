import Foundation
import Testing
import UNMNDomain
import UNMNReports

/// The outputs read by real parsers: Python's icalendar and vobject, and its csv module.
@Suite(
    "Standard readers accept the files", .enabled(if: ReportFixture.hasPythonParsers || ProcessInfo.processInfo.environment["CI"] != nil))
struct ParserTests {
    static let script = """
        import csv, io, sys, icalendar, vobject
        kind, path, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
        data = open(path, encoding="utf-8", newline="").read()
        if kind == "ics":
            cal = icalendar.Calendar.from_ical(data)
            events = [c for c in cal.walk("VEVENT")]
            assert len(events) == expected, len(events)
            for e in events:
                assert e["DTSTART"].dt.tzinfo is not None, "naive time"
                assert str(e["ORGANIZER"]) == "mailto:migration.uz@one.un.org"
                assert "Mode:" in str(e["DESCRIPTION"])
        elif kind == "vcf":
            cards = list(vobject.readComponents(data))
            assert len(cards) == expected, len(cards)
            for card in cards:
                assert card.fn.value and card.email.value and card.org.value
        elif kind == "csv":
            rows = list(csv.reader(io.StringIO(data)))
            assert len(rows) == expected, len(rows)
            assert len(set(len(r) for r in rows)) == 1, "ragged rows"
        print("ok")
        """

    func check(_ kind: String, _ text: String, expecting count: Int) {
        let path = NSTemporaryDirectory() + "unmn-parse-\(UUID().uuidString).\(kind)"
        defer { unlink(path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let result = ReportFixture.run(["python3", "-c", Self.script, kind, path, "\(count)"])
        #expect(result.status == 0, "\(kind): \(result.output)")
    }

    @Test("icalendar reads the calendar: every meeting, zoned times, organizer, mode")
    func ics() {
        check(
            "ics", CalendarDocument.render(ReportFixture.sample.meetings, stamp: ReportFixture.stamp),
            expecting: ReportFixture.sample.meetings.count)
    }

    @Test("vobject reads the vCards")
    func vcf() {
        check(
            "vcf", MailingListDocument.render(network: ReportFixture.sample, changesSince: nil, format: .vcf, today: ReportFixture.today),
            expecting: ReportFixture.sample.mailingList.count)
    }

    @Test("csv reads the CSV files with one field count")
    func csv() {
        let network = ReportFixture.sample
        check("csv", WorkplanDocument.render(network.workPlans[2026]!, objectives: ReportFixture.objectives, format: .csv), expecting: 13)
        check(
            "csv", MailingListDocument.render(network: network, changesSince: nil, format: .csv, today: ReportFixture.today),
            expecting: network.mailingList.count + 1)
        check("csv", DecisionsDocument.render(network: network, year: nil, format: .csv), expecting: network.decisionsLog().count + 1)
        for client in MailingListDocument.MailClient.allCases {
            check("csv", MailingListDocument.render(network: network, for: client), expecting: network.mailingList.count + 1)
        }
    }

    @Test("Hostile text (quotes, commas, newlines, control characters, RTL override) still parses")
    func hostile() throws {
        var network = ReportFixture.sample
        let nasty = "\"Oʻgʻiloy\", =HYPERLINK(\"x\")\n;\\ \u{1b}[2J \u{202E}evil"
        let context = CommandContext(operator: SampleNetwork.secretariat, now: ReportFixture.stamp)
        try network.execute(
            // Names refuse invisible and directional characters (issue 15); the position keeps them all.
            .addFocalPoint(
                FocalPointDraft(
                    entity: "WHO", name: nasty.replacingOccurrences(of: "\u{202E}", with: ""), position: nasty, level: .other,
                    email: "nasty@who.int")),
            context: context)
        try network.execute(
            .scheduleMeeting(
                MeetingDraft(
                    kind: .extraordinary, date: ReportFixture.today.adding(days: 3), startMinute: 600, location: nasty, mode: .virtual,
                    modeReason: nasty)), context: context)
        check("ics", CalendarDocument.render(network.meetings, stamp: ReportFixture.stamp), expecting: network.meetings.count)
        check(
            "vcf", MailingListDocument.render(network: network, changesSince: nil, format: .vcf, today: ReportFixture.today),
            expecting: network.mailingList.count)
        check(
            "csv", MailingListDocument.render(network: network, changesSince: nil, format: .csv, today: ReportFixture.today),
            expecting: network.mailingList.count + 1)
    }
}
