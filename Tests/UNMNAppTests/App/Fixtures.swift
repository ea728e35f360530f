import TerminalUI
import UNMNApp
import UNMNDomain
import UNMNResources

/// A console state as a secretariat operator sees it on Sunday 29 November 2026.
func makeState(
    width: Int = 80, height: Int = 24, operator chosen: Operator? = Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)
) -> AppState {
    var state = AppState(
        width: width, height: height, today: LocalDate(year: 2026, month: 11, day: 29)!, currentOperator: chosen,
        journalPath: "~/.local/share/unmn/journal", entities: annexI, gcmObjectives: try! GCMObjective.parseList(ShippedData.gcmObjectives))
    state.network = foundedNetwork
    return state
}

let annexI = try! AnnexI.parse(ShippedData.annexIMembers)
let emailPolicy = EmailPolicy.parse(ShippedData.corporateEmailDomains)
/// The network as `unmn init` creates it.
let foundedNetwork = NetworkState.founding(
    entities: annexI, emailPolicy: emailPolicy, by: Operator(name: "root", entity: "IOM", role: .secretariat),
    at: Instant(tashkent: LocalDate(year: 2026, month: 1, day: 5)!)
).state

/// Sends keys through the key bindings, as the runtime does, and returns every effect.
@discardableResult
func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
    keys.flatMap { AppUpdate.update(&state, KeyBindings.message(for: $0, in: state)) }
}

func type(_ text: String, _ state: inout AppState) {
    press(text.map { Key.character($0) }, &state)
}

func screen(_ state: AppState) -> [String] { AppView.render(state).lines }

/// The sample network on a pane, as `op` sees it.
func sampleState(_ pane: Pane, _ op: Operator = SampleNetwork.secretariat, width: Int = 80, height: Int = 24) -> AppState {
    var state = makeState(width: width, height: height, operator: op)
    state.network = DecisionsTests.sample
    state.entities = DecisionsTests.sample.entities
    state.pane = pane
    return state
}

/// A performer that hands every effect to a closure: the runtime's tests need nothing more.
final class ClosurePerformer: EffectPerformer {
    let answer: (Effect) -> Message?
    init(_ answer: @escaping (Effect) -> Message?) { self.answer = answer }
    func perform(_ effect: Effect) -> Message? { answer(effect) }
    func poll() -> Message? { nil }
}

/// The styles of a screen as one letter a cell, so that tests can state where meaning is
/// carried by style: `R` selected (reversed), `E` danger (overdue, an objection), `W` warning,
/// `S` success, `D` dim (disabled, closed), `B` bold, `A` accent, `·` plain. Trailing plain
/// cells are dropped.
func styleMask(_ state: AppState) -> [String] {
    let buffer = AppView.render(state)
    return (0..<buffer.height).map { y in
        var line = ""
        for x in 0..<buffer.width where !buffer[x, y].isContinuation {
            let style = buffer[x, y].style
            let letter: Character
            if style.attributes.contains(.reverse) {
                letter = "R"
            } else if let color = style.color {
                switch color {
                case .danger: letter = "E"
                case .warning: letter = "W"
                case .success: letter = "S"
                case .accent: letter = "A"
                case .muted: letter = "D"
                }
            } else if style.attributes.contains(.dim) {
                letter = "D"
            } else if style.attributes.contains(.bold) {
                letter = "B"
            } else {
                letter = "·"
            }
            line.append(letter)
        }
        while line.hasSuffix("·") { line.removeLast() }
        return line
    }
}
