import UNMNDomain

/// Why a key cannot be used now, named by what it needs. Every role refusal comes from the
/// domain's `Permissions`, so a key says what the journal would say, and each names the action
/// the key was for ("Cannot schedule a meeting: this is the secretariat's to do (you are a
/// member).").
enum Guards {
    /// Nothing can be written: no journal, a read-only console, no operator, or a viewer.
    static func requireWrite(_ state: AppState, to action: String) -> String? {
        if state.network == nil { return refusal(action, "there is no journal") }
        if state.isReadOnly { return refusal(action, "the console is read-only") }
        if state.offline != nil { return refusal(action, "the journal's database cannot be reached; the console reconnects by itself") }
        if let view = state.asOf {
            return refusal(action, "this is the record as of \(view.day), read-only (@ returns to today)")
        }
        guard let op = state.currentOperator else { return refusal(action, "say who you are first (o)") }
        if op.role == .viewer, let network = state.network, let reason = Permissions.refusal(for: .secretariatWork, by: op, in: network) {
            return refusal(action, reason)
        }
        return nil
    }

    /// The operator may write and holds `capability`.
    static func require(_ capability: Permissions.Capability, _ state: AppState, to action: String) -> String? {
        if let reason = requireWrite(state, to: action) { return reason }
        guard let op = state.currentOperator, let network = state.network,
            let reason = Permissions.refusal(for: capability, by: op, in: network)
        else { return nil }
        return refusal(action, reason)
    }

    /// Keeping the record: the secretariat, the chair or the co-chair.
    static func requireSecretariat(_ state: AppState, to action: String) -> String? {
        require(.secretariatWork, state, to: action)
    }

    /// Closing consensus items: the chair or the co-chair.
    static func requireChair(_ state: AppState, to action: String) -> String? {
        require(.closeItems, state, to: action)
    }

    /// One entity's position: its own focal point, or the secretariat and chair on its behalf.
    static func requireOwnEntity(_ entity: EntityCode, _ state: AppState, to action: String) -> String? {
        require(.recordPosition(for: entity), state, to: action)
    }

    /// A refusal that is not about roles: something must be on screen or selected first.
    static func requireSelection(_ present: Bool, _ hint: String) -> String? { present ? nil : hint }

    /// "Cannot <action>: <reason>."
    static func refusal(_ action: String, _ reason: String) -> String {
        CommandRejection(action, reason: reason).description
    }
}
