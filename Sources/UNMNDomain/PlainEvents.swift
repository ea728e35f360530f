/// Commands whose events follow from the command and who did it when, alone: the state says only
/// whether they may be done. Positions and progress are nine records in ten, so replay compares a
/// record's events with its command on the thread that read it (`EventBatch.eventsArePlain`), and
/// in order — the one part of a replay only one thread can do — asks just whether the command was
/// allowed (`NetworkState.checkAllowed(plain:by:login:)`).
extension EventBatch {
    /// Whether the events are exactly what the command decides whenever it is allowed. The
    /// records are compared where they lie (building the expected events and comparing arrays
    /// of them cost three times as much).
    public var eventsArePlain: Bool {
        if eventsFollowCommand { return true }
        guard events.count == 1 else { return false }
        switch command {
        case .recordPosition(let reference, let code, let position, let source, _)?:
            // Field by field: making the record it would be retained and released every string.
            guard case .positionRecorded(let item, let record) = events[0] else { return false }
            return item == reference && record.entity == code && record.source == source && record.at == at
                && record.recordedBy == self.operator.name && record.position == PositionRecord.recorded(position)
        // Cancelling may revise the endorsed plan as well, which depends on the plan.
        case .recordProgress(let year, let code, let percent, let status, let note, _)? where status != .cancelled:
            // As `KeyAction.ProgressUpdate.recorded` makes it, field by field.
            guard case .progressRecorded(let recordedYear, let recordedCode, let update) = events[0] else { return false }
            return recordedYear == year && recordedCode == code && update.percent == percent && update.status == status
                && update.on == at.tashkentDate && update.by == self.operator.name && update.entity == self.operator.entity
                && update.note == note.trimmed
        default:
            return false
        }
    }
}

extension EventBatch {
    /// Whether the command has a plain event (`plainEvent`), asked without copying it.
    public static func hasPlainEvent(_ command: Command) -> Bool {
        switch command {
        case .recordPosition: return true
        case .recordProgress(_, _, _, let status, _, _): return status != .cancelled
        default: return false
        }
    }

    /// The one event the command decides whenever it is allowed, made from the command, who gave
    /// it and when, as deciding makes it: nil for a command whose events depend on more
    /// (cancelling progress may revise the endorsed plan as well) or on the state.
    public var plainEvent: Event? {
        switch command {
        case .recordPosition(let item, let code, let position, let source, _)?:
            return .positionRecorded(item: item, PositionRecord.recorded(code, position, source, by: self.operator.name, at: at))
        case .recordProgress(let year, let code, let percent, let status, let note, _)? where status != .cancelled:
            return .progressRecorded(
                year: year, code: code, KeyAction.ProgressUpdate.recorded(percent, status, note, by: self.operator, on: at.tashkentDate))
        default:
            return nil
        }
    }
}

extension PositionRecord {
    /// A position as deciding records it: its reasons trimmed, an empty stand-aside reason none.
    static func recorded(_ code: EntityCode, _ position: Position?, _ source: Source, by name: String, at: Instant) -> PositionRecord {
        PositionRecord(entity: code, position: recorded(position), source: source, recordedBy: name, at: at)
    }

    /// A position as recorded: its reasons trimmed, an empty stand-aside reason none.
    static func recorded(_ position: Position?) -> Position? {
        switch position {
        case .object(let reason)?: return .object(reason: reason.trimmed)
        case .standAside(let reason?)?: return .standAside(reason: reason.trimmed.isEmpty ? nil : reason.trimmed)
        default: return position
        }
    }
}

extension Position {
    /// Whether deciding records this position just as it is given (`PositionRecord.recorded`):
    /// its reason without spaces around it, a stand-aside's reason not empty.
    public var isRecordedAsGiven: Bool {
        // As `PositionRecord.recorded(_:)` decides, asked without making the recorded position.
        switch self {
        case .agree, .standAside(reason: nil): return true
        case .standAside(let reason?): return !reason.isEmpty && reason.trimmed == reason
        case .object(let reason): return reason.trimmed == reason
        }
    }
}

extension KeyAction.ProgressUpdate {
    /// Whether deciding records this note just as it is given: without spaces around it.
    public static func isRecordedAsGiven(note: String) -> Bool { note.trimmed == note }

    /// Progress as deciding records it: by the operator for their entity, the note trimmed.
    static func recorded(_ percent: Int, _ status: KeyAction.Status, _ note: String, by recorder: Operator, on day: LocalDate)
        -> KeyAction.ProgressUpdate
    {
        KeyAction.ProgressUpdate(on: day, by: recorder.name, entity: recorder.entity, percent: percent, status: status, note: note.trimmed)
    }
}
