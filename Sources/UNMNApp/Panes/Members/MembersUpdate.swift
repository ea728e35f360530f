import TerminalUI
import UNMNDomain

/// The Members pane's changes: focal points, the mailing list, admission, withdrawal.
extension MembersPane {
    static func update(_ state: inout AppState, _ message: MembersMessage) -> [Effect] {
        guard let network = state.network else { return [] }
        switch message {
        case .open:
            guard state.selectedEntity != nil else { return [] }
            state.members.isShowingDetail = true
            state.members.focalPoints = ListState()
        case .requestFocalPoint:
            guard let entity = state.selectedEntity, entity.isMember else {
                state.status = StatusMessage("Select a member entity first.", kind: .warning)
                return []
            }
            state.overlay = .form(
                MemberForms.focalPoint(for: entity.code, policy: network.emailPolicy), purpose: .members(.addFocalPoint(entity.code)))
        case .requestEditFocalPoint:
            guard let point = state.selectedFocalPoint else { return [] }
            let purpose = MembersForm.editFocalPoint(
                point.id, original: FocalPointDraft(point), basedOn: network.version(of: .focalPoint(point.id)))
            state.overlay = .form(MemberForms.focalPoint(editing: point, policy: network.emailPolicy), purpose: .members(purpose))
        case .toggleMailingList:
            guard let point = state.selectedFocalPoint, let op = state.currentOperator else { return [] }
            return [.execute(.setMailingList(focalPoint: point.id, on: !point.isOnMailingList), by: op)]
        case .retireFocalPoint:
            guard let point = state.selectedFocalPoint, let op = state.currentOperator else { return [] }
            let dialog = ConfirmDialog(
                title: "Retire \(point.name)",
                message: "\(point.name) (\(point.entity)) stepped down? The record stays; they leave the mailing list.",
                confirmLabel: "Retire")
            state.overlay = .confirm(
                dialog, then: .perform(.execute(.retireFocalPoint(id: point.id, on: state.today), by: op)), returnTo: nil)
        case .showMailingListChanges:
            state.members.showsMailingListChanges.toggle()
        case .showAccess:
            state.members.showsAccess = true
            state.members.access = ListState()
        case .requestGrant:
            let entities = network.entities.filter { $0.status != .withdrawn }.map(\.code)
            state.overlay = .form(MemberForms.grant(entities: entities), purpose: .members(.grantAccess(entities: entities)))
        case .requestRevoke:
            guard let grant = state.sortedGrants[safe: state.members.access.selection], let op = state.currentOperator else { return [] }
            let dialog = ConfirmDialog(
                title: "Revoke \(grant.login)",
                message: "\(grant.login) (\(grant.name), \(grant.entity) \(grant.role.rawValue)) may no longer act. Revoke?",
                confirmLabel: "Revoke")
            state.overlay = .confirm(dialog, then: .perform(.execute(.revokeAccess(login: grant.login), by: op)), returnTo: nil)
        case .markMailingListRequestSent:
            guard let op = state.currentOperator else { return [] }
            let delta = network.mailingListDelta(since: network.mailingListRequests.last)
            guard !delta.isEmpty else { return [.execute(.markMailingListRequestSent, by: op)] }  // refused, with the reason
            func addresses(_ n: Int) -> String { "\(n) address\(n == 1 ? "" : "es")" }
            let dialog = ConfirmDialog(
                title: "Change request sent?",
                message:
                    "Was the request to add \(addresses(delta.additions.count)) and remove \(addresses(delta.removals.count)) "
                    + "sent to the IT unit? Changes will then count from now. (x writes the request as CSV.)",
                confirmLabel: "Mark sent")
            state.overlay = .confirm(dialog, then: .perform(.execute(.markMailingListRequestSent, by: op)), returnTo: nil)
        case .requestAdmission:
            state.overlay = .form(MemberForms.admission(today: state.today), purpose: .members(.proposeAdmission))
        case .requestWithdrawal:
            guard let entity = state.selectedEntity else { return [] }
            state.overlay = .form(
                MemberForms.withdrawal(of: entity.code, today: state.today), purpose: .members(.recordWithdrawal(entity.code)))
        }
        return []
    }

    static func submit(_ state: inout AppState, _ form: MembersForm, values: FormValues) -> FormSubmission {
        guard let op = state.currentOperator else { return .unreadable("no operator is chosen") }
        let command: Command
        switch form {
        case .addFocalPoint(let entity):
            guard let draft = MemberForms.FocalPointInput(values)?.draft(for: entity) else {
                return .unreadable("the level or the mailing-list choice is missing")
            }
            command = .addFocalPoint(draft)
        case .editFocalPoint(let id, let original, let basedOn):
            guard let point = state.network?.focalPoint(id) else { return .unreadable("focal point \(id) is no longer in the record") }
            guard let draft = MemberForms.FocalPointInput(values)?.draft(for: point.entity) else {
                return .unreadable("the level or the mailing-list choice is missing")
            }
            command = .editFocalPoint(id: id, Edit(from: original, to: draft, basedOn: basedOn))
        case .proposeAdmission:
            guard let input = MemberForms.AdmissionInput(values) else { return .unreadable("the deadline is not a date") }
            command = .proposeAdmission(
                code: input.code, fullName: input.fullName, text: input.text, deadline: input.deadline, raisedAt: .writtenConsultation)
        case .recordWithdrawal(let entity):
            guard let input = MemberForms.WithdrawalInput(values) else { return .unreadable("the date is not a date") }
            command = .recordWithdrawal(entity, on: input.on, note: input.note)
        case .grantAccess(let entities):
            guard let grant = MemberForms.GrantInput(values, entities: entities)?.grant else {
                return .unreadable("the entity or the role is not one of the choices")
            }
            command = .grantAccess(grant)
        }
        return .effects([.execute(command, by: op)])
    }
}
