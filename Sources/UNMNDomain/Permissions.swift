/// Who may do what (DESIGN.md section 2). Accountability and a guard against mistakes, not
/// authentication: the journal file's permissions are the real boundary.
///
/// | role | may |
/// | --- | --- |
/// | secretariat | everything except closing consensus items |
/// | chair, co-chair | everything, including closing items |
/// | member | its own entity's positions; progress on key actions its entity leads or takes part in, and on action points it is responsible for |
/// | viewer | nothing: read only |
public enum Permissions {
    /// Why the operator may not issue this command, or nil when they may.
    public static func refusal(for command: Command, by context: CommandContext, in state: NetworkState) -> String? {
        let role = context.role
        switch command {
        case .undo:
            return role == .viewer ? "a viewer only reads" : nil
        case .adoptItem, .rejectItem, .deferItem, .withdrawItem:
            return role == .chair || role == .coChair ? nil : "only the chair or co-chair closes consensus items (you are \(article(role)))"
        case .recordPosition(_, let entity, _, _):
            switch role {
            case .secretariat, .chair, .coChair: return nil
            case .member: return entity == context.entity ? nil : "a member records only its own entity's position (you are \(context.entity), not \(entity))"
            case .viewer: return "a viewer only reads"
            }
        case .recordProgress(let year, let code, _, _, _):
            switch role {
            case .secretariat, .chair, .coChair: return nil
            case .member:
                guard let action = state.workPlans[year]?.actions.first(where: { $0.code == code }) else { return nil }
                return action.involves(context.entity) ? nil
                    : "\(context.entity) neither leads nor takes part in \(code) (lead \(action.lead)\(action.participants.isEmpty ? "" : ", with " + listed(action.participants.map(\.rawValue))))"
            case .viewer: return "a viewer only reads"
            }
        case .updateActionPoint(let id, _, _):
            switch role {
            case .secretariat, .chair, .coChair: return nil
            case .member:
                guard let point = state.actionPoint(id) else { return nil }
                return point.responsible.contains(context.entity) ? nil
                    : "\(context.entity) is not responsible for \(id) (\(listed(point.responsible.map(\.rawValue))) \(point.responsible.count == 1 ? "is" : "are"))"
            case .viewer: return "a viewer only reads"
            }
        default:
            switch role {
            case .secretariat, .chair, .coChair: return nil
            case .member: return "this is the secretariat's to do (you are a member)"
            case .viewer: return "a viewer only reads"
            }
        }
    }

    private static func article(_ role: Operator.Role) -> String {
        switch role {
        case .secretariat: return "the secretariat"
        case .member: return "a member"
        case .viewer: return "a viewer"
        case .chair: return "the chair"
        case .coChair: return "the co-chair"
        }
    }
}
