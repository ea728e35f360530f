import TerminalUI
import UNMNDomain

/// The Members pane's changes: focal points, the mailing list, admission, withdrawal.
extension AppUpdate {
    static func updateMembers(_ state: inout AppState, _ message: Message) -> [Effect] {
        guard let network = state.network, let op = state.currentOperator else { return [] }
        switch message {
        case .requestFocalPoint:
            guard let entity = state.selectedEntity, entity.isMember else {
                state.status = StatusMessage("Select a member entity first.", kind: .warning)
                return []
            }
            state.overlay = .form(MemberForms.focalPoint(for: entity.code, policy: network.emailPolicy), purpose: .addFocalPoint(entity.code))
        case .requestEditFocalPoint:
            guard let point = KeyBindings.selectedFocalPoint(state) else { return [] }
            state.overlay = .form(MemberForms.focalPoint(editing: point, policy: network.emailPolicy), purpose: .editFocalPoint(point.id))
        case .toggleMailingList:
            guard let point = KeyBindings.selectedFocalPoint(state) else { return [] }
            return [.execute(.setMailingList(focalPoint: point.id, on: !point.isOnMailingList), by: op)]
        case .retireFocalPoint:
            guard let point = KeyBindings.selectedFocalPoint(state) else { return [] }
            let dialog = ConfirmDialog(title: "Retire \(point.name)", message: "\(point.name) (\(point.entity)) stepped down? The record stays; they leave the mailing list.", confirmLabel: "Retire")
            state.overlay = .confirm(dialog, then: .perform(.execute(.retireFocalPoint(id: point.id, on: state.today), by: op)), returnTo: nil)
        case .showMailingListChanges:
            state.showsMailingListChanges.toggle()
        case .markMailingListRequestSent:
            return [.execute(.markMailingListRequestSent, by: op)]
        case .requestAdmission:
            state.overlay = .form(MemberForms.admission(today: state.today), purpose: .proposeAdmission)
        case .requestWithdrawal:
            guard let entity = state.selectedEntity else { return [] }
            state.overlay = .form(MemberForms.withdrawal(of: entity.code, today: state.today), purpose: .recordWithdrawal(entity.code))
        default:
            break
        }
        return []
    }

    static func submitMembers(_ state: inout AppState, values: [String: FormValue], purpose: FormPurpose) -> [Effect] {
        guard let op = state.currentOperator else { return [] }
        switch purpose {
        case .addFocalPoint(let entity):
            guard let draft = MemberForms.decodeFocalPoint(values, entity: entity) else { return [] }
            return [.execute(.addFocalPoint(draft), by: op)]
        case .editFocalPoint(let id):
            guard let point = state.network?.focalPoint(id), let draft = MemberForms.decodeFocalPoint(values, entity: point.entity) else { return [] }
            return [.execute(.editFocalPoint(id: id, draft), by: op)]
        case .proposeAdmission:
            guard let deadline = LocalDate(iso: values["deadline"]?.text ?? "") else { return [] }
            return [.execute(.proposeAdmission(code: EntityCode(values["code"]?.text ?? ""), fullName: values["name"]?.text ?? "",
                                               text: values["text"]?.text ?? "", deadline: deadline, raisedAt: .writtenConsultation), by: op)]
        case .recordWithdrawal(let entity):
            guard let on = LocalDate(iso: values["on"]?.text ?? "") else { return [] }
            return [.execute(.recordWithdrawal(entity, on: on, note: values["note"]?.text ?? ""), by: op)]
        default:
            return []
        }
    }
}
