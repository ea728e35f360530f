import Foundation
import Synchronization

/// Deciding commands: every rule of the Terms of Reference, checked against the current state
/// and the operator. A refusal lists every reason at once.
extension NetworkState {
    public func decide(_ command: Command, context: CommandContext) throws(CommandRejection) -> EventBatch {
        let (events, undone) = try decided(command, context: context)
        if let undone {
            return EventBatch(
                operator: context.operator, at: context.now, events: events, summary: "Undid: " + undone, isUndo: true, command: command,
                login: context.login)
        }
        return EventBatch(
            operator: context.operator, at: context.now, events: events, summary: Self.summary(of: command, events: events),
            command: command,
            login: context.login)
    }

    /// The events a command decides and, for an undo, the summary of what it undoes: all that
    /// verifying a recorded batch compares (its own summary is not).
    func decided(_ command: Command, context: CommandContext) throws(CommandRejection) -> (events: [Event], undoing: String?) {
        let attempted = Attempt(command)
        try checkAuthority(command, attempted, by: context.operator, login: context.login)
        var check = Reasons()
        let events = try decideEvents(command, attempted: attempted, context: context, check: &check)
        if !check.list.isEmpty { throw CommandRejection(attempted, reasons: check.list) }
        if case .undo = command, case .inverse(let summary, _)? = undoPlan(for: context.operator) { return (events, summary) }
        return (events, nil)
    }

    /// Throws why the operator (acting under `login`) may not do `command` at all: no authority
    /// here, or not this command.
    private func checkAuthority(_ command: Command, _ attempted: @autoclosure () -> Attempt, by op: Operator, login: String?)
        throws(CommandRejection)
    {
        if let refusal = authorityRefusal(op, login: login) {
            throw CommandRejection(attempted(), reason: refusal)
        }
        if let refusal = Permissions.refusal(for: Permissions.capability(for: command), by: op, in: self) {
            throw CommandRejection(attempted(), reason: refusal)
        }
    }

    /// Throws why a command whose events are plain (`EventBatch.eventsArePlain`) may not be done
    /// by the operator (acting under `login`) against this state: all that is left to decide of
    /// it once its events are known. (What was attempted is worded only for a refusal: copying
    /// the command for it, for every replayed record, was a fifth of this check; and no context
    /// is made of the record's operator: copying it in and out was a tenth.)
    func checkAllowed(plain command: Command, by op: Operator, login: String?) throws(CommandRejection) {
        try checkAuthority(command, Attempt(command), by: op, login: login)
        var check = Reasons()
        switch command {
        case .recordPosition(let reference, let code, let position, _, let basedOn):
            try checkRecordPosition(reference, code, position, basedOn: basedOn, of: command, check: &check)
        case .recordProgress(let year, let code, let percent, let status, let note, let basedOn):
            try checkRecordProgress(year, code, percent, status, note, basedOn: basedOn, of: command, check: &check)
        case .recordAttendance(let reference, let code, let attendance, let basedOn):
            try checkRecordAttendance(reference, code, attendance, basedOn: basedOn, of: command, check: &check)
        default:
            // A command said to be plain without a check of its own is refused, never let through.
            throw CommandRejection(Attempt(command), reason: "unmn has no check for it (a fault in unmn)")
        }
        if !check.list.isEmpty { throw CommandRejection(Attempt(command), reasons: check.list) }
    }

    /// One function per command, by area: members and focal points, meetings, work plans,
    /// consensus items (the files `NetworkState+Decide<Area>.swift`).
    private func decideEvents(_ command: Command, attempted: Attempt, context: CommandContext, check: inout Reasons)
        throws(CommandRejection) -> [Event]
    {
        switch command {
        case .addFocalPoint(let draft):
            return try decideAddFocalPoint(draft, attempted: attempted, context: context, check: &check)
        case .editFocalPoint(let id, let draft):
            return try decideEditFocalPoint(id, draft, attempted: attempted, context: context, check: &check)
        case .retireFocalPoint(let id, let on):
            return try decideRetireFocalPoint(id, on, attempted: attempted, context: context, check: &check)
        case .setMailingList(let id, let on):
            return try decideSetMailingList(id, on, attempted: attempted, context: context, check: &check)
        case .markMailingListRequestSent:
            return try decideMarkMailingListRequestSent(attempted: attempted, context: context, check: &check)
        case .proposeAdmission(let code, let fullName, let text, let deadline, let raisedAt):
            return try decideProposeAdmission(
                code, fullName, text, deadline, raisedAt, attempted: attempted, context: context, check: &check)
        case .recordWithdrawal(let code, let on, let note):
            return try decideRecordWithdrawal(code, on, note, attempted: attempted, context: context, check: &check)
        case .scheduleMeeting(let draft):
            return try decideScheduleMeeting(draft, attempted: attempted, context: context, check: &check)
        case .rescheduleMeeting(let reference, let draft):
            return try decideRescheduleMeeting(reference, draft, attempted: attempted, context: context, check: &check)
        case .postponeMeeting(let reference, let date, let reason):
            return try decidePostponeMeeting(reference, date, reason, attempted: attempted, context: context, check: &check)
        case .cancelMeeting(let reference, let reason):
            return try decideCancelMeeting(reference, reason, attempted: attempted, context: context, check: &check)
        case .recordAttendance(let reference, let code, let attendance, let basedOn):
            return try decideRecordAttendance(
                reference, code, attendance, basedOn: basedOn, attempted: attempted, context: context, check: &check)
        case .addGuest(let reference, let guest):
            return try decideGuest(reference, guest, adding: true, attempted: attempted, check: &check)
        case .removeGuest(let reference, let guest):
            return try decideGuest(reference, guest, adding: false, attempted: attempted, check: &check)
        case .addAgendaItem(let reference, let title):
            return try decideAddAgendaItem(reference, title, attempted: attempted, context: context, check: &check)
        case .writeMinutes(let reference, let index, let text, let basedOn):
            return try decideWriteMinutes(reference, index, text, basedOn: basedOn, attempted: attempted, context: context, check: &check)
        case .recordMeetingDecision(let reference, let decision):
            return try decideRecordMeetingDecision(reference, decision, attempted: attempted, context: context, check: &check)
        case .finaliseMinutes(let reference):
            return try decideFinaliseMinutes(reference, attempted: attempted, context: context, check: &check)
        case .amendMinutes(let reference, let text):
            return try decideAmendMinutes(reference, text, attempted: attempted, context: context, check: &check)
        case .shareMinutesWithRCO(let reference, let on):
            return try decideShareMinutesWithRCO(reference, on, attempted: attempted, context: context, check: &check)
        case .addActionPoint(let reference, let text, let responsible, let due, let implements):
            return try decideAddActionPoint(
                reference, text, responsible, due, implements: implements, attempted: attempted, context: context, check: &check)
        case .updateActionPoint(let id, let status, let note, let basedOn):
            return try decideUpdateActionPoint(id, status, note, basedOn: basedOn, attempted: attempted, context: context, check: &check)
        case .draftWorkPlan(let year):
            return try decideDraftWorkPlan(year, attempted: attempted, context: context, check: &check)
        case .addKeyAction(let year, let draft, let revision):
            return try decideAddKeyAction(year, draft, revision: revision, attempted: attempted, context: context, check: &check)
        case .editKeyAction(let year, let code, let draft, let revision):
            return try decideEditKeyAction(year, code, draft, revision: revision, attempted: attempted, context: context, check: &check)
        case .recordProgress(let year, let code, let percent, let status, let note, let basedOn):
            return try decideRecordProgress(
                year, code, percent, status, note, basedOn: basedOn, attempted: attempted, context: context, check: &check)
        case .endorseWorkPlan(let year, let on, let reference):
            return try decideEndorseWorkPlan(year, on, reference, attempted: attempted, context: context, check: &check)
        case .closeWorkPlan(let year, let on):
            return try decideCloseWorkPlan(year, on, attempted: attempted, context: context, check: &check)
        case .recordReportSent(let period, let on):
            return decideReportSent(period, on, context: context, check: &check)
        case .openItem(let draft):
            return try decideOpenItem(draft, attempted: attempted, context: context, check: &check)
        case .recordPosition(let reference, let code, let position, let source, let basedOn):
            try checkRecordPosition(reference, code, position, basedOn: basedOn, of: command, check: &check)
            return [.positionRecorded(item: reference, .recorded(code, position, source, by: context.operatorName, at: context.now))]
        case .adoptItem(let reference, let statement):
            return try decideAdoptItem(reference, statement, attempted: attempted, context: context, check: &check)
        case .rejectItem(let reference, let statement):
            return try decideRejectOrWithdraw(
                reference, statement: statement, status: .notAdopted, attempted: attempted, context: context, check: &check)
        case .withdrawItem(let reference, let statement):
            return try decideRejectOrWithdraw(
                reference, statement: statement, status: .withdrawn, attempted: attempted, context: context, check: &check)
        case .reopenConsultation(let reference, let deadline):
            return try decideReopenConsultation(reference, deadline, attempted: attempted, context: context, check: &check)
        case .deferItem(let reference, let newDeadline, let statement):
            return try decideDeferItem(reference, newDeadline, statement, attempted: attempted, context: context, check: &check)
        case .undo:
            return try decideUndo(context: context)
        case .found(let entities, let sandbox):
            return try decideFound(entities, sandbox: sandbox, attempted: attempted)
        case .grantAccess(let grant):
            return decideGrantAccess(grant, check: &check)
        case .revokeAccess(let login):
            return try decideRevokeAccess(login, attempted: attempted, check: &check)
        }
    }
}

/// Collects the reasons a command is refused.
struct Reasons {
    var list: [String] = []
    mutating func require(_ condition: Bool, _ reason: @autoclosure () -> String) { if !condition { list.append(reason()) } }
    mutating func fail(_ reason: String) { list.append(reason) }
}

/// `USD 120,000` (or `USD 1,500.50`).
public func usd(_ amount: Decimal) -> String {
    let formatted = amountFormatter.withLock { $0.string(from: NSDecimalNumber(decimal: amount)) }
    return "USD " + (formatted ?? "\(amount)")
}

/// The one formatter of amounts: making a formatter (ICU's locale data) took about 100 µs, and
/// the Overview formats two amounts each time it is drawn, a third of the key that shows it;
/// formatting with one made, about 2 µs. A formatter is not safe to share between threads: each
/// use holds the lock.
private let amountFormatter = Mutex(makeAmountFormatter())

/// `1,234.5`: grouped by thousands, at most two decimals, the same in every locale.
func makeAmountFormatter() -> NumberFormatter {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.usesGroupingSeparator = true
    formatter.groupingSeparator = ","
    formatter.groupingSize = 3
    formatter.minimumFractionDigits = 0
    formatter.maximumFractionDigits = 2
    return formatter
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
