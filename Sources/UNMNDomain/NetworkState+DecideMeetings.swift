import Foundation

/// Deciding the commands about meetings, their minutes and action points.
extension NetworkState {
    func decideScheduleMeeting(_ draft: MeetingDraft, attempted: Attempt, context: CommandContext, check: inout Reasons)
        throws(CommandRejection) -> [Event]
    {
        validate(draft, check: &check)
        guard check.list.isEmpty else { return [] }
        let number = meetings.filter { $0.reference.rawValue.hasPrefix("MTG/\(draft.date.year)/") }.count + 1
        let meeting = Meeting(
            reference: MeetingReference("MTG/\(draft.date.year)/" + padded(number, to: 2)), kind: draft.kind, date: draft.date,
            startMinute: draft.startMinute, durationMinutes: draft.durationMinutes, location: draft.location.trimmed,
            mode: draft.mode, modeReason: draft.modeReason?.trimmed.nilIfEmpty)
        return [.meetingScheduled(meeting)]
    }

    func decideRescheduleMeeting(
        _ reference: MeetingReference, _ edit: Edit<MeetingDraft>, attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let meeting = try existingMeeting(reference, attempted)
        checkUnlocked(meeting, check: &check)
        guard check.list.isEmpty else { return [] }
        let current = MeetingDraft(meeting)
        let (draft, _) = try merge(edit, onto: current, record: .meeting(reference), attempted: attempted)
        validate(draft, check: &check)
        check.require(draft != current, "nothing changed")
        return [.meetingRescheduled(reference, draft)]
    }

    func decidePostponeMeeting(
        _ reference: MeetingReference, _ date: LocalDate, _ reason: String, attempted: Attempt, context: CommandContext,
        check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let meeting = try existingMeeting(reference, attempted)
        checkUnlocked(meeting, check: &check)
        guard check.list.isEmpty else { return [] }
        check.require(meeting.attendance.isEmpty, "attendance was recorded: \(reference) took place")
        check.require(date > meeting.date, "a postponement moves the meeting later than \(meeting.date); change the date with e instead")
        check.require(date >= context.today, "\(date) has passed")
        check.require(!reason.trimmed.isEmpty, "say why the meeting is postponed")
        let note = DatedNote(text: reason.trimmed, by: context.operatorName, on: context.today)
        return [.meetingPostponed(reference, Meeting.Postponement(from: meeting.date, to: date, note: note))]
    }

    func decideCancelMeeting(
        _ reference: MeetingReference, _ reason: String, attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let meeting = try existingMeeting(reference, attempted)
        checkUnlocked(meeting, check: &check)
        guard check.list.isEmpty else { return [] }
        check.require(meeting.attendance.isEmpty, "attendance was recorded: \(reference) took place")
        check.require(!reason.trimmed.isEmpty, "say why the meeting is cancelled")
        return [.meetingCancelled(reference, Meeting.Cancellation(text: reason.trimmed, by: context.operatorName, on: context.today))]
    }

    func decideRecordAttendance(
        _ reference: MeetingReference, _ code: EntityCode, _ attendance: Meeting.Attendance?, basedOn: Int?, attempted: Attempt,
        context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        try checkRecordAttendance(reference, code, attendance, basedOn: basedOn, of: attempted.command, check: &check)
        guard check.list.isEmpty else { return [] }
        return [.attendanceRecorded(meeting: reference, entity: code, attendance)]
    }

    /// Whether an entity's attendance may be recorded so: all deciding it checks, its event being
    /// the command's (`EventBatch.plainEvent`).
    func checkRecordAttendance(
        _ reference: MeetingReference, _ code: EntityCode, _ attendance: Meeting.Attendance?, basedOn: Int?,
        of command: Command, check: inout Reasons
    ) throws(CommandRejection) {
        // The meeting and the entity are read where they lie (one attendance is recorded for
        // every member at every meeting): copying the meeting, then every member of the day to
        // look for this one among them, was most of deciding it.
        guard let place = meetings.firstIndex(where: { $0.reference == reference }) else {
            throw CommandRejection(Attempt(command), reason: "there is no meeting \(reference)")
        }
        checkUnlocked(meetings[place], check: &check)
        let date = meetings[place].date
        if let index = entities.firstIndex(where: { $0.code == code }) {
            let member = entities[index]
            check.require(member.status != .applicant, "\(code) is not a member yet")
            if member.status != .applicant, !member.isMember(on: date) {
                if let since = member.memberSince, since > date {
                    check.fail("\(code) became a member on \(since), after the meeting")
                } else if let left = member.withdrawnOn {
                    check.fail("\(code) withdrew on \(left), before the meeting")
                }
            }
        } else {
            check.fail("\(code) is not an entity of the network")
        }
        if case .present(let ids)? = attendance {
            for id in ids {
                guard let point = focalPoint(id) else {
                    check.fail("there is no focal point \(id)")
                    continue
                }
                check.require(point.entity == code, "\(point.name) is \(point.entity)'s focal point, not \(code)'s")
            }
        }
        guard check.list.isEmpty else { return }
        try checkUnchanged(
            .meeting(reference), field: Self.attendanceField(code), title: "attendance of \(code)", since: basedOn,
            theirs: Meeting.Attendance.title(meetings[place].attendance[code]), yours: Meeting.Attendance.title(attendance),
            attempted: Attempt(command))
        check.require(meetings[place].attendance[code] != attendance, "that is already recorded")
    }

    func decideAddAgendaItem(
        _ reference: MeetingReference, _ title: String, attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let meeting = try existingMeeting(reference, attempted)
        checkUnlocked(meeting, check: &check)
        check.require(!title.trimmed.isEmpty, "the agenda item has no title")
        return [.agendaItemAdded(meeting: reference, title: title.trimmed)]
    }

    func decideGuest(_ reference: MeetingReference, _ guest: Meeting.Guest, adding: Bool, attempted: Attempt, check: inout Reasons)
        throws(CommandRejection) -> [Event]
    {
        let meeting = try existingMeeting(reference, attempted)
        checkUnlocked(meeting, check: &check)
        let guests = meeting.guests ?? []
        guard adding else {
            check.require(guests.contains(guest), "\(guest.name) is not among the guests of \(reference)")
            return [.guestRemoved(meeting: reference, guest)]
        }
        let cleaned = Meeting.Guest(name: guest.name.trimmed, organisation: guest.organisation.trimmed, role: guest.role.trimmed)
        check.require(!cleaned.name.isEmpty, "the guest has no name")
        check.require(!cleaned.organisation.isEmpty, "say which organisation \(cleaned.name.isEmpty ? "the guest" : cleaned.name) is from")
        check.require(!guests.contains(cleaned), "\(cleaned.name) of \(cleaned.organisation) is already a guest")
        return [.guestAdded(meeting: reference, cleaned)]
    }

    func decideWriteMinutes(
        _ reference: MeetingReference, _ index: Int, _ text: String, basedOn: Int?, attempted: Attempt, context: CommandContext,
        check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let meeting = try existingMeeting(reference, attempted)
        checkUnlocked(meeting, check: &check)
        check.require(meeting.agenda.indices.contains(index), "\(reference) has no agenda item \(index + 1)")
        guard check.list.isEmpty else { return [] }
        try checkUnchanged(
            .meeting(reference), field: Self.minutesField(index), title: "minutes of item \(index + 1)", since: basedOn,
            theirs: meeting.agenda[index].minutes, yours: text, attempted: attempted)
        check.require(meeting.agenda[index].minutes != text, "nothing changed")
        return [.minutesWritten(meeting: reference, item: index, text: text)]
    }

    func decideRecordMeetingDecision(
        _ reference: MeetingReference, _ decision: Meeting.Decision, attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let meeting = try existingMeeting(reference, attempted)
        checkUnlocked(meeting, check: &check)
        check.require(!decision.text.trimmed.isEmpty, "the decision has no text")
        if let linked = decision.item { check.require(item(linked) != nil, "there is no consensus item \(linked)") }
        return [.meetingDecisionRecorded(meeting: reference, Meeting.Decision(text: decision.text.trimmed, item: decision.item))]
    }

    func decideFinaliseMinutes(_ reference: MeetingReference, attempted: Attempt, context: CommandContext, check: inout Reasons)
        throws(CommandRejection) -> [Event]
    {
        let today = context.today
        let meeting = try existingMeeting(reference, attempted)
        checkUnlocked(meeting, check: &check)
        check.require(
            meeting.mode != nil,
            "the mode (in person, virtual or hybrid) is not recorded, and the Terms of Reference require it in the minutes")
        // Attendance is asked of the members on the meeting's date: one admitted later was not one then.
        let missing = members(on: meeting.date).filter { meeting.attendance[$0.code] == nil }.map(\.code.rawValue)
        check.require(missing.isEmpty, "attendance is not recorded for \(listed(missing))")
        check.require(meeting.date <= today, "the meeting is on \(meeting.date), still to come")
        return [.minutesFinalised(reference, on: today)]
    }

    func decideAmendMinutes(
        _ reference: MeetingReference, _ text: String, attempted: Attempt, context: CommandContext, check: inout Reasons
    )
        throws(CommandRejection) -> [Event]
    {
        let today = context.today
        let meeting = try existingMeeting(reference, attempted)
        check.require(meeting.status.isLocked, "the minutes are still a draft: edit them directly")
        check.require(!text.trimmed.isEmpty, "the amendment has no text")
        return [.minutesAmended(reference, Meeting.Amendment(text: text.trimmed, by: context.operatorName, on: today))]
    }

    func decideShareMinutesWithRCO(
        _ reference: MeetingReference, _ on: LocalDate, attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let today = context.today
        let meeting = try existingMeeting(reference, attempted)
        switch meeting.status {
        case .draft: check.fail("the minutes are not finalised yet")
        case .shared(_, let sharedOn):
            // Shared again only once amended since: the RCO then archives the amended version.
            if isAmendedSinceShared(meeting) {
                check.require(on >= sharedOn, "they were last shared with the RCO on \(sharedOn), after \(on)")
                check.require(on <= today, "\(on) is in the future")
            } else {
                check.fail("they were shared with the RCO on \(sharedOn) and have not been amended since")
            }
        case .finalised(let finalisedOn):
            check.require(on >= finalisedOn, "the minutes were finalised on \(finalisedOn), after \(on)")
            check.require(on <= today, "\(on) is in the future")
        }
        return [.minutesShared(reference, on: on)]
    }

    func decideAddActionPoint(
        _ reference: MeetingReference, _ text: String, _ responsible: [EntityCode], _ due: LocalDate, implements: ItemReference?,
        attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let meeting = try existingMeeting(reference, attempted)
        checkUnlocked(meeting, check: &check)
        if let implements {
            // Follow-up of a decision: what the network adopted, not a proposal still in consultation.
            if let decided = item(implements) {
                check.require(decided.status.isAdopted, "\(implements) is \(decided.status.title), not an adopted decision")
            } else {
                check.fail("there is no consensus item \(implements)")
            }
        }
        check.require(!text.trimmed.isEmpty, "the action point has no text")
        check.require(!responsible.isEmpty, "name at least one responsible entity")
        checkMembers(responsible, check: &check)
        check.require(due >= meeting.date, "the due date \(due) is before the meeting (\(meeting.date))")
        let number = actionPoints.filter { $0.id.rawValue.hasPrefix("AP/\(meeting.date.year)/") }.count + 1
        return [
            .actionPointAdded(
                ActionPoint(
                    id: ActionPointID("AP/\(meeting.date.year)/" + padded(number, to: 3)), meeting: reference,
                    text: text.trimmed, responsible: responsible, due: due, implements: implements))
        ]
    }

    func decideUpdateActionPoint(
        _ id: ActionPointID, _ status: ActionPoint.Status, _ note: String, basedOn: Int?, attempted: Attempt, context: CommandContext,
        check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let today = context.today
        guard let point = actionPoint(id) else { throw CommandRejection(attempted, reason: "there is no action point \(id)") }
        try checkUnchanged(
            .actionPoint(id), field: "status", title: "status", since: basedOn, theirs: point.status.rawValue, yours: status.rawValue,
            attempted: attempted)
        check.require(status != point.status || !note.trimmed.isEmpty, "nothing changed: give a new status or a note")
        check.require(status != .dropped || point.status == .dropped || !note.trimmed.isEmpty, "say why the action point is dropped")
        return [.actionPointUpdated(id, status: status, note: ActionPoint.Note(text: note.trimmed, by: context.operatorName, on: today))]
    }

    // MARK: Meeting rules

    func existingMeeting(_ reference: MeetingReference, _ attempted: Attempt) throws(CommandRejection) -> Meeting {
        guard let found = meeting(reference) else { throw CommandRejection(attempted, reason: "there is no meeting \(reference)") }
        return found
    }

    func checkUnlocked(_ meeting: Meeting, check: inout Reasons) {
        if let cancellation = meeting.cancellation {
            check.fail("\(meeting.reference) was cancelled on \(cancellation.on): \(cancellation.text)")
        }
        if case .finalised(let on) = meeting.status {
            check.fail("the minutes of \(meeting.reference) were finalised on \(on); record an amendment instead")
        }
        if case .shared(let on, _) = meeting.status {
            check.fail("the minutes of \(meeting.reference) were finalised on \(on); record an amendment instead")
        }
    }

    func validate(_ draft: MeetingDraft, check: inout Reasons) {
        check.require((0..<1440).contains(draft.startMinute), "the start time must be between 00:00 and 23:59")
        check.require((15...720).contains(draft.durationMinutes), "a meeting lasts between 15 minutes and 12 hours")
        check.require(!draft.location.trimmed.isEmpty, "say where the meeting takes place (a room, or the video link)")
        if case .requested(let by) = draft.kind {
            check.require(!by.isEmpty, "a requested meeting names who requested it")
            checkMembers(by, check: &check)
        }
    }

    func checkMembers(_ codes: [EntityCode], check: inout Reasons) {
        let strangers = codes.filter { entity($0)?.isMember != true }.map(\.rawValue)
        check.require(
            strangers.isEmpty,
            "\(listed(strangers)) \(strangers.count == 1 ? "is" : "are") not \(strangers.count == 1 ? "a member" : "members")")
    }
}
