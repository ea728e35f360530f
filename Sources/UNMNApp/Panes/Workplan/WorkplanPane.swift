import TerminalUI
import UNMNDomain
import UNMNReports

public enum WorkplanMessage: Sendable, Hashable {
    case changeYear(by: Int)
    case open
    case toggleSummary
    case cycleGrouping
    case toggleFilter(WorkplanState.Filter)
    case cycleObjective
    case requestProgress
    case requestAddAction
    case requestEditAction
    case requestDraftPlan
    case requestEndorsement
    case requestClosePlan
}

/// The forms of the Workplan pane, with what each needs to decode its answers.
public enum WorkplanForm: Sendable, Hashable {
    case recordProgress(year: Int, code: String, basedOn: Int)
    case addAction(year: Int, entities: [EntityCode])
    /// `original`: the action as the form opened, at version `basedOn`.
    case editAction(year: Int, code: String, entities: [EntityCode], original: KeyActionDraft, basedOn: Int)
}

extension AppState {
    /// The key action selected in the Workplan table, with the plan's year.
    var selectedAction: (year: Int, action: KeyAction)? {
        guard let network else { return nil }
        let list = WorkplanList(state: self, network: network)
        return list.selectable[safe: workplan.list.selection].map { (list.year, $0) }
    }
}

/// Pane 4: the annual work plan as a living table, an action's detail, or the summary with the
/// GCM picture.
enum WorkplanPane: PaneFeature {
    static let pane = Pane.workplan

    static func list(in state: AppState, layout: AppLayout) -> PaneList? {
        guard let network = state.network, state.workplan.screen == .table else { return nil }
        let list = WorkplanList(state: state, network: network)
        guard list.plan != nil else { return nil }
        let itemRows = list.rows.indices.filter { if case .action = list.rows[$0] { return true } else { return false } }
        let body = Rect(x: layout.content.x, y: layout.content.y + 1, width: layout.content.width, height: layout.content.height - 1)
        return PaneList(
            \.workplan.list, ListContent(itemRows: itemRows, rowCount: list.rows.count, total: list.plan?.actions.count ?? 0, area: body))
    }

    static func back(_ state: inout AppState) -> Bool {
        if state.workplan.screen != .table {
            state.workplan.screen = .table
        } else if !state.workplan.filters.isEmpty || state.workplan.objective != nil {
            state.workplan.filters = []
            state.workplan.objective = nil
            state.workplan.list = ListState()
        } else {
            return false
        }
        return true
    }

    static func export(_ state: AppState, network: NetworkState) -> ExportedDocument {
        let list = WorkplanList(state: state, network: network)
        guard let plan = list.plan else {
            return ExportedDocument(name: "unmn-workplan-\(list.year).md", contents: "# Annual work plan \(list.year)\n\nNot drafted.\n")
        }
        return ExportedDocument(
            name: "unmn-workplan-\(list.year).csv", contents: WorkplanDocument.render(plan, objectives: state.gcmObjectives, format: .csv))
    }
}
