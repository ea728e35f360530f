import TerminalUI
import UNMNDomain

/// The form that asks who is using the console: at first start, and on `o`.
public enum OperatorForm {
    public static let maximumNameLength = 80

    enum Field: String, FormFieldID { case name, entity, role }

    /// - Parameter entities: the entities to choose from, in the order shown.
    public static func make(entities: [EntityCode], current: Operator?) -> Form {
        let roles = Operator.Role.allCases.map(\.title)
        let entityIndex = current.flatMap { op in entities.firstIndex(of: op.entity) } ?? 0
        let roleIndex = current.flatMap { op in Operator.Role.allCases.firstIndex(of: op.role) } ?? 0
        return Form(
            title: current == nil ? "Who is using the console?" : "Change operator",
            fields: [
                .text(Field.name, "Your name", value: current?.name ?? "", required: true, maxLength: maximumNameLength),
                .choice(Field.entity, "Entity", options: entities.map(\.rawValue), selected: entityIndex),
                .choice(Field.role, "Role", options: roles, selected: roleIndex),
            ],
            validate: { values in
                var problems = FormProblems<Field>()
                if values.text(Field.name).count > maximumNameLength {
                    problems[.name] = "Your name must be at most \(maximumNameLength) characters."
                }
                return problems.byField
            })
    }

    /// The operator a submitted form describes, or nil when its choices are not the form's.
    public static func decode(_ values: FormValues, entities: [EntityCode]) -> Operator? {
        let name = values.text(Field.name)
        guard !name.isEmpty, let entity = values.choice(Field.entity).flatMap({ entities[safe: $0] }),
            let role = values.choice(Field.role).flatMap({ Operator.Role.allCases[safe: $0] })
        else { return nil }
        return Operator(name: name, entity: entity, role: role)
    }
}
