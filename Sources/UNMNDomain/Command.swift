import Foundation

/// A request to change the network's record, decided by `NetworkState.decide` against the
/// current state and the operator's permissions. `basedOn` is the version of the record the
/// operator saw: a change someone else made since to the same field is a conflict, not an
/// overwrite (nil decides without that check, as scripts and the sample network do).
public enum Command: Hashable, Sendable, Codable {
    // Cases carrying a draft or a list are boxed (`indirect`), as `Event`'s large ones are: a
    // command is then 65 bytes, not 280, for every copy of the common ones.
    // Members and focal points
    indirect case addFocalPoint(FocalPointDraft)
    /// Only the fields the operator changed, merged onto the latest record (see `Edit`).
    indirect case editFocalPoint(id: FocalPointID, Edit<FocalPointDraft>)
    case retireFocalPoint(id: FocalPointID, on: LocalDate)
    case setMailingList(focalPoint: FocalPointID, on: Bool)
    /// The secretariat sent the IT unit the list of changes since the last request.
    case markMailingListRequestSent
    /// Opens an admission item for an entity that wants to join.
    indirect case proposeAdmission(code: EntityCode, fullName: String, text: String, deadline: LocalDate, raisedAt: ConsensusItem.RaisedAt)
    indirect case recordWithdrawal(EntityCode, on: LocalDate, note: String)

    // Meetings and action points
    indirect case scheduleMeeting(MeetingDraft)
    indirect case rescheduleMeeting(MeetingReference, Edit<MeetingDraft>)
    /// Moves a meeting to a later date, saying why; it keeps its reference, and the record keeps
    /// the date it had.
    indirect case postponeMeeting(MeetingReference, to: LocalDate, reason: String)
    /// Calls a meeting off, saying why; it stays in the record as cancelled.
    indirect case cancelMeeting(MeetingReference, reason: String)
    /// Nil clears what was recorded.
    case recordAttendance(meeting: MeetingReference, entity: EntityCode, Meeting.Attendance?, basedOn: Int? = nil)
    case addAgendaItem(meeting: MeetingReference, title: String)
    /// A non-member participant, recorded in the minutes.
    indirect case addGuest(meeting: MeetingReference, Meeting.Guest)
    indirect case removeGuest(meeting: MeetingReference, Meeting.Guest)
    case writeMinutes(meeting: MeetingReference, item: Int, text: String, basedOn: Int? = nil)
    indirect case recordMeetingDecision(meeting: MeetingReference, Meeting.Decision)
    case finaliseMinutes(MeetingReference)
    indirect case amendMinutes(MeetingReference, text: String)
    case shareMinutesWithRCO(MeetingReference, on: LocalDate)
    /// `implements` links it to the adopted item (the decision) it follows up.
    indirect case addActionPoint(
        meeting: MeetingReference, text: String, responsible: [EntityCode], due: LocalDate, implements: ItemReference? = nil)
    indirect case updateActionPoint(ActionPointID, status: ActionPoint.Status, note: String, basedOn: Int? = nil)

    // Annual work plans
    case draftWorkPlan(year: Int)
    /// `revision`: why, when the plan is already endorsed (a change is then a revision).
    indirect case addKeyAction(year: Int, KeyActionDraft, revision: String? = nil)
    indirect case editKeyAction(year: Int, code: String, Edit<KeyActionDraft>, revision: String? = nil)
    case recordProgress(year: Int, code: String, percent: Int, status: KeyAction.Status, note: String, basedOn: Int? = nil)
    /// Endorsed on a date, by a meeting (`MTG/…`) or an adopted AWP-endorsement item (`UNMN/…`).
    case endorseWorkPlan(year: Int, on: LocalDate, reference: String)
    case closeWorkPlan(year: Int, on: LocalDate)

    // Reporting
    /// The progress report for a period (`2026Q3` or `2026`) went to the UNCT on a day.
    case recordReportSent(period: String, on: LocalDate)

    // Consensus items
    indirect case openItem(ConsensusItemDraft)
    /// Recorded on a member's behalf (source email, meeting, phone) or by its own operator (console).
    /// Nil takes the position back to no answer (an undo does).
    case recordPosition(item: ItemReference, entity: EntityCode, Position?, source: PositionRecord.Source, basedOn: Int? = nil)
    case adoptItem(ItemReference, statement: String)
    case rejectItem(ItemReference, statement: String)
    indirect case deferItem(ItemReference, newDeadline: LocalDate, statement: String)
    case withdrawItem(ItemReference, statement: String)
    /// A work plan's endorsement whose plan changed since: consult again on the plan as it is now,
    /// every position reset (the history keeps them), until a new deadline.
    case reopenConsultation(ItemReference, deadline: LocalDate)

    /// Reverses the operator's last change: its inverse, decided now.
    case undo

    // The network and who may act
    /// Founds the network with the Annex I membership; a sandbox lets anyone take any role.
    indirect case found(entities: [MemberEntity], sandbox: Bool)
    indirect case grantAccess(Grant)
    case revokeAccess(login: String)
}

/// Who asks, and when: injected, so that the domain never reads the clock.
public struct CommandContext: Hashable, Sendable {
    public var operatorName: String
    public var entity: EntityCode
    public var role: Operator.Role
    public var now: Instant
    /// The login acting: its grant must make it this operator (nil: no roster check, as for
    /// a network without one).
    public var login: String?

    public init(operator op: Operator, now: Instant, login: String? = nil) {
        operatorName = op.name
        entity = op.entity
        role = op.role
        self.now = now
        self.login = login
    }

    public var `operator`: Operator { Operator(name: operatorName, entity: entity, role: role) }
    public var today: LocalDate { now.tashkentDate }
}
