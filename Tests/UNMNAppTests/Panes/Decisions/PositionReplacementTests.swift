import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

@Suite("Replacing a position someone else recorded")
struct PositionReplacementTests {
    @Test("The chair's p on ILO's objection, recorded by ILO's own focal point, shows it and asks before the form opens")
    func asksFirst() {
        var s = sampleState(.decisions, SampleNetwork.chair)
        press([.character("j"), .character("j"), .character("r")], &s)
        #expect(s.decisions.review?.item == "UNMN/2026/006")
        press([.character("j"), .character("j"), .character("j"), .character("p")], &s)
        guard case .confirm(let dialog, .decisions(.positionForm("ILO")), _)? = s.overlay else {
            Issue.record("replaced without asking")
            return
        }
        #expect(dialog.title == "Replace ILO's position?")
        #expect(
            dialog.message
                == "ILO's position on UNMN/2026/006 is object (\"The text should cite ILO Conventions 97 and 143 on migrant "
                + "workers.\"), recorded "
                + "by Azizbek Rahimov from console on 2026-11-20 at 11:00. Record a new one in its place?")
        press([.character("y")], &s)
        guard case .form(_, .decisions(.recordPosition("UNMN/2026/006", "ILO", false, _)))? = s.overlay else {
            Issue.record("no form after confirming")
            return
        }
    }

    @Test("A position the operator recorded themselves opens the form at once")
    func ownPosition() {
        var s = sampleState(.decisions, SampleNetwork.secretariat)
        press([.character("j"), .character("j"), .character("r"), .character("p")], &s)
        guard case .form(_, .decisions(.recordPosition("UNMN/2026/006", "IOM", false, _)))? = s.overlay else {
            Issue.record("asked about the operator's own record")
            return
        }
    }
}
