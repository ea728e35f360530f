import TerminalUI
import UNMNDomain

/// The Workplan pane's keys.
extension KeyBindings {
    /// Why the operator may not change the plan itself (drafting, actions, endorsement, closing).
    static func planning(_ state: AppState) -> String? {
        if let reason = writing(state) { return reason }
        return state.currentOperator?.role == .member ? "The work plan is the secretariat's to change; you may record progress on your entity's actions." : nil
    }

    static func selectedAction(_ state: AppState) -> (Int, KeyAction)? {
        guard let network = state.network else { return nil }
        let list = WorkplanList(state: state, network: network)
        return list.selectable[safe: state.workplan.list.selection].map { (list.year, $0) }
    }

    static let workplanBindings: [KeyBinding] = [
        KeyBinding([.enter], label: "Open", description: "Open the selected action: description, objectives, budget, history", scope: .pane(.workplan), message: .workplanOpen),
        KeyBinding([.character("p")], label: "Progress", description: "Record progress on the selected action (percentage, status, note)",
                   scope: .pane(.workplan), message: .requestProgress, disabledReason: { state in
                       if let reason = writing(state) { return reason }
                       guard let (year, action) = selectedAction(state), let op = state.currentOperator, let network = state.network else { return "Select an action first." }
                       return Permissions.refusal(for: .recordProgress(year: year, code: action.code, percent: 0, status: .onTrack, note: ""),
                                                  by: CommandContext(operator: op, now: Instant(tashkent: state.today)), in: network).map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
                   }),
        KeyBinding([.character("m")], label: "Mine", description: "Filter: actions my entity leads or takes part in", scope: .pane(.workplan), message: .workplanFilter(.mine)),
        KeyBinding([.character("l")], label: "Late", description: "Filter: late (past their end date and not completed)", scope: .pane(.workplan), message: .workplanFilter(.overdue)),
        KeyBinding([.character("a")], label: "At risk", description: "Filter: at risk or delayed", scope: .pane(.workplan), message: .workplanFilter(.atRisk), isInFooter: false),
        KeyBinding([.character("c")], label: "This quarter", description: "Filter: running this quarter", scope: .pane(.workplan), message: .workplanFilter(.thisQuarter), isInFooter: false),
        KeyBinding([.character("#")], label: "GCM", description: "Filter: one GCM objective at a time, then all", scope: .pane(.workplan), message: .workplanObjective, isInFooter: false),
        KeyBinding([.character("b")], label: "Group", description: "Group by GCM objective, lead entity, status, Cooperation Framework outcome, or none",
                   scope: .pane(.workplan), message: .workplanGroupBy),
        KeyBinding([.character("s")], label: "Summary", description: "Summary: overall progress, budget, counts by status, and the 23 GCM objectives",
                   scope: .pane(.workplan), message: .workplanSummary),
        KeyBinding([.character("["), .character("]")], keyLabel: "[/]", label: "Year", description: "Previous or next year", scope: .pane(.workplan),
                   message: .workplanYear(0), isInFooter: false),
        KeyBinding([.character("n")], label: "Add action", description: "Add a key action to the plan (secretariat)", scope: .pane(.workplan),
                   message: .requestAddAction, isInFooter: false, disabledReason: planning),
        KeyBinding([.character("e")], label: "Edit", description: "Edit the selected action (secretariat)", scope: .pane(.workplan), message: .requestEditAction,
                   isInFooter: false, disabledReason: planning),
        KeyBinding([.character("D")], label: "Draft plan", description: "Draft the plan of the year shown (secretariat)", scope: .pane(.workplan),
                   message: .requestDraftPlan, isInFooter: false, disabledReason: planning),
        KeyBinding([.character("E")], label: "Endorsement", description: "Open the consensus item that asks the members to endorse the plan",
                   scope: .pane(.workplan), message: .requestEndorsement, isInFooter: false, disabledReason: planning),
        KeyBinding([.character("C")], label: "Close plan", description: "Close the endorsed plan of the year shown", scope: .pane(.workplan),
                   message: .requestClosePlan, isInFooter: false, disabledReason: planning),
        KeyBinding([.escape], label: "Back", description: "Back to the table; clear the filters", scope: .pane(.workplan), message: .back, isInFooter: false),
    ]
}
