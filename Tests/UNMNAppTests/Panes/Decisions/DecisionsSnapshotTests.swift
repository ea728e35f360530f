import TerminalUI
import Testing

@testable import UNMNApp

/// Whole screens, written out as the lines a person sees (reviewed by eye in tmux first).
@Suite("Decisions snapshots")
struct DecisionsSnapshotTests {
    func paneScreen(_ pane: Pane, width: Int, height: Int) -> [String] {
        var state = makeState(width: width, height: height)
        _ = AppUpdate.update(&state, .selectPane(pane))
        return screen(state)
    }

    @Test("Decisions at 120×40: an honest empty state")
    func decisions120() {
        #expect(
            paneScreen(.decisions, width: 120, height: 40) == [
                " unmn · UN Network on Migration in Uzbekistan                       Dilnoza Yusupova · IOM secretariat  Sun 29 Nov 2026",
                " 1 Overview │ 2 Members │ 3 Meetings │ 4 Workplan │ 5 Decisions",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "  No consensus items yet",
                "",
                "  Consensus items will be listed here: pending, ready to adopt, held and closed,",
                "  with every member's position; adopted items form the decisions log.",
                "",
                "  n opens an item (the secretariat); r reviews pending ones.",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "r/Enter Review  n New item  l Log  1-5 Panes  ? Help  q Quit",
            ])
    }
}
