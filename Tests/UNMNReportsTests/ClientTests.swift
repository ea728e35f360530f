import Foundation
import Testing
import UNMNDomain

@testable import UNMNReports

/// The exports opened by the programs a secretariat uses, not only parsed: calcurse and khal
/// for calendars (Debian packages; CI installs them, see scripts/test).
@Suite("Exports in real clients", .enabled(if: ProcessInfo.processInfo.environment["CI"] != nil || ReportFixture.hasCalendarClients))
struct ClientTests {
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "unmn-clients-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/calendar", withIntermediateDirectories: true)
        return path
    }

    static func khal(_ directory: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let config = """
            [calendars]
            [[unmn]]
            path = \(directory)/calendar
            type = calendar
            [locale]
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M
            default_timezone = Asia/Tashkent
            local_timezone = Asia/Tashkent

            """
        try? config.write(toFile: directory + "/khal.conf", atomically: true, encoding: .utf8)
        return ReportFixture.run(["khal", "-c", directory + "/khal.conf"] + arguments)
    }

    @Test("khal: importing the calendar twice keeps one event per meeting; a postponed meeting is updated in place (SEQUENCE)")
    func khalImports() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var network = ReportFixture.sample
        let file = directory + "/meetings.ics"
        try CalendarDocument.render(network.meetings, stamp: ReportFixture.stamp).write(toFile: file, atomically: true, encoding: .utf8)
        func events() throws -> Int { try FileManager.default.contentsOfDirectory(atPath: directory + "/calendar").count }
        for _ in 0..<2 {
            let imported = Self.khal(directory, ["import", "--batch", "-a", "unmn", file])
            #expect(imported.status == 0, "\(imported.output)")
            #expect(try events() == network.meetings.count)
        }
        try network.execute(
            .postponeMeeting("MTG/2026/04", to: LocalDate(year: 2026, month: 12, day: 16)!, reason: "The chair is travelling."),
            context: CommandContext(operator: SampleNetwork.secretariat, now: ReportFixture.stamp))
        try CalendarDocument.render(network.meetings, stamp: ReportFixture.stamp).write(toFile: file, atomically: true, encoding: .utf8)
        #expect(Self.khal(directory, ["import", "--batch", "-a", "unmn", file]).status == 0)
        #expect(try events() == network.meetings.count)
        let december = Self.khal(directory, ["list", "2026-12-01", "2026-12-31"]).output
        #expect(december.contains("2026-12-16") && december.contains("10:00-11:30 UNMN regular meeting (MTG/2026/04)"))
        #expect(!december.contains("2026-12-09"))
    }

    @Test("calcurse imports every meeting at its Asia/Tashkent time")
    func calcurseImports() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/meetings.ics"
        let meetings = ReportFixture.sample.meetings
        try CalendarDocument.render(meetings, stamp: ReportFixture.stamp).write(toFile: file, atomically: true, encoding: .utf8)
        let data = directory + "/calcurse"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let imported = ReportFixture.run(["env", "TZ=Asia/Tashkent", "calcurse", "-D", data, "-i", file])
        #expect(imported.output.contains("\(meetings.count) apps / 0 events / 0 todos / 0 skipped"), "\(imported.output)")
        let day = ReportFixture.run(["env", "TZ=Asia/Tashkent", "calcurse", "-D", data, "-Q", "--from", "09/24/2025", "--days", "1"])
        #expect(day.output.contains(" - 15:00 -> 16:30\n\tUNMN meeting requested by ILO and UNICEF (MTG/2025/03)"), "\(day.output)")
    }

    @Test("khard loads every card of the mailing list, sorted by family name, each with its UID")
    func khardLoads() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let book = directory + "/book"
        try FileManager.default.createDirectory(atPath: book, withIntermediateDirectories: true)
        let network = ReportFixture.sample
        let export = MailingListDocument.render(network: network, changesSince: nil, format: .vcf, today: ReportFixture.today)
        // A vdir, as khard and CardDAV sync tools keep address books: one card a file.
        for (index, card) in export.components(separatedBy: "BEGIN:VCARD").dropFirst().enumerated() {
            try ("BEGIN:VCARD" + card).write(toFile: "\(book)/\(index).vcf", atomically: true, encoding: .utf8)
        }
        let config = """
            [addressbooks]
            [[unmn]]
            path = \(book)
            [general]
            default_action = list
            [contact table]
            display = last_name
            sort = last_name

            """
        try config.write(toFile: directory + "/khard.conf", atomically: true, encoding: .utf8)
        let listed = ReportFixture.run(["khard", "-c", directory + "/khard.conf", "list"])
        #expect(listed.status == 0, "\(listed.output)")
        let rows = listed.output.split(separator: "\n").filter { $0.contains("@") }
        #expect(rows.count == network.mailingList.count)
        #expect(rows.first?.contains("Bianchi, Laura") == true)
        #expect(!listed.output.contains("has no UID"))
        // ORG and TITLE as khard reads them.
        let shown = ReportFixture.run(["khard", "-c", directory + "/khard.conf", "show", "--format", "yaml", "Bianchi"]).output
        #expect(shown.contains("Title: Chief of Mission"), "\(shown)")
        #expect(shown.contains("- International Organization for Migration"))
        #expect(shown.contains("Last name: Bianchi"))
    }

    @Test("LibreOffice opens the work plan's Word document: twelve actions on one landscape page")
    func wordOnePage() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plan = try #require(ReportFixture.sample.workPlans[2026])
        #expect(plan.actions.count == 12)
        let file = directory + "/plan.docx"
        _ = FileManager.default.createFile(atPath: file, contents: Data(WorkplanDocument.word(plan).bytes))
        // A profile of its own: LibreOffice refuses to start twice on one.
        let converted = ReportFixture.run([
            "soffice", "-env:UserInstallation=file://\(directory)/profile", "--headless", "--convert-to", "pdf", "--outdir", directory,
            file,
        ])
        #expect(converted.status == 0, "\(converted.output)")
        let info = ReportFixture.run(["pdfinfo", directory + "/plan.pdf"]).output
        #expect(info.contains("Pages:           1"), "\(info)")
        #expect(info.contains("841.89 x 595.3"), "landscape A4: \(info)")
        let text = ReportFixture.run(["pdftotext", "-layout", directory + "/plan.pdf", "-"]).output
        #expect(text.contains("National protocol for sharing labour-migration data"))
        #expect(text.contains("120,000 of 150,000"))
    }

    @Test("LibreOffice Calc opens the workbooks: Cyrillic exact, formulas and numbers-as-text stay text, dates and money typed")
    func calcOpensWorkbooks() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let hostile = Workbook(
            sheetName: "Test", header: ["name", "value", "day", "amount"],
            rows: [
                [.text("=SUM(1)+1"), .text("17.10"), .date(LocalDate(year: 2026, month: 3, day: 11)!), .money(905_000)],
                [.text("Ўзбекистон – Oʻzbekiston"), .text("-2+3"), .empty, .empty],
            ])
        let plan = try #require(ReportFixture.sample.workPlans[2026])
        for (name, workbook) in [("hostile", hostile), ("plan", WorkplanDocument.workbook(plan, objectives: ReportFixture.objectives))] {
            _ = FileManager.default.createFile(atPath: "\(directory)/\(name).xlsx", contents: Data(workbook.bytes))
            let converted = ReportFixture.run([
                "soffice", "-env:UserInstallation=file://\(directory)/profile", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", directory, "\(directory)/\(name).xlsx",
            ])
            #expect(converted.status == 0, "\(converted.output)")
        }
        let rows = try String(contentsOfFile: directory + "/hostile.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows[1] == "=SUM(1)+1,17.10,2026-03-11,\"USD 905,000\"")
        #expect(rows[2] == "Ўзбекистон – Oʻzbekiston,-2+3,,")
        let planRows = try String(contentsOfFile: directory + "/plan.csv", encoding: .utf8).split(separator: "\n")
        #expect(planRows.count == plan.actions.count + 1)
        #expect(planRows[1].contains("2026-01-15,2026-12-15,\"USD 150,000\",\"USD 120,000\""))
    }
}
