import TerminalUI
import Testing

@testable import UNMNApp

/// Whole screens, written out as the lines a person sees (reviewed by eye in tmux first).
@Suite("Meetings snapshots")
struct MeetingsSnapshotTests {
    func paneScreen(_ pane: Pane, width: Int, height: Int) -> [String] {
        var state = makeState(width: width, height: height)
        _ = AppUpdate.update(&state, .selectPane(pane))
        return screen(state)
    }

    @Test("Meetings at 80×24: an honest empty state")
    func meetings80() {
        #expect(
            paneScreen(.meetings, width: 80, height: 24) == [
                " unmn · UNMN Uzbekistan     Dilnoza Yusupova · IOM secretariat  Sun 29 Nov 2026",
                " 1 Overview │ 2 Members │ 3 Meetings │ 4 Workplan │ 5 Decisions",
                "",
                "",
                "",
                "",
                "  No meetings logged yet",
                "",
                "  Meetings will be listed here by year and quarter, with whether each",
                "  quarter's regular meeting took place, attendance, agenda, minutes and action",
                "  points.",
                "",
                "  n schedules a meeting (the secretariat).",
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
                "Enter Open  n Schedule  t Action points  1-5 Panes  ? Help  q Quit",
            ])
    }
}
