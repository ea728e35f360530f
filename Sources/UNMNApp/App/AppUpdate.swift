import TerminalUI
import UNMNDomain

/// The one place the state changes: `update(&state, message)` returns the effects to perform
/// and performs none of them (the Elm architecture), so every key can be tested without a
/// terminal. The root handles what is shared (panes, lists, overlays, the journal's answers)
/// and hands each pane its own messages.
public enum AppUpdate {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        let effects = handle(&state, message)
        // The help's rows are kept while only its own keys come (scrolling); anything else may
        // change a key's disabled reason or the width, so they are laid out again.
        if case .help(let offset, _)? = state.overlay {
            switch message {
            case .overlayKey, .showHelp: break
            default: state.overlay = .help(offset: offset, rows: helpRows(state))
            }
        }
        return effects
    }

    /// Every key binding laid out to the help overlay's width on this screen.
    static func helpRows(_ state: AppState) -> [HelpOverlay.Row] {
        HelpOverlay(sections: KeyBindings.helpSections(for: state)).layout(
            width: HelpOverlay.contentWidth(in: Rect(x: 0, y: 0, width: state.width, height: state.height)))
    }

    private static func handle(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .overview(let message): return OverviewPane.update(&state, message)
        case .members(let message): return MembersPane.update(&state, message)
        case .meetings(let message): return MeetingsPane.update(&state, message)
        case .workplan(let message): return WorkplanPane.update(&state, message)
        case .decisions(let message): return DecisionsPane.update(&state, message)
        case .selectPane(let pane): show(pane, &state)
        case .nextPane: show(state.pane.next, &state)
        case .previousPane: show(state.pane.previous, &state)
        case .moveSelection(let delta): moveInList(&state, by: delta)
        case .pageDown: moveInList(&state, by: pageSize(state))
        case .pageUp: moveInList(&state, by: -pageSize(state))
        case .moveToFirst: moveInList(&state, by: Int.min)
        case .moveToLast: moveInList(&state, by: Int.max)
        case .back:
            if !state.pane.feature.back(&state) {
                if let list = state.visibleList, !state[keyPath: list.state].filterText.isEmpty {
                    _ = update(&state, .clearFilter)
                } else if state.asOf != nil {
                    _ = update(&state, .leaveAsOf)
                } else {
                    state.status = .none
                }
            }
        case .showHelp:
            // The help opens at the keys of the pane on screen (the Overview's are few: at the top).
            let rows = helpRows(state)
            let title = "\(state.pane.numberKey) \(state.pane.title)"
            let start = state.pane == .overview ? 0 : rows.firstIndex { $0.text == title } ?? 0
            state.overlay = .help(offset: start, rows: rows)
        case .showFullStatus:
            guard state.statusIsCut else { return [] }
            let title: String
            switch state.status.kind {
            case .error: title = "Message — refused"
            case .warning: title = "Message — warning"
            default: title = "Message"
            }
            state.overlay = .message(TextPanel(title: title, text: state.status.text))
        case .closeOverlay:
            state.overlay = nil
            state.formConflicts = []
            state.editorTheirs = nil
        case .startFilter:
            if let list = state.visibleList { state[keyPath: list.state].isFilterActive = true }
        case .clearFilter:
            if let list = state.visibleList {
                state[keyPath: list.state].filter = LineEditor()
                state[keyPath: list.state].isFilterActive = false
            }
            clampList(&state)
        case .filterKey(let key): handleFilterKey(&state, key)
        case .overlayKey(let key): return handleOverlayKey(&state, key)
        case .requestQuit:
            if state.hasUnsavedInput {
                let dialog = ConfirmDialog(
                    title: "Quit", message: "The form holds input that has not been saved. Quit and lose it?", confirmLabel: "Quit")
                state.overlay = .confirm(dialog, then: .quit, returnTo: state.overlay)
                return []
            }
            state.isQuitting = true
            return [.quit]
        case .quit:
            state.isQuitting = true
            return [.quit]
        case .click(let x, let y): handleClick(&state, x: x, y: y)
        case .resize(let width, let height):
            state.width = width
            state.height = height
            clampList(&state)
        case .journalChanged(let network, let summary):
            adopt(network, &state)
            state.status = ConflictWarnings.changedBehindOpenForm(state) ?? StatusMessage(summary)
        case .journalReachability(let unreachable, let note, let network):
            state.offline = unreachable
            adopt(network, &state)
            if let unreachable {
                let reason = unreachable.hasSuffix(".") ? String(unreachable.dropLast()) : unreachable
                state.status = StatusMessage(
                    "The journal's database cannot be reached (\(reason)): "
                        + "what is on screen stays, changes wait; reconnecting by itself.", kind: .error)
            } else {
                state.status = StatusMessage(note ?? "Reconnected: the record is up to date and changes are saved again.", kind: .success)
            }
        case .committed(let network, let summary):
            let before = state.network
            adopt(network, &state)
            if let before { state.pane.feature.didSave(&state, before: before) }
            state.awaitingSave = nil
            state.formConflicts = []
            state.status = StatusMessage("Saved: \(summary)".endingSentence, kind: .success)
        case .commitFailed(let reason, let readOnly):
            // The form or editor comes back as it was sent: nothing typed is lost to a failed save.
            var kept = ""
            switch state.awaitingSave {
            case .form(let form, let purpose)?:
                state.overlay = .form(form, purpose: purpose)
                kept = " Your input is kept in the form."
            case .editor(let editor, let title, let purpose)?:
                state.overlay = .editor(editor, title: title, purpose: purpose)
                kept = " Your text is kept in the editor."
            case nil: break
            }
            state.awaitingSave = nil
            state.status = StatusMessage(reason + kept, kind: .error)
            if readOnly { state.isReadOnly = true }
        case .commitConflicted(let rejection, let network):
            adopt(network, &state)
            ConflictWarnings.bringBack(rejection, &state)
        case .dateChanged(let date):
            if state.asOf != nil { state.asOf?.liveToday = date } else { state.today = date }
        case .requestAsOf:
            if state.asOf != nil { return update(&state, .leaveAsOf) }
            state.overlay = .form(AsOfForm.make(today: state.today), purpose: .asOf)
        case .asOfLoaded(let day, let network):
            if state.asOf == nil { state.asOf = AsOfView(day: day, live: state.network, liveToday: state.today) }
            state.asOf?.day = day
            state.network = network
            state.entities = network.entities
            state.today = day
            clampList(&state)
            state.status = StatusMessage(
                "As of \(day.longDescription): the record as it stood at the end of that day, read-only. @ or Esc returns to today.",
                kind: .warning)
        case .leaveAsOf:
            guard let view = state.asOf else { return [] }
            state.asOf = nil
            state.today = view.liveToday
            if let live = view.live { adopt(live, &state) }
            state.status = StatusMessage("Back to today's record.")
        case .unavailable(let reason): state.status = StatusMessage(reason, kind: .warning)
        case .unknownKey(let key): state.status = StatusMessage("\(key) does nothing here; press ? to see every key.")
        case .exportScreen:
            guard let network = state.network else { return [] }
            let document = state.pane.feature.export(state, network: network)
            return [.writeFile(name: document.name, contents: document.contents)]
        case .externalEditFinished(let text, let title, let purpose, let failure):
            state.overlay = .editor(TextEditor(text), title: title, purpose: purpose)
            if let failure { state.status = StatusMessage(failure, kind: .error) }
        case .fileWritten(let path, let failure):
            state.status =
                failure.map { StatusMessage("Could not write \(path): \($0)", kind: .error) }
                ?? StatusMessage("Wrote \(path).", kind: .success)
        case .requestUndo: requestUndo(&state)
        case .perform(let effect): return [effect]
        case .continueWithoutOperator:
            state.overlay = nil
            state.isReadOnly = true
            state.status = StatusMessage("No operator chosen: read-only. Press o to say who you are.", kind: .warning)
        case .chooseOperator:
            let codes = state.entities.filter { $0.status != .withdrawn }.map(\.code)
            state.overlay = .form(
                OperatorForm.make(entities: codes, current: state.currentOperator), purpose: .chooseOperator(entities: codes))
        case .operatorRemembered(let chosen, let failure):
            state.currentOperator = chosen
            if let failure {
                state.status = StatusMessage("Operator set for this session only. \(failure)", kind: .error)
            } else {
                let who = "\(chosen.name), \(chosen.entity) \(chosen.role.title.lowercased())"
                state.status = StatusMessage("Operator: \(who). Remembered for next time.", kind: .success)
            }
        }
        return []
    }

    private static func show(_ pane: Pane, _ state: inout AppState) {
        state.pane = pane
        state.status = .none
        clampList(&state)
    }

    /// A new record from the journal: every list keeps a valid selection.
    private static func adopt(_ network: NetworkState, _ state: inout AppState) {
        // Looking at a past day: the live record is kept for the return, the screen stays as it was.
        if state.asOf != nil {
            state.asOf?.live = network
            return
        }
        state.network = network
        state.entities = network.entities
        clampList(&state)
    }

    private static func pageSize(_ state: AppState) -> Int {
        state.visibleList?.content.visibleRows ?? state.layout.content.height
    }

    private static func moveInList(_ state: inout AppState, by delta: Int) {
        guard let list = state.visibleList else {
            state.pane.feature.scroll(&state, by: delta)
            return
        }
        state[keyPath: list.state].move(by: delta, in: list.content)
    }

    /// Keeps the list on screen valid after its rows or the window changed.
    static func clampList(_ state: inout AppState) {
        guard let list = state.visibleList else { return }
        state[keyPath: list.state].clamp(in: list.content)
    }

    private static func handleFilterKey(_ state: inout AppState, _ key: Key) {
        guard let list = state.visibleList else { return }
        switch key {
        case .escape:
            _ = update(&state, .clearFilter)
        case .enter, .down, .up:
            state[keyPath: list.state].isFilterActive = false
            if key != .enter { moveInList(&state, by: key == .down ? 1 : -1) }
        default:
            state[keyPath: list.state].filter.handle(key)
            state[keyPath: list.state].selection = 0
            state[keyPath: list.state].offset = 0
        }
    }

    private static func requestUndo(_ state: inout AppState) {
        guard let network = state.network, let op = state.currentOperator else { return }
        switch network.undoPlan(for: op) {
        case nil:
            state.status = StatusMessage("Nothing to undo: \(op.name) (\(op.entity)) has made no change.", kind: .warning)
        case .impossible(let summary, let reason)?:
            state.status = StatusMessage("Cannot undo \"\(summary)\": \(reason).", kind: .warning)
        case .inverse(let summary, _)?:
            let dialog = ConfirmDialog(
                title: "Undo",
                message: "Undo your last change: \(summary)? The change stays in the journal's history; undoing adds a correction.",
                confirmLabel: "Undo")
            state.overlay = .confirm(dialog, then: .perform(.execute(.undo, by: op)), returnTo: nil)
        }
    }

    private static func handleOverlayKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch state.overlay {
        case .help(let offset, let rows)?:
            let page = state.layout.content.height - 4
            switch key {
            case .escape, .character("?"), .character("q"), .enter: state.overlay = nil
            case .down, .character("j"): state.overlay = .help(offset: offset + 1, rows: rows)
            case .up, .character("k"): state.overlay = .help(offset: max(0, offset - 1), rows: rows)
            case .pageDown, .character(" "): state.overlay = .help(offset: offset + page, rows: rows)
            case .pageUp: state.overlay = .help(offset: max(0, offset - page), rows: rows)
            default: break
            }
        case .message(var panel)?:
            let page = TextPanel.visibleRows(in: Rect(x: 0, y: 0, width: state.width, height: state.height))
            let last = max(0, TextPanel.rows(panel.text, in: Rect(x: 0, y: 0, width: state.width, height: state.height)).count - page)
            switch key {
            case .escape, .enter, .character("q"), .character("!"):
                state.overlay = nil
                return []
            case .down, .character("j"): panel.offset = min(last, panel.offset + 1)
            case .up, .character("k"): panel.offset = max(0, panel.offset - 1)
            case .pageDown, .character(" "): panel.offset = min(last, panel.offset + page)
            case .pageUp: panel.offset = max(0, panel.offset - page)
            default: break
            }
            state.overlay = .message(panel)
        case .editor(var editor, let title, let purpose)?:
            if key == .control("q") || key == .control("c") { return update(&state, .requestQuit) }
            if key == .control("o") {
                state.overlay = nil
                return [.externalEdit(text: editor.text, title: title, purpose: purpose)]
            }
            switch editor.handle(key) {
            case .editing:
                state.overlay = .editor(editor, title: title, purpose: purpose)
            case .cancel:
                if editor.isDirty {
                    let dialog = ConfirmDialog(
                        title: "Discard input?", message: "\"\(title)\" has text that has not been saved. Discard it?",
                        confirmLabel: "Discard")
                    state.overlay = .confirm(dialog, then: .closeOverlay, returnTo: .editor(editor, title: title, purpose: purpose))
                } else {
                    state.overlay = nil
                    state.editorTheirs = nil
                }
            case .save:
                state.overlay = nil
                state.editorTheirs = nil
                state.awaitingSave = .editor(editor, title: title, purpose: purpose)
                return MeetingsPane.save(editor.text, for: purpose, &state)
            }
        case .confirm(let dialog, let then, let returnTo)?:
            switch dialog.answer(to: key) {
            case .confirm?:
                state.overlay = nil
                let effects = update(&state, then)
                // A form's save confirmed past a warning awaits the journal like any save: a
                // refusal or a conflict brings the form back with its input.
                if case .form(let form, let purpose)? = returnTo, effects.contains(where: { if case .execute = $0 { true } else { false } })
                {
                    state.awaitingSave = .form(form, purpose: purpose)
                }
                return effects
            case .decline?:
                state.overlay = returnTo
            case nil:
                break
            }
        case .form(var form, let purpose)?:
            if key == .control("q") || key == .control("c") { return update(&state, .requestQuit) }
            if key == .control("t"), !state.formConflicts.isEmpty {
                for conflict in state.formConflicts {
                    if let field = purpose.formField(forConflict: conflict.field) { form.setValue(field, text: conflict.theirs) }
                }
                state.formConflicts = []
                state.overlay = .form(form, purpose: purpose)
                state.status = StatusMessage("Took their values; Enter saves the form, Esc leaves it.")
                return []
            }
            switch form.handle(key) {
            case .editing:
                state.overlay = .form(form, purpose: purpose)
            case .cancelled:
                cancelForm(&state, form: form, purpose: purpose)
            case .submitted(let values):
                state.overlay = nil
                switch submit(&state, values: values, purpose: purpose) {
                case .effects(let effects):
                    if !effects.isEmpty { state.awaitingSave = .form(form, purpose: purpose) }
                    return effects
                case .handled:
                    break
                case .confirm(let dialog, let effect):
                    state.overlay = .confirm(dialog, then: .perform(effect), returnTo: .form(form, purpose: purpose))
                case .unreadable(let problem):
                    state.overlay = .form(form, purpose: purpose)
                    state.status = StatusMessage("The form could not be read: \(problem). Your input is kept.", kind: .error)
                }
            }
        case nil:
            break
        }
        return []
    }

    /// Esc on a form: a form with input asks first; the first-start operator form leaves the
    /// console read-only rather than guessing who is at the keyboard.
    private static func cancelForm(_ state: inout AppState, form: Form, purpose: FormPurpose) {
        let isFirstStart: Bool
        if case .chooseOperator = purpose { isFirstStart = state.currentOperator == nil } else { isFirstStart = false }
        let closing: Message = isFirstStart ? .continueWithoutOperator : .closeOverlay
        if form.isDirty {
            let dialog = ConfirmDialog(
                title: "Discard input?", message: "\"\(form.title)\" holds input that has not been saved. Discard it?",
                confirmLabel: "Discard")
            state.overlay = .confirm(dialog, then: closing, returnTo: .form(form, purpose: purpose))
        } else {
            state.overlay = nil
            _ = update(&state, closing)
        }
    }

    private static func submit(_ state: inout AppState, values: FormValues, purpose: FormPurpose) -> FormSubmission {
        switch purpose {
        case .overview(let form): return OverviewPane.submit(&state, form, values: values)
        case .asOf:
            guard let day = LocalDate(iso: values.text(AsOfForm.Field.day)) else { return .unreadable("the day is not a date") }
            return .effects([.loadAsOf(day)])
        case .members(let form): return MembersPane.submit(&state, form, values: values)
        case .meetings(let form): return MeetingsPane.submit(&state, form, values: values)
        case .workplan(let form): return WorkplanPane.submit(&state, form, values: values)
        case .decisions(let form): return DecisionsPane.submit(&state, form, values: values)
        case .chooseOperator(let entities):
            guard let chosen = OperatorForm.decode(values, entities: entities) else {
                return .unreadable("the entity or role is not one of the choices")
            }
            state.currentOperator = chosen
            state.isReadOnly = state.isReadOnly && chosen.role == .viewer
            return .effects([.rememberOperator(chosen)])
        }
    }

    private static func handleClick(_ state: inout AppState, x: Int, y: Int) {
        guard state.overlay == nil, !state.isTooSmall else { return }
        let layout = state.layout
        if layout.tabs.contains(x: x, y: y) {
            if let index = AppView.tabBar(for: state).tab(atColumn: x, startingAt: layout.tabs.x, width: layout.tabs.width) {
                show(Pane(rawValue: index)!, &state)
            }
            return
        }
        guard let list = state.visibleList, list.content.area.contains(x: x, y: y),
            let item = state[keyPath: list.state].item(atScreenRow: y, in: list.content)
        else { return }
        state[keyPath: list.state].selection = item
        state[keyPath: list.state].clamp(in: list.content)
    }
}
