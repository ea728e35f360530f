import TerminalUI
import Testing

@testable import UNMNApp

/// Whole screens, written out as the lines a person sees (reviewed by eye in tmux first).
@Suite("Whole-screen snapshots")
struct AppSnapshotTests {
    func paneScreen(_ pane: Pane, width: Int, height: Int) -> [String] {
        var state = makeState(width: width, height: height)
        _ = AppUpdate.update(&state, .selectPane(pane))
        return screen(state)
    }

    @Test("Help overlay at 80×24 draws from the key-binding table")
    func help() {
        var state = makeState()
        _ = AppUpdate.update(&state, .showHelp)
        #expect(
            screen(state) == [
                " unmn · UNMN Uzbekistan     Dilnoza Yusupova · IOM secretariat  Sun 29 Nov 2026",
                " ┌─ Help — keys ──────────────────────────────────────────────────────────────┐",
                " │ Everywhere                                                                 │",
                " │ 1-5             Overview, Members, Meetings, Workplan, Decisions           │",
                " │ Tab             Next pane                                                  │",
                " │ S-Tab           Previous pane                                              │",
                " │ ↓/j             Move down                                                  │",
                " │ ↑/k             Move up                                                    │",
                " │ PgDn/^F         Move a page down                                           │",
                " │ PgUp/^B         Move a page up                                             │",
                " │ Home/g          Go to the first row                                        │",
                " │ End/G           Go to the last row                                         │",
                " │ Esc             Go back, clear the filter, close what is open              │",
                " │ u               Undo your last change (asks first, shows what)             │",
                " │ o               Change who is using the console (name, entity, role)       │",
                " │ x               Export what is on screen to a file in the current          │",
                " │                 directory (report, mailing list, calendar, work plan,      │",
                " │                 decisions)                                                 │",
                " │ /               Filter the pane's list as you type (ignores case, accents, │",
                " │                 Latin/Cyrillic spelling); Enter keeps it, Esc clears it —  │",
                " │                 The Overview has no list to filter; ↓/↑ and Enter open a   │",
                " │ ↑/↓ scroll · Esc or ? to close                                             │",
                " └────────────────────────────────────────────────────────────────────────────┘",
                "↑/↓ Scroll  Esc Close",
            ])
    }

    @Test("First start asks who is using the console, and says what is missing")
    func operatorForm() {
        var state = makeState(operator: nil)
        _ = AppUpdate.update(&state, .chooseOperator)
        _ = AppUpdate.update(&state, .overlayKey(.enter))
        #expect(
            screen(state) == [
                " unmn · UNMN Uzbekistan                            no operator  Sun 29 Nov 2026",
                " 1 Overview │ 2 Members │ 3 Meetings │ 4 Workplan │ 5 Decisions",
                "",
                "  The network",
                "  Members            16 entities · chair IOM · co-chair UNRC  (2)",
                "  Mailing list       0 people · nobody for 16 of 16 member entities",
                "  RCO focal point    not named: mark a UNRC focal point (Members, e)",
                "  ┌─ Who is using the console? ──────────────────────────────────────────────┐",
                "  │                                                                          │",
                "  │ Your name*                                                               │",
                "  │                  ! Your name is required.                                │",
                "  │ Entity           ‹ IOM ›                                                 │",
                "  │ Role             ‹ Secretariat ›                                         │",
                "  │                                                                          │",
                "  │ Tab next · S-Tab previous · Enter save · Esc cancel                      │",
                "  └──────────────────────────────────────────────────────────────────────────┘",
                "  UNCT report        none sent yet · 2026 Q3 due",
                "  Work plan 2026     not drafted yet  (4)",
                "",
                "",
                "",
                "",
                "",
                "Tab Next  S-Tab Previous  Enter Save  Esc Cancel  ^Q Quit",
            ])
    }

    @Test("Below 80×24 the console says so")
    func tooSmall() {
        #expect(
            screen(makeState(width: 79, height: 24)) == [
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
                "                               Window too small",
                "                       79×24; unmn needs at least 80×24.",
                "                    Enlarge the window, or press q to quit.",
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
            ])
    }
}
