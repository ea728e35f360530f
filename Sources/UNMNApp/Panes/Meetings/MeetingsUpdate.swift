import TerminalUI
import UNMNDomain

/// The Meetings pane's changes: opening a meeting, its attendance grid, scheduling, agenda,
/// minutes, decisions, action points, finalising and sharing.
extension MeetingsPane {
    static func update(_ state: inout AppState, _ message: MeetingsMessage) -> [Effect] {
        guard let network = state.network else { return [] }
        // Viewers may open meetings; the keys that change anything are disabled without an operator.
        let op = state.currentOperator
        let opened = state.openedMeeting
        switch message {
        case .open:
            let meetings = listed(network: network, query: state.meetings.list.filterText)
            guard let meeting = meetings[safe: state.meetings.list.selection] else { return [] }
            state.meetings.opened = meeting.reference
            state.meetings.attendance = ListState()
            state.meetings.showsRecord = false
        case .attendance(let key):
            guard let meeting = opened, let member = network.members(on: meeting.date)[safe: state.meetings.attendance.selection], let op
            else { return [] }
            let present = Meeting.Attendance.present(focalPoints: network.activeFocalPoints(of: member.code).map(\.id))
            let attendance: Meeting.Attendance
            switch key {
            case .present: attendance = present
            case .apologies: attendance = .apologies
            case .absent: attendance = .absent
            case .cycle:
                switch meeting.attendance[member.code] {
                case nil, .absent?: attendance = present
                case .present?: attendance = .apologies
                case .apologies?: attendance = .absent
                }
            }
            // Based on the meeting as the screen shows it: a change someone made meanwhile is a conflict.
            let basedOn = network.version(of: .meeting(meeting.reference))
            return [.execute(.recordAttendance(meeting: meeting.reference, entity: member.code, attendance, basedOn: basedOn), by: op)]
        case .requestSchedule:
            state.overlay = .form(MeetingForms.schedule(members: network.members, today: state.today), purpose: .meetings(.schedule))
        case .requestEdit:
            guard let meeting = state.focusedMeeting else { return [] }
            let original = MeetingDraft(meeting)
            state.overlay = .form(
                MeetingForms.schedule(members: network.members, today: state.today, existing: (meeting.reference, original)),
                purpose: .meetings(
                    .edit(meeting.reference, original: original, basedOn: network.version(of: .meeting(meeting.reference)))))
        case .toggleRecord:
            state.meetings.showsRecord.toggle()
            state.meetings.recordOffset = 0
        case .requestPostpone:
            guard let meeting = state.focusedMeeting else { return [] }
            state.overlay = .form(MeetingForms.postpone(meeting, today: state.today), purpose: .meetings(.postpone(meeting.reference)))
        case .requestCancel:
            guard let meeting = state.focusedMeeting else { return [] }
            state.overlay = .form(MeetingForms.cancel(meeting), purpose: .meetings(.cancel(meeting.reference)))
        case .requestAgendaItem:
            guard let meeting = opened else { return [] }
            state.overlay = .form(MeetingForms.agendaItem(meeting), purpose: .meetings(.addAgendaItem(meeting: meeting.reference)))
        case .requestGuest:
            guard let meeting = opened else { return [] }
            state.overlay = .form(MeetingForms.guest(meeting), purpose: .meetings(.addGuest(meeting: meeting.reference)))
        case .requestRemoveGuest:
            guard let meeting = opened, let guests = meeting.guests, !guests.isEmpty else { return [] }
            state.overlay = .form(
                MeetingForms.removeGuest(meeting, guests: guests),
                purpose: .meetings(.removeGuest(meeting: meeting.reference, guests: guests)))
        case .finalise:
            guard let meeting = opened, let op, let context = state.context else { return [] }
            let command = Command.finaliseMinutes(meeting.reference)
            // What the rules refuse comes back at once with every reason; only what they would
            // accept is asked about, since finalising cannot be taken back.
            do { _ = try network.decide(command, context: context) } catch { return [.execute(command, by: op)] }
            state.overlay = .confirm(
                MeetingsPane.finaliseQuestion(meeting, network: network), then: .perform(.execute(command, by: op)), returnTo: nil)
        case .requestDecision:
            guard let meeting = opened else { return [] }
            let items = Array(network.items.suffix(12).reversed())
            state.overlay = .form(
                MeetingForms.decision(meeting, items: items),
                purpose: .meetings(.recordDecision(meeting: meeting.reference, items: items.map(\.reference))))
        case .requestActionPoint:
            guard let meeting = opened else { return [] }
            let entities = network.members.map(\.code)
            let decisions = MeetingForms.followedDecisions(meeting, network: network)
            state.overlay = .form(
                MeetingForms.actionPoint(meeting, entities: entities, decisions: decisions, today: state.today),
                purpose: .meetings(
                    .addActionPoint(meeting: meeting.reference, entities: entities, decisions: decisions.map(\.item.reference))))
        case .requestMinutes:
            guard let meeting = opened else { return [] }
            guard !meeting.agenda.isEmpty else {
                state.status = StatusMessage("Add an agenda item first (i).", kind: .warning)
                return []
            }
            state.overlay = .form(MeetingForms.chooseAgendaItem(meeting), purpose: .meetings(.chooseAgendaItem(meeting: meeting.reference)))
        case .requestAmendment:
            guard let meeting = opened else { return [] }
            state.overlay = .editor(
                TextEditor(), title: "Amendment to the minutes of \(meeting.reference)", purpose: .amendment(meeting: meeting.reference))
        case .openActionPoint:
            if state.selectedActionPoint != nil { state.meetings.showsActionPointDetail = true }
        case .toggleActionPoints:
            state.meetings.showsActionPoints.toggle()
            state.meetings.opened = nil
            state.meetings.actionPoints = ListState()
        case .requestActionPointUpdate(let status):
            guard let point = state.selectedActionPoint else { return [] }
            state.overlay = .form(
                MeetingForms.actionPointUpdate(point, status: status),
                purpose: .meetings(.updateActionPoint(point.id, status, basedOn: network.version(of: .actionPoint(point.id)))))
        case .share:
            guard let meeting = opened, let op else { return [] }
            return [.execute(.shareMinutesWithRCO(meeting.reference, on: state.today), by: op)]
        }
        return []
    }

    static func submit(_ state: inout AppState, _ form: MeetingsForm, values: FormValues) -> FormSubmission {
        guard let op = state.currentOperator else { return .unreadable("no operator is chosen") }
        let command: Command
        switch form {
        case .schedule:
            guard let draft = MeetingForms.ScheduleInput(values)?.draft else {
                return .unreadable("the date, time or length is not understood")
            }
            command = .scheduleMeeting(draft)
        case .edit(let reference, let original, let basedOn):
            guard let draft = MeetingForms.ScheduleInput(values)?.draft else {
                return .unreadable("the date, time or length is not understood")
            }
            command = .rescheduleMeeting(reference, Edit(from: original, to: draft, basedOn: basedOn))
        case .postpone(let meeting):
            guard let date = LocalDate(iso: values.text(MeetingForms.PostponeField.date)) else {
                return .unreadable("the new date is not understood")
            }
            command = .postponeMeeting(meeting, to: date, reason: values.text(MeetingForms.PostponeField.reason))
        case .cancel(let meeting):
            command = .cancelMeeting(meeting, reason: values.text(MeetingForms.CancelField.reason))
        case .addAgendaItem(let meeting):
            command = .addAgendaItem(meeting: meeting, title: values.text(MeetingForms.AgendaField.title))
        case .addGuest(let meeting):
            typealias Field = MeetingForms.GuestField
            command = .addGuest(
                meeting: meeting,
                Meeting.Guest(name: values.text(Field.name), organisation: values.text(Field.organisation), role: values.text(Field.role)))
        case .removeGuest(let meeting, let guests):
            guard let guest = values.choice(MeetingForms.GuestField.name).flatMap({ guests[safe: $0] }) else {
                return .unreadable("the guest is not one of the choices")
            }
            command = .removeGuest(meeting: meeting, guest)
        case .recordDecision(let meeting, let items):
            guard let input = MeetingForms.DecisionInput(values, items: items) else {
                return .unreadable("the consensus item is not one of the choices")
            }
            command = .recordMeetingDecision(meeting: meeting, Meeting.Decision(text: input.text, item: input.item))
        case .addActionPoint(let meeting, let entities, let decisions):
            guard let input = MeetingForms.ActionPointInput(values, entities: entities, decisions: decisions) else {
                return .unreadable("the responsible entities, the due date or the decision are not understood")
            }
            command = .addActionPoint(
                meeting: meeting, text: input.text, responsible: input.responsible, due: input.due, implements: input.implements)
        case .chooseAgendaItem(let reference):
            guard let index = values.choice(MeetingForms.ChooseItemField.item), let meeting = state.network?.meeting(reference),
                meeting.agenda.indices.contains(index)
            else { return .unreadable("the agenda item is no longer on the agenda") }
            let title = "Minutes of \(reference), item \(index + 1): \(meeting.agenda[index].title)"
            state.overlay = .editor(
                TextEditor(meeting.agenda[index].minutes), title: title,
                purpose: .minutes(meeting: reference, item: index, basedOn: state.network?.version(of: .meeting(reference))))
            return .handled
        case .updateActionPoint(let id, let status, let basedOn):
            command = .updateActionPoint(id, status: status, note: values.text(MeetingForms.ActionPointUpdateField.note), basedOn: basedOn)
        }
        return .effects([.execute(command, by: op)])
    }

    /// The editor's text, saved: minutes of an agenda item, or an amendment.
    static func save(_ text: String, for purpose: EditorPurpose, _ state: inout AppState) -> [Effect] {
        guard let op = state.currentOperator else { return [] }
        switch purpose {
        case .minutes(let meeting, let item, let basedOn):
            return [.execute(.writeMinutes(meeting: meeting, item: item, text: text, basedOn: basedOn), by: op)]
        case .amendment(let meeting): return [.execute(.amendMinutes(meeting, text: text), by: op)]
        }
    }
}
