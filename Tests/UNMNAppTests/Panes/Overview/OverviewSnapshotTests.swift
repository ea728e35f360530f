import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

/// Whole screens, written out as the lines a person sees (reviewed by eye in tmux first).
@Suite("Overview snapshots")
struct OverviewSnapshotTests {
    func paneScreen(_ pane: Pane, width: Int, height: Int) -> [String] {
        var state = makeState(width: width, height: height)
        _ = AppUpdate.update(&state, .selectPane(pane))
        return screen(state)
    }

    @Test("Overview at 80×24")
    func overview80() {
        #expect(
            paneScreen(.overview, width: 80, height: 24) == [
                " unmn · UNMN Uzbekistan     Dilnoza Yusupova · IOM secretariat  Sun 29 Nov 2026",
                " 1 Overview │ 2 Members │ 3 Meetings │ 4 Workplan │ 5 Decisions",
                "",
                "  The network",
                "  Members            16 entities · chair IOM · co-chair UNRC  (2)",
                "  Mailing list       0 people · nobody for 16 of 16 member entities",
                "  RCO focal point    not named: mark a UNRC focal point (Members, e)",
                "  Journal            ~/.local/share/unmn/journal",
                "",
                "  Meetings",
                "  Next meeting       none scheduled; the network meets once per quarter  (3)",
                "  2026 quarters      Q1 missed · Q2 missed · Q3 missed · Q4 due",
                "",
                "  Follow-up",
                "  Action points      none overdue · 0 open",
                "  Consensus items    none open  (5)",
                "  UNCT report        none sent yet · 2026 Q3 due",
                "  Work plan 2026     not drafted yet  (4)",
                "",
                "",
                "",
                "",
                "",
                "Enter Open  1-5 Panes  ? Help  q Quit",
            ])
    }

    @Test("Many overdue action points: the first two and how many more, so the summary's last lines stay on an 80×24 screen")
    func manyOverdue() throws {
        var state = sampleState(.overview)
        var network = try #require(state.network)
        // Minuted at the December meeting, due in its following days; looked at in late January.
        let held = LocalDate(year: 2026, month: 12, day: 9)!
        for day in 10...15 {
            try network.execute(
                .addActionPoint(
                    meeting: "MTG/2026/04", text: "Follow-up \(day)", responsible: ["UNICEF"],
                    due: LocalDate(year: 2026, month: 12, day: day)!),
                context: CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: held)))
        }
        state.network = network
        state.today = LocalDate(year: 2027, month: 1, day: 20)!
        let lines = screen(state)
        #expect(lines[15] == "  Action points      9 overdue (AP/2026/002, AP/2026/003 and 7 more) · 9 open")
        #expect(lines[16].hasPrefix("  Consensus items") && lines[18].hasPrefix("  Work plan 2027"))
        #expect(OverviewView.briefly(["A", "B", "C"]) == "A, B, C")
        #expect(OverviewView.briefly(["A", "B", "C", "D"], separator: "; ") == "A; B and 2 more")
    }

    @Test("Overview's item counts are the Decisions pane's groups, one definition for both (issue 17)")
    func itemCountsMatchDecisions() throws {
        let state = sampleState(.overview)
        let network = try #require(state.network)
        let rows = DecisionsList(network: network, today: state.today).rows
        func count(_ group: ItemGroup) -> Int { rows.filter { $0.group == group }.count }
        let expected = "\(count(.pending)) pending · \(count(.readyToAdopt)) ready to adopt · \(count(.held)) held  (5)"
        #expect(count(.held) > 0)
        #expect(screen(state).contains("  Consensus items    " + expected))
    }

    @Test("S on the Overview records a report sent to the UNCT, for the quarter whose report is due")
    func reportSent() {
        var state = sampleState(.overview, SampleNetwork.secretariat)
        press([.character("S")], &state)
        guard case .form(let form, .overview(.reportSent))? = state.overlay else {
            Issue.record("no form")
            return
        }
        #expect(form.values["period"] == .text("2026Q3"))
        #expect(
            press([.enter], &state) == [.execute(.recordReportSent(period: "2026Q3", on: state.today), by: SampleNetwork.secretariat)])
        var member = sampleState(.overview, Operator(name: "Azizbek Rahimov", entity: "ILO", role: .member))
        press([.character("S")], &member)
        #expect(member.overlay == nil && member.status.text.contains("secretariat"))
    }

    @Test("@ shows the network as it stood at the end of a past day, read-only and marked; Esc returns to today's record")
    func asOf() throws {
        var state = sampleState(.overview, SampleNetwork.secretariat)
        let live = try #require(state.network)
        press([.character("@")], &state)
        guard case .form(let form, .asOf)? = state.overlay else {
            Issue.record("no form")
            return
        }
        let day = LocalDate(year: 2026, month: 9, day: 30)!
        #expect(form.values["day"] == .text("2026-09-30"))
        #expect(press([.enter], &state) == [.loadAsOf(day)])
        let batches = try SampleNetwork.batches(entities: annexI, emailPolicy: emailPolicy)
        _ = AppUpdate.update(&state, .asOfLoaded(day, NetworkState.asOf(day, batches: batches, emailPolicy: emailPolicy)))
        let lines = screen(state)
        #expect(lines.contains("  2026 quarters      Q1 met · Q2 met · Q3 met · Q4 upcoming"))
        #expect(lines.contains("  UNCT report        2026 Q2 sent 2026-07-08 · none due"))
        #expect(lines.contains { $0.contains("AS OF 2026-09-30") })
        // Nothing is recorded on the past: every change says why.
        press([.character("S")], &state)
        #expect(state.overlay == nil)
        #expect(state.status.text.contains("this is the record as of 2026-09-30, read-only (@ returns to today)"))
        // Another console's change goes to the live record, not to the past on screen.
        var changed = live
        try changed.execute(
            .recordReportSent(period: "2026Q3", on: LocalDate(year: 2026, month: 11, day: 29)!),
            context: CommandContext(
                operator: SampleNetwork.secretariat, now: Instant(tashkent: LocalDate(year: 2026, month: 11, day: 29)!, hour: 9)))
        _ = AppUpdate.update(&state, .journalChanged(changed, summary: "Recorded the 2026Q3 progress report sent to the UNCT"))
        #expect(state.today == day)
        press([.escape], &state)
        #expect(state.asOf == nil)
        #expect(state.today == LocalDate(year: 2026, month: 11, day: 29))
        #expect(state.network == changed)
        #expect(!screen(state).contains { $0.contains("AS OF") })
    }
}
