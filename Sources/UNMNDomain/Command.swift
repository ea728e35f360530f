import Foundation

/// A request to change the network's record, decided by `NetworkState.decide` against the
/// current state and the operator's permissions.
public enum Command: Hashable, Sendable, Codable {
    // Members and focal points
    case addFocalPoint(FocalPointDraft)
    case editFocalPoint(id: String, FocalPointDraft)
    case retireFocalPoint(id: String, on: LocalDate)
    case setMailingList(focalPoint: String, on: Bool)
    /// The secretariat sent the IT unit the list of changes since the last request.
    case markMailingListRequestSent
    /// Opens an admission item for an entity that wants to join.
    case proposeAdmission(code: EntityCode, fullName: String, text: String, deadline: LocalDate, raisedAt: ConsensusItem.RaisedAt)
    case recordWithdrawal(EntityCode, on: LocalDate, note: String)

    // Meetings and action points
    case scheduleMeeting(MeetingDraft)
    case rescheduleMeeting(String, MeetingDraft)
    /// Nil clears what was recorded.
    case recordAttendance(meeting: String, entity: EntityCode, Meeting.Attendance?)
    case addAgendaItem(meeting: String, title: String)
    case writeMinutes(meeting: String, item: Int, text: String)
    case recordMeetingDecision(meeting: String, Meeting.Decision)
    case finaliseMinutes(String)
    case amendMinutes(String, text: String)
    case shareMinutesWithRCO(String, on: LocalDate)
    case addActionPoint(meeting: String, text: String, responsible: [EntityCode], due: LocalDate)
    case updateActionPoint(String, status: ActionPoint.Status, note: String)

    // Annual work plans
    case draftWorkPlan(year: Int)
    case addKeyAction(year: Int, KeyActionDraft)
    case editKeyAction(year: Int, code: String, KeyActionDraft)
    case recordProgress(year: Int, code: String, percent: Int, status: KeyAction.Status, note: String)
    /// Endorsed on a date, by a meeting (`MTG/…`) or an adopted AWP-endorsement item (`UNMN/…`).
    case endorseWorkPlan(year: Int, on: LocalDate, reference: String)
    case closeWorkPlan(year: Int, on: LocalDate)

    // Consensus items
    case openItem(ConsensusItemDraft)
    /// Recorded on a member's behalf (source email, meeting, phone) or by its own operator (console).
    case recordPosition(item: String, entity: EntityCode, Position, source: PositionRecord.Source)
    case adoptItem(String, statement: String)
    case rejectItem(String, statement: String)
    case deferItem(String, newDeadline: LocalDate, statement: String)
    case withdrawItem(String, statement: String)

    /// Reverses the operator's last change with compensating events.
    case undo
}

/// Who asks, and when: injected, so that the domain never reads the clock.
public struct CommandContext: Hashable, Sendable {
    public var operatorName: String
    public var entity: EntityCode
    public var role: Operator.Role
    public var now: Instant

    public init(operator op: Operator, now: Instant) {
        operatorName = op.name
        entity = op.entity
        role = op.role
        self.now = now
    }

    public var `operator`: Operator { Operator(name: operatorName, entity: entity, role: role) }
    public var today: LocalDate { now.tashkentDate }
}
