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
    // A batch whose event or summary follows from who acted when on what command
    // (`eventsFollowCommand`, `summaryFollowsCommand`) lists and writes them before any of these
    // changes: they stay what they were.
    public var `operator`: Operator { willSet { listEvents() } }
    public var at: Instant { willSet { listEvents() } }
    /// The events, in order. A batch whose one event follows from its command makes the list
    /// when asked (see `eventsFollowCommand`).
    public var events: [Event] {
        get { eventsFollowCommand ? plainEvent.map { [$0] } ?? [] : listedEvents }
        set {
            listedEvents = newValue
            eventsFollowCommand = false
        }
    }
    /// What the command did, in words: "Recorded ILO's position on UNMN/2026/004". A batch whose
    /// summary is the one deciding writes for its command makes it when asked (see
    /// `summaryFollowsCommand`).
    public var summary: String {
        get {
            guard summaryFollowsCommand, hasCommand else { return writtenSummary }
            return Self.plainSummary(of: storedCommand) ?? ""
        }
        set {
            writtenSummary = newValue
            summaryFollowsCommand = false
        }
    }
    /// True for the compensating events of an undo.
    public var isUndo: Bool
    /// The command the events were decided from: replay decides it again and requires the same
    /// events. Absent in records written before verification.
    public var command: Command? {
        get { hasCommand ? storedCommand : nil }
        set {
            listEvents()
            (storedCommand, hasCommand) = newValue.map { ($0, true) } ?? (.undo, false)
        }
    }
    /// Whether the record carries its command.
    public private(set) var hasCommand: Bool
    /// Whether the record's command is an undo, asked without copying the command.
    public var isUndoCommand: Bool {
        if hasCommand, case .undo = storedCommand { return true }
        return false
    }
    /// The login the operator acted under (its grant was checked).
    public var login: String? {
        get { hasLogin ? storedLogin : nil }
        set { (storedLogin, hasLogin) = newValue.map { ($0, true) } ?? ("", false) }
    }

    // The command and the login are held unwrapped, each with whether there is one: with an
    // optional among its fields, a batch was copied whole by the optimizer at the end of each
    // initializer (every string retained, then released), a twentieth of a replay.
    /// The command, when `hasCommand` (`.undo` stands in otherwise): what replay reads, lent.
    private(set) var storedCommand: Command
    private var storedLogin: String
    private var hasLogin: Bool

    /// The events as listed; none while they follow from the command.
    private var listedEvents: [Event]
    /// The summary as written; empty while it follows from the command.
    private var writtenSummary: String
    /// The summary is the one deciding writes for the command (`plainSummary(of:)`), not kept:
    /// the journal's reader found it so in the record's bytes. Making a string of it for every
    /// record, and freeing it, was a twentieth of a replay; it is made when asked (an undo's
    /// plan, the history).
    public private(set) var summaryFollowsCommand = false
    /// The batch's one event is its command's plain event (`plainEvent`), made from the command
    /// when it is applied or asked for, not listed: the journal's reader found it so in the
    /// record's bytes, and making the event and a list for it, copying it out of the list and
    /// freeing both was a twentieth of a replay.
    public private(set) var eventsFollowCommand = false

    public init(
        operator op: Operator, at: Instant, events: [Event], summary: String, isUndo: Bool = false, command: Command? = nil,
        login: String? = nil
    ) {
        self.operator = op
        self.at = at
        self.listedEvents = events
        self.writtenSummary = summary
        self.isUndo = isUndo
        (storedCommand, hasCommand) = command.map { ($0, true) } ?? (.undo, false)
        (storedLogin, hasLogin) = login.map { ($0, true) } ?? ("", false)
    }

    /// A batch whose one event is its command's plain event (`plainEvent`), not listed: only for
    /// a command that has one (`hasPlainEvent`). Its summary is `summary`, or, when nil, the one
    /// deciding writes for the command (`plainSummary(of:)`).
    public init(
        plainEventOf command: Command, operator op: Operator, at: Instant, summary: String?, isUndo: Bool = false, login: String? = nil
    ) {
        precondition(Self.hasPlainEvent(command), "a batch of a command without a plain event, said to have one")
        self.operator = op
        self.at = at
        self.listedEvents = []
        self.writtenSummary = summary ?? ""
        summaryFollowsCommand = summary == nil
        eventsFollowCommand = true
        self.isUndo = isUndo
        (storedCommand, hasCommand) = (command, true)
        (storedLogin, hasLogin) = login.map { ($0, true) } ?? ("", false)
    }

    /// Lists the events, and writes the summary, that followed from the command, before what
    /// they followed from changes.
    private mutating func listEvents() {
        if summaryFollowsCommand {
            writtenSummary = summary
            summaryFollowsCommand = false
        }
        guard eventsFollowCommand else { return }
        listedEvents = events
        eventsFollowCommand = false
    }

    // Written, read and compared by what the batch says, however its events are held.
    private enum CodingKeys: String, CodingKey {
        case `operator`, at, events, summary, isUndo, command, login
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            operator: try container.decode(Operator.self, forKey: .operator), at: try container.decode(Instant.self, forKey: .at),
            events: try container.decode([Event].self, forKey: .events), summary: try container.decode(String.self, forKey: .summary),
            isUndo: try container.decode(Bool.self, forKey: .isUndo),
            command: try container.decodeIfPresent(Command.self, forKey: .command),
            login: try container.decodeIfPresent(String.self, forKey: .login))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.operator, forKey: .operator)
        try container.encode(at, forKey: .at)
        try container.encode(events, forKey: .events)
        try container.encode(summary, forKey: .summary)
        try container.encode(isUndo, forKey: .isUndo)
        try container.encodeIfPresent(command, forKey: .command)
        try container.encodeIfPresent(login, forKey: .login)
    }

    public static func == (lhs: EventBatch, rhs: EventBatch) -> Bool {
        lhs.operator == rhs.operator && lhs.at == rhs.at && lhs.summary == rhs.summary && lhs.isUndo == rhs.isUndo
            && lhs.login == rhs.login && lhs.command == rhs.command && lhs.events == rhs.events
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.operator)
        hasher.combine(at)
        hasher.combine(events)
        hasher.combine(summary)
        hasher.combine(isUndo)
        hasher.combine(command)
        hasher.combine(login)
    }
}
