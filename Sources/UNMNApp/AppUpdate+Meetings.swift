import TerminalUI
import UNMNDomain

/// The Meetings pane: opening a meeting, its attendance grid, scheduling, agenda, finalising.
extension AppUpdate {
    static func updateMeetings(_ state: inout AppState, _ message: Message) -> [Effect] {
        guard let network = state.network else { return [] }
        // Viewers may open meetings; the keys that change anything are disabled without an operator.
        let op = state.currentOperator
        let opened = KeyBindings.openedMeeting(state)
        switch message {
        case .meetingOpen:
            let meetings = MeetingsView.rows(network: network, today: state.today, query: state.meetings.list.filterText).meetings
            if let meeting = meetings[safe: state.meetings.list.selection] { state.meetings.opened = meeting.reference; state.meetings.member = 0 }
        case .meetingAttendance(let key):
            guard let meeting = opened, let member = network.members[safe: state.meetings.member] else { return [] }
            let present = Meeting.Attendance.present(focalPoints: network.focalPoints.filter { $0.entity == member.code && $0.isActive }.map(\.id))
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
            return op.map { [.execute(.recordAttendance(meeting: meeting.reference, entity: member.code, attendance), by: $0)] } ?? []
        case .requestSchedule:
            state.overlay = .form(MeetingForms.schedule(members: network.members, today: state.today), purpose: .scheduleMeeting)
        case .requestAgendaItem:
            guard let meeting = opened else { return [] }
            state.overlay = .form(MeetingForms.agendaItem(meeting), purpose: .addAgendaItem(meeting: meeting.reference))
        case .meetingFinalise:
            guard let meeting = opened, let op else { return [] }
            return [.execute(.finaliseMinutes(meeting.reference), by: op)]
        case .requestMeetingDecision:
            guard let meeting = opened else { return [] }
            let items = network.items.suffix(12).reversed().map { "\($0.reference) \($0.title)" }
            state.overlay = .form(Form(title: "Decision taken at \(meeting.reference)", fields: [
                .text("text", "Decision", required: true),
                .choice("item", "Consensus item", options: ["none"] + items),
            ]), purpose: .meetingDecision(meeting: meeting.reference))
        case .requestActionPoint:
            guard let meeting = opened else { return [] }
            state.overlay = .form(Form(title: "Action point from \(meeting.reference)", fields: [
                .text("text", "Action", required: true),
                .multiSelect("responsible", "Responsible", options: network.members.map(\.code.rawValue), required: true),
                .date("due", "Due", value: max(meeting.date, state.today).adding(days: 30).description, required: true),
            ]), purpose: .addActionPoint(meeting: meeting.reference))
        case .requestMinutes:
            guard let meeting = opened else { return [] }
            guard !meeting.agenda.isEmpty else { state.status = StatusMessage("Add an agenda item first (i).", kind: .warning); return [] }
            let form = Form(title: "Minutes of \(meeting.reference): which item?", fields: [
                .choice("item", "Agenda item", options: meeting.agenda.enumerated().map { "\($0.offset + 1). \($0.element.title)" }),
            ])
            state.overlay = .form(form, purpose: .chooseAgendaItem(meeting: meeting.reference))
        case .requestAmendment:
            guard let meeting = opened else { return [] }
            state.overlay = .editor(TextEditor(), title: "Amendment to the minutes of \(meeting.reference)", purpose: .amendment(meeting: meeting.reference))
        case .toggleActionPoints:
            state.meetings.showsActionPoints.toggle()
            state.meetings.opened = nil
            state.meetings.actionPoint = 0
        case .requestActionPointUpdate(let status):
            guard let point = KeyBindings.selectedActionPoint(state) else { return [] }
            let form = Form(title: "\(status == .done ? "Done" : "Dropped"): \(point.id)", fields: [
                .text("note", "Note", required: status == .dropped, help: status == .dropped ? "why it is dropped" : "what was done"),
            ])
            state.overlay = .form(form, purpose: .updateActionPoint(point.id, status))
        case .meetingShare:
            guard let meeting = opened, let op else { return [] }
            return [.execute(.shareMinutesWithRCO(meeting.reference, on: state.today), by: op)]
        default:
            break
        }
        return []
    }

    static func submitMeetings(_ state: inout AppState, values: [String: FormValue], purpose: FormPurpose) -> [Effect] {
        guard let op = state.currentOperator else { return [] }
        switch purpose {
        case .scheduleMeeting:
            guard let draft = MeetingForms.decodeSchedule(values) else { return [] }
            return [.execute(.scheduleMeeting(draft), by: op)]
        case .addAgendaItem(let meeting):
            return [.execute(.addAgendaItem(meeting: meeting, title: values["title"]?.text ?? ""), by: op)]
        case .meetingDecision(let meeting):
            var item: String?
            if case .choice(let index, let label)? = values["item"], index > 0 { item = String(label.split(separator: " ").first ?? "") }
            return [.execute(.recordMeetingDecision(meeting: meeting, Meeting.Decision(text: values["text"]?.text ?? "", item: item)), by: op)]
        case .addActionPoint(let meeting):
            guard case .selection(let codes)? = values["responsible"], let due = LocalDate(iso: values["due"]?.text ?? "") else { return [] }
            return [.execute(.addActionPoint(meeting: meeting, text: values["text"]?.text ?? "", responsible: codes.map { EntityCode($0) }, due: due), by: op)]
        case .chooseAgendaItem(let reference):
            guard case .choice(let index, _)? = values["item"], let meeting = state.network?.meeting(reference), meeting.agenda.indices.contains(index) else { return [] }
            state.overlay = .editor(TextEditor(meeting.agenda[index].minutes), title: "Minutes of \(reference), item \(index + 1): \(meeting.agenda[index].title)",
                                    purpose: .minutes(meeting: reference, item: index))
            return []
        case .updateActionPoint(let id, let status):
            return [.execute(.updateActionPoint(id, status: status, note: values["note"]?.text ?? ""), by: op)]
        default:
            return []
        }
    }
}
