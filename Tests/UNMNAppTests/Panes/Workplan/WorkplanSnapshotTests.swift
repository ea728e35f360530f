import TerminalUI
import Testing

@testable import UNMNApp

/// Whole screens, written out as the lines a person sees (reviewed by eye in tmux first).
@Suite("Workplan snapshots")
struct WorkplanSnapshotTests {
    func paneScreen(_ pane: Pane, width: Int, height: Int) -> [String] {
        var state = makeState(width: width, height: height)
        _ = AppUpdate.update(&state, .selectPane(pane))
        return screen(state)
    }

    @Test("Workplan at 80×24 and Overview at 120×40 name their keys")
    func otherPanes() {
        let workplan = paneScreen(.workplan, width: 80, height: 24)
        #expect(workplan[4] == "  No annual work plan for 2026")
        #expect(workplan[6] == "  The annual work plan will appear here: its key actions with lead entity,")
        #expect(workplan[23] == "Enter Open  p Progress  m Mine  l Late  b Group  s Summary  1-5 Panes  ? Help")
        let overview = paneScreen(.overview, width: 120, height: 40)
        #expect(
            overview[0]
                == " unmn · UN Network on Migration in Uzbekistan                       Dilnoza Yusupova · IOM secretariat  Sun 29 Nov 2026"
        )
        #expect(overview[39] == "Enter Open  1-5 Panes  ? Help  q Quit")
    }
}
