import TerminalUI
import UNMNDomain

/// The Meetings pane's forms, and what each decodes into.
enum MeetingForms {
    static let kinds = ["Regular (quarterly)", "Requested by members", "Extraordinary"]
    static let modes = ["Not decided yet", "In person", "Virtual", "Hybrid"]

    enum ScheduleField: String, FormFieldID { case kind, requestedBy, date, time, duration, location, mode, reason }

    /// A new meeting; or, given `existing`, the form to change one, filled with what it holds.
    static func schedule(members: [MemberEntity], today: LocalDate, existing: (MeetingReference, MeetingDraft)? = nil) -> Form {
        typealias Field = ScheduleField
        let draft = existing?.1
        let codes = members.map(\.code)
        let kindIndex: Int
        var requested: Set<Int> = []
        switch draft?.kind {
        case .requested(let by)?:
            kindIndex = 1
            requested = Set(by.compactMap { codes.firstIndex(of: $0) })
        case .extraordinary?: kindIndex = 2
        default: kindIndex = 0
        }
        let modeIndex = draft.map { draft in [nil, Meeting.Mode.inPerson, .virtual, .hybrid].firstIndex { $0 == draft.mode } ?? 0 } ?? 0
        let length = "\(draft?.durationMinutes ?? 90)"
        let time = draft.map { String(format: "%02d:%02d", $0.startMinute / 60, $0.startMinute % 60) } ?? "10:00"
        return Form(
            title: existing.map { "Change \($0.0)" } ?? "Schedule a meeting",
            fields: [
                .choice(Field.kind, "Kind", options: kinds, selected: kindIndex),
                .multiSelect(Field.requestedBy, "Requested by", options: codes.map(\.rawValue), selected: requested),
                .date(Field.date, "Date", value: (draft?.date ?? today.adding(days: 14)).description, required: true),
                .text(Field.time, "Time", value: time, required: true, help: "HH:MM, Asia/Tashkent"),
                .text(Field.duration, "Length (min)", value: length, required: true, help: "in minutes, 15 to 720"),
                .text(Field.location, "Location", value: draft?.location ?? "", required: true, help: "a room, or the video link"),
                .choice(Field.mode, "Mode", options: modes, selected: modeIndex),
                .text(
                    Field.reason, "Reason", value: draft?.modeReason ?? "",
                    help: "why not in person (security, health, absence, force majeure)"),
            ],
            validate: { values in
                var problems = FormProblems<Field>()
                if minute(values.text(Field.time)) == nil { problems[.time] = "A time of day written HH:MM, e.g. 10:00." }
                if !(15...720).contains(Int(values.text(Field.duration)) ?? 0) { problems[.duration] = "From 15 to 720 minutes." }
                if values.choice(Field.kind) == 1, values.selection(Field.requestedBy)?.isEmpty ?? true {
                    problems[.requestedBy] = "Tick the members who requested the meeting."
                }
                return problems.byField
            })
    }

    /// `10:30` → 630.
    static func minute(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    /// A meeting as typed into the scheduling form.
    struct ScheduleInput {
        var draft: MeetingDraft

        init?(_ values: FormValues) {
            typealias Field = ScheduleField
            guard let kindIndex = values.choice(Field.kind), let requested = values.selection(Field.requestedBy),
                let date = LocalDate(iso: values.text(Field.date)), let start = minute(values.text(Field.time)),
                let duration = Int(values.text(Field.duration)), let modeIndex = values.choice(Field.mode),
                let kind = [Meeting.Kind.regular, .requested(by: requested.map { EntityCode($0) }), .extraordinary][safe: kindIndex],
                let mode = [nil, Meeting.Mode.inPerson, .virtual, .hybrid][safe: modeIndex]
            else { return nil }
            draft = MeetingDraft(
                kind: kind, date: date, startMinute: start, durationMinutes: duration, location: values.text(Field.location), mode: mode,
                modeReason: values.optionalText(Field.reason))
        }
    }

    enum PostponeField: String, FormFieldID { case date, reason }

    static func postpone(_ meeting: Meeting, today: LocalDate) -> Form {
        typealias Field = PostponeField
        return Form(
            title: "Postpone \(meeting.reference) from \(meeting.date) (keeps its reference)",
            fields: [
                .date(Field.date, "New date", value: max(meeting.date, today).adding(days: 7).description, required: true),
                .text(Field.reason, "Reason", required: true, help: "why it moves, for the record"),
            ],
            validate: { values in
                var problems = FormProblems<Field>()
                if let date = LocalDate(iso: values.text(Field.date)), date <= meeting.date {
                    problems[.date] = "A postponement moves the meeting later than \(meeting.date)."
                }
                return problems.byField
            })
    }

    enum CancelField: String, FormFieldID { case reason }

    static func cancel(_ meeting: Meeting) -> Form {
        Form(
            title: "Cancel \(meeting.reference) of \(meeting.date) (stays in the record as cancelled)",
            fields: [.text(CancelField.reason, "Reason", required: true, help: "why it is called off, for the record")])
    }

    enum AgendaField: String, FormFieldID { case title }

    static func agendaItem(_ meeting: Meeting) -> Form {
        Form(title: "Agenda item for \(meeting.reference)", fields: [.text(AgendaField.title, "Title", required: true)])
    }

    enum GuestField: String, FormFieldID { case name, organisation, role }

    static func guest(_ meeting: Meeting) -> Form {
        Form(
            title: "Guest at \(meeting.reference)",
            fields: [
                .text(GuestField.name, "Name", required: true),
                .text(GuestField.organisation, "Organisation", required: true, help: "a ministry, civil society, the RCO"),
                .text(GuestField.role, "Role", help: "speaker, observer, Development Coordination Officer"),
            ])
    }

    static func removeGuest(_ meeting: Meeting, guests: [Meeting.Guest]) -> Form {
        Form(
            title: "Remove a guest from \(meeting.reference)",
            fields: [.choice(GuestField.name, "Guest", options: guests.map(\.description))])
    }

    enum ChooseItemField: String, FormFieldID { case item }

    static func chooseAgendaItem(_ meeting: Meeting) -> Form {
        Form(
            title: "Minutes of \(meeting.reference): which item?",
            fields: [
                .choice(
                    ChooseItemField.item, "Agenda item",
                    options: meeting.agenda.enumerated().map { "\($0.offset + 1). \($0.element.title)" })
            ])
    }

    enum DecisionField: String, FormFieldID { case text, item }

    static func decision(_ meeting: Meeting, items: [ConsensusItem]) -> Form {
        Form(
            title: "Decision taken at \(meeting.reference)",
            fields: [
                .text(DecisionField.text, "Decision", required: true),
                .choice(DecisionField.item, "Consensus item", options: ["none"] + items.map { "\($0.reference) \($0.title)" }),
            ])
    }

    struct DecisionInput {
        var text: String
        var item: ItemReference?

        /// - Parameter items: the references offered after "none", in the form's order.
        init?(_ values: FormValues, items: [ItemReference]) {
            guard let index = values.choice(DecisionField.item) else { return nil }
            if index == 0 {
                item = nil
            } else {
                guard let reference = items[safe: index - 1] else { return nil }
                item = reference
            }
            text = values.text(DecisionField.text)
        }
    }

    enum ActionPointField: String, FormFieldID { case text, responsible, due, implements }

    /// The decisions an action point may follow up: those the meeting recorded first, then the
    /// latest adopted, newest first.
    static func followedDecisions(_ meeting: Meeting, network: NetworkState) -> [Decision] {
        let log = network.decisionsLog()
        let own = meeting.decisions.compactMap(\.item)
        let ordered = log.filter { own.contains($0.item.reference) } + log.reversed().filter { !own.contains($0.item.reference) }
        return Array(ordered.prefix(12))
    }

    static func actionPoint(_ meeting: Meeting, entities: [EntityCode], decisions: [Decision], today: LocalDate) -> Form {
        Form(
            title: "Action point from \(meeting.reference)",
            fields: [
                .text(ActionPointField.text, "Action", required: true),
                .multiSelect(ActionPointField.responsible, "Responsible", options: entities.map(\.rawValue), required: true),
                .date(ActionPointField.due, "Due", value: max(meeting.date, today).adding(days: 30).description, required: true),
                .choice(
                    ActionPointField.implements, "Implements",
                    options: ["no decision"] + decisions.map { "decision \($0.number): \($0.item.title)" }),
            ])
    }

    struct ActionPointInput {
        var text: String
        var responsible: [EntityCode]
        var due: LocalDate
        var implements: ItemReference?

        init?(_ values: FormValues, entities: [EntityCode], decisions: [ItemReference]) {
            guard let labels = values.selection(ActionPointField.responsible), let due = LocalDate(iso: values.text(ActionPointField.due))
            else {
                return nil
            }
            let responsible = labels.compactMap { label in entities.first { $0.rawValue == label } }
            guard responsible.count == labels.count else { return nil }
            text = values.text(ActionPointField.text)
            self.responsible = responsible
            self.due = due
            let chosen = values.choice(ActionPointField.implements) ?? 0
            guard chosen == 0 || decisions.indices.contains(chosen - 1) else { return nil }
            implements = chosen == 0 ? nil : decisions[chosen - 1]
        }
    }

    enum ActionPointUpdateField: String, FormFieldID { case note }

    static func actionPointUpdate(_ point: ActionPoint, status: ActionPoint.Status) -> Form {
        let dropped = status == .dropped
        return Form(
            title: "\(dropped ? "Dropped" : "Done"): \(point.id)",
            fields: [
                .text(ActionPointUpdateField.note, "Note", required: dropped, help: dropped ? "why it is dropped" : "what was done")
            ])
    }
}

extension MeetingsForm {
    var editedRecord: (record: RecordKey, basedOn: Int)? {
        switch self {
        case .updateActionPoint(let id, _, let basedOn): return (.actionPoint(id), basedOn)
        case .edit(let reference, _, let basedOn): return (.meeting(reference), basedOn)
        default: return nil
        }
    }

    func rebased(on network: NetworkState) -> MeetingsForm {
        switch self {
        case .updateActionPoint(let id, let status, _):
            return .updateActionPoint(id, status, basedOn: network.version(of: .actionPoint(id)))
        case .edit(let reference, _, _):
            guard let meeting = network.meeting(reference) else { return self }
            return .edit(reference, original: MeetingDraft(meeting), basedOn: network.version(of: .meeting(reference)))
        default: return self
        }
    }

    func formField(forConflict field: String) -> String? {
        switch self {
        case .updateActionPoint: return MeetingForms.ActionPointUpdateField.note.rawValue
        case .edit:
            let fields: [String: MeetingForms.ScheduleField] = [
                "kind": .kind, "date": .date, "startMinute": .time, "durationMinutes": .duration, "location": .location, "mode": .mode,
                "modeReason": .reason,
            ]
            return fields[field]?.rawValue
        default: return nil
        }
    }
}
