/// A fact about the network, as the journal keeps it. Applying the same events in the same order
/// always builds the same state.
public enum Event: Hashable, Sendable, Codable {
    // The cases with large payloads (an item, a meeting, a key action, a focal point) are boxed:
    // an event is then about a hundred bytes, not three hundred, and every copy of the common
    // ones (a position, progress) moved the largest case's size.
    indirect case networkFounded(entities: [MemberEntity])
    /// The network is a sandbox (created with --demo): anyone may take any role, for training.
    case sandboxDeclared
    indirect case accessGranted(Grant)
    case accessRevoked(login: String)
    indirect case entityApplied(MemberEntity)
    indirect case entityAdmitted(EntityCode, on: LocalDate, decision: String)
    indirect case entityWithdrew(EntityCode, on: LocalDate, note: String)

    indirect case focalPointAdded(FocalPoint)
    indirect case focalPointChanged(FocalPoint)
    case mailingListChanged(MailingListChange)
    case mailingListRequestSent(at: Instant)

    indirect case meetingScheduled(Meeting)
    indirect case meetingRescheduled(MeetingReference, MeetingDraft)
    indirect case meetingCancelled(MeetingReference, Meeting.Cancellation)
    indirect case meetingPostponed(MeetingReference, Meeting.Postponement)
    case attendanceRecorded(meeting: MeetingReference, entity: EntityCode, Meeting.Attendance?)
    case agendaItemAdded(meeting: MeetingReference, title: String)
    indirect case guestAdded(meeting: MeetingReference, Meeting.Guest)
    indirect case guestRemoved(meeting: MeetingReference, Meeting.Guest)
    case minutesWritten(meeting: MeetingReference, item: Int, text: String)
    indirect case meetingDecisionRecorded(meeting: MeetingReference, Meeting.Decision)
    case minutesFinalised(MeetingReference, on: LocalDate)
    indirect case minutesAmended(MeetingReference, Meeting.Amendment)
    case minutesShared(MeetingReference, on: LocalDate)

    indirect case actionPointAdded(ActionPoint)
    indirect case actionPointUpdated(ActionPointID, status: ActionPoint.Status, note: ActionPoint.Note)

    case workPlanDrafted(year: Int)
    indirect case keyActionAdded(year: Int, KeyAction)
    indirect case keyActionChanged(year: Int, KeyAction)
    case progressRecorded(year: Int, code: String, KeyAction.ProgressUpdate)
    case workPlanEndorsed(year: Int, on: LocalDate, reference: String)
    case workPlanClosed(year: Int, on: LocalDate)
    indirect case workPlanRevised(year: Int, WorkPlan.Revision)
    indirect case reportSentToUNCT(ReportSent)
    /// An adopted endorsement item endorsed the revisions awaiting it.
    case workPlanRevisionsEndorsed(year: Int, reference: String)
    indirect case consultationReopened(ItemReference, consulted: [KeyActionDraft], deadline: LocalDate, on: LocalDate)

    indirect case itemOpened(ConsensusItem)
    case positionRecorded(item: ItemReference, PositionRecord)
    indirect case itemClosed(ItemReference, ConsensusItem.Status, ConsensusItem.Closure)
    indirect case itemDeferred(ItemReference, newDeadline: LocalDate, ConsensusItem.Closure)
}

/// The events of one command, with who decided it and when: one journal record.
public struct EventBatch: Hashable, Sendable, Codable {
    public var `operator`: Operator
    public var at: Instant
    public var events: [Event]
    /// What the command did, in words: "Recorded ILO's position on UNMN/2026/004".
    public var summary: String
    /// True for the compensating events of an undo.
    public var isUndo: Bool
    /// The command the events were decided from: replay decides it again and requires the same
    /// events. Absent in records written before verification.
    public var command: Command?
    /// Whether the record carries its command, asked without copying the command (comparing an
    /// optional with nil copied it, once a record on each replay).
    public var hasCommand: Bool {
        if case .none = command { return false }
        return true
    }
    /// Whether the record's command is an undo, asked without copying the command.
    public var isUndoCommand: Bool {
        if case .undo? = command { return true }
        return false
    }
    /// The login the operator acted under (its grant was checked).
    public var login: String?

    public init(
        operator op: Operator, at: Instant, events: [Event], summary: String, isUndo: Bool = false, command: Command? = nil,
        login: String? = nil
    ) {
        self.operator = op
        self.at = at
        self.events = events
        self.summary = summary
        self.isUndo = isUndo
        self.command = command
        self.login = login
    }
}
