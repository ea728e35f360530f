/// Commands whose events follow from the command and who did it when, alone: the state says only
/// whether they may be done. Positions and progress are nine records in ten, so replay compares a
/// record's events with its command on the thread that read it (`EventBatch.eventsArePlain`), and
/// in order — the one part of a replay only one thread can do — asks just whether the command was
/// allowed (`NetworkState.checkAllowed(plain:context:)`).
extension EventBatch {
    /// Whether the events are exactly what the command decides whenever it is allowed. The
    /// records are compared where they lie (building the expected events and comparing arrays
    /// of them cost three times as much).
    public var eventsArePlain: Bool {
        guard events.count == 1 else { return false }
        switch command {
        case .recordPosition(let reference, let code, let position, let source, _)?:
            guard case .positionRecorded(let item, let record) = events[0] else { return false }
            return item == reference && record == PositionRecord.recorded(code, position, source, by: self.operator.name, at: at)
        // Cancelling may revise the endorsed plan as well, which depends on the plan.
        case .recordProgress(let year, let code, let percent, let status, let note, _)? where status != .cancelled:
            guard case .progressRecorded(let recordedYear, let recordedCode, let update) = events[0] else { return false }
            return recordedYear == year && recordedCode == code
                && update == KeyAction.ProgressUpdate.recorded(percent, status, note, by: self.operator, on: at.tashkentDate)
        default:
            return false
        }
    }
}

extension PositionRecord {
    /// A position as deciding records it: its reasons trimmed, an empty stand-aside reason none.
    static func recorded(_ code: EntityCode, _ position: Position?, _ source: Source, by name: String, at: Instant) -> PositionRecord {
        var recorded = position
        switch position {
        case .object(let reason)?: recorded = .object(reason: reason.trimmed)
        case .standAside(let reason?)?: recorded = .standAside(reason: reason.trimmed.isEmpty ? nil : reason.trimmed)
        default: break
        }
        return PositionRecord(entity: code, position: recorded, source: source, recordedBy: name, at: at)
    }
}

extension KeyAction.ProgressUpdate {
    /// Progress as deciding records it: by the operator for their entity, the note trimmed.
    static func recorded(_ percent: Int, _ status: KeyAction.Status, _ note: String, by recorder: Operator, on day: LocalDate)
        -> KeyAction.ProgressUpdate
    {
        KeyAction.ProgressUpdate(on: day, by: recorder.name, entity: recorder.entity, percent: percent, status: status, note: note.trimmed)
    }
}
