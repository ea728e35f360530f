import TerminalUI
import UNMNDomain

/// What a single key records in the attendance grid.
public enum AttendanceKey: Sendable, Hashable {
    case present, apologies, absent, cycle
}

/// The Meetings pane's keys.
extension KeyBindings {
    static func openedMeeting(_ state: AppState) -> Meeting? {
        state.meetings.opened.flatMap { state.network?.meeting($0) }
    }

    /// Why the opened meeting's minutes cannot be changed now, if so.
    static func minutesEditing(_ state: AppState) -> String? {
        if let reason = planning(state) { return reason }
        guard let meeting = openedMeeting(state) else { return "Open a meeting first (Enter)." }
        return meeting.status.isLocked ? "The minutes of \(meeting.reference) are finalised; corrections are amendments." : nil
    }

    /// Action points in the order the view lists them: open ones by due date, then the rest.
    static func actionPoints(_ network: NetworkState) -> [ActionPoint] {
        network.actionPoints.sorted { a, b in
            if (a.status == .open) != (b.status == .open) { return a.status == .open }
            return a.status == .open ? (a.due, a.id) < (b.due, b.id) : (a.due, a.id) > (b.due, b.id)
        }
    }

    static func selectedActionPoint(_ state: AppState) -> ActionPoint? {
        guard state.meetings.showsActionPoints, let network = state.network else { return nil }
        return actionPoints(network)[safe: state.meetings.actionPoint]
    }

    /// Why the selected action point cannot be updated by this operator, if so.
    static func actionPointUpdate(_ state: AppState) -> String? {
        if let reason = writing(state) { return reason }
        guard let point = selectedActionPoint(state), let op = state.currentOperator, let network = state.network else { return "Show the action points (t) and select one." }
        return Permissions.refusal(for: .updateActionPoint(point.id, status: .done, note: ""), by: CommandContext(operator: op, now: Instant(tashkent: state.today)), in: network)
            .map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
    }

    static let meetingsBindings: [KeyBinding] = [
        KeyBinding([.enter], label: "Open", description: "Open the selected meeting: mode, agenda, attendance grid", scope: .pane(.meetings), message: .meetingOpen, isRelevant: { $0.meetings.opened == nil }),
        KeyBinding([.character("n")], label: "Schedule", description: "Schedule a meeting (kind, who requested it, date and time in Asia/Tashkent, place, mode)",
                   scope: .pane(.meetings), message: .requestSchedule, disabledReason: planning, isRelevant: { $0.meetings.opened == nil }),
        KeyBinding([.character(" ")], label: "Attendance", description: "In a meeting: cycle the selected entity's attendance (present, apologies, absent)",
                   scope: .pane(.meetings), message: .meetingAttendance(.cycle), disabledReason: minutesEditing, isRelevant: { $0.meetings.opened != nil }),
        KeyBinding([.character("p")], label: "Present", description: "In a meeting: the selected entity was present (with its focal points)",
                   scope: .pane(.meetings), message: .meetingAttendance(.present), isInFooter: false, disabledReason: minutesEditing),
        KeyBinding([.character("a")], label: "Apologies", description: "In a meeting: the selected entity sent apologies",
                   scope: .pane(.meetings), message: .meetingAttendance(.apologies), isInFooter: false, disabledReason: minutesEditing),
        KeyBinding([.character("b")], label: "Absent", description: "In a meeting: the selected entity was absent",
                   scope: .pane(.meetings), message: .meetingAttendance(.absent), isInFooter: false, disabledReason: minutesEditing),
        KeyBinding([.character("i")], label: "Agenda item", description: "In a meeting: add an agenda item", scope: .pane(.meetings),
                   message: .requestAgendaItem, isInFooter: false, disabledReason: minutesEditing),
        KeyBinding([.character("f")], label: "Finalise", description: "In a meeting: finalise the minutes (refused, with the reasons, without mode or attendance)",
                   scope: .pane(.meetings), message: .meetingFinalise,
                   disabledReason: { state in planning(state) ?? (openedMeeting(state) == nil ? "Open a meeting first (Enter)." : nil) },
                   isRelevant: { $0.meetings.opened != nil }),
        KeyBinding([.character("S")], label: "Shared", description: "In a meeting: mark the finalised minutes shared with the RCO today", scope: .pane(.meetings),
                   message: .meetingShare, isInFooter: false, disabledReason: { state in planning(state) ?? (openedMeeting(state) == nil ? "Open a meeting first (Enter)." : nil) }),
        KeyBinding([.character("d")], label: "Decision", description: "In a meeting: record a decision taken, linked to a consensus item or not",
                   scope: .pane(.meetings), message: .requestMeetingDecision, isInFooter: false, disabledReason: minutesEditing),
        KeyBinding([.character("A")], label: "Action point", description: "In a meeting: add an action point (text, responsible entities, due date)",
                   scope: .pane(.meetings), message: .requestActionPoint, disabledReason: minutesEditing, isRelevant: { $0.meetings.opened != nil }),
        KeyBinding([.character("w")], label: "Minutes", description: "In a meeting: write an agenda item's minutes in the editor (Ctrl-O for $EDITOR)",
                   scope: .pane(.meetings), message: .requestMinutes, disabledReason: minutesEditing, isRelevant: { $0.meetings.opened != nil }),
        KeyBinding([.character("M")], label: "Amend", description: "In a meeting: amend finalised minutes (recorded, never rewritten)", scope: .pane(.meetings),
                   message: .requestAmendment, isInFooter: false, disabledReason: { state in
                       if let reason = planning(state) { return reason }
                       guard let meeting = openedMeeting(state) else { return "Open a meeting first (Enter)." }
                       return meeting.status.isLocked ? nil : "The minutes are still a draft: write them directly (w)."
                   }),
        KeyBinding([.character("t")], label: "Action points", description: "The action points of all meetings: open, overdue, done, dropped",
                   scope: .pane(.meetings), message: .toggleActionPoints, isRelevant: { $0.meetings.opened == nil }),
        KeyBinding([.character("D")], label: "Done", description: "In the action points: mark the selected one done, with a note", scope: .pane(.meetings),
                   message: .requestActionPointUpdate(.done), isInFooter: false, disabledReason: { actionPointUpdate($0) }),
        KeyBinding([.character("X")], label: "Dropped", description: "In the action points: drop the selected one, saying why", scope: .pane(.meetings),
                   message: .requestActionPointUpdate(.dropped), isInFooter: false, disabledReason: { actionPointUpdate($0) }),
        KeyBinding([.escape], label: "Back", description: "Back to the list of meetings", scope: .pane(.meetings), message: .back, isRelevant: { $0.meetings.opened != nil }),
    ]
}
