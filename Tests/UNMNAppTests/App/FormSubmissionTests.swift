import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

@Suite("Form submission")
struct FormSubmissionTests {
    @Test("A form whose answers cannot be read stays open with the input and says why")
    func unreadableKeepsInput() {
        var state = sampleState(.decisions)
        let network = state.network!
        // The purpose offers no kinds, as if the plan it named was endorsed meanwhile.
        let form = ItemForms.newItem(network: network, today: state.today, kinds: ItemForms.kinds(network))
        state.overlay = .form(form, purpose: .decisions(.openItem(kinds: [], meetings: [])))
        press([.tab], &state)
        type("Statement on World Refugee Day", &state)
        press([.tab], &state)
        type("Text", &state)
        let effects = press([.enter], &state)
        #expect(effects.isEmpty)
        guard case .form(let kept, _)? = state.overlay else {
            Issue.record("the form closed and the input was lost")
            return
        }
        #expect(kept.values["title"] == .text("Statement on World Refugee Day"))
        #expect(
            state.status
                == StatusMessage(
                    "The form could not be read: the kind, the deadline or where it was raised is not understood. Your input is kept.",
                    kind: .error))
    }

    @Test("A typed form decodes the choice it offered, not the text of the option")
    func decodesByIndex() {
        var state = sampleState(.meetings)
        press([.enter, .character("d")], &state)
        guard case .form(_, .meetings(.recordDecision(_, let items)))? = state.overlay else {
            Issue.record("no decision form")
            return
        }
        type("Agreed to co-host the 2027 retreat", &state)
        press([.tab, .right, .right], &state)
        let effects = press([.enter], &state)
        #expect(
            effects == [
                .execute(
                    .recordMeetingDecision(
                        meeting: "MTG/2026/04", Meeting.Decision(text: "Agreed to co-host the 2027 retreat", item: items[1])),
                    by: SampleNetwork.secretariat)
            ])
    }
}
