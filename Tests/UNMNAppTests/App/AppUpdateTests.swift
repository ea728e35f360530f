import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

@Suite("Navigation and keys")
struct AppUpdateTests {
    @Test("Number keys, Tab and Shift-Tab switch panes, wrapping around")
    func panes() {
        var state = makeState()
        press([.character("3")], &state)
        #expect(state.pane == .meetings)
        press([.tab, .tab, .tab], &state)
        #expect(state.pane == .overview)
        press([.backTab], &state)
        #expect(state.pane == .decisions)
        press([.character("2")], &state)
        #expect(state.pane == .members)
    }

    @Test("j/k and arrows move within the list and stop at its ends")
    func moving() {
        var state = makeState()
        press([.character("2"), .character("j"), .down, .down], &state)
        #expect(state.selectedEntity?.code == "ILO")
        press([.character("k"), .up, .up, .up, .up], &state)
        #expect(state.selectedEntity?.code == "IOM")
        press([.character("G")], &state)
        #expect(state.selectedEntity?.code == "WHO")
        press([.down], &state)
        #expect(state.selectedEntity?.code == "WHO")
        press([.home], &state)
        #expect(state.selectedEntity?.code == "IOM")
    }

    @Test("Paging moves a screenful and stops at the ends")
    func paging() {
        var state = makeState(width: 80, height: 24)
        press([.character("2"), .character("j"), .pageDown], &state)
        #expect(state.selectedEntity?.code == "WHO")
        press([.pageUp], &state)
        #expect(state.selectedEntity?.code == "IOM")
    }

    @Test("When the list is taller than the window, the selection stays in view")
    func scrollsIntoView() {
        var state = makeState(width: 80, height: 24)
        state.entities += (1...20).map {
            MemberEntity(code: EntityCode("X\($0)"), fullName: "Applicant \($0)", role: .member, status: .applicant)
        }
        press([.character("2"), .character("G")], &state)
        #expect(state.members.list.selection == 35)
        #expect(state.members.list.offset == 36 - state.visibleList!.content.visibleRows)
        #expect(screen(state)[21].hasPrefix(" X20"))
        press([.character("g")], &state)
        #expect(state.members.list.offset == 0)
    }

    @Test("On a narrow screen Enter opens the entity and Esc goes back")
    func openAndBack() {
        var state = makeState()
        press([.character("2"), .character("j"), .character("j"), .enter], &state)
        #expect(state.members.isShowingDetail)
        #expect(screen(state)[2] == "  FAO")
        #expect(screen(state)[3] == "  Full name  Food and Agriculture Organization of the United Nations")
        press([.escape], &state)
        #expect(!state.members.isShowingDetail)
        #expect(screen(state)[2].hasPrefix(" Code"))
    }

    @Test("/ filters as you type, Enter keeps the filter, Esc clears it")
    func filtering() {
        var state = makeState()
        press([.character("2"), .character("/")], &state)
        type("united nations", &state)
        #expect(state.visibleEntities.count == 12)
        #expect(screen(state)[23].hasPrefix("/ united nations"))
        #expect(screen(state)[23].hasSuffix("12 of 16"))
        type(" chi", &state)
        #expect(state.visibleEntities.map(\.code) == ["UNICEF"])
        press([.enter], &state)
        #expect(!state.members.list.isFilterActive)
        #expect(screen(state)[22].hasSuffix("filter \"united nations chi\": 1 of 16"))
        press([.character("j")], &state)
        #expect(state.selectedEntity?.code == "UNICEF")
        press([.escape], &state)
        #expect(state.visibleEntities.count == 16)
    }

    @Test("A filter that matches nothing says so")
    func noMatch() {
        var state = makeState()
        press([.character("2"), .character("/")], &state)
        type("zzz", &state)
        #expect(screen(state)[3] == " No entity matches \"zzz\". Esc clears the filter.")
    }

    @Test("A key that is not available yet says why in the status line")
    func unavailable() {
        var state = makeState()
        press([.character("2"), .character("e")], &state)
        #expect(state.status == StatusMessage("Open an entity with focal points and select one (Enter, then ↓/↑).", kind: .warning))
        #expect(screen(state)[22] == " ! Open an entity with focal points and select one (Enter, then ↓/↑).")
        press([.character("u")], &state)
        #expect(state.status.text == "Nothing to undo: Dilnoza Yusupova (IOM) has made no change.")
        press([.character("z")], &state)
        #expect(state.status.text == "z does nothing here; press ? to see every key.")
    }

    @Test("The footer draws from the same table, disabled keys dim")
    func footer() {
        var state = makeState()
        press([.character("2")], &state)
        let hints = KeyBindings.footerHints(for: state)
        #expect(hints.map(\.keys) == ["Enter", "Esc", "/", "n", "1-5", "?", "q"])
        #expect(hints.map(\.isEnabled) == [true, true, true, true, true, true, true])
        press([.character("5")], &state)
        let decisions = KeyBindings.footerHints(for: state)
        #expect(decisions.map(\.keys) == ["r/Enter", "n", "l", "1-5", "?", "q"])
        #expect(decisions.map(\.isEnabled) == [false, true, true, true, true, true])
    }

    @Test("Every binding in the table appears in the help screen")
    func helpCoversTable() {
        let state = makeState()
        let help = KeyBindings.helpSections(for: state).flatMap(\.entries).map(\.keys)
        for binding in KeyBindings.all { #expect(help.contains(binding.keyLabel), "\(binding.keyLabel) missing from help") }
    }

    @Test("The help's rows are laid out again after a resize, at the new width, and stay where they were scrolled")
    func helpFollowsResize() {
        var state = makeState(width: 200, height: 50)
        press([.character("?"), .down], &state)
        // At 200 columns the help is 86 wide: some of its rows would not fit at 80.
        guard case .help(_, let wide)? = state.overlay else {
            Issue.record("help not open")
            return
        }
        #expect(wide.contains { DisplayWidth.of($0.text) > 74 })
        _ = AppUpdate.update(&state, .resize(width: 80, height: 24))
        guard case .help(1, let rows)? = state.overlay else {
            Issue.record("help closed or lost its place on a resize")
            return
        }
        #expect(rows == AppUpdate.helpRows(state))
        #expect(rows.allSatisfy { DisplayWidth.of($0.text) <= HelpOverlay.contentWidth(in: Rect(x: 0, y: 0, width: 80, height: 24)) })
    }

    @Test("? opens help, which scrolls and closes with Esc or ?")
    func help() {
        var state = makeState()
        press([.character("?")], &state)
        guard case .help(0, let rows)? = state.overlay else {
            Issue.record("help not open")
            return
        }
        #expect(rows == AppUpdate.helpRows(state))
        press([.down, .down], &state)
        guard case .help(2, let kept)? = state.overlay, kept == rows else {
            Issue.record("help did not scroll, or laid its rows out again")
            return
        }
        press([.character("?")], &state)
        #expect(state.overlay == nil)
        press([.character("?"), .escape], &state)
        #expect(state.overlay == nil)
    }

    @Test("q quits at once when nothing would be lost")
    func quit() {
        var state = makeState()
        #expect(press([.character("q")], &state) == [.quit])
        #expect(state.isQuitting)
    }

    @Test("With unsaved input in a form, quitting asks first; no returns to the form")
    func quitWithUnsavedInput() {
        var state = makeState()
        press([.character("o")], &state)
        press([.control("u")], &state)
        type("Шаҳноза", &state)
        #expect(state.hasUnsavedInput)
        #expect(press([.control("q")], &state) == [])
        guard case .confirm? = state.overlay else {
            Issue.record("no question asked")
            return
        }
        press([.character("n")], &state)
        guard case .form(let form, _)? = state.overlay else {
            Issue.record("form lost")
            return
        }
        #expect(form.values["name"] == .text("Шаҳноза"))
        press([.control("q")], &state)
        #expect(press([.character("y")], &state) == [.quit])
    }

    @Test("In a form, q is just a letter")
    func qInForm() {
        var state = makeState()
        press([.character("o"), .control("u"), .character("q")], &state)
        #expect(!state.isQuitting)
        guard case .form(let form, _)? = state.overlay else {
            Issue.record("form closed")
            return
        }
        #expect(form.values["name"] == .text("q"))
    }

    @Test("Choosing the operator asks the runtime to remember it and shows it in the header")
    func chooseOperator() {
        var state = makeState(operator: nil)
        _ = AppUpdate.update(&state, .chooseOperator)
        type("Oʻgʻiloy Karimova", &state)
        press([.tab, .right, .right, .right, .right, .right, .right, .tab, .right, .right, .right], &state)
        let expected = Operator(name: "Oʻgʻiloy Karimova", entity: "UNICEF", role: .member)
        #expect(press([.enter], &state) == [.rememberOperator(expected)])
        _ = AppUpdate.update(&state, .operatorRemembered(expected, failure: nil))
        #expect(state.currentOperator == expected)
        #expect(screen(state)[0].contains("Oʻgʻiloy Karimova · UNICEF member"))
        #expect(state.status.kind == .success)
    }

    @Test("Dismissing the first-start form leaves the console read-only, and says so")
    func noOperator() {
        var state = makeState(operator: nil)
        _ = AppUpdate.update(&state, .chooseOperator)
        press([.escape], &state)
        #expect(state.overlay == nil)
        #expect(state.isReadOnly)
        #expect(screen(state)[22].hasSuffix("READ-ONLY"))
        #expect(state.status.text == "No operator chosen: read-only. Press o to say who you are.")
    }

    @Test("Esc on a form with input asks before discarding it")
    func discard() {
        var state = makeState()
        press([.character("o"), .character("x"), .escape], &state)
        guard case .confirm(let dialog, _, _)? = state.overlay else {
            Issue.record("no question")
            return
        }
        #expect(dialog.title == "Discard input?")
        press([.character("y")], &state)
        #expect(state.overlay == nil)
        #expect(state.currentOperator?.name == "Dilnoza Yusupova")
    }

    @Test("Clicking a tab switches pane; clicking a row selects it")
    func mouse() {
        var state = makeState()
        _ = AppUpdate.update(&state, .click(x: 27, y: 1))
        #expect(state.pane == .meetings)
        _ = AppUpdate.update(&state, .click(x: 15, y: 1))
        #expect(state.pane == .members)
        _ = AppUpdate.update(&state, .click(x: 10, y: 9))
        #expect(state.selectedEntity?.code == "UNICEF")
        _ = AppUpdate.update(&state, .click(x: 10, y: 22))
        #expect(state.selectedEntity?.code == "UNICEF")
    }

    @Test("Resizing below 80×24 shows the message; growing again restores the pane")
    func resize() {
        var state = makeState(width: 120, height: 40)
        press([.character("2"), .character("G")], &state)
        _ = AppUpdate.update(&state, .resize(width: 50, height: 12))
        #expect(screen(state).contains("        50×12; unmn needs at least 80×24."))
        press([.character("3")], &state)
        #expect(state.pane == .members)
        _ = AppUpdate.update(&state, .resize(width: 160, height: 50))
        #expect(screen(state)[2].hasPrefix(" Code"))
        #expect(state.selectedEntity?.code == "WHO")
        _ = AppUpdate.update(&state, .resize(width: 80, height: 24))
        #expect(state.members.list.offset == 0)
        #expect(screen(state).contains { $0.hasPrefix(" WHO") })
    }

    @Test("A name with control characters shows harmlessly in the header")
    func hostileName() {
        let state = makeState(operator: Operator(name: "\u{1b}[2Jx", entity: "IOM", role: .viewer))
        #expect(screen(state)[0].contains("^[[2Jx · IOM viewer"))
    }
}
