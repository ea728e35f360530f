/// A fact about the network, as the journal keeps it. Applying the same events in the same order
/// always builds the same state.
public enum Event: Hashable, Sendable, Codable {
    case networkFounded(entities: [MemberEntity])
    /// The network is a sandbox (created with --demo): anyone may take any role, for training.
    case sandboxDeclared
    case accessGranted(Grant)
    case accessRevoked(login: String)
    case entityApplied(MemberEntity)
    case entityAdmitted(EntityCode, on: LocalDate, decision: String)
    case entityWithdrew(EntityCode, on: LocalDate, note: String)

    case focalPointAdded(FocalPoint)
    case focalPointChanged(FocalPoint)
    case mailingListChanged(MailingListChange)
    case mailingListRequestSent(at: Instant)

    case meetingScheduled(Meeting)
    case meetingRescheduled(MeetingReference, MeetingDraft)
    case meetingCancelled(MeetingReference, Meeting.Cancellation)
    case meetingPostponed(MeetingReference, Meeting.Postponement)
    case attendanceRecorded(meeting: MeetingReference, entity: EntityCode, Meeting.Attendance?)
    case agendaItemAdded(meeting: MeetingReference, title: String)
    case guestAdded(meeting: MeetingReference, Meeting.Guest)
    case guestRemoved(meeting: MeetingReference, Meeting.Guest)
    case minutesWritten(meeting: MeetingReference, item: Int, text: String)
    case meetingDecisionRecorded(meeting: MeetingReference, Meeting.Decision)
    case minutesFinalised(MeetingReference, on: LocalDate)
    case minutesAmended(MeetingReference, Meeting.Amendment)
    case minutesShared(MeetingReference, on: LocalDate)

    case actionPointAdded(ActionPoint)
    case actionPointUpdated(ActionPointID, status: ActionPoint.Status, note: ActionPoint.Note)

    case workPlanDrafted(year: Int)
    case keyActionAdded(year: Int, KeyAction)
    case keyActionChanged(year: Int, KeyAction)
    case progressRecorded(year: Int, code: String, KeyAction.ProgressUpdate)
    case workPlanEndorsed(year: Int, on: LocalDate, reference: String)
    case workPlanClosed(year: Int, on: LocalDate)
    case workPlanRevised(year: Int, WorkPlan.Revision)
    case reportSentToUNCT(ReportSent)
    /// An adopted endorsement item endorsed the revisions awaiting it.
    case workPlanRevisionsEndorsed(year: Int, reference: String)
    case consultationReopened(ItemReference, consulted: [KeyActionDraft], deadline: LocalDate, on: LocalDate)

    case itemOpened(ConsensusItem)
    case positionRecorded(item: ItemReference, PositionRecord)
    case itemClosed(ItemReference, ConsensusItem.Status, ConsensusItem.Closure)
    case itemDeferred(ItemReference, newDeadline: LocalDate, ConsensusItem.Closure)
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
