extension NetworkState {
    /// The network as the Terms of Reference found it: the Annex I membership.
    public static func founding(entities: [MemberEntity], emailPolicy: EmailPolicy, by op: Operator, at: Instant) -> (
        state: NetworkState, batch: EventBatch
    ) {
        let batch = EventBatch(
            operator: op, at: at, events: [.networkFounded(entities: entities)], summary: "Founded the network with the Annex I membership")
        var state = NetworkState(emailPolicy: emailPolicy)
        state.apply(batch)
        return (state, batch)
    }

    /// Decides and applies a command in one step (for building sample data and for tests).
    @discardableResult
    public mutating func execute(_ command: Command, context: CommandContext) throws(CommandRejection) -> EventBatch {
        let batch = try decide(command, context: context)
        apply(batch)
        return batch
    }
}
