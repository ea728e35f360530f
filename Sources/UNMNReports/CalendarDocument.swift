import UNMNDomain

/// An RFC 5545 calendar of meetings: one VEVENT each, times in Asia/Tashkent with its
/// VTIMEZONE, the network's mailing list as organizer, lines folded at 75 octets, CRLF.
public enum CalendarDocument {
    public static let organizer = "migration.uz@one.un.org"

    /// - Parameter stamp: the DTSTAMP (when the file was made), in UTC.
    public static func render(_ meetings: [Meeting], stamp: Instant) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//UN Network on Migration in Uzbekistan//unmn//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE", "TZID:Asia/Tashkent", "BEGIN:STANDARD", "DTSTART:19920101T000000", "TZOFFSETFROM:+0500", "TZOFFSETTO:+0500",
            "TZNAME:+05", "END:STANDARD", "END:VTIMEZONE",
        ]
        for meeting in meetings.sorted(by: { ($0.date, $0.startMinute) < ($1.date, $1.startMinute) }) {
            let end = meeting.startMinute + meeting.durationMinutes
            let endDate = meeting.date.adding(days: end / 1440)
            var description =
                "Meeting \(meeting.reference) (\(meeting.kind.title)).\nMode: " + (meeting.mode?.rawValue ?? "to be confirmed")
            if let reason = meeting.modeReason { description += " — \(reason)" }
            if let cancellation = meeting.cancellation {
                description = "Cancelled on \(cancellation.on): \(cancellation.text)\n" + description
            }
            if !meeting.agenda.isEmpty {
                description +=
                    "\nAgenda:\n" + meeting.agenda.enumerated().map { "\($0.offset + 1). \($0.element.title)" }.joined(separator: "\n")
            }
            lines += [
                "BEGIN:VEVENT",
                "UID:" + meeting.reference.rawValue.replacingOccurrences(of: "/", with: "-") + "@unmn.migration.uz",
                "DTSTAMP:" + utc(stamp),
                "LAST-MODIFIED:" + utc(meeting.lastModified ?? stamp),
                "DTSTART;TZID=Asia/Tashkent:" + local(meeting.date, minute: meeting.startMinute),
                "DTEND;TZID=Asia/Tashkent:" + local(endDate, minute: end % 1440),
                "SUMMARY:" + Escaping.icsText(summary(meeting)),
                "LOCATION:" + Escaping.icsText(meeting.location),
                "DESCRIPTION:" + Escaping.icsText(description),
                "ORGANIZER;CN=UN Network on Migration in Uzbekistan:mailto:" + organizer,
                // A client that imports the file again updates the event it has by UID when the
                // SEQUENCE is higher (a new date, a new place, a cancellation), instead of adding one.
                "SEQUENCE:\(meeting.sequence ?? 0)",
                // A calendar client removes a cancelled meeting from the diaries it was sent to.
                meeting.isCancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Escaping.folded).joined()
    }

    /// `UNMN regular meeting (MTG/2026/01)`, `UNMN meeting requested by ILO and UNICEF (MTG/2025/03)`.
    static func summary(_ meeting: Meeting) -> String {
        switch meeting.kind {
        case .regular: return "UNMN regular meeting (\(meeting.reference))"
        case .extraordinary: return "UNMN extraordinary meeting (\(meeting.reference))"
        case .requested(let by): return "UNMN meeting requested by \(listed(by.map(\.rawValue))) (\(meeting.reference))"
        }
    }

    static func local(_ date: LocalDate, minute: Int) -> String {
        date.description.replacingOccurrences(of: "-", with: "") + "T" + two(minute / 60) + two(minute % 60) + "00"
    }

    static func utc(_ instant: Instant) -> String {
        instant.description.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
