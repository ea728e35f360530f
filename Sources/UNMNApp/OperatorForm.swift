import TerminalUI
import UNMNDomain

/// The form that asks who is using the console: at first start, and on `o`.
public enum OperatorForm {
    public static let maximumNameLength = 80

    public static func make(entities: [MemberEntity], current: Operator?) -> Form {
        let codes = entities.filter { $0.status != .withdrawn }.map(\.code.rawValue)
        let roles = Operator.Role.allCases.map(\.title)
        let entityIndex = current.flatMap { op in codes.firstIndex(of: op.entity.rawValue) } ?? 0
        let roleIndex = current.flatMap { op in Operator.Role.allCases.firstIndex(of: op.role) } ?? 0
        return Form(title: current == nil ? "Who is using the console?" : "Change operator", fields: [
            .text("name", "Your name", value: current?.name ?? "", required: true),
            .choice("entity", "Entity", options: codes, selected: entityIndex),
            .choice("role", "Role", options: roles, selected: roleIndex),
        ], validate: { values in
            let name = values["name"]?.text ?? ""
            if name.count > maximumNameLength { return ["name": "Your name must be at most \(maximumNameLength) characters."] }
            return [:]
        })
    }

    /// The operator a submitted form describes.
    public static func decode(_ values: [String: FormValue]) -> Operator? {
        guard case .text(let name)? = values["name"], !name.isEmpty,
              case .choice(_, let entity)? = values["entity"],
              case .choice(let roleIndex, _)? = values["role"],
              Operator.Role.allCases.indices.contains(roleIndex) else { return nil }
        return Operator(name: name, entity: EntityCode(entity), role: Operator.Role.allCases[roleIndex])
    }
}
