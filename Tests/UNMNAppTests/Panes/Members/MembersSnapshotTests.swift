import TerminalUI
import Testing

@testable import UNMNApp

/// Whole screens, written out as the lines a person sees (reviewed by eye in tmux first).
@Suite("Members snapshots")
struct MembersSnapshotTests {
    func paneScreen(_ pane: Pane, width: Int, height: Int) -> [String] {
        var state = makeState(width: width, height: height)
        _ = AppUpdate.update(&state, .selectPane(pane))
        return screen(state)
    }

    @Test("Members at 80×24: all 16 Annex I entities with full names and roles")
    func members80() {
        #expect(
            paneScreen(.members, width: 80, height: 24) == [
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
        #expect(
            paneScreen(.members, width: 120, height: 40) == [
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
}
