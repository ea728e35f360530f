import TerminalUI
import UNMNDomain

/// The Decisions pane's keys, in the list and in review mode.
extension KeyBindings {
    static func closing(_ state: AppState) -> String? {
        if let reason = writing(state) { return reason }
        guard let role = state.currentOperator?.role, role == .chair || role == .coChair else {
            return "Only the chair or co-chair closes consensus items."
        }
        return nil
    }

    /// Why nothing can be written now, if so.
    static func writing(_ state: AppState) -> String? {
        if state.network == nil { return "There is no journal." }
        if state.isReadOnly { return "The console is read-only." }
        if state.currentOperator == nil { return "Say who you are first (o)." }
        if state.currentOperator?.role == .viewer { return "A viewer only reads." }
        return nil
    }

    static let decisionsBindings: [KeyBinding] = [
        KeyBinding([.character("r"), .enter], keyLabel: "r/Enter", label: "Review", description: "Review pending items one by one, from the selected one",
                   scope: .pane(.decisions), message: .startReview,
                   disabledReason: { state in state.network?.items.contains { !$0.status.isClosed } == true ? nil : "No item is pending." }),
        KeyBinding([.character("n")], label: "New item", description: "Open a consensus item (secretariat)", scope: .pane(.decisions), message: .requestNewItem,
                   disabledReason: { state in
                       if let reason = writing(state) { return reason }
                       return state.currentOperator?.role == .member ? "Members do not open items; ask the secretariat." : nil
                   }),
        KeyBinding([.character("l")], label: "Log", description: "Switch between the grouped items and the decisions log", scope: .pane(.decisions), message: .toggleDecisionsLog),
        KeyBinding([.character("y")], label: "Year", description: "In the log: show one year, the next, then all", scope: .pane(.decisions), message: .cycleLogYear, isInFooter: false,
                   disabledReason: { $0.showsDecisionsLog ? nil : "Open the decisions log first (l)." }),
        KeyBinding([.character("t")], label: "Kind", description: "In the log: show one kind of item, the next, then all", scope: .pane(.decisions), message: .cycleLogKind, isInFooter: false,
                   disabledReason: { $0.showsDecisionsLog ? nil : "Open the decisions log first (l)." }),
    ]

    static let reviewBindings: [KeyBinding] = [
        KeyBinding([.right, .character("]")], keyLabel: "→/]", label: "Next", description: "Next pending item", scope: .review, message: .reviewStep(1)),
        KeyBinding([.left, .character("[")], keyLabel: "←/[", label: "Previous", description: "Previous pending item", scope: .review, message: .reviewStep(-1)),
        KeyBinding([.down, .character("j")], keyLabel: "↓/j", label: "Down", description: "Next member in the grid", scope: .review, message: .reviewMemberMove(1), isInFooter: false),
        KeyBinding([.up, .character("k")], keyLabel: "↑/k", label: "Up", description: "Previous member in the grid", scope: .review, message: .reviewMemberMove(-1), isInFooter: false),
        KeyBinding([.character("p")], label: "Position", description: "Record the selected member's position (a member: its own), with its source",
                   scope: .review, message: .requestPosition, disabledReason: writing),
        KeyBinding([.character("a")], label: "Adopt", description: "Adopt the item (chair, co-chair), when every member answered and no objection stands",
                   scope: .review, message: .requestClose(.adopt), disabledReason: closing),
        KeyBinding([.character("x")], label: "Not adopted", description: "Close the item as not adopted (chair, co-chair)", scope: .review, message: .requestClose(.reject), disabledReason: closing),
        KeyBinding([.character("d")], label: "Defer", description: "Defer the item to a new deadline (chair, co-chair)", scope: .review, message: .requestClose(.defer), disabledReason: closing),
        KeyBinding([.character("w")], label: "Withdraw", description: "Withdraw the item (chair, co-chair)", scope: .review, message: .requestClose(.withdraw), disabledReason: closing),
        KeyBinding([.character("m")], label: "Remind", description: "Write the emails of members who have not answered to a reminder file",
                   scope: .review, message: .writeReminder),
        KeyBinding([.escape], label: "Back", description: "Leave review mode", scope: .review, message: .endReview),
    ]
}
