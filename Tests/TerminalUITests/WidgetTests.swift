import Testing

@testable import TerminalUI

@Suite("Widgets render as expected")
struct WidgetTests {
    func render(width: Int, height: Int, _ draw: (inout Buffer) -> Void) -> [String] {
        var buffer = Buffer(width: width, height: height)
        draw(&buffer)
        return buffer.lines
    }

    @Test("Tab bar numbers the tabs and maps clicks to them")
    func tabBar() {
        let bar = TabBar(titles: ["Overview", "Members", "Meetings"], selected: 1)
        let lines = render(width: 40, height: 1) { bar.render(in: $0.area, buffer: &$0) }
        #expect(lines == [" 1 Overview │ 2 Members │ 3 Meetings"])
        #expect(bar.tab(atColumn: 3, startingAt: 0, width: 40) == 0)
        #expect(bar.tab(atColumn: 15, startingAt: 0, width: 40) == 1)
        #expect(bar.tab(atColumn: 12, startingAt: 0, width: 40) == nil)
        #expect(bar.tab(atColumn: 39, startingAt: 0, width: 40) == nil)
    }

    @Test("Selected tab is reversed")
    func selectedTab() {
        var buffer = Buffer(width: 40, height: 1)
        TabBar(titles: ["Overview", "Members"], selected: 1).render(in: buffer.area, buffer: &buffer)
        #expect(buffer[14, 0].style.attributes.contains(.reverse))
        #expect(!buffer[3, 0].style.attributes.contains(.reverse))
    }

    @Test("Status line puts the message left and the facts right")
    func statusLine() {
        let lines = render(width: 40, height: 1) {
            StatusLine(message: "Saved", kind: .success, right: "READ-ONLY").render(in: $0.area, buffer: &$0)
        }
        #expect(lines == [" ✓ Saved                      READ-ONLY"])
    }

    @Test("Footer shows hints until the row is full")
    func footer() {
        let hints = [
            KeyHint(keys: "n", label: "New"), KeyHint(keys: "e", label: "Edit", isEnabled: false), KeyHint(keys: "q", label: "Quit"),
        ]
        let lines = render(width: 14, height: 1) { KeyHintFooter(hints: hints).render(in: $0.area, buffer: &$0) }
        #expect(lines == ["n New  e Edit"])
        var buffer = Buffer(width: 30, height: 1)
        KeyHintFooter(hints: hints).render(in: buffer.area, buffer: &buffer)
        #expect(buffer[7, 0].style.attributes.contains(.dim))
    }

    @Test(
        "Progress bars read without colour",
        arguments: [
            (0, 10, "··········"), (100, 10, "██████████"), (55, 10, "█████▌····"), (30, 4, "█▏··"), (150, 4, "████"),
        ])
    func progressBar(percent: Int, width: Int, expected: String) {
        #expect(ProgressBar.bar(percent: percent, width: width) == expected)
        #expect(DisplayWidth.of(ProgressBar.bar(percent: percent, width: width)) == width)
    }

    @Test("A labelled progress bar ends in the percentage")
    func labelledProgress() {
        #expect(ProgressBar.labelled(percent: 42, width: 15) == "████▏·····  42%")
    }

    @Test("Table gives way at narrow widths and cuts long cells")
    func table() {
        let table = Table(
            columns: [
                TableColumn("Code", width: .fixed(6)),
                TableColumn("Name", width: .flexible(minimum: 8)),
                TableColumn("Status", width: .fixed(8), dropOrder: 1),
            ], rows: [["UNICEF", "United Nations Children's Fund", "Member"], ["WB", "World Bank", "Member"]], selected: 1)
        #expect(
            render(width: 32, height: 3) { table.render(in: $0.area, buffer: &$0) } == [
                "Code   Name             Status",
                "UNICEF United Nations … Member",
                "WB     World Bank       Member",
            ])
        #expect(
            render(width: 20, height: 3) { table.render(in: $0.area, buffer: &$0) } == [
                "Code   Name",
                "UNICEF United Natio…",
                "WB     World Bank",
            ])
    }

    @Test("Table scrolls the least needed to keep the selection visible")
    func scrolling() {
        #expect(Table.scrollOffset(selected: 0, offset: 0, visibleRows: 5, rowCount: 16) == 0)
        #expect(Table.scrollOffset(selected: 7, offset: 0, visibleRows: 5, rowCount: 16) == 3)
        #expect(Table.scrollOffset(selected: 5, offset: 3, visibleRows: 5, rowCount: 16) == 3)
        #expect(Table.scrollOffset(selected: 2, offset: 3, visibleRows: 5, rowCount: 16) == 2)
        #expect(Table.scrollOffset(selected: 15, offset: 0, visibleRows: 20, rowCount: 16) == 0)
    }

    @Test("Table maps a screen row to the data row under it")
    func tableHitTest() {
        let table = Table(columns: [TableColumn("A", width: .fixed(3))], rows: (0..<10).map { ["\($0)"] }, offset: 4)
        let area = Rect(x: 0, y: 2, width: 10, height: 5)
        #expect(table.row(atScreenRow: 2, in: area) == nil)
        #expect(table.row(atScreenRow: 3, in: area) == 4)
        #expect(table.row(atScreenRow: 6, in: area) == 7)
        #expect(table.row(atScreenRow: 7, in: area) == nil)
    }

    @Test("Detail view wraps values under their label")
    func detail() {
        let view = DetailView(
            lines: [
                .heading("IOM"), .field(label: "Name", value: "International Organization for Migration"), .blank, .paragraph("None yet."),
            ], labelWidth: 6)
        #expect(
            render(width: 30, height: 6) { view.render(in: $0.area, buffer: &$0) } == [
                "IOM", "Name   International", "       Organization for", "       Migration", "", "None yet.",
            ])
    }

    @Test("Confirm dialog asks and answers y, n and Esc")
    func confirm() {
        let dialog = ConfirmDialog(title: "Quit", message: "Quit and lose the input?", confirmLabel: "Quit")
        #expect(
            render(width: 50, height: 7) { dialog.render(in: $0.area, buffer: &$0) } == [
                "",
                "     ┌─ Quit ───────────────────────────────┐",
                "     │ Quit and lose the input?             │",
                "     │                                      │",
                "     │ y Quit   n/Esc Cancel                │",
                "     └──────────────────────────────────────┘",
                "",
            ])
        #expect(dialog.answer(to: .character("y")) == .confirm)
        #expect(dialog.answer(to: .escape) == .decline)
        #expect(dialog.answer(to: .character("x")) == nil)
    }

    @Test("Help overlay lists keys by section, with the reason a key is off")
    func help() {
        let help = HelpOverlay(sections: [
            .init(title: "Everywhere", entries: [.init(keys: "q", description: "Quit")]),
            .init(title: "Meetings", entries: [.init(keys: "n", description: "Schedule", disabledReason: "Not yet.")]),
        ])
        #expect(
            render(width: 40, height: 10) { help.render(in: $0.area, buffer: &$0) } == [
                "",
                " ┌─ Help — keys ──────────────────────┐",
                " │ Everywhere                         │",
                " │ q  Quit                            │",
                " │                                    │",
                " │ Meetings                           │",
                " │ n  Schedule — Not yet.             │",
                " │ Esc or ? to close                  │",
                " └────────────────────────────────────┘",
                "",
            ])
    }

    @Test("Filter prompt shows the query and the count")
    func filterPrompt() {
        let prompt = FilterPrompt(editor: LineEditor("uni"), matchCount: 3, totalCount: 16)
        #expect(render(width: 30, height: 1) { prompt.render(in: $0.area, buffer: &$0) } == ["/ uni                  3 of 16"])
    }
}

@Suite("Range bar (timelines)")
struct RangeBarTests {
    @Test(
        "A span within the whole, with a marker, at several widths",
        arguments: [
            (0.0, 1.0, nil as Double?, 12, "■■■■■■■■■■■■"),
            (0.25, 0.5, nil, 12, "···■■■······"),
            (0.25, 0.5, 0.9, 12, "···■■■····│·"),
            (0.0, 0.5, 0.25, 4, "■│··"),
            (0.5, 0.51, nil, 10, "·····■····"),
            (0.9, 1.0, 0.0, 5, "│···■"),
        ])
    func bars(from: Double, to: Double, marker: Double?, width: Int, expected: String) {
        #expect(RangeBar.text(from: from, to: to, marker: marker, width: width) == expected)
        #expect(DisplayWidth.of(RangeBar.text(from: from, to: to, marker: marker, width: width)) == width)
    }

    @Test("Nothing at zero width")
    func empty() {
        #expect(RangeBar.text(from: 0, to: 1, marker: 0.5, width: 0) == "")
    }
}
