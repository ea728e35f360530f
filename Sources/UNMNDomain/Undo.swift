/// What undoing a change does: compensating events that reverse it while keeping it in the
/// history, or the reason it cannot be undone.
///
/// Decided when the change is applied, against the state just before it, so that the
/// compensation restores exactly what was there. A change to the record that others rely on
/// (an adoption, finalised minutes, an endorsement) is never undone: the record moves forward
/// with a new item, an amendment or a correction.
enum Undo {
    static func plan(for batch: EventBatch, before state: NetworkState) -> UndoPlan {
        var compensation: [Event] = []
        for event in batch.events.reversed() {
            switch reversal(of: event, before: state, at: batch.at, by: batch.operator) {
            case .success(let events): compensation += events
            case .failure(let refusal): return .impossible(summary: batch.summary, reason: refusal.reason)
            }
        }
        return .compensate(summary: batch.summary, events: compensation)
    }

    struct Refusal: Error { var reason: String }

    // swiftlint:disable:next cyclomatic_complexity
    private static func reversal(of event: Event, before state: NetworkState, at: Instant, by op: Operator) -> Result<[Event], Refusal> {
        let today = at.tashkentDate
        switch event {
        case .networkFounded: return .failure(Refusal(reason: "the founding membership is the Terms of Reference's"))
        case .entityApplied, .entityAdmitted, .entityWithdrew:
            return .failure(
                Refusal(reason: "membership changes are part of the record; propose an admission or record a withdrawal instead"))
        case .focalPointAdded(var point):
            point.retiredOn = today
            point.isOnMailingList = false
            return .success([.focalPointChanged(point)])
        case .focalPointChanged(let point):
            guard let old = state.focalPoint(point.id) else { return .failure(Refusal(reason: "the focal point is unknown")) }
            return .success([.focalPointChanged(old)])
        case .mailingListChanged(var change):
            change.added.toggle()
            change.at = at
            return .success([.mailingListChanged(change)])
        case .mailingListRequestSent: return .failure(Refusal(reason: "the request has gone to the IT unit"))
        case .meetingScheduled(let meeting):
            return .failure(Refusal(reason: "a scheduled meeting stays in the record; reschedule \(meeting.reference) instead"))
        case .meetingRescheduled(let reference, _):
            guard let old = state.meeting(reference) else { return .failure(Refusal(reason: "the meeting is unknown")) }
            return .success([
                .meetingRescheduled(
                    reference,
                    MeetingDraft(
                        kind: old.kind, date: old.date, startMinute: old.startMinute,
                        durationMinutes: old.durationMinutes, location: old.location,
                        mode: old.mode, modeReason: old.modeReason))
            ])
        case .attendanceRecorded(let reference, let entity, _):
            return .success([.attendanceRecorded(meeting: reference, entity: entity, state.meeting(reference)?.attendance[entity])])
        case .agendaItemAdded: return .failure(Refusal(reason: "agenda items are kept; rename it or leave its minutes empty"))
        case .minutesWritten(let reference, let item, _):
            let old = state.meeting(reference).flatMap { $0.agenda.indices.contains(item) ? $0.agenda[item].minutes : nil } ?? ""
            return .success([.minutesWritten(meeting: reference, item: item, text: old)])
        case .meetingDecisionRecorded: return .failure(Refusal(reason: "a decision taken at a meeting stays in its minutes"))
        case .minutesFinalised: return .failure(Refusal(reason: "finalised minutes are locked; record an amendment"))
        case .minutesAmended: return .failure(Refusal(reason: "an amendment is part of the record; record another to correct it"))
        case .minutesShared: return .failure(Refusal(reason: "the minutes have gone to the RCO"))
        case .actionPointAdded(let point):
            return .success([
                .actionPointUpdated(
                    point.id, status: .dropped, note: ActionPoint.Note(text: "Undone: added by mistake.", by: op.name, on: today))
            ])
        case .actionPointUpdated(let id, _, _):
            guard let old = state.actionPoint(id) else { return .failure(Refusal(reason: "the action point is unknown")) }
            return .success([
                .actionPointUpdated(
                    id, status: old.status, note: ActionPoint.Note(text: "Undone: back to \(old.status.rawValue).", by: op.name, on: today))
            ])
        case .workPlanDrafted: return .failure(Refusal(reason: "a work plan, once drafted, stays in the record"))
        case .keyActionAdded(let year, let action):
            return .success([
                .progressRecorded(
                    year: year, code: action.code,
                    KeyAction.ProgressUpdate(
                        on: today, by: op.name, entity: op.entity, percent: action.progress,
                        status: .cancelled, note: "Undone: added by mistake."))
            ])
        case .keyActionChanged(let year, let action):
            guard let old = state.workPlans[year]?.actions.first(where: { $0.code == action.code }) else {
                return .failure(Refusal(reason: "the action is unknown"))
            }
            return .success([.keyActionChanged(year: year, old)])
        case .progressRecorded(let year, let code, _):
            guard let old = state.workPlans[year]?.actions.first(where: { $0.code == code }) else {
                return .failure(Refusal(reason: "the action is unknown"))
            }
            return .success([
                .progressRecorded(
                    year: year, code: code,
                    KeyAction.ProgressUpdate(
                        on: today, by: op.name, entity: op.entity, percent: old.progress,
                        status: old.status, note: "Undone: back to \(old.progress) %."))
            ])
        case .workPlanEndorsed: return .failure(Refusal(reason: "an endorsement by the members stands"))
        case .workPlanClosed: return .failure(Refusal(reason: "a closed plan stays closed"))
        case .itemOpened(let item):
            return .success([
                .itemClosed(
                    item.reference, .withdrawn,
                    ConsensusItem.Closure(by: op.name, entity: op.entity, at: at, statement: "Withdrawn: opened by mistake (undone)."))
            ])
        case .positionRecorded(let reference, let record):
            let old = state.item(reference)?.positions[record.entity]
            return .success([
                .positionRecorded(
                    item: reference,
                    PositionRecord(
                        entity: record.entity, position: old?.position, source: old?.source ?? record.source,
                        recordedBy: op.name, at: at))
            ])
        case .itemClosed(let reference, let status, _):
            if case .adopted = status { return .failure(Refusal(reason: "an adopted decision stands; open a new item to revisit it")) }
            return .failure(Refusal(reason: "\(reference) is closed; open a new item to take it up again"))
        case .itemDeferred: return .failure(Refusal(reason: "a deferral is announced to the members; defer again to change the deadline"))
        }
    }
}
