/// Parses `ENTITY:ROLE[:NAME]` (from `--as` or `UNMN_OPERATOR`) against the known entities.
public enum OperatorDesignation {
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case unknownEntity(String, known: [EntityCode])
        case unknownRole(String)

        public var description: String {
            switch self {
            case .malformed(let text):
                return "\"\(text)\" is not ENTITY:ROLE (for example IOM:secretariat or UNICEF:member)."
            case .unknownEntity(let code, let known):
                return "\"\(code)\" is not a member entity; known: \(known.map(\.rawValue).joined(separator: ", "))."
            case .unknownRole(let role):
                let roles = Operator.Role.allCases.map(\.rawValue).joined(separator: ", ")
                return "\"\(role)\" is not a role; use one of \(roles)."
            }
        }
    }

    /// The entity, role and optional name; the entity code is matched loosely (`un-women`,
    /// `unicef`) and returned as the network writes it.
    public static func parse(_ text: String, entities: [MemberEntity]) throws(ParseError) -> (
        entity: EntityCode, role: Operator.Role, name: String?
    ) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .malformed(text) }
        let wanted = EntityCode(parts[0]).normalized
        guard let entity = entities.first(where: { $0.code.normalized == wanted }) else {
            throw .unknownEntity(parts[0], known: entities.map(\.code))
        }
        guard let role = Operator.Role(rawValue: parts[1].lowercased()) else { throw .unknownRole(parts[1]) }
        let name = parts.count == 3 && !parts[2].isEmpty ? parts[2] : nil
        return (entity.code, role, name)
    }
}
