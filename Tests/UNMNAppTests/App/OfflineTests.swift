import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

/// A journal kept in PostgreSQL can go away: the console says so, keeps what is on screen and
/// in open forms, refuses changes meanwhile, and comes back by itself.
@Suite("The journal's database goes away and comes back")
struct OfflineTests {
    @Test("a save that fails brings the form back with what was typed, and says so")
    func failedSaveKeepsTheForm() {
        var state = sampleState(.members, width: 120, height: 40)
        press([.character("j"), .character("j"), .character("j"), .character("n")], &state)
        type("Malika Karimova", &state)
        press([.tab], &state)
        type("Officer", &state)
        press([.tab, .tab], &state)
        type("malika@ilo.org", &state)
        let effects = press([.enter], &state)
        guard case .execute(.addFocalPoint(let draft), _)? = effects.first else {
            Issue.record("no save was asked for: \(effects)")
            return
        }
        #expect(draft.name == "Malika Karimova")
        _ = AppUpdate.update(&state, .commitFailed("Nothing was saved: the server at db:5432 does not answer.", readOnly: false))
        guard case .form(let form, _)? = state.overlay else {
            Issue.record("the form did not come back")
            return
        }
        #expect(form.values["name"]?.text == "Malika Karimova")
        #expect(form.values["email"]?.text == "malika@ilo.org")
        #expect(state.status.text == "Nothing was saved: the server at db:5432 does not answer. Your input is kept in the form.")
        #expect(!state.isReadOnly)
    }

    @Test("offline: said in the status line, OFFLINE beside it, changes refused with the reason; back: writable again")
    func offlineAndBack() {
        var state = sampleState(.members, width: 120, height: 40)
        let network = state.network!
        _ = AppUpdate.update(&state, .journalReachability(unreachable: "the server at db:5432 does not answer", note: nil, network))
        #expect(state.offline == "the server at db:5432 does not answer")
        #expect(
            Array(screen(state)[37...38]) == [
                " ✗ The journal's database cannot be reached (the server at db:5432 does not answer): what is on screen stays,   OFFLINE",
                " changes wait; reconnecting by itself.",
            ])
        press([.character("n")], &state)
        #expect(state.overlay == nil)
        #expect(
            state.status.text
                == "Cannot add a focal point: the journal's database cannot be reached; the console reconnects by itself.")

        _ = AppUpdate.update(
            &state,
            .journalReachability(
                unreachable: nil,
                note: "Reconnected. Added Malika Karimova (ILO) as FP-0020: it was saved before the connection broke (once).",
                network))
        #expect(state.offline == nil)
        #expect(!screen(state).contains { $0.hasSuffix("OFFLINE") })
        #expect(state.status.kind == .success)
        #expect(state.status.text.hasPrefix("Reconnected. Added Malika Karimova"))
        press([.character("n")], &state)
        guard case .form? = state.overlay else {
            Issue.record("changes are still refused after reconnecting")
            return
        }
    }
}
