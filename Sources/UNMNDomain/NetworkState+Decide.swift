import Foundation

/// Deciding commands: every rule of the Terms of Reference, checked against the current state
/// and the operator. A refusal lists every reason at once.
extension NetworkState {
    public func decide(_ command: Command, context: CommandContext) throws(CommandRejection) -> EventBatch {
        let attempted = Self.describe(command)
        if let refusal = Permissions.refusal(for: command, by: context, in: self) {
            throw CommandRejection(attempted, reason: refusal)
        }
        var check = Reasons()
        let events = try decideEvents(command, context: context, check: &check)
        if !check.list.isEmpty { throw CommandRejection(attempted, reasons: check.list) }
        if case .undo = command, case .compensate(let summary, _)? = undoPlan(for: context.operator) {
            return EventBatch(operator: context.operator, at: context.now, events: events, summary: "Undid: " + summary, isUndo: true)
        }
        return EventBatch(operator: context.operator, at: context.now, events: events, summary: Self.summary(of: command, events: events))
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private func decideEvents(_ command: Command, context: CommandContext, check: inout Reasons) throws(CommandRejection) -> [Event] {
        let today = context.today
        let attempted = Self.describe(command)
        switch command {
        // MARK: Members and focal points
        case .addFocalPoint(let draft):
            validate(draft, excluding: nil, check: &check)
            guard check.list.isEmpty else { return [] }
            let point = FocalPoint(id: "FP-" + padded(focalPoints.count + 1, to: 4), entity: draft.entity, name: draft.name.trimmed,
                                   position: draft.position.trimmed, level: draft.level, email: draft.email.trimmed,
                                   isOnMailingList: draft.isOnMailingList, emailException: exception(for: draft, by: context))
            var events: [Event] = [.focalPointAdded(point)]
            if draft.isOnMailingList {
                events.append(.mailingListChanged(MailingListChange(focalPointID: point.id, name: point.name, email: point.email, added: true, at: context.now)))
            }
            return events

        case .editFocalPoint(let id, let draft):
            guard let old = focalPoint(id) else { throw CommandRejection(attempted, reason: "there is no focal point \(id)") }
            check.require(old.isActive, "\(old.name) stepped down on \(old.retiredOn.map(\.description) ?? "")")
            check.require(draft.entity == old.entity, "a focal point cannot move from \(old.entity) to \(draft.entity); add a new one")
            validate(draft, excluding: id, check: &check)
            var point = old
            point.name = draft.name.trimmed
            point.position = draft.position.trimmed
            point.level = draft.level
            point.email = draft.email.trimmed
            point.isOnMailingList = draft.isOnMailingList
            point.emailException = exception(for: draft, by: context)
            check.require(point != old, "nothing changed")
            var events: [Event] = []
            if old.isOnMailingList && (!draft.isOnMailingList || old.email != point.email) {
                events.append(.mailingListChanged(MailingListChange(focalPointID: id, name: old.name, email: old.email, added: false, at: context.now)))
            }
            events.append(.focalPointChanged(point))
            if draft.isOnMailingList && (!old.isOnMailingList || old.email != point.email) {
                events.append(.mailingListChanged(MailingListChange(focalPointID: id, name: point.name, email: point.email, added: true, at: context.now)))
            }
            return events

        case .retireFocalPoint(let id, let on):
            guard var point = focalPoint(id) else { throw CommandRejection(attempted, reason: "there is no focal point \(id)") }
            check.require(point.isActive, "\(point.name) already stepped down on \(point.retiredOn.map(\.description) ?? "")")
            guard check.list.isEmpty else { return [] }
            var events: [Event] = []
            if point.isOnMailingList {
                events.append(.mailingListChanged(MailingListChange(focalPointID: id, name: point.name, email: point.email, added: false, at: context.now)))
                point.isOnMailingList = false
            }
            point.retiredOn = on
            events.append(.focalPointChanged(point))
            return events

        case .setMailingList(let id, let on):
            guard let point = focalPoint(id) else { throw CommandRejection(attempted, reason: "there is no focal point \(id)") }
            check.require(point.isActive, "\(point.name) stepped down on \(point.retiredOn.map(\.description) ?? "")")
            check.require(point.isOnMailingList != on, "\(point.name) is \(on ? "already" : "not") on the mailing list")
            return [.mailingListChanged(MailingListChange(focalPointID: id, name: point.name, email: point.email, added: on, at: context.now))]

        case .markMailingListRequestSent:
            let since = mailingListRequests.last
            check.require(!mailingListDelta(since: since).isEmpty,
                          "the mailing list has not changed since the last request" + (since.map { " (\($0.tashkentDate))" } ?? ""))
            return [.mailingListRequestSent(at: context.now)]

        case .proposeAdmission(let code, let fullName, let text, let deadline, let raisedAt):
            check.require(!code.rawValue.trimmed.isEmpty, "the entity's code is empty")
            check.require(!fullName.trimmed.isEmpty, "the entity's full name is empty")
            check.require(!text.trimmed.isEmpty, "the proposal text is empty")
            if let existing = entity(code), existing.isMember { check.fail("\(existing.code) is already a member") }
            if let pending = items.first(where: { if case .admission(let c, _) = $0.kind { return c.normalized == code.normalized && !$0.status.isClosed } else { return false } }) {
                check.fail("\(pending.reference) already proposes \(code)'s admission")
            }
            checkDeadline(deadline, today: today, check: &check)
            checkRaisedAt(raisedAt, check: &check)
            guard check.list.isEmpty else { return [] }
            let applicant = MemberEntity(code: code, fullName: fullName.trimmed, role: .member, status: .applicant)
            let item = newItem(ConsensusItemDraft(title: "Admission of \(code) (\(fullName.trimmed))", text: text, kind: .admission(code, fullName: fullName.trimmed),
                                                  raisedAt: raisedAt, deadline: deadline), today: today)
            return [.entityApplied(applicant), .itemOpened(item)]

        case .recordWithdrawal(let code, let on, let note):
            guard let member = entity(code) else { throw CommandRejection(attempted, reason: "\(code) is not an entity of the network") }
            check.require(member.isMember, "\(code) is not a member (\(member.status.rawValue))")
            check.require(member.role == .member, "\(code) is the network's \(member.role.title.lowercased()) under the Terms of Reference and cannot withdraw")
            check.require(!note.trimmed.isEmpty, "say why \(code) withdraws")
            guard check.list.isEmpty else { return [] }
            // Its focal points leave the mailing list; their records stay.
            let removals = focalPoints.filter { $0.entity == code && $0.isOnMailingList }.map {
                Event.mailingListChanged(MailingListChange(focalPointID: $0.id, name: $0.name, email: $0.email, added: false, at: context.now))
            }
            return [.entityWithdrew(code, on: on, note: note.trimmed)] + removals

        // MARK: Meetings
        case .scheduleMeeting(let draft):
            validate(draft, check: &check)
            guard check.list.isEmpty else { return [] }
            let number = meetings.filter { $0.reference.hasPrefix("MTG/\(draft.date.year)/") }.count + 1
            let meeting = Meeting(reference: "MTG/\(draft.date.year)/" + padded(number, to: 2), kind: draft.kind, date: draft.date,
                                  startMinute: draft.startMinute, durationMinutes: draft.durationMinutes, location: draft.location.trimmed,
                                  mode: draft.mode, modeReason: draft.modeReason?.trimmed.nilIfEmpty)
            return [.meetingScheduled(meeting)]

        case .rescheduleMeeting(let reference, let draft):
            let meeting = try existingMeeting(reference, attempted)
            checkUnlocked(meeting, check: &check)
            validate(draft, check: &check)
            return [.meetingRescheduled(reference, draft)]

        case .recordAttendance(let reference, let code, let attendance):
            let meeting = try existingMeeting(reference, attempted)
            checkUnlocked(meeting, check: &check)
            if let member = entity(code) {
                check.require(member.status != .applicant, "\(code) is not a member yet")
            } else {
                check.fail("\(code) is not an entity of the network")
            }
            if case .present(let ids)? = attendance {
                for id in ids {
                    guard let point = focalPoint(id) else { check.fail("there is no focal point \(id)"); continue }
                    check.require(point.entity == code, "\(point.name) is \(point.entity)'s focal point, not \(code)'s")
                }
            }
            check.require(meeting.attendance[code] != attendance, "that is already recorded")
            return [.attendanceRecorded(meeting: reference, entity: code, attendance)]

        case .addAgendaItem(let reference, let title):
            let meeting = try existingMeeting(reference, attempted)
            checkUnlocked(meeting, check: &check)
            check.require(!title.trimmed.isEmpty, "the agenda item has no title")
            return [.agendaItemAdded(meeting: reference, title: title.trimmed)]

        case .writeMinutes(let reference, let index, let text):
            let meeting = try existingMeeting(reference, attempted)
            checkUnlocked(meeting, check: &check)
            check.require(meeting.agenda.indices.contains(index), "\(reference) has no agenda item \(index + 1)")
            if meeting.agenda.indices.contains(index) { check.require(meeting.agenda[index].minutes != text, "nothing changed") }
            return [.minutesWritten(meeting: reference, item: index, text: text)]

        case .recordMeetingDecision(let reference, let decision):
            let meeting = try existingMeeting(reference, attempted)
            checkUnlocked(meeting, check: &check)
            check.require(!decision.text.trimmed.isEmpty, "the decision has no text")
            if let linked = decision.item { check.require(item(linked) != nil, "there is no consensus item \(linked)") }
            return [.meetingDecisionRecorded(meeting: reference, Meeting.Decision(text: decision.text.trimmed, item: decision.item))]

        case .finaliseMinutes(let reference):
            let meeting = try existingMeeting(reference, attempted)
            checkUnlocked(meeting, check: &check)
            check.require(meeting.mode != nil, "the mode (in person, virtual or hybrid) is not recorded, and the Terms of Reference require it in the minutes")
            let missing = members.filter { meeting.attendance[$0.code] == nil }.map(\.code.rawValue)
            check.require(missing.isEmpty, "attendance is not recorded for \(listed(missing))")
            check.require(meeting.date <= today, "the meeting is on \(meeting.date), still to come")
            return [.minutesFinalised(reference, on: today)]

        case .amendMinutes(let reference, let text):
            let meeting = try existingMeeting(reference, attempted)
            check.require(meeting.status.isLocked, "the minutes are still a draft: edit them directly")
            check.require(!text.trimmed.isEmpty, "the amendment has no text")
            return [.minutesAmended(reference, Meeting.Amendment(text: text.trimmed, by: context.operatorName, on: today))]

        case .shareMinutesWithRCO(let reference, let on):
            let meeting = try existingMeeting(reference, attempted)
            switch meeting.status {
            case .draft: check.fail("the minutes are not finalised yet")
            case .shared(_, let sharedOn): check.fail("they were shared with the RCO on \(sharedOn)")
            case .finalised(let finalisedOn):
                check.require(on >= finalisedOn, "the minutes were finalised on \(finalisedOn), after \(on)")
                check.require(on <= today, "\(on) is in the future")
            }
            return [.minutesShared(reference, on: on)]

        case .addActionPoint(let reference, let text, let responsible, let due):
            let meeting = try existingMeeting(reference, attempted)
            checkUnlocked(meeting, check: &check)
            check.require(!text.trimmed.isEmpty, "the action point has no text")
            check.require(!responsible.isEmpty, "name at least one responsible entity")
            checkMembers(responsible, check: &check)
            check.require(due >= meeting.date, "the due date \(due) is before the meeting (\(meeting.date))")
            let number = actionPoints.filter { $0.id.hasPrefix("AP/\(meeting.date.year)/") }.count + 1
            return [.actionPointAdded(ActionPoint(id: "AP/\(meeting.date.year)/" + padded(number, to: 3), meeting: reference,
                                                  text: text.trimmed, responsible: responsible, due: due))]

        case .updateActionPoint(let id, let status, let note):
            guard let point = actionPoint(id) else { throw CommandRejection(attempted, reason: "there is no action point \(id)") }
            check.require(status != point.status || !note.trimmed.isEmpty, "nothing changed: give a new status or a note")
            check.require(status != .dropped || point.status == .dropped || !note.trimmed.isEmpty, "say why the action point is dropped")
            return [.actionPointUpdated(id, status: status, note: ActionPoint.Note(text: note.trimmed, by: context.operatorName, on: today))]

        // MARK: Annual work plans
        case .draftWorkPlan(let year):
            check.require((2000...2100).contains(year), "\(year) is not a plausible year")
            check.require(workPlans[year] == nil, "the \(year) work plan already exists (\(workPlans[year]?.status.title ?? ""))")
            return [.workPlanDrafted(year: year)]

        case .addKeyAction(let year, let draft):
            let plan = try existingPlan(year, attempted)
            checkOpen(plan, check: &check)
            check.require(!plan.actions.contains { $0.code == draft.code.trimmed }, "the \(year) plan already has an action \(draft.code)")
            validate(draft, year: year, check: &check)
            return [.keyActionAdded(year: year, keyAction(from: draft, status: .notStarted, progress: 0, history: []))]

        case .editKeyAction(let year, let code, let draft):
            let plan = try existingPlan(year, attempted)
            checkOpen(plan, check: &check)
            guard let old = plan.actions.first(where: { $0.code == code }) else { throw CommandRejection(attempted, reason: "the \(year) plan has no action \(code)") }
            check.require(draft.code.trimmed == code, "an action's code cannot change (\(code))")
            validate(draft, year: year, check: &check)
            let action = keyAction(from: draft, status: old.status, progress: old.progress, history: old.history)
            check.require(action != old, "nothing changed")
            return [.keyActionChanged(year: year, action)]

        case .recordProgress(let year, let code, let percent, let status, let note):
            let plan = try existingPlan(year, attempted)
            checkOpen(plan, check: &check)
            guard let action = plan.actions.first(where: { $0.code == code }) else { throw CommandRejection(attempted, reason: "the \(year) plan has no action \(code)") }
            check.require((0...100).contains(percent), "progress must be between 0 and 100 %, not \(percent)")
            check.require(status != .completed || percent == 100, "a completed action is at 100 %")
            check.require(percent != action.progress || status != action.status || !note.trimmed.isEmpty, "nothing changed: give a new percentage, status or a note")
            return [.progressRecorded(year: year, code: code, KeyAction.ProgressUpdate(on: today, by: context.operatorName, entity: context.entity,
                                                                                       percent: percent, status: status, note: note.trimmed))]

        case .endorseWorkPlan(let year, let on, let reference):
            let plan = try existingPlan(year, attempted)
            check.require(plan.status == .draft, "the \(year) plan is \(plan.status.title)")
            check.require(!plan.actions.isEmpty, "the \(year) plan has no key actions")
            if reference.hasPrefix("MTG/") {
                check.require(meeting(reference) != nil, "there is no meeting \(reference)")
            } else if let endorsing = item(reference) {
                check.require(endorsing.kind == .workPlanEndorsement(year: year), "\(reference) is not the \(year) plan's endorsement item")
                if case .adopted = endorsing.status {} else { check.fail("\(reference) has not been adopted (\(endorsing.status.title))") }
            } else {
                check.fail("\"\(reference)\" is neither a meeting nor a consensus item")
            }
            check.require(on <= today, "\(on) is in the future")
            return [.workPlanEndorsed(year: year, on: on, reference: reference)]

        case .closeWorkPlan(let year, let on):
            let plan = try existingPlan(year, attempted)
            if case .endorsed(let endorsedOn, _) = plan.status {
                check.require(on >= endorsedOn, "the plan was endorsed on \(endorsedOn), after \(on)")
            } else {
                check.fail("the \(year) plan is \(plan.status.title); only an endorsed plan is closed")
            }
            return [.workPlanClosed(year: year, on: on)]

        // MARK: Consensus items
        case .openItem(let draft):
            check.require(!draft.title.trimmed.isEmpty, "the item has no title")
            check.require(!draft.text.trimmed.isEmpty, "the item has no text")
            checkDeadline(draft.deadline, today: today, check: &check)
            checkRaisedAt(draft.raisedAt, check: &check)
            switch draft.kind {
            case .admission: check.fail("propose an admission from Members, so that the applicant is recorded")
            case .workPlanEndorsement(let year):
                if let plan = workPlans[year] { check.require(plan.status == .draft, "the \(year) plan is \(plan.status.title)") }
                else { check.fail("there is no \(year) work plan") }
            default: break
            }
            return [.itemOpened(newItem(draft, today: today))]

        case .recordPosition(let reference, let code, let position, let source):
            guard let open = item(reference) else { throw CommandRejection(attempted, reason: "there is no consensus item \(reference)") }
            if let closure = open.closure, open.status.isClosed {
                check.fail("\(reference) was \(open.status.title) by \(closure.by) (\(closure.entity)) on \(closure.at.tashkentDate)")
            }
            if let member = entity(code) {
                check.require(member.isMember, "\(code) is not consulted: \(member.status == .withdrawn ? "it withdrew" : "it is not a member yet")")
            } else {
                check.fail("\(code) is not an entity of the network")
            }
            if case .object(let reason) = position { check.require(!reason.trimmed.isEmpty, "an objection needs a reason") }
            check.require(open.positions[code]?.position != position, "\(code)'s position is already \(position.title)")
            var recorded = position
            if case .object(let reason) = position { recorded = .object(reason: reason.trimmed) }
            return [.positionRecorded(item: reference, PositionRecord(entity: code, position: recorded, source: source, recordedBy: context.operatorName, at: context.now))]

        case .adoptItem(let reference, let statement):
            let open = try openItem(reference, attempted, check: &check)
            check.require(!statement.trimmed.isEmpty, "give an outcome statement")
            check.list += adoptionBlockers(open)
            guard check.list.isEmpty else { return [] }
            let number = nextDecisionNumber(year: today.year)
            var events: [Event] = [.itemClosed(reference, .adopted(decisionNumber: number), closure(statement, context))]
            switch open.kind {
            case .admission(let code, _): events.append(.entityAdmitted(code, on: today, decision: reference))
            case .workPlanEndorsement(let year) where workPlans[year]?.status == .draft:
                events.append(.workPlanEndorsed(year: year, on: today, reference: reference))
            default: break
            }
            return events

        case .rejectItem(let reference, let statement), .withdrawItem(let reference, let statement):
            _ = try openItem(reference, attempted, check: &check)
            check.require(!statement.trimmed.isEmpty, "give an outcome statement")
            let status: ConsensusItem.Status = if case .rejectItem = command { .notAdopted } else { .withdrawn }
            return [.itemClosed(reference, status, closure(statement, context))]

        case .deferItem(let reference, let newDeadline, let statement):
            let open = try openItem(reference, attempted, check: &check)
            check.require(!statement.trimmed.isEmpty, "give an outcome statement")
            check.require(newDeadline > today, "the new deadline must be after today (\(today))")
            check.require(newDeadline != open.deadline, "the deadline is already \(newDeadline)")
            return [.itemDeferred(reference, newDeadline: newDeadline, closure(statement, context))]

        case .undo:
            switch undoPlan(for: context.operator) {
            case nil: throw CommandRejection("undo", reason: "you have made no change to undo")
            case .impossible(let summary, let reason)?: throw CommandRejection("undo \"\(summary)\"", reason: reason)
            case .compensate(_, let events)?: return events
            }
        }
    }

    // MARK: Consensus rules

    /// Everything that stands between an item and its adoption, worded for the chair:
    /// "UNDRR and WB have not answered", "ILO objects: not within our mandate".
    ///
    /// Who is consulted is decided now, not when the item opened: consensus is "based on
    /// consultations with all its Members", so an entity admitted while an item is open must be
    /// consulted before it is adopted, and an entity that withdrew is no longer consulted (its
    /// earlier position stays in the item's history but no longer counts).
    public func adoptionBlockers(_ item: ConsensusItem) -> [String] {
        var blockers: [String] = []
        let consulted = members
        let unanswered = consulted.filter { item.positions[$0.code] == nil }.map(\.code.rawValue)
        if !unanswered.isEmpty { blockers.append("\(listed(unanswered)) \(unanswered.count == 1 ? "has" : "have") not answered") }
        for member in consulted {
            if case .object(let reason)? = item.positions[member.code]?.position { blockers.append("\(member.code) objects: \(reason)") }
        }
        if case .admission = item.kind {
            let asides = consulted.filter { item.positions[$0.code]?.position == .standAside }.map(\.code.rawValue)
            if !asides.isEmpty {
                blockers.append("\(listed(asides)) \(asides.count == 1 ? "stands" : "stand") aside, and an admission needs every member to agree")
            }
        }
        return blockers
    }

    private func openItem(_ reference: String, _ attempted: String, check: inout Reasons) throws(CommandRejection) -> ConsensusItem {
        guard let found = item(reference) else { throw CommandRejection(attempted, reason: "there is no consensus item \(reference)") }
        if found.status.isClosed, let closure = found.closure {
            throw CommandRejection(attempted, reason: "\(reference) was already \(found.status.title) by \(closure.by) (\(closure.entity)) on \(closure.at.tashkentDate)")
        }
        return found
    }

    private func newItem(_ draft: ConsensusItemDraft, today: LocalDate) -> ConsensusItem {
        let prefix = "UNMN/\(today.year)/"
        let number = itemsPerYear[today.year, default: 0] + 1
        return ConsensusItem(reference: prefix + padded(number, to: 3), title: draft.title.trimmed, text: draft.text.trimmed, kind: draft.kind,
                             raisedAt: draft.raisedAt, deadline: draft.deadline, openedOn: today, status: .open, positions: [:], history: [],
                             closure: nil, deferrals: [])
    }

    private func nextDecisionNumber(year: Int) -> String {
        "\(year)/" + padded(decisionsPerYear[year, default: 0] + 1, to: 2)
    }

    private func closure(_ statement: String, _ context: CommandContext) -> ConsensusItem.Closure {
        ConsensusItem.Closure(by: context.operatorName, entity: context.entity, at: context.now, statement: statement.trimmed)
    }

    private func checkDeadline(_ deadline: LocalDate, today: LocalDate, check: inout Reasons) {
        check.require(deadline >= today, "the deadline \(deadline) has already passed")
    }

    private func checkRaisedAt(_ raisedAt: ConsensusItem.RaisedAt, check: inout Reasons) {
        if case .meeting(let reference) = raisedAt { check.require(meeting(reference) != nil, "there is no meeting \(reference)") }
    }

    // MARK: Focal-point rules

    private func validate(_ draft: FocalPointDraft, excluding id: String?, check: inout Reasons) {
        if let member = entity(draft.entity) {
            check.require(member.isMember, "\(draft.entity) is not a member (\(member.status.rawValue))")
        } else {
            check.fail("\(draft.entity) is not an entity of the network")
        }
        check.require(!draft.name.trimmed.isEmpty, "the name is empty")
        check.require(draft.name.count <= 100, "the name is longer than 100 characters")
        check.require(!draft.position.trimmed.isEmpty, "the position (title) is empty")
        let email = draft.email.trimmed
        if !EmailPolicy.isWellFormed(email) {
            check.fail("\"\(email)\" is not an email address")
        } else if !emailPolicy.isCorporate(email) && (draft.exceptionReason?.trimmed ?? "").isEmpty {
            check.fail("\(email) is not a corporate address: record why the exception is needed, or use the entity's corporate account")
        }
        if let twin = focalPoints.first(where: { $0.isActive && $0.id != id && $0.email.lowercased() == email.lowercased() }) {
            check.fail("\(email) already belongs to \(twin.name) (\(twin.entity))")
        }
    }

    private func exception(for draft: FocalPointDraft, by context: CommandContext) -> FocalPoint.EmailException? {
        guard !emailPolicy.isCorporate(draft.email.trimmed), let reason = draft.exceptionReason?.trimmed, !reason.isEmpty else { return nil }
        return FocalPoint.EmailException(reason: reason, verifiedBy: context.operatorName)
    }

    // MARK: Meeting rules

    private func existingMeeting(_ reference: String, _ attempted: String) throws(CommandRejection) -> Meeting {
        guard let found = meeting(reference) else { throw CommandRejection(attempted, reason: "there is no meeting \(reference)") }
        return found
    }

    private func checkUnlocked(_ meeting: Meeting, check: inout Reasons) {
        if case .finalised(let on) = meeting.status { check.fail("the minutes of \(meeting.reference) were finalised on \(on); record an amendment instead") }
        if case .shared(let on, _) = meeting.status { check.fail("the minutes of \(meeting.reference) were finalised on \(on); record an amendment instead") }
    }

    private func validate(_ draft: MeetingDraft, check: inout Reasons) {
        check.require((0..<1440).contains(draft.startMinute), "the start time must be between 00:00 and 23:59")
        check.require((15...720).contains(draft.durationMinutes), "a meeting lasts between 15 minutes and 12 hours")
        check.require(!draft.location.trimmed.isEmpty, "say where the meeting takes place (a room, or the video link)")
        if case .requested(let by) = draft.kind {
            check.require(!by.isEmpty, "a requested meeting names who requested it")
            checkMembers(by, check: &check)
        }
    }

    private func checkMembers(_ codes: [EntityCode], check: inout Reasons) {
        let strangers = codes.filter { entity($0)?.isMember != true }.map(\.rawValue)
        check.require(strangers.isEmpty, "\(listed(strangers)) \(strangers.count == 1 ? "is" : "are") not \(strangers.count == 1 ? "a member" : "members")")
    }

    // MARK: Work-plan rules

    private func existingPlan(_ year: Int, _ attempted: String) throws(CommandRejection) -> WorkPlan {
        guard let plan = workPlans[year] else { throw CommandRejection(attempted, reason: "there is no \(year) work plan") }
        return plan
    }

    private func checkOpen(_ plan: WorkPlan, check: inout Reasons) {
        if case .closed(_, _, let on) = plan.status { check.fail("the \(plan.year) plan was closed on \(on)") }
    }

    private func validate(_ draft: KeyActionDraft, year: Int, check: inout Reasons) {
        check.require(!draft.code.trimmed.isEmpty, "the action has no code")
        check.require(!draft.title.trimmed.isEmpty, "the action has no title")
        checkMembers([draft.lead] + draft.participants, check: &check)
        check.require(!draft.participants.contains(draft.lead), "\(draft.lead) leads the action and is not also a participant")
        check.require(draft.starts <= draft.ends, "it ends (\(draft.ends)) before it starts (\(draft.starts))")
        check.require(draft.starts.year == year && draft.ends.year == year, "its timeframe must lie within \(year)")
        check.require(draft.budgetRequired >= 0 && draft.budgetFunded >= 0, "budgets cannot be negative")
        if draft.budgetRequired >= 0 && draft.budgetFunded > draft.budgetRequired && !draft.acceptsOverfunding {
            check.fail("funded (\(usd(draft.budgetFunded))) is above required (\(usd(draft.budgetRequired))); confirm to accept it")
        }
        check.require(!draft.gcmObjectives.isEmpty, "name at least one GCM objective it serves")
        let strange = draft.gcmObjectives.filter { !(1...23).contains($0) }.sorted()
        check.require(strange.isEmpty, "GCM objectives are numbered 1 to 23, not \(strange.map(String.init).joined(separator: ", "))")
        let badTargets = draft.sdgTargets.filter { $0.wholeMatch(of: /[0-9]{1,2}\.[0-9a-z]{1,2}/) == nil }
        check.require(badTargets.isEmpty, "SDG targets look like 10.7, not \(badTargets.joined(separator: ", "))")
    }

    private func keyAction(from draft: KeyActionDraft, status: KeyAction.Status, progress: Int, history: [KeyAction.ProgressUpdate]) -> KeyAction {
        KeyAction(code: draft.code.trimmed, title: draft.title.trimmed, description: draft.description.trimmed, lead: draft.lead,
                  participants: draft.participants, starts: draft.starts, ends: draft.ends, budgetRequired: draft.budgetRequired,
                  budgetFunded: draft.budgetFunded, fundingSource: draft.fundingSource, gcmObjectives: draft.gcmObjectives,
                  sdgTargets: draft.sdgTargets, cooperationFrameworkOutcome: draft.cooperationFrameworkOutcome?.trimmed.nilIfEmpty,
                  status: status, progress: progress, history: history)
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
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.usesGroupingSeparator = true
    formatter.groupingSeparator = ","
    formatter.groupingSize = 3
    formatter.minimumFractionDigits = 0
    formatter.maximumFractionDigits = 2
    return "USD " + (formatter.string(from: NSDecimalNumber(decimal: amount)) ?? "\(amount)")
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
