import Foundation
import Testing
import UNMNDomain

@testable import UNMNReports

/// The xlsx exports as a spreadsheet program reads them: openpyxl (what pandas uses) finds typed
/// cells, Cyrillic intact, and never a formula.
@Suite("Workbooks", .enabled(if: ProcessInfo.processInfo.environment["CI"] != nil || ReportFixture.hasOpenpyxl))
struct WorkbookTests {
    static let script = """
        import sys, json, openpyxl, datetime
        ws = openpyxl.load_workbook(sys.argv[1]).active
        out = {"title": ws.title, "rows": ws.max_row, "formulas": 0, "cells": []}
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f": out["formulas"] += 1
        for row in ws.iter_rows(min_row=1, max_row=3):
            out["cells"].append([[c.data_type, c.value.isoformat() if isinstance(c.value, datetime.datetime) else c.value] for c in row])
        print(json.dumps(out, ensure_ascii=False))
        """

    func read(_ workbook: Workbook) throws -> [String: Any] {
        let path = NSTemporaryDirectory() + "unmn-\(UUID().uuidString).xlsx"
        defer { unlink(path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(workbook.bytes))
        let result = ReportFixture.run(["python3", "-c", Self.script, path])
        #expect(result.status == 0, "\(result.output)")
        let line = try #require(result.output.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("The work plan: dates are dates, budgets numbers, SDG targets and codes text; no formula anywhere")
    func workPlan() throws {
        let plan = try #require(ReportFixture.sample.workPlans[2026])
        let read = try read(WorkplanDocument.workbook(plan, objectives: ReportFixture.objectives))
        #expect(read["title"] as? String == "Work plan 2026")
        #expect(read["rows"] as? Int == plan.actions.count + 1)
        #expect(read["formulas"] as? Int == 0)
        let first = try #require((read["cells"] as? [[[Any]]])?[1])
        #expect(first[0][1] as? String == "2026-01")
        #expect(first[5][0] as? String == "d" && first[5][1] as? String == "2026-01-15T00:00:00")
        #expect(first[7][0] as? String == "n" && first[7][1] as? Int == 150_000)
        #expect(first[11][0] as? String == "s" && first[11][1] as? String == "10.7")
    }

    @Test("Text that looks like a formula or a number stays text, Cyrillic exactly as typed")
    func hostileText() throws {
        let workbook = Workbook(
            sheetName: "Test: [a]/b", header: ["name", "value"],
            rows: [
                [.text("=SUM(1)+\u{1}"), .text("17.10")], [.text("Ўзбекистон – Oʻzbekiston"), .money(905_000)],
            ])
        let read = try read(workbook)
        #expect(read["title"] as? String == "Test ab")
        #expect(read["formulas"] as? Int == 0)
        let cells = try #require(read["cells"] as? [[[Any]]])
        #expect(cells[1][0][1] as? String == "=SUM(1)+")
        #expect(cells[1][1][1] as? String == "17.10")
        #expect(cells[2][0][1] as? String == "Ўзбекистон – Oʻzbekiston")
    }

    @Test("The mailing list and the decisions log as workbooks: every row, the adoption day a date")
    func listAndLog() throws {
        let network = ReportFixture.sample
        let list = try read(MailingListDocument.workbook(network: network, changesSince: nil, today: ReportFixture.today))
        #expect(list["rows"] as? Int == network.mailingList.count + 1)
        let log = try read(DecisionsDocument.workbook(network: network, year: 2026))
        #expect(log["title"] as? String == "Decisions 2026")
        let first = try #require((log["cells"] as? [[[Any]]])?[1])
        #expect(first[1][0] as? String == "d" && first[1][1] as? String == "2026-03-11T00:00:00")
    }

    @Test("The zip's CRC-32 is the standard one")
    func crc() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
