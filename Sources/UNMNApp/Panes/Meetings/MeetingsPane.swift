import TerminalUI
import UNMNDomain
import UNMNReports

/// What the Meetings pane shows: the list by year and quarter, one meeting with its
/// attendance grid, or the action points of all meetings.
public struct MeetingsState: Sendable, Hashable {
    public var list = ListState()
    /// The meeting opened with Enter, by reference.
    public var opened: MeetingReference?
    /// The selected entity in the opened meeting's attendance grid.
    public var attendance = ListState()
    /// True when the pane shows the action points of all meetings.
    public var showsActionPoints = false
    public var actionPoints = ListState()
    /// True when the selected action point's detail is open over the list.
    public var showsActionPointDetail = false
    /// True when the opened meeting shows its whole record (`v`), scrolled by `recordOffset` rows.
    public var showsRecord = false
    public var recordOffset = 0

    public init() {}
}

public enum MeetingsMessage: Sendable, Hashable {
    case open
    case attendance(AttendanceKey)
    case requestSchedule
    /// `e`: change the date (postpone), time, length, place or mode of the opened or selected meeting.
    case requestEdit
    case requestAgendaItem
    /// `+` / `-`: record a guest who is not a member's focal point, or take one off.
    case requestGuest
    case requestRemoveGuest
    /// `C`: call the opened or selected meeting off, with the reason.
    case requestCancel
    /// `P`: move the opened or selected meeting to a later date, with the reason.
    case requestPostpone
    /// `v`: the opened meeting's whole record (minutes text, action points, who requested it), or back to its grid.
    case toggleRecord
    case finalise
    case share
    case requestDecision
    case requestActionPoint
    case requestMinutes
    case requestAmendment
    case toggleActionPoints
    case requestActionPointUpdate(ActionPoint.Status)
    case openActionPoint
}

/// What a single key records in the attendance grid.
public enum AttendanceKey: Sendable, Hashable {
    case present, apologies, absent, cycle
}

/// The forms of the Meetings pane, with what each needs to decode its answers.
public enum MeetingsForm: Sendable, Hashable {
    case schedule
    /// `original`: the meeting as the form opened on it, so that only what the operator changed is saved.
    case edit(MeetingReference, original: MeetingDraft, basedOn: Int)
    case cancel(MeetingReference)
    case postpone(MeetingReference)
    case addAgendaItem(meeting: MeetingReference)
    case addGuest(meeting: MeetingReference)
    /// `guests`: those offered, in the form's order.
    case removeGuest(meeting: MeetingReference, guests: [Meeting.Guest])
    case chooseAgendaItem(meeting: MeetingReference)
    /// `items`: the consensus items offered after "none", in the form's order.
    case recordDecision(meeting: MeetingReference, items: [ItemReference])
    case addActionPoint(meeting: MeetingReference, entities: [EntityCode], decisions: [ItemReference])
    case updateActionPoint(ActionPointID, ActionPoint.Status, basedOn: Int)
}

/// What the editor's text becomes when saved.
public enum EditorPurpose: Sendable, Hashable {
    /// `basedOn`: the meeting's version when the editor opened.
    case minutes(meeting: MeetingReference, item: Int, basedOn: Int? = nil)
    case amendment(meeting: MeetingReference)
}

extension AppState {
    /// The meeting opened in the Meetings pane, fresh from the journal's state.
    var openedMeeting: Meeting? { meetings.opened.flatMap { network?.meeting($0) } }

    /// The meeting the keys of the list or of an opened meeting act on.
    var focusedMeeting: Meeting? {
        if let openedMeeting { return openedMeeting }
        guard let network, !meetings.showsActionPoints else { return nil }
        return MeetingsPane.listedPlaces(network: network, query: meetings.list.filterText)[safe: meetings.list.selection].map {
            network.meetings[$0]
        }
    }

    /// The action point selected in the action points of all meetings.
    var selectedActionPoint: ActionPoint? {
        guard meetings.showsActionPoints, let network else { return nil }
        return MeetingsPane.actionPoints(network, query: meetings.actionPoints.filterText)[safe: meetings.actionPoints.selection]
    }
}

/// Pane 3: meetings by year and quarter with the quarterly rule, one meeting's record, or the
/// action points across meetings.
enum MeetingsPane: PaneFeature {
    static let pane = Pane.meetings

    static func list(in state: AppState, layout: AppLayout) -> PaneList? {
        guard let network = state.network, !network.meetings.isEmpty || state.meetings.showsActionPoints else { return nil }
        let body = bodyArea(layout.content)
        if state.meetings.showsActionPoints {
            if state.meetings.showsActionPointDetail { return nil }
            let points = actionPoints(network, query: state.meetings.actionPoints.filterText)
            return PaneList(\.meetings.actionPoints, ListContent(count: points.count, total: network.actionPoints.count, area: body))
        }
        if let meeting = state.openedMeeting {
            if state.meetings.showsRecord { return nil }  // a page that scrolls, not a list
            let grid = geometry(of: meeting, network: network, in: layout.content).grid
            return PaneList(
                \.meetings.attendance, ListContent(count: network.members(on: meeting.date).count, area: grid),
                unfilterableReason: "Esc first: / filters the list of meetings.")
        }
        let entries = rows(network: network, today: state.today, query: state.meetings.list.filterText).rows
        let itemRows = entries.indices.filter { entries[$0].meeting != nil }
        return PaneList(
            \.meetings.list, ListContent(itemRows: itemRows, rowCount: entries.count, total: network.meetings.count, area: body))
    }

    /// The minutes as text: each agenda item with its minutes, then the amendments so far.
    static func minutesText(_ meeting: Meeting) -> String {
        var parts = meeting.agenda.enumerated().map { index, item in
            "\(index + 1). \(item.title)\n" + (item.minutes.isEmpty ? "(no minutes)" : item.minutes)
        }
        parts += meeting.amendments.map { "Amendment of \($0.on) by \($0.by):\n\($0.text)" }
        return parts.isEmpty ? "(no agenda)" : parts.joined(separator: "\n\n")
    }

    /// What finalising locks, and a warning for each agenda item that has no minutes.
    static func finaliseQuestion(_ meeting: Meeting, network: NetworkState) -> ConfirmDialog {
        let present = meeting.presentCount
        let actionPoints = network.actionPoints.filter { $0.meeting == meeting.reference }.count
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        var message =
            "Finalise the minutes of \(meeting.reference) (\(meeting.date))? This locks the attendance (\(present) present of "
            + "\(meeting.attendance.count) recorded), the minutes of \(count(meeting.agenda.count, "agenda item")), "
            + "\(count(meeting.decisions.count, "decision")) and \(count(actionPoints, "action point")). "
            + "Corrections afterwards are amendments; this cannot be undone."
        let bare = meeting.agenda.enumerated().filter { $0.element.minutes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if let mode = meeting.mode, mode != .inPerson, (meeting.modeReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            // The ToR footnote: virtual or combined "whenever an offline meeting is not feasible".
            message +=
                "\n\nWarning: the meeting was \(mode.rawValue), and the minutes do not say why meeting in person was not feasible "
                + "(the Terms of Reference name security, health, absence from the duty station, force majeure). e records why."
        }
        if meeting.agenda.isEmpty {
            message += "\n\nWarning: the meeting has no agenda."
        } else if !bare.isEmpty {
            message +=
                "\n\nWarning: no minutes for " + bare.map { "item \($0.offset + 1), \"\($0.element.title)\"" }.joined(separator: "; ") + "."
        }
        return ConfirmDialog(title: "Finalise \(meeting.reference)", message: message, confirmLabel: "Finalise")
    }

    /// The record view scrolls; it never scrolls past its end.
    static func scroll(_ state: inout AppState, by rows: Int) {
        guard state.meetings.showsRecord, let meeting = state.openedMeeting, let network = state.network else { return }
        let area = state.layout.content
        let last = max(0, wholeRecord(meeting, network: network).layout(width: area.width).count - area.height)
        state.meetings.recordOffset = min(last, max(0, state.meetings.recordOffset.addingReportingOverflow(rows).partialValue))
        if rows == Int.min { state.meetings.recordOffset = 0 }
        if rows == Int.max { state.meetings.recordOffset = last }
    }

    /// A meeting just scheduled is selected in the list, wherever its date puts it.
    static func didSave(_ state: inout AppState, before: NetworkState) {
        let known = Set(before.meetings.map(\.reference))
        guard let network = state.network, state.openedMeeting == nil, !state.meetings.showsActionPoints,
            let new = network.meetings.last(where: { !known.contains($0.reference) }),
            let index = listed(network: network, query: state.meetings.list.filterText)
                .firstIndex(where: { $0.reference == new.reference }),
            let list = state.visibleList
        else { return }
        state.meetings.list.selection = index
        state.meetings.list.clamp(in: list.content)
    }

    /// Below the pane's one-line header.
    static func bodyArea(_ content: Rect) -> Rect { Rect(x: content.x, y: content.y + 1, width: content.width, height: content.height - 1) }

    static func back(_ state: inout AppState) -> Bool {
        if state.meetings.showsActionPointDetail {
            state.meetings.showsActionPointDetail = false
        } else if state.meetings.showsActionPoints {
            state.meetings.showsActionPoints = false
        } else if state.meetings.showsRecord {
            state.meetings.showsRecord = false
        } else if state.meetings.opened != nil {
            state.meetings.opened = nil
        } else {
            return false
        }
        return true
    }

    static func export(_ state: AppState, network: NetworkState) -> ExportedDocument {
        ExportedDocument(
            name: "unmn-meetings.ics", contents: CalendarDocument.render(network.meetings, stamp: Instant(tashkent: state.today)))
    }

    /// Action points in the order the view lists them, under the filter.
    static func actionPoints(_ network: NetworkState, query: String) -> [ActionPoint] {
        let points = network.actionPointsInWorkingOrder
        guard !query.isEmpty else { return points }
        return points.filter { point in
            SearchFolding.matches(
                ([point.id.rawValue, point.text, point.meeting.rawValue, point.status.rawValue] + point.responsible.map(\.rawValue)).joined(
                    separator: " "), query: query)
        }
    }
}
