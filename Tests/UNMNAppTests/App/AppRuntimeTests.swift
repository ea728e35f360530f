import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

@Suite("Runtime over the test terminal")
struct AppRuntimeTests {
    @Test("Keys flow through bindings and update; every frame is drawn; q ends the loop")
    func loop() {
        let terminal = TestTerminal(
            width: 80, height: 24, events: [.key(.character("2")), .key(.character("j")), .tick, .resize(width: 120, height: 40)])
        let runtime = AppRuntime(
            state: makeState(), terminal: terminal, today: { LocalDate(year: 2026, month: 11, day: 30)! },
            performer: ClosurePerformer { _ in nil })
        runtime.run()
        #expect(terminal.frames.count == 5)
        #expect(terminal.frames[1].lines[2].hasPrefix(" Code"))
        #expect(runtime.state.selectedEntity?.code == "UNRC")
        #expect(runtime.state.today.description == "2026-11-30")
        #expect(terminal.frames[4].width == 120)
        #expect(runtime.state.isQuitting)
    }

    @Test("Effects go to the performer, and its answer comes back as a message")
    func effects() {
        var performed: [Effect] = []
        var state = makeState(operator: nil)
        _ = AppUpdate.update(&state, .chooseOperator)
        let terminal = TestTerminal(width: 80, height: 24, events: "Azizа".map { .key(.character($0)) } + [.key(.enter)])
        let performer = ClosurePerformer { effect in
            performed.append(effect)
            if case .rememberOperator(let op) = effect { return .operatorRemembered(op, failure: "Disk full.") }
            return nil
        }
        let runtime = AppRuntime(
            state: state, terminal: terminal, today: { LocalDate(year: 2026, month: 11, day: 29)! }, performer: performer)
        runtime.run()
        #expect(performed == [.rememberOperator(Operator(name: "Azizа", entity: "IOM", role: .secretariat))])
        #expect(runtime.state.status.kind == .error)
        #expect(runtime.state.status.text == "Operator set for this session only. Disk full.")
    }
}
