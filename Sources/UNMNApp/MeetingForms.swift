import TerminalUI
import UNMNDomain

/// The Meetings pane's forms.
enum MeetingForms {
    static let kinds = ["Regular (quarterly)", "Requested by members", "Extraordinary"]
    static let modes = ["Not decided yet", "In person", "Virtual", "Hybrid"]

    static func schedule(members: [MemberEntity], today: LocalDate) -> Form {
        Form(title: "Schedule a meeting", fields: [
            .choice("kind", "Kind", options: kinds),
            .multiSelect("requestedBy", "Requested by", options: members.map(\.code.rawValue)),
            .date("date", "Date", value: today.adding(days: 14).description, required: true),
            .text("time", "Time", value: "10:00", required: true, help: "HH:MM, Asia/Tashkent"),
            .text("duration", "Minutes", value: "90", required: true),
            .text("location", "Location", required: true, help: "a room, or the video link"),
            .choice("mode", "Mode", options: modes),
            .text("reason", "Reason", help: "why not in person (security, health, absence, force majeure)"),
        ], validate: { values in
            var problems: [String: String] = [:]
            if minute(values["time"]?.text ?? "") == nil { problems["time"] = "A time of day written HH:MM, e.g. 10:00." }
            if let duration = Int(values["duration"]?.text ?? ""), (15...720).contains(duration) {} else { problems["duration"] = "From 15 to 720 minutes." }
            if case .choice(1, _)? = values["kind"], case .selection(let chosen)? = values["requestedBy"], chosen.isEmpty {
                problems["requestedBy"] = "Tick the members who requested the meeting."
            }
            return problems
        })
    }

    /// `10:30` → 630.
    static func minute(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    static func decodeSchedule(_ values: [String: FormValue]) -> MeetingDraft? {
        guard case .choice(let kindIndex, _)? = values["kind"], case .selection(let requested)? = values["requestedBy"],
              let date = LocalDate(iso: values["date"]?.text ?? ""), let start = minute(values["time"]?.text ?? ""),
              let duration = Int(values["duration"]?.text ?? ""), case .choice(let modeIndex, _)? = values["mode"] else { return nil }
        let kind: Meeting.Kind = [.regular, .requested(by: requested.map { EntityCode($0) }), .extraordinary][kindIndex]
        let mode: Meeting.Mode? = [nil, .inPerson, .virtual, .hybrid][modeIndex]
        let reason = values["reason"]?.text ?? ""
        return MeetingDraft(kind: kind, date: date, startMinute: start, durationMinutes: duration, location: values["location"]?.text ?? "",
                            mode: mode, modeReason: reason.isEmpty ? nil : reason)
    }

    static func agendaItem(_ meeting: Meeting) -> Form {
        Form(title: "Agenda item for \(meeting.reference)", fields: [.text("title", "Title", required: true)])
    }
}
