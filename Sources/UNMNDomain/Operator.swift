/// Whoever is using the console now: written into every journal record. Accountability and a
/// guard against mistakes, not authentication.
public struct Operator: Hashable, Sendable, Codable {
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        case secretariat, chair
        case coChair = "co-chair"
        case member, viewer

        public var title: String {
            switch self {
            case .secretariat: return "Secretariat"
            case .chair: return "Chair"
            case .coChair: return "Co-chair"
            case .member: return "Member"
            case .viewer: return "Viewer"
            }
        }
    }

    public var name: String
    public var entity: EntityCode
    public var role: Role

    public init(name: String, entity: EntityCode, role: Role) {
        self.name = name
        self.entity = entity
        self.role = role
    }

    /// `ENTITY:ROLE`, as `--as` takes it.
    public var designation: String { "\(entity):\(role.rawValue)" }
}

extension Operator {
    /// Whose undo plan a change is (undo plans are per person: name and entity, not role).
    struct Key: Hashable {
        let name: String
        let entity: EntityCode

        init(_ op: Operator) { (name, entity) = (op.name, op.entity) }
        init(name: String, entity: EntityCode) { (self.name, self.entity) = (name, entity) }
    }
}
