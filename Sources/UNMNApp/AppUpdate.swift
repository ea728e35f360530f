import TerminalUI
import UNMNDomain

/// The one place the state changes: `update(&state, message)` returns the effects to perform
/// and performs none of them (the Elm architecture), so every key can be tested without a
/// terminal.
public enum AppUpdate {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .selectPane(let pane):
            state.pane = pane
            state.status = .none
        case .nextPane:
            state.pane = state.pane.next
            state.status = .none
        case .previousPane:
            state.pane = state.pane.previous
            state.status = .none
        case .moveSelection(let delta):
            moveInList(&state, by: delta)
        case .pageDown:
            moveInList(&state, by: state.layout.visibleListRows)
        case .pageUp:
            moveInList(&state, by: -state.layout.visibleListRows)
        case .moveToFirst:
            moveInList(&state, by: -Int(Int32.max))
        case .moveToLast:
            moveInList(&state, by: Int(Int32.max))
        case .open:
            if state.pane == .members, state.selectedEntity != nil { state.isShowingMemberDetail = true }
        case .back:
            goBack(&state)
        case .showHelp:
            state.overlay = .help(offset: 0)
        case .closeOverlay:
            state.overlay = nil
        case .startFilter:
            state.activeList.isFilterActive = true
        case .clearFilter:
            state.activeList.filter = LineEditor()
            state.activeList.isFilterActive = false
            state.members.clamp(count: state.visibleEntities.count, visibleRows: state.layout.visibleListRows)
        case .filterKey(let key):
            handleFilterKey(&state, key)
        case .overlayKey(let key):
            return handleOverlayKey(&state, key)
        case .requestQuit:
            if state.hasUnsavedInput {
                state.overlay = .confirm(ConfirmDialog(title: "Quit", message: "The form holds input that has not been saved. Quit and lose it?", confirmLabel: "Quit"), then: .quit, returnTo: state.overlay)
                return []
            }
            state.isQuitting = true
            return [.quit]
        case .quit:
            state.isQuitting = true
            return [.quit]
        case .click(let x, let y):
            handleClick(&state, x: x, y: y)
        case .resize(let width, let height):
            state.width = width
            state.height = height
            state.members.clamp(count: state.visibleEntities.count, visibleRows: state.layout.visibleListRows)
        case .journalChanged(let network, let summary):
            state.network = network
            state.entities = network.entities
            state.members.clamp(count: state.visibleEntities.count, visibleRows: state.layout.visibleListRows)
            state.status = StatusMessage(summary)
        case .dateChanged(let date):
            state.today = date
        case .unavailable(let reason):
            state.status = StatusMessage(reason, kind: .warning)
        case .unknownKey(let key):
            state.status = StatusMessage("\(key) does nothing here; press ? to see every key.")
        case .startReview, .endReview, .reviewStep, .reviewMemberMove, .requestPosition, .requestClose, .requestNewItem, .writeReminder, .toggleDecisionsLog,
             .cycleLogYear, .cycleLogKind:
            return updateDecisions(&state, message)
        case .overviewOpen:
            OverviewView.open(&state)
        case .requestFocalPoint, .requestEditFocalPoint, .toggleMailingList, .retireFocalPoint, .showMailingListChanges, .markMailingListRequestSent, .requestAdmission, .requestWithdrawal:
            return updateMembers(&state, message)
        case .meetingOpen, .meetingAttendance, .requestSchedule, .requestAgendaItem, .meetingFinalise, .meetingShare, .toggleActionPoints, .requestActionPointUpdate,
             .requestMinutes, .requestAmendment, .requestMeetingDecision, .requestActionPoint:
            return updateMeetings(&state, message)
        case .workplanYear, .workplanOpen, .workplanSummary, .workplanGroupBy, .workplanFilter, .workplanObjective, .requestProgress,
             .requestAddAction, .requestEditAction, .requestDraftPlan, .requestEndorsement, .requestClosePlan:
            return updateWorkplan(&state, message)
        case .exportScreen:
            guard let network = state.network else { return [] }
            let (name, contents) = ScreenExport.document(for: state, network: network)
            return [.writeFile(name: name, contents: contents)]
        case .externalEditFinished(let text, let title, let purpose, let failure):
            state.overlay = .editor(TextEditor(text), title: title, purpose: purpose)
            if let failure { state.status = StatusMessage(failure, kind: .error) }
        case .fileWritten(let path, let failure):
            state.status = failure.map { StatusMessage("Could not write \(path): \($0)", kind: .error) } ?? StatusMessage("Wrote \(path).", kind: .success)
        case .requestUndo:
            guard let network = state.network, let op = state.currentOperator else { return [] }
            switch network.undoPlan(for: op) {
            case nil:
                state.status = StatusMessage("Nothing to undo: \(op.name) (\(op.entity)) has made no change.", kind: .warning)
            case .impossible(let summary, let reason)?:
                state.status = StatusMessage("Cannot undo \"\(summary)\": \(reason).", kind: .warning)
            case .compensate(let summary, _)?:
                let dialog = ConfirmDialog(title: "Undo", message: "Undo your last change: \(summary)? The change stays in the journal's history; undoing adds a correction.", confirmLabel: "Undo")
                state.overlay = .confirm(dialog, then: .perform(.execute(.undo, by: op)), returnTo: nil)
            }
        case .perform(let effect):
            return [effect]
        case .committed(let network, let summary):
            state.network = network
            state.entities = network.entities
            state.members.clamp(count: state.visibleEntities.count, visibleRows: state.layout.visibleListRows)
            state.status = StatusMessage("Saved: \(summary).", kind: .success)
        case .commitFailed(let reason, let readOnly):
            state.status = StatusMessage(reason, kind: .error)
            if readOnly { state.isReadOnly = true }
        case .continueWithoutOperator:
            state.overlay = nil
            state.isReadOnly = true
            state.status = StatusMessage("No operator chosen: read-only. Press o to say who you are.", kind: .warning)
        case .chooseOperator:
            state.overlay = .form(OperatorForm.make(entities: state.entities, current: state.currentOperator), purpose: .chooseOperator)
        case .operatorRemembered(let chosen, let failure):
            state.currentOperator = chosen
            if let failure {
                state.status = StatusMessage("Operator set for this session only. \(failure)", kind: .error)
            } else {
                state.status = StatusMessage("Operator: \(chosen.name), \(chosen.entity) \(chosen.role.title.lowercased()). Remembered for next time.", kind: .success)
            }
        }
        return []
    }

    private static func moveInList(_ state: inout AppState, by delta: Int) {
        switch state.pane {
        case .overview:
            state.overviewLine = min(OverviewView.targets.count - 1, max(0, state.overviewLine + delta))
        case .members where state.isShowingMemberDetail && !state.layout.isWide:
            let count = state.selectedEntity.flatMap { entity in state.network?.focalPoints.filter { $0.entity == entity.code && $0.isActive }.count } ?? 0
            state.focalPointSelection = min(max(0, count - 1), max(0, state.focalPointSelection + delta))
        case .members:
            state.members.move(by: delta, count: state.visibleEntities.count, visibleRows: state.layout.visibleListRows)
            state.focalPointSelection = 0
        case .meetings:
            if state.meetings.showsActionPoints {
                let count = state.network?.actionPoints.count ?? 0
                state.meetings.actionPoint = min(max(0, count - 1), max(0, state.meetings.actionPoint + delta))
            } else if state.meetings.opened != nil {
                let count = state.network?.members.count ?? 0
                state.meetings.member = min(max(0, count - 1), max(0, state.meetings.member + delta))
            } else {
                let count = state.network?.meetings.count ?? 0
                state.meetings.list.move(by: delta, count: count, visibleRows: state.layout.visibleListRows - 1)
            }
        case .workplan:
            let count = state.network.map { WorkplanList(state: state, network: $0).selectable.count } ?? 0
            state.workplan.list.move(by: delta, count: count, visibleRows: state.layout.visibleListRows - 1)
        case .decisions:
            let count = state.showsDecisionsLog ? state.network.map { DecisionsView.log(state, network: $0).count } ?? 0 : (decisionsList(state)?.rows.count ?? 0)
            state.decisions.move(by: delta, count: count, visibleRows: state.layout.visibleListRows)
        }
    }

    private static func goBack(_ state: inout AppState) {
        if state.pane == .meetings && state.meetings.showsActionPoints {
            state.meetings.showsActionPoints = false
        } else if state.pane == .meetings && state.meetings.opened != nil {
            state.meetings.opened = nil
        } else if state.pane == .workplan && state.workplan.screen != .table {
            state.workplan.screen = .table
        } else if state.pane == .workplan && (!state.workplan.filters.isEmpty || state.workplan.objective != nil) {
            state.workplan.filters = []
            state.workplan.objective = nil
            state.workplan.list = ListState()
        } else if state.pane == .decisions && state.showsDecisionsLog {
            state.showsDecisionsLog = false
            state.decisions = ListState()
        } else if state.pane == .members && state.showsMailingListChanges {
            state.showsMailingListChanges = false
        } else if state.pane == .members && state.isShowingMemberDetail {
            state.isShowingMemberDetail = false
        } else if state.pane != .overview && !state.activeList.filterText.isEmpty {
            _ = update(&state, .clearFilter)
        } else {
            state.status = .none
        }
    }

    private static func handleFilterKey(_ state: inout AppState, _ key: Key) {
        switch key {
        case .escape:
            _ = update(&state, .clearFilter)
        case .enter, .down, .up:
            state.activeList.isFilterActive = false
            if key != .enter { moveInList(&state, by: key == .down ? 1 : -1) }
        default:
            state.activeList.filter.handle(key)
            state.activeList.selection = 0
            state.activeList.offset = 0
            state.isShowingMemberDetail = false
        }
    }

    private static func handleOverlayKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch state.overlay {
        case .help(let offset)?:
            switch key {
            case .escape, .character("?"), .character("q"), .enter: state.overlay = nil
            case .down, .character("j"): state.overlay = .help(offset: offset + 1)
            case .up, .character("k"): state.overlay = .help(offset: max(0, offset - 1))
            case .pageDown, .character(" "): state.overlay = .help(offset: offset + state.layout.content.height - 4)
            case .pageUp: state.overlay = .help(offset: max(0, offset - state.layout.content.height + 4))
            default: break
            }
        case .editor(var editor, let title, let purpose)?:
            if key == .control("o") {
                state.overlay = nil
                return [.externalEdit(text: editor.text, title: title, purpose: purpose)]
            }
            switch editor.handle(key) {
            case .editing:
                state.overlay = .editor(editor, title: title, purpose: purpose)
            case .cancel:
                if editor.isDirty {
                    let dialog = ConfirmDialog(title: "Discard input?", message: "\"\(title)\" has text that has not been saved. Discard it?", confirmLabel: "Discard")
                    state.overlay = .confirm(dialog, then: .closeOverlay, returnTo: .editor(editor, title: title, purpose: purpose))
                } else {
                    state.overlay = nil
                }
            case .save:
                state.overlay = nil
                guard let op = state.currentOperator else { return [] }
                switch purpose {
                case .minutes(let meeting, let item): return [.execute(.writeMinutes(meeting: meeting, item: item, text: editor.text), by: op)]
                case .amendment(let meeting): return [.execute(.amendMinutes(meeting, text: editor.text), by: op)]
                }
            }
        case .confirm(let dialog, let then, let returnTo)?:
            switch dialog.answer(to: key) {
            case .confirm?:
                state.overlay = nil
                return update(&state, then)
            case .decline?:
                state.overlay = returnTo
            case nil:
                break
            }
        case .form(var form, let purpose)?:
            if key == .control("q") { return update(&state, .requestQuit) }
            switch form.handle(key) {
            case .editing:
                state.overlay = .form(form, purpose: purpose)
            case .cancelled:
                cancelForm(&state, form: form, purpose: purpose)
            case .submitted(let values):
                state.overlay = nil
                return submit(&state, values: values, purpose: purpose)
            }
        case nil:
            break
        }
        return []
    }

    /// Esc on a form: a form with input asks first; the first-start operator form leaves the
    /// console read-only rather than guessing who is at the keyboard.
    private static func cancelForm(_ state: inout AppState, form: Form, purpose: FormPurpose) {
        let closing: Message = purpose == .chooseOperator && state.currentOperator == nil ? .continueWithoutOperator : .closeOverlay
        if form.isDirty {
            let dialog = ConfirmDialog(title: "Discard input?", message: "\"\(form.title)\" holds input that has not been saved. Discard it?", confirmLabel: "Discard")
            state.overlay = .confirm(dialog, then: closing, returnTo: .form(form, purpose: purpose))
        } else {
            state.overlay = nil
            _ = update(&state, closing)
        }
    }

    private static func submit(_ state: inout AppState, values: [String: FormValue], purpose: FormPurpose) -> [Effect] {
        switch purpose {
        case .recordPosition, .closeItem, .openItem:
            return submitDecisions(&state, values: values, purpose: purpose)
        case .recordProgress, .addAction, .editAction:
            return submitWorkplan(&state, values: values, purpose: purpose)
        case .scheduleMeeting, .addAgendaItem, .updateActionPoint, .chooseAgendaItem, .meetingDecision, .addActionPoint:
            return submitMeetings(&state, values: values, purpose: purpose)
        case .addFocalPoint, .editFocalPoint, .proposeAdmission, .recordWithdrawal:
            return submitMembers(&state, values: values, purpose: purpose)
        case .chooseOperator:
            guard let chosen = OperatorForm.decode(values) else { return [] }
            state.currentOperator = chosen
            state.isReadOnly = state.isReadOnly && chosen.role == .viewer
            return [.rememberOperator(chosen)]
        }
    }

    private static func handleClick(_ state: inout AppState, x: Int, y: Int) {
        guard state.overlay == nil, !state.isTooSmall else { return }
        let layout = state.layout
        if layout.tabs.contains(x: x, y: y) {
            if let index = AppView.tabBar(for: state).tab(atColumn: x, startingAt: layout.tabs.x, width: layout.tabs.width) {
                state.pane = Pane(rawValue: index)!
                state.status = .none
            }
            return
        }
        if state.pane == .members, !state.isShowingMemberDetail || layout.isWide {
            let table = MembersView.table(for: state)
            if let row = table.row(atScreenRow: y, in: layout.listAndDetail.list), layout.listAndDetail.list.contains(x: x, y: y) {
                state.members.selection = row
                state.members.clamp(count: state.visibleEntities.count, visibleRows: layout.visibleListRows)
            }
        }
    }
}
