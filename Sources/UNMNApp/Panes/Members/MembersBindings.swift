import TerminalUI
import UNMNDomain

/// The Members pane's keys, by screen.
extension MembersPane {
    private static func focalPointKey(_ action: String) -> @Sendable (AppState) -> String? {
        { state in
            Guards.requireSecretariat(state, to: action)
                ?? Guards.requireSelection(
                    state.selectedFocalPoint != nil, "Open an entity with focal points and select one (Enter, then ↓/↑).")
        }
    }

    static let open = KeyBinding(
        [.enter], label: "Open", description: "Open the selected entity's record: its focal points take the selection",
        message: .members(.open))
    static let addFocalPoint = KeyBinding(
        [.character("n")], label: "Add focal point",
        description: "Add a focal point to the selected entity (corporate email, or a recorded exception)",
        message: .members(.requestFocalPoint), disabledReason: { Guards.requireSecretariat($0, to: "add a focal point") })
    static let edit = KeyBinding(
        [.character("e")], label: "Edit", description: "Edit the selected focal point (name, position, level, email)",
        message: .members(.requestEditFocalPoint), disabledReason: focalPointKey("edit a focal point"))
    static let mailingList = KeyBinding(
        [.character("m")], label: "Mailing list", description: "Put the selected focal point on the mailing list, or take it off",
        message: .members(.toggleMailingList), disabledReason: focalPointKey("change who is on the mailing list"))
    static let retire = KeyBinding(
        [.character("R")], label: "Retire", description: "The selected focal point stepped down (kept in the record)",
        message: .members(.retireFocalPoint), isInFooter: false, disabledReason: focalPointKey("retire a focal point"))
    static let listChanges = KeyBinding(
        [.character("L")], label: "List changes", description: "Mailing-list changes since the last request to the IT unit",
        message: .members(.showMailingListChanges), isInFooter: false)
    static let requestSent = KeyBinding(
        [.character("s")], label: "Request sent", description: "Mark the request to the IT unit sent",
        message: .members(.markMailingListRequestSent),
        disabledReason: { Guards.requireSecretariat($0, to: "mark the mailing-list request sent") })
    static let admission = KeyBinding(
        [.character("A")], label: "Admission", description: "Propose the admission of a new entity (opens an admission item in Decisions)",
        message: .members(.requestAdmission), isInFooter: false,
        disabledReason: { Guards.requireSecretariat($0, to: "propose an admission") })
    static let withdrawal = KeyBinding(
        [.character("W")], label: "Withdrawal", description: "Record the selected entity's withdrawal (its history stays)",
        message: .members(.requestWithdrawal), isInFooter: false,
        disabledReason: { Guards.requireSecretariat($0, to: "record a withdrawal") })
    static let backToList = KeyBinding([.escape], label: "Back", description: "Back to the list of entities", message: .back)
    static let clearFilter = KeyBinding([.escape], label: "Back", description: "Clear the filter", message: .back)
    static let filter = KeyBinding(
        [.character("/")], label: "Filter", description: "Filter the members as you type (\"ozbek\" finds Oʻzbekiston and Ўзбекистон)",
        message: .startFilter)

    static let access = KeyBinding(
        [.character("P")], label: "Access", description: "Who may act: the roster of logins, people, entities and roles",
        message: .members(.showAccess), isInFooter: false)
    static let grant = KeyBinding(
        [.character("n")], label: "Grant", description: "Grant a login access as a person (chair IOM, co-chair UNRC, secretariat IOM)",
        message: .members(.requestGrant), disabledReason: { Guards.requireSecretariat($0, to: "grant access") })
    static let revoke = KeyBinding(
        [.character("X")], label: "Revoke", description: "Revoke the selected login's access (its history stays)",
        message: .members(.requestRevoke),
        disabledReason: { state in
            Guards.requireSecretariat(state, to: "revoke access")
                ?? Guards.requireSelection(state.sortedGrants[safe: state.members.access.selection] != nil, "Select a login first.")
        })

    static let listBindings = [
        open, clearFilter, filter, addFocalPoint, edit.outOfFooter, mailingList.outOfFooter, retire, listChanges, admission, withdrawal,
        access,
    ]
    static let recordBindings = [addFocalPoint, edit, mailingList, retire, withdrawal, backToList]
    static let changesBindings = [requestSent, backToList]
    static let accessBindings = [grant, revoke, backToList]

    static var keyGroups: [KeyBindingGroup] {
        [
            KeyBindingGroup("2 Members", listBindings),
            KeyBindingGroup("2 Members, an entity's record (Enter)", recordBindings),
            KeyBindingGroup("2 Members, mailing-list changes (L)", changesBindings),
            KeyBindingGroup("2 Members, access (P)", accessBindings),
        ]
    }

    static func activeBindings(in state: AppState) -> [KeyBinding] {
        if state.members.showsMailingListChanges { return changesBindings }
        if state.members.showsAccess { return accessBindings }
        return state.members.isShowingDetail ? recordBindings : listBindings
    }
}
