/// Who a login acts as. Identity comes from the system (the OS account, or the key's name
/// under the SSH gateway), never from what is typed: `--as`, `UNMN_OPERATOR` and a remembered
/// operator only choose the login's own grant or narrow it to a viewer.
public enum Identity {
    public enum Resolution: Hashable, Sendable {
        /// Act as this operator.
        case act(Operator)
        /// The login may read but not act, and why.
        case readOnly(String)
        /// What was asked is not the login's to choose, and why.
        case refused(String)
    }

    /// - Parameter asked: the entity, role and name asked for (`--as ENTITY:ROLE[:NAME]`), if any.
    public static func resolve(login: String, asked: (entity: EntityCode, role: Operator.Role, name: String?)?, in network: NetworkState)
        -> Resolution
    {
        guard let grant = network.grants[login] else {
            let granting = network.grants.values.filter { [.secretariat, .chair].contains($0.role) }.map(\.name).sorted()
            let whom = granting.isEmpty ? "the secretariat" : "the secretariat (\(granting.joined(separator: ", ")))"
            return .readOnly("\(login) has no access to this network; ask \(whom) to grant it with unmn access grant \(login)")
        }
        guard let asked else { return .act(grant.operator) }
        if asked.role == .viewer {
            return .act(Operator(name: grant.name, entity: grant.entity, role: .viewer))
        }
        let nameMatches = asked.name.map { $0 == grant.name } ?? true
        if asked.entity == grant.entity && asked.role == grant.role && nameMatches { return .act(grant.operator) }
        return .refused(
            "\(login) is \(grant.name), \(grant.entity) \(grant.role.rawValue); \(asked.entity):\(asked.role.rawValue)"
                + (asked.name.map { ":\($0)" } ?? "")
                + " is not theirs to act as (only \(grant.entity):\(grant.role.rawValue), or a viewer)")
    }
}
