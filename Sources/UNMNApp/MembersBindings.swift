import TerminalUI
import UNMNDomain

/// The Members pane's keys beyond browsing: focal points, the mailing list, admission, withdrawal.
extension KeyBindings {
    static func selectedFocalPoint(_ state: AppState) -> FocalPoint? {
        guard let entity = state.selectedEntity, let network = state.network else { return nil }
        return network.focalPoints.filter { $0.entity == entity.code && $0.isActive }[safe: state.focalPointSelection]
    }

    static func focalPointAction(_ state: AppState) -> String? {
        planning(state) ?? (selectedFocalPoint(state) == nil ? "Open an entity with focal points and select one (Enter, then ↓/↑)." : nil)
    }

    static let membersBindings: [KeyBinding] = [
        KeyBinding([.character("n")], label: "Add focal point", description: "Add a focal point to the selected entity (corporate email, or a recorded exception)",
                   scope: .pane(.members), message: .requestFocalPoint, disabledReason: planning),
        KeyBinding([.character("e")], label: "Edit", description: "Edit the selected focal point (name, position, level, email)",
                   scope: .pane(.members), message: .requestEditFocalPoint, isInFooter: false, disabledReason: focalPointAction),
        KeyBinding([.character("m")], label: "Mailing list", description: "Put the selected focal point on the mailing list, or take it off",
                   scope: .pane(.members), message: .toggleMailingList, isInFooter: false, disabledReason: focalPointAction),
        KeyBinding([.character("R")], label: "Retire", description: "The selected focal point stepped down (kept in the record)",
                   scope: .pane(.members), message: .retireFocalPoint, isInFooter: false, disabledReason: focalPointAction),
        KeyBinding([.character("L")], label: "List changes", description: "Mailing-list changes since the last request to the IT unit; s marks the request sent",
                   scope: .pane(.members), message: .showMailingListChanges, isInFooter: false),
        KeyBinding([.character("s")], label: "Request sent", description: "In the list changes: mark the request to the IT unit sent",
                   scope: .pane(.members), message: .markMailingListRequestSent, isInFooter: false,
                   disabledReason: { state in planning(state) ?? (state.showsMailingListChanges ? nil : "Show the list changes first (L).") }),
        KeyBinding([.character("A")], label: "Admission", description: "Propose the admission of a new entity (opens an admission item in Decisions)",
                   scope: .pane(.members), message: .requestAdmission, isInFooter: false, disabledReason: planning),
        KeyBinding([.character("W")], label: "Withdrawal", description: "Record the selected entity's withdrawal (its history stays)",
                   scope: .pane(.members), message: .requestWithdrawal, isInFooter: false, disabledReason: planning),
    ]
}
