import Testing
import TerminalUI
@testable import UNMNApp

/// Whole screens, written out as the lines a person sees (reviewed by eye in tmux first).
@Suite("Pane snapshots")
struct PaneSnapshotTests {
    func paneScreen(_ pane: Pane, width: Int, height: Int) -> [String] {
        var state = makeState(width: width, height: height)
        _ = AppUpdate.update(&state, .selectPane(pane))
        return screen(state)
    }

    @Test("Overview at 80×24")
    func overview80() {
        #expect(paneScreen(.overview, width: 80, height: 24) == [
            " unmn · UNMN Uzbekistan     Dilnoza Yusupova · IOM secretariat  Sun 29 Nov 2026",
            " 1 Overview │ 2 Members │ 3 Meetings │ 4 Workplan │ 5 Decisions",
            "",
            "  The network",
            "  Members            16 entities · chair IOM · co-chair UNRC  (2)",
            "  Journal            ~/.local/share/unmn/journal",
            "",
            "  Meetings",
            "  Next meeting       none scheduled; the network meets once per quarter  (3)",
            "  2026 quarters      Q1 missed · Q2 missed · Q3 missed · Q4 due",
            "",
            "  Follow-up",
            "  Action points      none overdue · 0 open",
            "  Consensus items    none pending  (5)",
            "  Work plan 2026     not drafted yet  (4)",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "Enter Open  1-5 Panes  ? Help  q Quit",
        ])
    }

    @Test("Members at 80×24: all 16 Annex I entities with full names and roles")
    func members80() {
        #expect(paneScreen(.members, width: 80, height: 24) == [
            " unmn · UNMN Uzbekistan     Dilnoza Yusupova · IOM secretariat  Sun 29 Nov 2026",
            " 1 Overview │ 2 Members │ 3 Meetings │ 4 Workplan │ 5 Decisions",
            " Code      Full name                                         Role     Status",
            " IOM       International Organization for Migration          Chair    Member",
            " UNRC      United Nations Resident Coordinator               Co-chair Member",
            " FAO       Food and Agriculture Organization of the United … Member   Member",
            " ILO       International Labour Organization                 Member   Member",
            " UNAIDS    Joint United Nations Programme on HIV/AIDS        Member   Member",
            " OHCHR     Office of the United Nations High Commissioner f… Member   Member",
            " UNICEF    United Nations Children's Fund                    Member   Member",
            " UNDP      United Nations Development Programme              Member   Member",
            " UNESCO    United Nations Educational, Scientific and Cultu… Member   Member",
            " UN Women  United Nations Entity for Gender Equality and th… Member   Member",
            " UNHCR     Office of the United Nations High Commissioner f… Member   Member",
            " UNDRR     United Nations Office for Disaster Risk Reduction Member   Member",
            " UNODC     United Nations Office on Drugs and Crime          Member   Member",
            " UNFPA     United Nations Population Fund                    Member   Member",
            " WB        World Bank                                        Member   Member",
            " WHO       World Health Organization                         Member   Member",
            "",
            "",
            "",
            "",
            "Enter Open  Esc Back  / Filter  n Add focal point  1-5 Panes  ? Help  q Quit",
        ])
    }

    @Test("Members at 120×40: the list beside the selected entity")
    func members120() {
        #expect(paneScreen(.members, width: 120, height: 40) == [
            " unmn · UN Network on Migration in Uzbekistan                       Dilnoza Yusupova · IOM secretariat  Sun 29 Nov 2026",
            " 1 Overview │ 2 Members │ 3 Meetings │ 4 Workplan │ 5 Decisions",
            " Code      Full name                          Role     Status    │ IOM",
            " IOM       International Organization for Mi… Chair    Member    │ Full name  International Organization for Migration",
            " UNRC      United Nations Resident Coordinat… Co-chair Member    │ Role       Chair (chair, coordinator and",
            " FAO       Food and Agriculture Organization… Member   Member    │            secretariat)",
            " ILO       International Labour Organization  Member   Member    │ Status     Member since the Terms of Reference",
            " UNAIDS    Joint United Nations Programme on… Member   Member    │            (Annex I)",
            " OHCHR     Office of the United Nations High… Member   Member    │",
            " UNICEF    United Nations Children's Fund     Member   Member    │ Focal points",
            " UNDP      United Nations Development Progra… Member   Member    │ None recorded yet. Each focal point's name,",
            " UNESCO    United Nations Educational, Scien… Member   Member    │ position, participation level, email and",
            " UN Women  United Nations Entity for Gender … Member   Member    │ mailing-list membership will be listed here.",
            " UNHCR     Office of the United Nations High… Member   Member    │",
            " UNDRR     United Nations Office for Disaste… Member   Member    │",
            " UNODC     United Nations Office on Drugs an… Member   Member    │",
            " UNFPA     United Nations Population Fund     Member   Member    │",
            " WB        World Bank                         Member   Member    │",
            " WHO       World Health Organization          Member   Member    │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "                                                                 │",
            "",
            "Enter Open  Esc Back  / Filter  n Add focal point  1-5 Panes  ? Help  q Quit",
        ])
    }

    @Test("Meetings at 80×24: an honest empty state")
    func meetings80() {
        #expect(paneScreen(.meetings, width: 80, height: 24) == [
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

    @Test("Decisions at 120×40: an honest empty state")
    func decisions120() {
        #expect(paneScreen(.decisions, width: 120, height: 40) == [
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

    @Test("Workplan at 80×24 and Overview at 120×40 name their keys")
    func otherPanes() {
        let workplan = paneScreen(.workplan, width: 80, height: 24)
        #expect(workplan[4] == "  No annual work plan for 2026")
        #expect(workplan[6] == "  The annual work plan will appear here: its key actions with lead entity,")
        #expect(workplan[23] == "Enter Open  p Progress  m Mine  l Late  b Group  s Summary  1-5 Panes  ? Help")
        let overview = paneScreen(.overview, width: 120, height: 40)
        #expect(overview[0] == " unmn · UN Network on Migration in Uzbekistan                       Dilnoza Yusupova · IOM secretariat  Sun 29 Nov 2026")
        #expect(overview[39] == "Enter Open  1-5 Panes  ? Help  q Quit")
    }

    @Test("Help overlay at 80×24 draws from the key-binding table")
    func help() {
        var state = makeState()
        _ = AppUpdate.update(&state, .showHelp)
        #expect(screen(state) == [
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
            "Enter Open  1-5 Panes  ? Help  q Quit",
        ])
    }

    @Test("First start asks who is using the console, and says what is missing")
    func operatorForm() {
        var state = makeState(operator: nil)
        _ = AppUpdate.update(&state, .chooseOperator)
        _ = AppUpdate.update(&state, .overlayKey(.enter))
        #expect(screen(state) == [
            " unmn · UNMN Uzbekistan                            no operator  Sun 29 Nov 2026",
            " 1 Overview │ 2 Members │ 3 Meetings │ 4 Workplan │ 5 Decisions",
            "",
            "  The network",
            "  Members            16 entities · chair IOM · co-chair UNRC  (2)",
            "  Journal            ~/.local/share/unmn/journal",
            "",
            "  ┌─ Who is using the console? ──────────────────────────────────────────────┐",
            "  │                                                                          │",
            "  │ Your name*                                                               │",
            "  │                  ! Your name is required.                                │",
            "  │ Entity           ‹ IOM ›                                                 │",
            "  │ Role             ‹ Secretariat ›                                         │",
            "  │                                                                          │",
            "  │ Tab next · S-Tab previous · Enter save · Esc cancel                      │",
            "  └──────────────────────────────────────────────────────────────────────────┘",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "Enter Open  1-5 Panes  ? Help  q Quit",
        ])
    }

    @Test("Below 80×24 the console says so")
    func tooSmall() {
        #expect(screen(makeState(width: 79, height: 24)) == [
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
