/// Commands whose events follow from the command and who did it when, alone: the state says only
/// whether they may be done. Positions, progress and attendance are nine records in ten, so replay
/// compares a record's events with its command on the thread that read it
/// (`EventBatch.eventsArePlain`), and in order — the one part of a replay only one thread can
/// do — asks just whether the command was allowed (`NetworkState.checkAllowed(plain:by:login:)`).
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
        case .recordAttendance(let reference, let code, let attendance, _)?:
            guard case .attendanceRecorded(let meeting, let entity, let recorded) = events[0] else { return false }
            return meeting == reference && entity == code && recorded == attendance
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
        case .recordPosition, .recordAttendance: return true
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
        case .recordAttendance(let reference, let code, let attendance, _)?:
            return .attendanceRecorded(meeting: reference, entity: code, attendance)
        case .recordProgress(let year, let code, let percent, let status, let note, _)? where status != .cancelled:
            return .progressRecorded(
                year: year, code: code, KeyAction.ProgressUpdate.recorded(percent, status, note, by: self.operator, on: at.tashkentDate))
        default:
            return nil
        }
    }
}

extension EventBatch {
    /// A piece of the summary deciding writes for a position or progress: fixed words, or one
    /// of the command's values as it says them.
    public enum SummaryPiece: Sendable {
        case words(StaticString)
        /// A position's entity code, a key action's code.
        case code
        /// A position's item reference.
        case item
        /// A position's title ("agree", "stand aside", "object"; "no answer" for none).
        case position
        /// Progress's percentage, in digits.
        case percent
        /// Progress's status, as its raw value.
        case status
    }

    /// The summary deciding writes for a position or progress, piece by piece: `plainSummary`
    /// joins them, and the journal's reader compares a written summary with them where it lies,
    /// without making it (a record whose summary says just this keeps none of its own,
    /// `summaryFollowsCommand`). Nil for any other command. A record written with other words
    /// (by an older unmn, or by hand) keeps its own.
    public static func plainSummaryPieces(of command: Command) -> [SummaryPiece]? {
        switch command {
        case .recordPosition: return positionSummary
        case .recordProgress: return progressSummary
        default: return nil
        }
    }

    private static let positionSummary: [SummaryPiece] = [
        .words("Recorded "), .code, .words("'s position on "), .item, .words(": "), .position,
    ]
    private static let progressSummary: [SummaryPiece] = [
        .words("Recorded progress on "), .code, .words(": "), .percent, .words(" %, "), .status,
    ]

    /// The summary deciding writes for a position or progress (`plainSummaryPieces`).
    public static func plainSummary(of command: Command) -> String? {
        guard let pieces = plainSummaryPieces(of: command) else { return nil }
        var summary = ""
        for piece in pieces {
            switch (piece, command) {
            case (.words(let words), _): summary += words.description
            case (.code, .recordPosition(_, let code, _, _, _)): summary += code.rawValue
            case (.code, .recordProgress(_, let code, _, _, _, _)): summary += code
            case (.item, .recordPosition(let reference, _, _, _, _)): summary += reference.rawValue
            case (.position, .recordPosition(_, _, let position, _, _)): summary += Position.summaryTitle(position)
            case (.percent, .recordProgress(_, _, let percent, _, _, _)): summary += String(percent)
            case (.status, .recordProgress(_, _, _, let status, _, _)): summary += status.rawValue
            default: preconditionFailure("a summary piece of another command")
            }
        }
        return summary
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
    /// A position as a summary says it: its title, or "no answer" for none.
    public static func summaryTitle(_ position: Position?) -> String { position?.title ?? "no answer" }

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
        recorded(percent, status, note, by: recorder.name, of: recorder.entity, on: day)
    }

    static func recorded(
        _ percent: Int, _ status: KeyAction.Status, _ note: String, by name: String, of entity: EntityCode, on day: LocalDate
    ) -> KeyAction.ProgressUpdate {
        KeyAction.ProgressUpdate(on: day, by: name, entity: entity, percent: percent, status: status, note: note.trimmed)
    }
}
