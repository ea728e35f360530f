import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

@Suite("Members: access")
struct AccessTests {
    func withRoster() throws -> AppState {
        var state = sampleState(.members)
        var network = state.network!
        let op = SampleNetwork.secretariat
        let context = CommandContext(operator: op, now: Instant(tashkent: state.today, hour: 9), login: "dilnoza")
        try network.execute(.grantAccess(Grant(login: "dilnoza", name: op.name, entity: "IOM", role: .secretariat)), context: context)
        try network.execute(
            .grantAccess(Grant(login: "gulnora", name: "Gulnora Karimova", entity: "UNICEF", role: .member)), context: context)
        state.network = network
        return state
    }

    @Test("P lists who may act; n grants through a form bound by the ToR; X revokes after asking")
    func roster() throws {
        var state = try withRoster()
        press([.character("P")], &state)
        let lines = screen(state)
        #expect(lines[2] == " Access: 2 logins may act · n grant · X revoke · Esc back")
        #expect(lines[5].hasPrefix(" dilnoza        Dilnoza Yusupova"))
        #expect(lines[6].hasPrefix(" gulnora        Gulnora Karimova"))
        press([.character("n")], &state)
        type("laura", &state)
        press([.tab], &state)
        type("Laura Bianchi", &state)
        press([.tab, .right, .right, .tab, .right], &state)  // FAO, chair: refused by the form
        press([.enter], &state)
        guard case .form(let form, _)? = state.overlay else {
            Issue.record("FAO's chair was accepted")
            return
        }
        #expect(form.errors["role"] == "The chair is IOM's (the Chief of Mission or designee), not FAO's.")
        press([.backTab, .left, .left], &state)  // back to IOM
        let effects = press([.enter], &state)
        #expect(
            effects == [
                .execute(
                    .grantAccess(Grant(login: "laura", name: "Laura Bianchi", entity: "IOM", role: .chair)), by: SampleNetwork.secretariat)
            ])
        press([.character("j"), .character("X")], &state)
        guard case .confirm(_, .perform(.execute(.revokeAccess(login: "gulnora"), _)), _)? = state.overlay else {
            Issue.record("no confirmation before revoking")
            return
        }
    }
}
