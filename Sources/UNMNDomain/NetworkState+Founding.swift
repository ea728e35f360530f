extension NetworkState {
    /// The network as the Terms of Reference found it: the Annex I membership.
    /// Founded through `decide`, so that the founding record carries its command like every other.
    public static func founding(
        entities: [MemberEntity], emailPolicy: EmailPolicy, by op: Operator, at: Instant, sandbox: Bool = false, login: String? = nil
    ) -> (state: NetworkState, batch: EventBatch) {
        var state = NetworkState(emailPolicy: emailPolicy)
        // A fresh state with members to found it with cannot refuse; the founder is the secretariat.
        let batch = try! state.decide(
            .found(entities: entities, sandbox: sandbox), context: CommandContext(operator: op, now: at, login: login))
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

    /// The network as it stood at the end of `day` (Asia/Tashkent): the batches in order, up to the
    /// first one written after that day. A journal is in the order things were recorded, so this
    /// is exactly the journal cut at that record.
    public static func asOf(_ day: LocalDate, batches: some Sequence<EventBatch>, emailPolicy: EmailPolicy) -> NetworkState {
        var state = NetworkState(emailPolicy: emailPolicy)
        let end = Instant.endOfDay(day)
        for batch in batches {
            guard batch.at <= end else { break }
            state.apply(batch)
        }
        return state
    }
}
