/// Who may do what (DESIGN.md section 2). Accountability and a guard against mistakes, not
/// authentication: the journal file's permissions are the real boundary.
///
/// | role | may |
/// | --- | --- |
/// | secretariat | everything except closing consensus items |
/// | chair, co-chair | everything, including closing items |
/// | member | its own entity's positions; progress on its entity's key actions and action points |
/// | viewer | nothing: read only |
///
/// This is the one source of the wording of a refusal by role: the console asks it about a
/// key before there is a command (`refusal(for: Capability)`), the domain about a command.
public enum Permissions {
    /// What a command needs the operator to be allowed.
    public enum Capability: Hashable, Sendable {
        /// Keeping the record: members, meetings, work plans, opening items.
        case secretariatWork
        /// Closing consensus items: adopt, not adopted, defer, withdraw.
        case closeItems
        /// Recording one entity's position on an item.
        case recordPosition(for: EntityCode)
        /// Recording progress on a key action.
        case recordProgress(year: Int, code: String)
        /// Marking an action point done or dropped.
        case updateActionPoint(ActionPointID)
        /// Undoing one's own last change.
        case undo
    }

    /// The capability a command needs.
    public static func capability(for command: Command) -> Capability {
        switch command {
        case .undo: return .undo
        case .adoptItem, .rejectItem, .deferItem, .withdrawItem: return .closeItems
        case .recordPosition(_, let entity, _, _, _): return .recordPosition(for: entity)
        case .recordProgress(let year, let code, _, _, _, _): return .recordProgress(year: year, code: code)
        case .updateActionPoint(let id, _, _, _): return .updateActionPoint(id)
        default: return .secretariatWork
        }
    }

    /// Why the operator may not issue this command, or nil when they may.
    public static func refusal(for command: Command, by context: CommandContext, in state: NetworkState) -> String? {
        refusal(for: capability(for: command), by: context.operator, in: state)
    }

    /// Why the operator does not have this capability, or nil when they do.
    public static func refusal(for capability: Capability, by op: Operator, in state: NetworkState) -> String? {
        let role = op.role
        if role == .viewer { return "a viewer only reads" }
        switch capability {
        case .undo:
            return nil
        case .closeItems:
            return role == .chair || role == .coChair ? nil : "only the chair or co-chair closes consensus items (you are \(article(role)))"
        case .recordPosition(let entity):
            guard role == .member else { return nil }
            return entity == op.entity ? nil : "a member records only its own entity's position (you are \(op.entity), not \(entity))"
        case .recordProgress(let year, let code):
            guard role == .member, let action = state.workPlans[year]?.actions.first(where: { $0.code == code }) else { return nil }
            let with = action.participants.isEmpty ? "" : ", with " + listed(action.participants.map(\.rawValue))
            return action.involves(op.entity) ? nil : "\(op.entity) neither leads nor takes part in \(code) (lead \(action.lead)\(with))"
        case .updateActionPoint(let id):
            guard role == .member, let point = state.actionPoint(id) else { return nil }
            let verb = point.responsible.count == 1 ? "is" : "are"
            return point.responsible.contains(op.entity)
                ? nil : "\(op.entity) is not responsible for \(id) (\(listed(point.responsible.map(\.rawValue))) \(verb))"
        case .secretariatWork:
            return role == .member ? "this is the secretariat's to do (you are a member)" : nil
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
