import TerminalUI
import UNMNDomain

/// The Meetings pane's drawing: the list by year and quarter, a meeting's record, the action points.
extension MeetingsPane {
    /// Meetings newest first, with a heading per quarter that says whether the rule was kept.
    /// The meetings the list shows, newest first, matching the filter.
    static func listed(network: NetworkState, query: String = "") -> [Meeting] {
        listedPlaces(network: network, query: query).map { network.meetings[$0] }
    }

    /// Where the listed meetings lie in the network's, in list order: sorting places moves
    /// integers, not meetings (a question about the selected one needs no copy of the others).
    static func listedPlaces(network: NetworkState, query: String = "") -> [Int] {
        let meetings = network.meetings
        return meetings.indices.filter { place in
            let meeting = meetings[place]
            return query.isEmpty
                || SearchFolding.matches(
                    [
                        meeting.reference.rawValue, meeting.date.description, meeting.kind.title, meeting.location,
                        meeting.mode?.rawValue ?? "",
                    ].joined(separator: " "), query: query)
        }.sorted { (meetings[$0].date, meetings[$0].startMinute) > (meetings[$1].date, meetings[$1].startMinute) }
    }

    static func rows(network: NetworkState, today: LocalDate, query: String = "") -> (
        rows: [(heading: String?, meeting: Meeting?)], meetings: [Meeting]
    ) {
        let meetings = listed(network: network, query: query)
        var rows: [(String?, Meeting?)] = []
        var quarter: (Int, Int)?
        // A year's four quarters at once: each look at the cadence reads every meeting.
        var cadence: (year: Int, quarters: [QuarterCadence])?
        for meeting in meetings {
            let key = (meeting.date.year, meeting.date.quarter)
            if quarter.map({ $0 != key }) ?? true {
                quarter = key
                if cadence?.year != key.0 { cadence = (key.0, network.quarterlyCadence(year: key.0, today: today)) }
                rows.append(("\(key.0) Q\(key.1) — quarterly meeting: \(cadence!.quarters[key.1 - 1].description)", nil))
            }
            rows.append((nil, meeting))
        }
        return (rows, meetings)
    }

    static func status(_ meeting: Meeting, today: LocalDate) -> String {
        if meeting.isCancelled { return "cancelled" }
        if meeting.isAwaitingRecord(on: today) { return "awaiting record" }
        switch meeting.status {
        case .draft: return "draft"
        case .finalised: return "finalised"
        case .shared: return "shared (RCO)"
        }
    }

    /// What an empty pane says: what will appear here, and which key starts it.
    static let emptyTitle = "No meetings logged yet"
    static let emptyBody = [
        "Meetings will be listed here by year and quarter, with whether each quarter's regular meeting took place, "
            + "attendance, agenda, minutes and action points.",
        "",
        "n schedules a meeting (the secretariat).",
    ]

    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard let network = state.network, !network.meetings.isEmpty else {
            EmptyPaneView.render(title: emptyTitle, body: emptyBody, in: area, buffer: &buffer)
            return
        }
        if state.meetings.showsActionPoints, state.meetings.showsActionPointDetail, let point = state.selectedActionPoint {
            actionPointDetail(point, network: network, today: state.today).render(
                in: area.inset(horizontal: 1, vertical: 0), buffer: &buffer)
            return
        }
        if state.meetings.showsActionPoints {
            renderActionPoints(state, network: network, in: area, buffer: &buffer)
            return
        }
        if let reference = state.meetings.opened, let meeting = network.meeting(reference) {
            renderMeeting(meeting, state: state, network: network, in: area, buffer: &buffer)
            return
        }
        let cadence = network.quarterlyCadence(year: state.today.year, today: state.today)
        let next =
            network.nextMeeting(from: state.today).map { " · next \($0.reference) on \($0.date.longDescription)" }
            ?? " · no meeting scheduled"
        buffer.write(
            "\(state.today.year): " + cadence.map { "Q\($0.quarter) \($0.state.rawValue)" }.joined(separator: " · ") + next,
            x: area.x, y: area.y, maxWidth: area.width, style: .title)
        let (entries, meetings) = rows(network: network, today: state.today, query: state.meetings.list.filterText)
        var meetingRows: [Int] = []
        let table = Table(
            columns: [
                TableColumn("Meeting", width: .fixed(12)),
                TableColumn("Date", width: .fixed(16)),
                TableColumn("Kind", width: .flexible(minimum: 12)),
                TableColumn("Mode", width: .fixed(9)),
                TableColumn("Present", width: .fixed(7), dropOrder: 1),
                TableColumn("Minutes", width: .fixed(15)),
            ],
            rows: entries.enumerated().map { index, entry in
                guard let meeting = entry.meeting else { return [entry.heading ?? ""] }
                meetingRows.append(index)
                let present = meeting.presentCount
                return [
                    meeting.reference.rawValue, "\(meeting.date) \(meeting.startTime)", meeting.kind.title, meeting.mode?.rawValue ?? "—",
                    "\(present)/\(network.members(on: meeting.date).count)", status(meeting, today: state.today),
                ]
            }, rowStyles: entries.map { entry in entry.meeting.map { $0.isCancelled ? Style.dim : .plain } ?? .title },
            selected: meetings.isEmpty ? nil : meetingRows[safe: state.meetings.list.selection], offset: state.meetings.list.offset)
        if meetings.isEmpty {
            buffer.write(
                "No meeting matches \"\(state.meetings.list.filterText)\". Esc clears the filter.", x: area.x, y: area.y + 2,
                maxWidth: area.width, style: .dim)
        }
        table.render(in: bodyArea(area), buffer: &buffer)
    }

    static func renderActionPoints(_ state: AppState, network: NetworkState, in area: Rect, buffer: inout Buffer) {
        let points = actionPoints(network, query: state.meetings.actionPoints.filterText)
        let all = network.actionPoints
        let overdue = all.filter { $0.isOverdue(on: state.today) }.count
        let open = all.filter { $0.status == .open }.count
        buffer.write(
            "Action points: \(open) open, \(overdue) overdue, \(all.count - open) done or dropped · D done · X dropped · Esc back",
            x: area.x, y: area.y, maxWidth: area.width, style: .title)
        let table = Table(
            columns: [
                TableColumn("Action", width: .fixed(12)),
                TableColumn("Text", width: .flexible(minimum: 16)),
                TableColumn("Who", width: .fixed(14), dropOrder: 2),
                TableColumn("Due", width: .fixed(10)),
                TableColumn("Status", width: .fixed(10)),
                TableColumn("Meeting", width: .fixed(11), dropOrder: 1),
            ],
            rows: points.map { point in
                [
                    point.id.rawValue, point.text + (point.notes.last.map { " — \($0.text)" } ?? ""),
                    point.responsible.map(\.rawValue).joined(separator: ", "),
                    point.due.description, point.isOverdue(on: state.today) ? "! overdue" : point.status.rawValue, point.meeting.rawValue,
                ]
            }, rowStyles: points.map { $0.isOverdue(on: state.today) ? Style(.bold, color: .danger) : $0.status == .open ? .plain : .dim },
            selected: points.isEmpty ? nil : state.meetings.actionPoints.selection, offset: state.meetings.actionPoints.offset)
        table.render(in: bodyArea(area), buffer: &buffer)
    }

    /// Where an opened meeting's record and its attendance grid go: the record takes at most half.
    static func geometry(of meeting: Meeting, network: NetworkState, in area: Rect) -> (record: DetailView, recordRows: Int, grid: Rect) {
        let record = recordView(meeting, network: network)
        let recordRows = min(area.height / 2, record.layout(width: area.width).count)
        return (record, recordRows, Rect(x: area.x, y: area.y + recordRows + 1, width: area.width, height: area.height - recordRows - 1))
    }

    /// "finalised 2026-09-20 · 1 amendment", and whether the RCO's copy is the latest.
    static func minutesLine(_ meeting: Meeting, network: NetworkState) -> String {
        if let cancellation = meeting.cancellation {
            return "none: cancelled on \(cancellation.on) by \(cancellation.by) — \(cancellation.text)"
        }
        let amendments = meeting.amendments.count
        let counted = amendments == 0 ? "" : " · \(amendments) amendment\(amendments == 1 ? "" : "s")"
        switch meeting.status {
        case .draft: return "draft" + counted
        case .finalised(let on): return "finalised \(on)" + counted + " · not yet shared with the RCO (S)"
        case .shared(let finalisedOn, let sharedOn):
            let copy =
                network.isAmendedSinceShared(meeting)
                ? " · amended since shared on \(sharedOn): the RCO's copy is out of date (S shares the amended version)"
                : " · shared with the RCO on \(sharedOn)"
            return "finalised \(finalisedOn)" + counted + copy
        }
    }

    /// The guests, when the meeting had any: one line for the record and the whole record.
    static func guestsLine(_ meeting: Meeting) -> [DetailView.Line] {
        guard let guests = meeting.guests, !guests.isEmpty else { return [] }
        return [.field(label: "Guests", value: guests.map(\.description).joined(separator: "; "))]
    }

    static func recordView(_ meeting: Meeting, network: NetworkState) -> DetailView {
        var lines: [DetailView.Line] = [
            .heading("\(meeting.reference) · \(meeting.kind.title) · \(meeting.date.longDescription) \(meeting.startTime) (Asia/Tashkent)"),
            .field(
                label: "Mode",
                value: meeting.mode.map { $0.rawValue + (meeting.modeReason.map { " — \($0)" } ?? "") }
                    ?? "not recorded yet (needed to finalise)"),
            .field(label: "Location", value: meeting.location),
            .field(label: "Minutes", value: minutesLine(meeting, network: network)),
            .field(
                label: "Agenda",
                value: meeting.agenda.isEmpty
                    ? "—" : meeting.agenda.enumerated().map { "\($0.offset + 1). \($0.element.title)" }.joined(separator: "; ")),
        ]
        if !meeting.decisions.isEmpty {
            lines.append(
                .field(
                    label: "Decided", value: meeting.decisions.map { $0.text + ($0.item.map { " (\($0))" } ?? "") }.joined(separator: "; "))
            )
        }
        lines += guestsLine(meeting)
        let points = network.actionPoints.filter { $0.meeting == meeting.reference }
        if !points.isEmpty {
            lines.append(.field(label: "Actions", value: points.map { "\($0.id) \($0.status.rawValue)" }.joined(separator: ", ")))
        }
        return DetailView(lines: lines, labelWidth: 9)
    }

    static func renderMeeting(_ meeting: Meeting, state: AppState, network: NetworkState, in area: Rect, buffer: inout Buffer) {
        if state.meetings.showsRecord {
            var record = wholeRecord(meeting, network: network)
            record.offset = state.meetings.recordOffset
            record.render(in: area, buffer: &buffer)
            return
        }
        let (record, recordRows, gridArea) = geometry(of: meeting, network: network, in: area)
        record.render(in: Rect(x: area.x, y: area.y, width: area.width, height: recordRows), buffer: &buffer)
        let members = network.members(on: meeting.date)
        let grid = Table(
            columns: [
                TableColumn("Entity", width: .fixed(9)),
                TableColumn("Attendance", width: .fixed(11)),
                TableColumn("Focal points present", width: .flexible(minimum: 20)),
            ],
            rows: members.map { member in
                switch meeting.attendance[member.code] {
                case .present(let ids)?:
                    return [member.code.rawValue, "present", ids.compactMap { network.focalPoint($0)?.name }.joined(separator: ", ")]
                case .apologies?: return [member.code.rawValue, "apologies", ""]
                case .absent?: return [member.code.rawValue, "absent", ""]
                case nil: return [member.code.rawValue, "—", ""]
                }
            }, rowStyles: members.map { meeting.attendance[$0.code] == nil ? Style.dim : .plain },
            selected: members.isEmpty ? nil : state.meetings.attendance.selection, offset: state.meetings.attendance.offset)
        grid.render(in: gridArea, buffer: &buffer)
    }

    /// The whole meeting as the minutes will read: who asked for it, every agenda item with its
    /// minutes, the decisions, each action point with who is responsible, the amendments.
    static func wholeRecord(_ meeting: Meeting, network: NetworkState) -> DetailView {
        func named(_ codes: [EntityCode]) -> String {
            codes.map { code in network.entity(code).map { "\($0.code) (\($0.fullName))" } ?? code.rawValue }.joined(separator: ", ")
        }
        var lines: [DetailView.Line] = [
            .heading("\(meeting.reference) · \(meeting.kind.title) · the whole record (v or Esc: back to attendance)")
        ]
        if case .requested(let by) = meeting.kind { lines.append(.field(label: "Requested", value: "by " + named(by))) }
        for postponement in meeting.postponements ?? [] {
            lines.append(
                .field(
                    label: "Postponed",
                    value: "from \(postponement.from) to \(postponement.to) on \(postponement.note.on) by \(postponement.note.by): "
                        + postponement.note.text))
        }
        let end = meeting.startMinute + meeting.durationMinutes
        lines += [
            .field(
                label: "When",
                value: "\(meeting.date.longDescription), \(meeting.startTime)–\(String(format: "%02d:%02d", end / 60 % 24, end % 60)) "
                    + "(Asia/Tashkent)"),
            .field(
                label: "Mode", value: meeting.mode.map { $0.rawValue + (meeting.modeReason.map { " — \($0)" } ?? "") } ?? "not recorded yet"
            ),
            .field(label: "Location", value: meeting.location),
            .field(label: "Minutes", value: minutesLine(meeting, network: network)),
        ]
        let members = network.members(on: meeting.date).map(\.code)
        func attended(_ test: (Meeting.Attendance?) -> Bool) -> [EntityCode] { members.filter { test(meeting.attendance[$0]) } }
        let present = attended { if case .present? = $0 { true } else { false } }
        let apologies = attended { $0 == .apologies }
        let absent = attended { $0 == .absent }
        let unknown = attended { $0 == nil }
        lines.append(
            .field(
                label: "Attended",
                value: (present.isEmpty ? "none present" : "\(present.count) present (\(present.map(\.rawValue).joined(separator: ", ")))")
                    + (apologies.isEmpty ? "" : "; apologies: " + apologies.map(\.rawValue).joined(separator: ", "))
                    + (absent.isEmpty ? "" : "; absent: " + absent.map(\.rawValue).joined(separator: ", "))
                    + (unknown.isEmpty ? "" : "; not recorded: " + unknown.map(\.rawValue).joined(separator: ", "))))
        lines += guestsLine(meeting)
        lines += [.blank, .heading("Agenda and minutes")]
        if meeting.agenda.isEmpty { lines.append(.paragraph("No agenda yet (i adds an item).")) }
        for (index, item) in meeting.agenda.enumerated() {
            lines.append(.field(label: "Item \(index + 1)", value: item.title))
            let paragraphs = item.minutes.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            lines += paragraphs.isEmpty ? [.paragraph("(no minutes yet: w writes them)")] : paragraphs.map { .paragraph($0) }
        }
        if !meeting.decisions.isEmpty {
            lines += [.blank, .heading("Decisions")]
            lines += meeting.decisions.map { .paragraph("– " + $0.text + ($0.item.map { " (\($0))" } ?? "")) }
        }
        let points = network.actionPoints.filter { $0.meeting == meeting.reference }
        if !points.isEmpty {
            lines += [.blank, .heading("Action points")]
            for point in points {
                lines.append(.field(label: point.id.rawValue, value: point.text))
                lines.append(.field(label: "", value: "\(named(point.responsible)) · due \(point.due) · \(point.status.rawValue)"))
            }
        }
        if !meeting.amendments.isEmpty {
            lines += [.blank, .heading("Amendments")]
            lines += meeting.amendments.map { .paragraph("\($0.on), \($0.by): \($0.text)") }
        }
        return DetailView(lines: lines, labelWidth: 11)
    }

    /// One action point whole: its text, who is responsible, when it is due, its notes, and the
    /// meeting (with the decisions taken there) it comes from.
    static func actionPointDetail(_ point: ActionPoint, network: NetworkState, today: LocalDate) -> DetailView {
        let meeting = network.meeting(point.meeting)
        var lines: [DetailView.Line] = [
            .heading("\(point.id) · \(point.isOverdue(on: today) ? "overdue" : point.status.rawValue)"),
            .paragraph(point.text),
            .blank,
            .field(
                label: "Responsible",
                value: point.responsible.map { network.entity($0).map { "\($0.code) (\($0.fullName))" } ?? $0.rawValue }.joined(
                    separator: ", ")),
            .field(label: "Due", value: point.due.longDescription),
            .field(label: "From", value: meeting.map { "\($0.reference), \($0.date.longDescription)" } ?? point.meeting.rawValue),
        ]
        if let implements = point.implements, let decided = network.item(implements) {
            let number: String
            if case .adopted(let decision) = decided.status { number = "decision \(decision), " } else { number = "" }
            lines.append(.field(label: "Implements", value: "\(number)\(decided.reference): \(decided.title)"))
        }
        if let meeting, !meeting.decisions.isEmpty {
            lines.append(
                .field(
                    label: "Decided", value: meeting.decisions.map { $0.text + ($0.item.map { " (\($0))" } ?? "") }.joined(separator: "; "))
            )
        }
        lines += [.blank, .heading("Notes")]
        if point.notes.isEmpty { lines.append(.paragraph("No note yet.")) }
        for note in point.notes.reversed() {
            lines.append(.field(label: note.on.description, value: "\(note.text) — \(note.by)"))
        }
        lines += [.blank, .paragraph("D done · X dropped · Esc back to the list")]
        return DetailView(lines: lines, labelWidth: 12)
    }
}
