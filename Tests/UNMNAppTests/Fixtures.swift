import TerminalUI
import UNMNApp
import UNMNDomain
import UNMNResources

/// A console state as a secretariat operator sees it on Sunday 29 November 2026.
func makeState(width: Int = 80, height: Int = 24, operator chosen: Operator? = Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)) -> AppState {
    AppState(width: width, height: height, today: LocalDate(year: 2026, month: 11, day: 29)!, currentOperator: chosen,
             journalPath: "~/.local/share/unmn/journal", entities: try! AnnexI.parse(ShippedData.annexIMembers),
             gcmObjectives: try! GCMObjective.parseList(ShippedData.gcmObjectives))
}

/// Sends keys through the key bindings, as the runtime does, and returns every effect.
@discardableResult
func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
    keys.flatMap { AppUpdate.update(&state, KeyBindings.message(for: $0, in: state)) }
}

func type(_ text: String, _ state: inout AppState) {
    press(text.map { Key.character($0) }, &state)
}

func screen(_ state: AppState) -> [String] { AppView.render(state).lines }
