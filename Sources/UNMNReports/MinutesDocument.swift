import UNMNDomain

/// The complete minutes of a meeting, for the RCO's archive: Markdown or plain text.
public enum MinutesDocument {
    public enum Format: String, Sendable { case md, txt }

    /// The meeting named by its reference, or by its date when one meeting falls on it.
    public static func meeting(_ reference: String, in network: NetworkState) -> Meeting? {
        if let meeting = network.meeting(MeetingReference(reference)) { return meeting }
        if let date = LocalDate(iso: reference) {
            let onDate = network.meetings.filter { $0.date == date }
            return onDate.count == 1 ? onDate[0] : nil
        }
        return nil
    }

    public static func render(_ meeting: Meeting, network: NetworkState, format: Format) -> String {
        let md = format == .md
        func text(_ value: String) -> String { md ? Escaping.markdown(value) : Escaping.clean(value, keepNewlines: false) }
        func block(_ value: String) -> String { md ? Escaping.markdownBlock(value) : Escaping.clean(value) }
        // In text, sections are underlined (= for the title, - for a section) and agenda items are
        // not, so an item never reads as a section of its own.
        func heading(_ level: Int, _ title: String) -> String {
            if md { return String(repeating: "#", count: level) + " " + title }
            return level >= 3 ? title : title + "\n" + String(repeating: level == 1 ? "=" : "-", count: title.count)
        }
        var out: [String] = []
        out.append(heading(1, "UN Network on Migration in Uzbekistan — minutes of \(text(meeting.reference.rawValue))"))
        out.append("")
        let status: String
        switch meeting.status {
        case .draft: status = "draft (not finalised)"
        case .finalised(let on): status = "finalised \(on)"
        case .shared(let finalised, let shared): status = "finalised \(finalised), shared with the RCO \(shared)"
        }
        let end = meeting.startMinute + meeting.durationMinutes
        let endTime = padded(end / 60 % 24) + ":" + padded(end % 60)
        var facts: [(String, String)] = [
            ("Meeting", "\(meeting.reference), \(meeting.kind.title)"),
            ("Date and time", "\(meeting.date.longDescription), \(meeting.startTime)–\(endTime) (Asia/Tashkent, UTC+5)"),
            ("Mode", meeting.mode.map { $0.rawValue + (meeting.modeReason.map { " — \($0)" } ?? "") } ?? "not recorded"),
            ("Location", meeting.location),
            ("Minutes", status),
        ]
        // ToR: "The RCO will also nominate a focal point": the minutes go to them for the archive.
        if let rco = network.rcoFocalPoint { facts.append(("For the RCO", "\(rco.name) <\(rco.email)>, the RCO's focal point")) }
        for (label, value) in facts {
            out.append(md ? "- **\(label):** \(text(value))" : "\(label): \(Escaping.clean(value, keepNewlines: false))")
        }
        out.append("")
        out.append(heading(2, "Attendance"))
        out.append("")
        // The members on the meeting's date: one admitted later was not asked to attend.
        let members = Set(network.members(on: meeting.date).map(\.code))
        for entity in network.entities where meeting.attendance[entity.code] != nil || members.contains(entity.code) {
            let line: String
            switch meeting.attendance[entity.code] {
            case .present(let ids)?:
                let names = ids.compactMap { network.focalPoint($0)?.name }
                line = "present" + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))")
            case .apologies?: line = "apologies"
            case .absent?: line = "absent"
            case nil: line = "not recorded"
            }
            out.append(
                md ? "- \(text(entity.code.rawValue)): \(text(line))" : "- \(entity.code): \(Escaping.clean(line, keepNewlines: false))")
        }
        if let guests = meeting.guests, !guests.isEmpty {
            out.append("")
            out.append(heading(2, "Guests"))
            out.append("")
            for guest in guests { out.append("- " + text(guest.description)) }
        }
        out.append("")
        out.append(heading(2, "Agenda and minutes"))
        for (index, item) in meeting.agenda.enumerated() {
            out.append("")
            out.append(heading(3, "\(index + 1). \(text(item.title))"))
            out.append("")
            out.append(item.minutes.isEmpty ? "(no minutes recorded)" : block(item.minutes))
        }
        out.append("")
        out.append(heading(2, "Decisions"))
        out.append("")
        if meeting.decisions.isEmpty { out.append("None.") }
        for decision in meeting.decisions {
            var line = text(decision.text)
            if let reference = decision.item, let item = network.item(reference) {
                line +=
                    " (\(text(reference.rawValue)): \(text(item.status.title))" + (item.closure.map { " — " + text($0.statement) } ?? "")
                    + ")"
            }
            out.append("- " + line)
        }
        out.append("")
        out.append(heading(2, "Action points"))
        out.append("")
        let points = network.actionPoints.filter { $0.meeting == meeting.reference }
        if points.isEmpty { out.append("None.") }
        for point in points {
            out.append(
                "- \(text(point.id.rawValue)): \(text(point.text)) — "
                    + "\(point.responsible.map(\.rawValue).joined(separator: ", ")), due \(point.due), \(point.status.rawValue)"
            )
        }
        if !meeting.amendments.isEmpty {
            out.append("")
            out.append(heading(2, "Amendments"))
            out.append("")
            for amendment in meeting.amendments { out.append("- \(amendment.on), \(text(amendment.by)): \(text(amendment.text))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
