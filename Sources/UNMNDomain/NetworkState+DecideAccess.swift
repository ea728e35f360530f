/// Deciding who may act: founding the network, granting and revoking access, and whether the
/// login acting holds the operator's grant.
extension NetworkState {
    /// Why this login may not act as this operator, if so. A sandbox lets anyone take any role;
    /// a network without a roster yet (from before it) checks nobody; otherwise the login's
    /// grant must be this person, entity and role, or the operator narrows it to a viewer.
    func authorityRefusal(_ op: Operator, login: String?) -> String? {
        guard !isSandbox, !grants.isEmpty, let login else { return nil }
        guard let grant = grants[login] else {
            return "\(login) has no access to this network; ask the secretariat to grant it (unmn access grant \(login) …)"
        }
        if grant.name != op.name {
            return "\(login) is \(grant.name), not \(op.name)"
        }
        if grant.entity != op.entity || (grant.role != op.role && op.role != .viewer) {
            return
                "\(login) is \(grant.name), \(grant.entity) \(grant.role.rawValue); it cannot act as \(op.entity) "
                + "\(op.role.rawValue)"
        }
        return nil
    }

    func decideFound(_ entities: [MemberEntity], sandbox: Bool, attempted: Attempt) throws(CommandRejection) -> [Event] {
        guard self.entities.isEmpty, batchCount == 0 else {
            throw CommandRejection(attempted, reason: "the network was founded already; a journal holds one network")
        }
        guard !entities.isEmpty else { throw CommandRejection(attempted, reason: "a network needs its members") }
        return [.networkFounded(entities: entities)] + (sandbox ? [.sandboxDeclared] : [])
    }

    func decideGrantAccess(_ grant: Grant, check: inout Reasons) -> [Event] {
        check.require(Grant.isValidLogin(grant.login), "\"\(grant.login)\" is not a login (letters, digits and . _ - @, at most 64)")
        check.require(!grant.name.trimmed.isEmpty, "the person's name is empty")
        check.require(grant.name.count <= 100, "the name is longer than 100 characters")
        if let invisible = InvisibleText.refusal(grant.name, what: "name") { check.fail(invisible) }
        if let entity = entity(grant.entity) {
            if grant.role != .viewer { check.require(entity.isMember, "\(grant.entity) is not a member (\(entity.status.rawValue))") }
        } else {
            check.fail("\(grant.entity) is not an entity of the network")
        }
        if let refusal = Grant.roleRefusal(grant.role, for: grant.entity) { check.fail(refusal) }
        if let key = grant.key {
            check.require(Grant.isValidKey(key), "the SSH key is not an OpenSSH public key on one line (ssh-ed25519 AAAA…)")
        }
        var recorded = grant
        recorded.name = grant.name.trimmed
        check.require(grants[grant.login] != recorded, "\(grant.login) already has exactly this access")
        return [.accessGranted(recorded)]
    }

    func decideRevokeAccess(_ login: String, attempted: Attempt, check: inout Reasons) throws(CommandRejection) -> [Event] {
        guard let grant = grants[login] else { throw CommandRejection(attempted, reason: "\(login) has no access to revoke") }
        let canGrant: (Grant) -> Bool = { [.secretariat, .chair, .coChair].contains($0.role) }
        if canGrant(grant) {
            check.require(
                grants.values.contains { $0.login != login && canGrant($0) },
                "\(login) is the last who may grant access; grant someone else the secretariat or the chair first")
        }
        return [.accessRevoked(login: login)]
    }
}
