import TerminalUI
import UNMNDomain

/// The Decisions pane's keys, by screen.
extension DecisionsPane {
    private static func closing(_ kind: ClosingKind) -> @Sendable (AppState) -> String? {
        { Guards.requireChair($0, to: kind.action) }
    }

    static let listBindings = [
        KeyBinding(
            [.character("r"), .enter], keyLabel: "r/Enter", label: "Review",
            description: "Review pending items one by one, from the selected one",
            message: .decisions(.startReview),
            disabledReason: { state in state.network?.openItemIndices.isEmpty == false ? nil : "No item is pending." }),
        KeyBinding(
            [.character("n")], label: "New item", description: "Open a consensus item (secretariat)", message: .decisions(.requestNewItem),
            disabledReason: { Guards.requireSecretariat($0, to: "open a consensus item") }),
        KeyBinding([.character("l")], label: "Log", description: "Show the decisions log", message: .decisions(.toggleLog)),
    ]

    static let logBindings = [
        KeyBinding(
            [.enter], label: "Open", description: "Open the selected decision's item (read-only: it is closed)",
            message: .decisions(.openLogEntry)),
        KeyBinding([.character("l")], label: "Items", description: "Back to the grouped items", message: .decisions(.toggleLog)),
        KeyBinding([.character("y")], label: "Year", description: "Show one year, the next, then all", message: .decisions(.cycleLogYear)),
        KeyBinding(
            [.character("t")], label: "Kind", description: "Show one kind of item, the next, then all", message: .decisions(.cycleLogKind)),
        KeyBinding([.escape], label: "Back", description: "Back to the grouped items", message: .back),
    ]

    static let reviewBindings = [
        KeyBinding(
            [.right, .character("]")], keyLabel: "→/]", label: "Next", description: "Next pending item", message: .decisions(.reviewStep(1))
        ),
        KeyBinding(
            [.left, .character("[")], keyLabel: "←/[", label: "Previous", description: "Previous pending item",
            message: .decisions(.reviewStep(-1))),
        KeyBinding(
            [.character("p")], label: "Position", description: "Record the selected member's position (a member: its own), with its source",
            message: .decisions(.requestPosition),
            disabledReason: { state in
                guard let op = state.currentOperator, op.role == .member else { return Guards.requireWrite(state, to: "record a position") }
                return Guards.requireOwnEntity(op.entity, state, to: "record a position")
            }),
        KeyBinding(
            [.character("a")], label: "Adopt",
            description: "Adopt the item (chair, co-chair), when every member answered and no objection stands",
            message: .decisions(.requestClose(.adopt)), disabledReason: closing(.adopt)),
        KeyBinding(
            [.character("N")], label: "Not adopted", description: "Close the item as not adopted (chair, co-chair)",
            message: .decisions(.requestClose(.reject)), disabledReason: closing(.reject)),
        KeyBinding(
            [.character("d")], label: "Defer", description: "Defer the item to a new deadline (chair, co-chair)",
            message: .decisions(.requestClose(.defer)), disabledReason: closing(.defer)),
        KeyBinding(
            [.character("w")], label: "Withdraw", description: "Withdraw the item (chair, co-chair)",
            message: .decisions(.requestClose(.withdraw)), disabledReason: closing(.withdraw)),
        KeyBinding(
            [.character("R")], label: "Re-open",
            description: "Consult again on a work plan changed since its endorsement item opened (positions reset, history kept)",
            message: .decisions(.requestReopen), isInFooter: false,
            disabledReason: { state in
                if let reason = Guards.requireSecretariat(state, to: "re-open a consultation") { return reason }
                guard let item = state.reviewedItem, case .workPlanEndorsement(let year) = item.kind else {
                    return "Only a work plan's endorsement is consulted on again, when the plan changed."
                }
                if item.status.isClosed { return "\(item.reference) is closed (\(item.status.title))." }
                return state.network?.planChange(since: item) == nil
                    ? "The \(year) plan has not changed since the consultation opened." : nil
            }),
        KeyBinding(
            [.character("m")], label: "Remind", description: "Write the emails of members who have not answered to a reminder file",
            message: .decisions(.writeReminder)),
        KeyBinding([.escape], label: "Back", description: "Leave review mode", message: .decisions(.endReview)),
    ]

    static var keyGroups: [KeyBindingGroup] {
        [
            KeyBindingGroup("5 Decisions", listBindings),
            KeyBindingGroup("5 Decisions, review mode (r)", reviewBindings),
            KeyBindingGroup("5 Decisions, the log (l)", logBindings),
        ]
    }

    static func activeBindings(in state: AppState) -> [KeyBinding] {
        if state.decisions.review != nil { return reviewBindings }
        return state.decisions.showsLog ? logBindings : listBindings
    }
}
