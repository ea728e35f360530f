import TerminalUI
import UNMNDomain

/// Pane 3: meetings by year and quarter with the quarterly rule, or one meeting's record.
enum MeetingsView {
    /// Meetings newest first, with a heading per quarter that says whether the rule was kept.
    static func rows(network: NetworkState, today: LocalDate, query: String = "") -> (rows: [(heading: String?, meeting: Meeting?)], meetings: [Meeting]) {
        let meetings = network.meetings.filter { meeting in
            query.isEmpty || SearchFolding.matches([meeting.reference, meeting.date.description, meeting.kind.title, meeting.location,
                                                    meeting.mode?.rawValue ?? ""].joined(separator: " "), query: query)
        }.sorted { ($0.date, $0.startMinute) > ($1.date, $1.startMinute) }
        var rows: [(String?, Meeting?)] = []
        var quarter: (Int, Int)?
        for meeting in meetings {
            let key = (meeting.date.year, meeting.date.quarter)
            if quarter.map({ $0 != key }) ?? true {
                quarter = key
                let cadence = network.quarterlyCadence(year: key.0, today: today)[key.1 - 1]
                rows.append(("\(key.0) Q\(key.1) — quarterly meeting: \(cadence.state.rawValue)", nil))
            }
            rows.append((nil, meeting))
        }
        return (rows, meetings)
    }

    static func status(_ meeting: Meeting) -> String {
        switch meeting.status {
        case .draft: return "draft"
        case .finalised: return "finalised"
        case .shared: return "shared (RCO)"
        }
    }

    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard let network = state.network, !network.meetings.isEmpty else {
            EmptyPaneView.render(.meetings, in: area, buffer: &buffer)
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
        let next = network.nextMeeting(from: state.today).map { " · next \($0.reference) on \($0.date.longDescription)" } ?? " · no meeting scheduled"
        buffer.write("\(state.today.year): " + cadence.map { "Q\($0.quarter) \($0.state.rawValue)" }.joined(separator: " · ") + next,
                     x: area.x, y: area.y, maxWidth: area.width, style: .title)
        let (entries, meetings) = rows(network: network, today: state.today, query: state.meetings.list.filterText)
        let members = network.members.count
        var meetingRows: [Int] = []
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let table = Table(columns: [
            TableColumn("Meeting", width: .fixed(12)),
            TableColumn("Date", width: .fixed(16)),
            TableColumn("Kind", width: .flexible(minimum: 12)),
            TableColumn("Mode", width: .fixed(9)),
            TableColumn("Present", width: .fixed(7), dropOrder: 1),
            TableColumn("Minutes", width: .fixed(12)),
        ], rows: entries.enumerated().map { index, entry in
            guard let meeting = entry.meeting else { return [entry.heading ?? ""] }
            meetingRows.append(index)
            let present = meeting.attendance.values.filter { if case .present = $0 { return true } else { return false } }.count
            return [meeting.reference, "\(meeting.date) \(meeting.startTime)", meeting.kind.title, meeting.mode?.rawValue ?? "—", "\(present)/\(members)", status(meeting)]
        }, rowStyles: entries.map { $0.meeting == nil ? Style.title : .plain })
        var shown = table
        let selected = meetingRows[safe: min(state.meetings.list.selection, meetings.count - 1)] ?? 0
        shown.selected = selected
        shown.offset = Table.scrollOffset(selected: selected, offset: 0, visibleRows: table.visibleRows(in: body), rowCount: entries.count)
        shown.render(in: body, buffer: &buffer)
    }

    static func renderActionPoints(_ state: AppState, network: NetworkState, in area: Rect, buffer: inout Buffer) {
        let points = KeyBindings.actionPoints(network)
        let overdue = points.filter { $0.isOverdue(on: state.today) }.count
        let open = points.filter { $0.status == .open }.count
        buffer.write("Action points: \(open) open, \(overdue) overdue, \(points.count - open) done or dropped · D done · X dropped · Esc back",
                     x: area.x, y: area.y, maxWidth: area.width, style: .title)
        let table = Table(columns: [
            TableColumn("Action", width: .fixed(12)),
            TableColumn("Text", width: .flexible(minimum: 16)),
            TableColumn("Who", width: .fixed(14), dropOrder: 2),
            TableColumn("Due", width: .fixed(10)),
            TableColumn("Status", width: .fixed(10)),
            TableColumn("Meeting", width: .fixed(11), dropOrder: 1),
        ], rows: points.map { point in
            [point.id, point.text + (point.notes.last.map { " — \($0.text)" } ?? ""), point.responsible.map(\.rawValue).joined(separator: ", "),
             point.due.description, point.isOverdue(on: state.today) ? "! overdue" : point.status.rawValue, point.meeting]
        }, rowStyles: points.map { $0.isOverdue(on: state.today) ? Style(.bold, color: .danger) : $0.status == .open ? .plain : .dim },
        selected: points.isEmpty ? nil : state.meetings.actionPoint)
        var shown = table
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        shown.offset = Table.scrollOffset(selected: state.meetings.actionPoint, offset: 0, visibleRows: table.visibleRows(in: body), rowCount: points.count)
        shown.render(in: body, buffer: &buffer)
    }

    static func renderMeeting(_ meeting: Meeting, state: AppState, network: NetworkState, in area: Rect, buffer: inout Buffer) {
        var lines: [DetailView.Line] = [
            .heading("\(meeting.reference) · \(meeting.kind.title) · \(meeting.date.longDescription) \(meeting.startTime) (Asia/Tashkent)"),
            .field(label: "Mode", value: meeting.mode.map { $0.rawValue + (meeting.modeReason.map { " — \($0)" } ?? "") } ?? "not recorded yet (needed to finalise)"),
            .field(label: "Location", value: meeting.location),
            .field(label: "Minutes", value: status(meeting) + (meeting.amendments.isEmpty ? "" : " · \(meeting.amendments.count) amendment(s)")),
            .field(label: "Agenda", value: meeting.agenda.isEmpty ? "—" : meeting.agenda.enumerated().map { "\($0.offset + 1). \($0.element.title)" }.joined(separator: "; ")),
        ]
        if !meeting.decisions.isEmpty {
            lines.append(.field(label: "Decided", value: meeting.decisions.map { $0.text + ($0.item.map { " (\($0))" } ?? "") }.joined(separator: "; ")))
        }
        let points = network.actionPoints.filter { $0.meeting == meeting.reference }
        if !points.isEmpty { lines.append(.field(label: "Actions", value: points.map { "\($0.id) \($0.status.rawValue)" }.joined(separator: ", "))) }
        let header = DetailView(lines: lines, labelWidth: 9)
        let headerRows = min(area.height / 2, header.layout(width: area.width).count)
        header.render(in: Rect(x: area.x, y: area.y, width: area.width, height: headerRows), buffer: &buffer)
        let members = network.members
        let grid = Table(columns: [
            TableColumn("Entity", width: .fixed(9)),
            TableColumn("Attendance", width: .fixed(11)),
            TableColumn("Focal points present", width: .flexible(minimum: 20)),
        ], rows: members.map { member in
            switch meeting.attendance[member.code] {
            case .present(let ids)?: return [member.code.rawValue, "present", ids.compactMap { network.focalPoint($0)?.name }.joined(separator: ", ")]
            case .apologies?: return [member.code.rawValue, "apologies", ""]
            case .absent?: return [member.code.rawValue, "absent", ""]
            case nil: return [member.code.rawValue, "—", ""]
            }
        }, rowStyles: members.map { meeting.attendance[$0.code] == nil ? Style.dim : .plain }, selected: min(state.meetings.member, max(0, members.count - 1)))
        let gridArea = Rect(x: area.x, y: area.y + headerRows + 1, width: area.width, height: area.height - headerRows - 1)
        var shown = grid
        shown.offset = Table.scrollOffset(selected: grid.selected ?? 0, offset: 0, visibleRows: grid.visibleRows(in: gridArea), rowCount: members.count)
        shown.render(in: gridArea, buffer: &buffer)
    }
}
