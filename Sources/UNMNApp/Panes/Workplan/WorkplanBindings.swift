import TerminalUI
import UNMNDomain

/// The Workplan pane's keys, by screen.
extension WorkplanPane {
    private static func planning(_ action: String) -> @Sendable (AppState) -> String? {
        { Guards.requireSecretariat($0, to: action) }
    }

    static let open = KeyBinding(
        [.enter], label: "Open", description: "Open the selected action: description, objectives, budget, history",
        message: .workplan(.open))
    static let progress = KeyBinding(
        [.character("p")], label: "Progress", description: "Record progress on the selected action (percentage, status, note)",
        message: .workplan(.requestProgress),
        disabledReason: { state in
            guard let (year, action) = state.selectedAction else {
                return Guards.requireWrite(state, to: "record progress") ?? "Select an action first."
            }
            return Guards.require(.recordProgress(year: year, code: action.code), state, to: "record progress on \(action.code)")
        })
    static let edit = KeyBinding(
        [.character("e")], label: "Edit", description: "Edit the selected action (secretariat)", message: .workplan(.requestEditAction),
        isInFooter: false, disabledReason: planning("edit a key action"))
    static let summary = KeyBinding(
        [.character("s")], label: "Summary", description: "Summary: overall progress, budget, counts by status, and the 23 GCM objectives",
        message: .workplan(.toggleSummary))
    static let back = KeyBinding(
        [.escape], label: "Back", description: "Back to the table; clear the filters", message: .back, isInFooter: false)

    static let tableBindings = [
        open, progress,
        KeyBinding(
            [.character("m")], label: "Mine", description: "Filter: actions my entity leads or takes part in",
            message: .workplan(.toggleFilter(.mine))),
        KeyBinding(
            [.character("l")], label: "Late", description: "Filter: late (past their end date and not completed)",
            message: .workplan(.toggleFilter(.overdue))),
        KeyBinding(
            [.character("a")], label: "At risk", description: "Filter: at risk or delayed", message: .workplan(.toggleFilter(.atRisk)),
            isInFooter: false),
        KeyBinding(
            [.character("c")], label: "This quarter", description: "Filter: running this quarter",
            message: .workplan(.toggleFilter(.thisQuarter)),
            isInFooter: false),
        KeyBinding(
            [.character("#")], label: "GCM", description: "Filter: one GCM objective at a time, then all",
            message: .workplan(.cycleObjective), isInFooter: false),
        KeyBinding(
            [.character("b")], label: "Group",
            description: "Group by GCM objective, lead entity, status, Cooperation Framework outcome, or none",
            message: .workplan(.cycleGrouping)),
        summary,
        KeyBinding(
            [.character("["), .character("]")], keyLabel: "[/]", label: "Year", description: "Previous or next year", isInFooter: false
        ) { key in .workplan(.changeYear(by: key == .character("[") ? -1 : 1)) },
        KeyBinding(
            [.character("n")], label: "Add action", description: "Add a key action to the plan (secretariat)",
            message: .workplan(.requestAddAction),
            isInFooter: false, disabledReason: planning("add a key action")),
        edit,
        KeyBinding(
            [.character("D")], label: "Draft plan", description: "Draft the plan of the year shown (secretariat)",
            message: .workplan(.requestDraftPlan),
            isInFooter: false, disabledReason: planning("draft a work plan")),
        KeyBinding(
            [.character("E")], label: "Endorsement", description: "Open the consensus item that asks the members to endorse the plan",
            message: .workplan(.requestEndorsement), isInFooter: false, disabledReason: planning("open the endorsement item")),
        KeyBindings.asOf,
        KeyBinding(
            [.character("C")], label: "Close plan", description: "Close the endorsed plan of the year shown",
            message: .workplan(.requestClosePlan),
            isInFooter: false, disabledReason: planning("close the work plan")),
        back,
    ]

    static let detailBindings = [progress, edit, KeyBinding([.escape], label: "Back", description: "Back to the table", message: .back)]
    static let summaryBindings = [summary, KeyBinding([.escape], label: "Back", description: "Back to the table", message: .back)]

    static var keyGroups: [KeyBindingGroup] {
        [
            KeyBindingGroup("4 Workplan", tableBindings),
            KeyBindingGroup("4 Workplan, an action (Enter)", detailBindings),
            KeyBindingGroup("4 Workplan, the summary (s)", summaryBindings),
        ]
    }

    static func activeBindings(in state: AppState) -> [KeyBinding] {
        switch state.workplan.screen {
        case .table: return tableBindings
        case .detail: return detailBindings
        case .summary: return summaryBindings
        }
    }
}
