/// What undoing a change does: the inverse commands, decided when `u` is pressed against the
/// record and the rules as they are then, like any command; or the reason it cannot be undone.
///
/// The inverse is worked out when the change is applied, against the state just before it, so
/// it knows the values to restore. Each inverse carries the version the change left, so an undo
/// that would overwrite someone else's later change to the same field is refused, and a record
/// that has been locked since (a closed item, finalised minutes, a closed plan) refuses it as
/// it refuses any change. A change others rely on (an adoption, finalised minutes, an
/// endorsement) is never undone: the record moves forward with a new item, an amendment or a
/// correction.
enum Undo {
    static func plan(for batch: EventBatch, before state: NetworkState, version: Int) -> UndoPlan {
        var commands: [Command] = []
        // (Found only for batches that change the list: nine in ten records do not.)
        let changesList = batch.events.contains { if case .mailingListChanged = $0 { true } else { false } }
        let edited: Set<FocalPointID> =
            !changesList
            ? []
            : Set(
                batch.events.compactMap { event -> FocalPointID? in
                    switch event {
                    case .focalPointChanged(let point): return point.id
                    case .focalPointAdded(let point): return point.id
                    default: return nil
                    }
                })
        for event in batch.events {
            // A focal point's edit or addition restores its mailing-list membership itself.
            if case .mailingListChanged(let change) = event, edited.contains(change.focalPointID) { continue }
            switch inverse(of: event, before: state, at: batch.at, version: version) {
            case .success(let inverse): commands += inverse
            case .failure(let refusal): return .impossible(summary: batch.summary, reason: refusal.reason)
            }
        }
        return .inverse(summary: batch.summary, commands: commands.reversed())
    }

    struct Refusal: Error { var reason: String }

    // swiftlint:disable:next cyclomatic_complexity
    private static func inverse(of event: Event, before state: NetworkState, at: Instant, version: Int) -> Result<[Command], Refusal> {
        let today = at.tashkentDate
        switch event {
        case .networkFounded, .sandboxDeclared: return .failure(Refusal(reason: "the founding membership is the Terms of Reference's"))
        case .accessGranted, .accessRevoked: return .failure(Refusal(reason: "access is changed by granting or revoking it again"))
        case .entityApplied, .entityAdmitted, .entityWithdrew:
            return .failure(
                Refusal(reason: "membership changes are part of the record; propose an admission or record a withdrawal instead"))
        case .focalPointAdded(let point):
            return .success([.retireFocalPoint(id: point.id, on: today)])
        case .focalPointChanged(let point):
            guard let old = state.focalPoint(point.id) else { return .failure(Refusal(reason: "the focal point is unknown")) }
            if old.retiredOn != point.retiredOn {
                return .failure(Refusal(reason: "a focal point who stepped down is not brought back; add them again (n)"))
            }
            return .success([.editFocalPoint(id: point.id, Edit(from: FocalPointDraft(point), to: FocalPointDraft(old), basedOn: version))])
        case .mailingListChanged(let change):
            return .success([.setMailingList(focalPoint: change.focalPointID, on: !change.added)])
        case .mailingListRequestSent: return .failure(Refusal(reason: "the request has gone to the IT unit"))
        case .meetingScheduled(let meeting):
            return .failure(Refusal(reason: "a scheduled meeting stays in the record; reschedule \(meeting.reference) instead"))
        case .meetingPostponed(let reference, let postponement):
            return .failure(
                Refusal(
                    reason:
                        "a postponement stays in the record; change \(reference) back to \(postponement.from) with e if it was a mistake"))
        case .meetingCancelled(let reference, _):
            return .failure(Refusal(reason: "a cancellation stays in the record; schedule a new meeting instead of \(reference)"))
        case .meetingRescheduled(let reference, let draft):
            guard let old = state.meeting(reference) else { return .failure(Refusal(reason: "the meeting is unknown")) }
            return .success([.rescheduleMeeting(reference, Edit(from: draft, to: MeetingDraft(old), basedOn: version))])
        case .attendanceRecorded(let reference, let entity, _):
            return .success([
                .recordAttendance(meeting: reference, entity: entity, state.meeting(reference)?.attendance[entity], basedOn: version)
            ])
        case .agendaItemAdded: return .failure(Refusal(reason: "agenda items are kept; rename it or leave its minutes empty"))
        case .guestAdded(let reference, let guest): return .success([.removeGuest(meeting: reference, guest)])
        case .guestRemoved(let reference, let guest): return .success([.addGuest(meeting: reference, guest)])
        case .minutesWritten(let reference, let item, _):
            let old = state.meeting(reference).flatMap { $0.agenda.indices.contains(item) ? $0.agenda[item].minutes : nil } ?? ""
            return .success([.writeMinutes(meeting: reference, item: item, text: old, basedOn: version)])
        case .meetingDecisionRecorded: return .failure(Refusal(reason: "a decision taken at a meeting stays in its minutes"))
        case .minutesFinalised: return .failure(Refusal(reason: "finalised minutes are locked; record an amendment"))
        case .minutesAmended: return .failure(Refusal(reason: "an amendment is part of the record; record another to correct it"))
        case .minutesShared: return .failure(Refusal(reason: "the minutes have gone to the RCO"))
        case .actionPointAdded(let point):
            return .success([.updateActionPoint(point.id, status: .dropped, note: "Undone: added by mistake.", basedOn: version)])
        case .actionPointUpdated(let id, _, _):
            guard let old = state.actionPoint(id) else { return .failure(Refusal(reason: "the action point is unknown")) }
            return .success([.updateActionPoint(id, status: old.status, note: "Undone: back to \(old.status.rawValue).", basedOn: version)])
        case .workPlanDrafted: return .failure(Refusal(reason: "a work plan, once drafted, stays in the record"))
        case .keyActionAdded(let year, let action):
            return .success([
                .recordProgress(
                    year: year, code: action.code, percent: action.progress, status: .cancelled, note: "Undone: added by mistake.",
                    basedOn: version)
            ])
        case .keyActionChanged(let year, let action):
            guard let old = state.workPlans[year]?.actions.first(where: { $0.code == action.code }) else {
                return .failure(Refusal(reason: "the action is unknown"))
            }
            return .success([
                .editKeyAction(
                    year: year, code: action.code, Edit(from: KeyActionDraft(action), to: KeyActionDraft(old), basedOn: version))
            ])
        case .progressRecorded(let year, let code, _):
            guard let old = state.workPlans[year]?.actions.first(where: { $0.code == code }) else {
                return .failure(Refusal(reason: "the action is unknown"))
            }
            return .success([
                .recordProgress(
                    year: year, code: code, percent: old.progress, status: old.status, note: "Undone: back to \(old.progress) %.",
                    basedOn: version)
            ])
        case .workPlanEndorsed, .workPlanRevisionsEndorsed: return .failure(Refusal(reason: "an endorsement by the members stands"))
        case .reportSentToUNCT: return .failure(Refusal(reason: "the report has gone to the UNCT"))
        case .workPlanRevised:
            return .failure(Refusal(reason: "a revision of the endorsed plan stays in its history; revise the action again to correct it"))
        case .consultationReopened:
            return .failure(Refusal(reason: "a re-opened consultation stands; the members' new positions are recorded on it"))
        case .workPlanClosed: return .failure(Refusal(reason: "a closed plan stays closed"))
        case .itemOpened(let item):
            return .success([.withdrawItem(item.reference, statement: "Withdrawn: opened by mistake (undone).")])
        case .positionRecorded(let reference, let record):
            let old = state.item(reference)?.positions[record.entity]
            return .success([
                .recordPosition(
                    item: reference, entity: record.entity, old?.position, source: old?.source ?? record.source, basedOn: version)
            ])
        case .itemClosed(let reference, let status, _):
            if status.isAdopted { return .failure(Refusal(reason: "an adopted decision stands; open a new item to revisit it")) }
            return .failure(Refusal(reason: "\(reference) is closed; open a new item to take it up again"))
        case .itemDeferred: return .failure(Refusal(reason: "a deferral is announced to the members; defer again to change the deadline"))
        }
    }
}

extension Command {
    /// The command as decided today: an undone focal point steps down on the day of the undo.
    func dated(_ today: LocalDate) -> Command {
        if case .retireFocalPoint(let id, _) = self { return .retireFocalPoint(id: id, on: today) }
        return self
    }
}

extension NetworkState {
    /// Decides the inverse commands of the operator's last change one after another, each
    /// against the record the previous one left, under today's rules.
    func decideUndo(context: CommandContext) throws(CommandRejection) -> [Event] {
        switch undoPlan(for: context.operator) {
        case nil: throw CommandRejection("undo", reason: "you have made no change to undo")
        case .impossible(let summary, let reason)?: throw CommandRejection("undo \"\(summary)\"", reason: reason)
        case .inverse(let summary, let commands)?:
            var scratch = self
            var events: [Event] = []
            for command in commands {
                do {
                    let batch = try scratch.decide(command.dated(context.today), context: context)
                    scratch.apply(batch)
                    events += batch.events
                } catch {
                    let reasons =
                        error.conflicts.isEmpty
                        ? error.reasons
                        : error.conflicts.map {
                            "\($0.change.by) (\($0.change.entity)) changed the \($0.title) of \($0.record) after your change; "
                                + "undo would overwrite it"
                        }
                    throw CommandRejection("undo \"\(summary)\"", reasons: reasons)
                }
            }
            return events
        }
    }
}
