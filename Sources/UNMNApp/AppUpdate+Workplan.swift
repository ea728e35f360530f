import TerminalUI
import UNMNDomain

/// The Workplan pane: year, screens, grouping and filters, and the secretariat's and members' forms.
extension AppUpdate {
    static func updateWorkplan(_ state: inout AppState, _ message: Message) -> [Effect] {
        guard let network = state.network else { return [] }
        let list = WorkplanList(state: state, network: network)
        switch message {
        case .workplanYear(let delta):
            state.workplan.year = list.year + delta
            state.workplan.list = ListState()
            state.workplan.screen = .table
        case .workplanOpen:
            if list.selectable[safe: state.workplan.list.selection] != nil { state.workplan.screen = .detail }
        case .workplanSummary:
            state.workplan.screen = state.workplan.screen == .summary ? .table : .summary
        case .workplanGroupBy:
            let all = WorkplanState.Grouping.allCases
            state.workplan.grouping = all[(all.firstIndex(of: state.workplan.grouping)! + 1) % all.count]
            state.workplan.list = ListState()
            state.status = StatusMessage("Grouped by \(state.workplan.grouping.rawValue).")
        case .workplanFilter(let filter):
            if state.workplan.filters.contains(filter) { state.workplan.filters.remove(filter) } else { state.workplan.filters.insert(filter) }
            state.workplan.list = ListState()
            state.workplan.screen = .table
        case .workplanObjective:
            let served = Array(Set(list.plan?.actions.flatMap(\.gcmObjectives) ?? [])).sorted()
            state.workplan.objective = next(after: state.workplan.objective, in: served)
            state.workplan.list = ListState()
        case .requestProgress:
            guard let action = list.selectable[safe: state.workplan.list.selection] else { return [] }
            state.overlay = .form(WorkplanForms.progress(action), purpose: .recordProgress(year: list.year, code: action.code))
        case .requestAddAction:
            guard let plan = list.plan else { state.status = StatusMessage("Draft the \(list.year) plan first (D).", kind: .warning); return [] }
            let code = "\(list.year)-" + String(format: "%02d", plan.actions.count + 1)
            state.overlay = .form(WorkplanForms.action(nil, year: list.year, members: network.members, nextCode: code), purpose: .addAction(year: list.year))
        case .requestEditAction:
            guard let action = list.selectable[safe: state.workplan.list.selection] else { return [] }
            state.overlay = .form(WorkplanForms.action(action, year: list.year, members: network.members, nextCode: action.code),
                                  purpose: .editAction(year: list.year, code: action.code))
        case .requestDraftPlan:
            guard let op = state.currentOperator else { return [] }
            return [.execute(.draftWorkPlan(year: list.year), by: op)]
        case .requestEndorsement:
            guard let plan = list.plan, plan.status == .draft else {
                state.status = StatusMessage("Only a draft plan is put to the members for endorsement.", kind: .warning)
                return []
            }
            var form = ItemForms.newItem(network: network, today: state.today)
            if let index = form.fields.firstIndex(where: { $0.id == "kind" }), case .choice(let options, _) = form.fields[index].kind,
               let endorsement = options.firstIndex(of: "AWP \(list.year) endorsement") {
                form.fields[index].kind = .choice(options: options, selected: endorsement)
                form.fields[1].kind = .text(LineEditor("Endorsement of the \(list.year) annual work plan"))
                form.fields[2].kind = .text(LineEditor("The members are invited to endorse the \(list.year) AWP of \(plan.actions.count) key actions."))
            }
            state.overlay = .form(form, purpose: .openItem)
        case .requestClosePlan:
            guard let op = state.currentOperator else { return [] }
            let dialog = ConfirmDialog(title: "Close the \(list.year) plan", message: "Close the \(list.year) annual work plan? No more progress can be recorded on it.", confirmLabel: "Close")
            state.overlay = .confirm(dialog, then: .perform(.execute(.closeWorkPlan(year: list.year, on: state.today), by: op)), returnTo: nil)
        default:
            break
        }
        return []
    }

    static func submitWorkplan(_ state: inout AppState, values: [String: FormValue], purpose: FormPurpose) -> [Effect] {
        guard let op = state.currentOperator else { return [] }
        switch purpose {
        case .recordProgress(let year, let code):
            guard let (percent, status, note) = WorkplanForms.decodeProgress(values) else { return [] }
            return [.execute(.recordProgress(year: year, code: code, percent: percent, status: status, note: note), by: op)]
        case .addAction(let year):
            guard let draft = WorkplanForms.decodeAction(values) else { return [] }
            return [.execute(.addKeyAction(year: year, draft), by: op)]
        case .editAction(let year, let code):
            guard let draft = WorkplanForms.decodeAction(values) else { return [] }
            return [.execute(.editKeyAction(year: year, code: code, draft), by: op)]
        default:
            return []
        }
    }
}
