/// Replay that trusts nothing: a record's command is decided again against the state before
/// it, under the rules and the roster in force then, and must give the recorded events.
extension NetworkState {
    /// Why this recorded batch could not have been written, or nil when it could. A batch
    /// without its command (written before verification) is accepted as it stands, but only
    /// before the first verified one.
    ///
    /// `eventsArePlain` says the caller found the batch's events are its command's plain events
    /// (`EventBatch.eventsArePlain`, asked on the thread that read the record): then only whether
    /// the command was allowed is left to decide against the state.
    public func verify(_ batch: EventBatch, eventsArePlain: Bool = false) -> String? {
        guard batch.hasCommand else {
            return isVerified ? "it has no command, and records before it do (written by hand?)" : nil
        }
        // Worded only for a refusal: every replayed record is verified.
        var who: String { "\(batch.operator.name) (\(batch.operator.entity) \(batch.operator.role.rawValue))" }
        do {
            if eventsArePlain {
                try checkAllowed(plain: batch.storedCommand, by: batch.operator, login: batch.login)
                return batch.isUndo ? "it is marked as an undo wrongly" : nil
            }
            let decided = try decided(
                batch.command!, context: CommandContext(operator: batch.operator, now: batch.at, login: batch.login))
            if decided.events != batch.events {
                return "its events are not what its command decides (\(Self.describe(batch.command!)) by \(who))"
            }
            if (decided.undoing != nil) != batch.isUndo { return "it is marked as an undo wrongly" }
            return nil
        } catch {
            return "\(who) could not have done this: \(error.description)"
        }
    }

    /// Verifies a batch read from a journal and, when it could have been written, applies it;
    /// returns why it could not have been, or nil. The batch is lent `inout` only so that it is
    /// passed by its address, where it lies in the caller's list; it is not changed. (Lent as a
    /// value, the record was moved out of the list and back around the call; lent from the list
    /// in place, every string and list it holds was retained and released.)
    public mutating func verifyAndApply(_ batch: inout EventBatch, eventsArePlain: Bool, planningUndo: Bool) -> String? {
        if let reason = verify(batch, eventsArePlain: eventsArePlain) { return reason }
        apply(batch, planningUndo: planningUndo)
        return nil
    }
}
