import Foundation
import TerminalUI
import UNMNDomain

/// The Workplan pane's changes: year, screens, grouping and filters, and the secretariat's and
/// members' forms.
extension WorkplanPane {
    static func update(_ state: inout AppState, _ message: WorkplanMessage) -> [Effect] {
        guard let network = state.network else { return [] }
        let list = WorkplanList(state: state, network: network)
        switch message {
        case .changeYear(let delta):
            state.workplan.year = list.year + delta
            state.workplan.list = ListState()
            state.workplan.screen = .table
        case .open:
            if list.selectable[safe: state.workplan.list.selection] != nil { state.workplan.screen = .detail }
        case .toggleSummary:
            state.workplan.screen = state.workplan.screen == .summary ? .table : .summary
        case .cycleGrouping:
            let all = WorkplanState.Grouping.allCases
            state.workplan.grouping = all[(all.firstIndex(of: state.workplan.grouping)! + 1) % all.count]
            state.workplan.list = ListState()
            state.status = StatusMessage("Grouped by \(state.workplan.grouping.rawValue).")
        case .toggleFilter(let filter):
            if state.workplan.filters.contains(filter) {
                state.workplan.filters.remove(filter)
            } else {
                state.workplan.filters.insert(filter)
            }
            state.workplan.list = ListState()
            state.workplan.screen = .table
        case .cycleObjective:
            let served = Array(Set(list.plan?.actions.flatMap(\.gcmObjectives) ?? [])).sorted()
            state.workplan.objective = next(after: state.workplan.objective, in: served)
            state.workplan.list = ListState()
        case .requestProgress:
            guard let action = list.selectable[safe: state.workplan.list.selection] else { return [] }
            let basedOn = network.version(of: .keyAction(year: list.year, code: action.code))
            state.overlay = .form(
                WorkplanForms.progress(action), purpose: .workplan(.recordProgress(year: list.year, code: action.code, basedOn: basedOn)))
        case .requestAddAction:
            guard let plan = list.plan else {
                state.status = StatusMessage("Draft the \(list.year) plan first (D).", kind: .warning)
                return []
            }
            let code = "\(list.year)-" + String(format: "%02d", plan.actions.count + 1)
            let entities = network.members.map(\.code)
            state.overlay = .form(
                WorkplanForms.action(nil, year: list.year, entities: entities, nextCode: code, revising: plan.isEndorsed),
                purpose: .workplan(.addAction(year: list.year, entities: entities)))
        case .requestEditAction:
            guard let action = list.selectable[safe: state.workplan.list.selection] else { return [] }
            let entities = network.members.map(\.code)
            state.overlay = .form(
                WorkplanForms.action(
                    action, year: list.year, entities: entities, nextCode: action.code, revising: list.plan?.isEndorsed == true),
                purpose: .workplan(
                    .editAction(
                        year: list.year, code: action.code, entities: entities, original: KeyActionDraft(action),
                        basedOn: network.version(of: .keyAction(year: list.year, code: action.code)))))
        case .requestDraftPlan:
            guard let op = state.currentOperator else { return [] }
            return [.execute(.draftWorkPlan(year: list.year), by: op)]
        case .requestEndorsement:
            guard let plan = list.plan, plan.status == .draft || !plan.revisionsAwaitingEndorsement.isEmpty else {
                state.status = StatusMessage(
                    "Only a draft plan, or an endorsed one's revisions of budgets, timeframes or new actions, go to the members for "
                        + "endorsement.", kind: .warning)
                return []
            }
            let revising = plan.status != .draft
            let kinds = ItemForms.kinds(network)
            var form = ItemForms.newItem(network: network, today: state.today, kinds: kinds)
            if let endorsement = kinds.firstIndex(of: .workPlanEndorsement(year: list.year)) {
                form.choose(ItemForms.NewItemField.kind, endorsement)
                form.setText(
                    ItemForms.NewItemField.title,
                    revising
                        ? "Endorsement of the revised \(list.year) annual work plan" : "Endorsement of the \(list.year) annual work plan")
                form.setText(
                    ItemForms.NewItemField.text,
                    revising
                        ? "The members are invited to endorse the revisions of the \(list.year) AWP: "
                            + plan.revisionsAwaitingEndorsement.map(\.description).joined(separator: "; ") + "."
                        : "The members are invited to endorse the \(list.year) AWP of \(plan.actions.count) key actions.")
            }
            state.overlay = .form(
                form, purpose: .decisions(.openItem(kinds: kinds, meetings: ItemForms.recentMeetings(network, today: state.today))))
        case .requestClosePlan:
            guard let op = state.currentOperator else { return [] }
            let dialog = ConfirmDialog(
                title: "Close the \(list.year) plan",
                message: "Close the \(list.year) annual work plan? No more progress can be recorded on it.",
                confirmLabel: "Close")
            state.overlay = .confirm(
                dialog, then: .perform(.execute(.closeWorkPlan(year: list.year, on: state.today), by: op)), returnTo: nil)
        }
        return []
    }

    /// The value after `current` in `values`, then nil (all), then the first again.
    static func next<T: Equatable>(after current: T?, in values: [T]) -> T? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }

    static func submit(_ state: inout AppState, _ form: WorkplanForm, values: FormValues) -> FormSubmission {
        guard let op = state.currentOperator else { return .unreadable("no operator is chosen") }
        switch form {
        case .recordProgress(let year, let code, let basedOn):
            guard let input = WorkplanForms.ProgressInput(values) else {
                return .unreadable("the percentage or the status is not understood")
            }
            let save = Effect.execute(
                .recordProgress(year: year, code: code, percent: input.percent, status: input.status, note: input.note, basedOn: basedOn),
                by: op)
            // An action past its end date and not complete is late, whatever the form says:
            // "on track" there is allowed (an extension agreed, say) but asked about.
            if input.status == .onTrack, let action = state.network?.workPlans[year]?.actions.first(where: { $0.code == code }),
                action.ends < state.today
            {
                let dialog = ConfirmDialog(
                    title: "\(code) is late",
                    message:
                        "\(code) was due to end on \(action.ends), and it is \(input.percent) % done. Record it as on track anyway "
                        + "(say why in the note), or go back and choose at risk or delayed?",
                    confirmLabel: "On track anyway")
                return .confirm(dialog, save)
            }
            return .effects([save])
        case .addAction(let year, let entities):
            guard let input = WorkplanForms.ActionInput(values, entities: entities) else {
                return .unreadable("a date, an amount, the lead or the GCM objectives are not understood")
            }
            return .effects([.execute(.addKeyAction(year: year, input.draft, revision: input.revision), by: op)])
        case .editAction(let year, let code, let entities, let original, let basedOn):
            guard let input = WorkplanForms.ActionInput(values, entities: entities) else {
                return .unreadable("a date, an amount, the lead or the GCM objectives are not understood")
            }
            return .effects([
                .execute(
                    .editKeyAction(
                        year: year, code: code, Edit(from: original, to: input.draft, basedOn: basedOn), revision: input.revision),
                    by: op)
            ])
        }
    }
}
