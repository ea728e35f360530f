import TerminalUI
import UNMNDomain

/// The Meetings pane's keys, by screen.
extension MeetingsPane {
    /// Why the opened meeting's record cannot be changed now, if so.
    private static func recordEditing(_ action: String) -> @Sendable (AppState) -> String? {
        { state in
            if let reason = Guards.requireSecretariat(state, to: action) { return reason }
            guard let meeting = state.openedMeeting else { return "Open a meeting first (Enter)." }
            return meeting.status.isLocked ? "The minutes of \(meeting.reference) are finalised; corrections are amendments." : nil
        }
    }

    /// Why the focused meeting cannot be changed, postponed or cancelled, if so.
    private static func meetingChange(_ action: String) -> @Sendable (AppState) -> String? {
        { state in meetingChangeRefusal(state, action) }
    }

    private static func meetingChangeRefusal(_ state: AppState, _ action: String) -> String? {
        if let reason = Guards.requireSecretariat(state, to: action) { return reason }
        guard let meeting = state.focusedMeeting else { return "Select a meeting first." }
        if let cancellation = meeting.cancellation { return "\(meeting.reference) was cancelled on \(cancellation.on)." }
        return meeting.status.isLocked
            ? "The minutes of \(meeting.reference) are finalised: the meeting took place as recorded." : nil
    }

    private static func openedMeetingKey(_ action: String) -> @Sendable (AppState) -> String? {
        { state in
            Guards.requireSecretariat(state, to: action)
                ?? Guards.requireSelection(state.openedMeeting != nil, "Open a meeting first (Enter).")
        }
    }

    /// Why the selected action point cannot be updated by this operator, if so.
    private static func actionPointUpdate(_ action: String) -> @Sendable (AppState) -> String? {
        { state in
            guard let point = state.selectedActionPoint else {
                return Guards.requireWrite(state, to: action) ?? "Select an action point first."
            }
            return Guards.require(.updateActionPoint(point.id), state, to: "\(action) \(point.id)")
        }
    }

    /// The same in the list (on the selected meeting) and in an opened meeting.
    static let meetingChangeBindings = [
        KeyBinding(
            [.character("e")], label: "Edit",
            description: "Change the meeting's date, time, length, place or mode (and why not in person)",
            message: .meetings(.requestEdit), isInFooter: false, disabledReason: meetingChange("change a meeting")),
        KeyBinding(
            [.character("C")], label: "Cancel meeting",
            description: "Call the meeting off, saying why (it stays in the record as cancelled)",
            message: .meetings(.requestCancel), isInFooter: false, disabledReason: meetingChange("cancel a meeting")),
        KeyBinding(
            [.character("P")], label: "Postpone", description: "Move the meeting to a later date, saying why (it keeps its reference)",
            message: .meetings(.requestPostpone), isInFooter: false, disabledReason: meetingChange("postpone a meeting")),
    ]

    static let listBindings =
        [
            KeyBinding(
                [.enter], label: "Open", description: "Open the selected meeting: mode, agenda, attendance grid",
                message: .meetings(.open)),
            KeyBinding(
                [.character("n")], label: "Schedule",
                description: "Schedule a meeting (kind, who requested it, date and time in Asia/Tashkent, place, mode)",
                message: .meetings(.requestSchedule), disabledReason: { Guards.requireSecretariat($0, to: "schedule a meeting") }),
        ] + meetingChangeBindings + [
            KeyBinding(
                [.character("t")], label: "Action points", description: "The action points of all meetings: open, overdue, done, dropped",
                message: .meetings(.toggleActionPoints))
        ]

    static let meetingBindings =
        [
            KeyBinding(
                [.character(" ")], label: "Attendance", description: "Cycle the selected entity's attendance (present, apologies, absent)",
                message: .meetings(.attendance(.cycle)), disabledReason: recordEditing("record attendance")),
            KeyBinding(
                [.character("p")], label: "Present", description: "The selected entity was present (with its focal points)",
                message: .meetings(.attendance(.present)), isInFooter: false, disabledReason: recordEditing("record attendance")),
            KeyBinding(
                [.character("a")], label: "Apologies", description: "The selected entity sent apologies",
                message: .meetings(.attendance(.apologies)), isInFooter: false, disabledReason: recordEditing("record attendance")),
            KeyBinding(
                [.character("b")], label: "Absent", description: "The selected entity was absent",
                message: .meetings(.attendance(.absent)), isInFooter: false, disabledReason: recordEditing("record attendance")),
            KeyBinding(
                [.character("i")], label: "Agenda item", description: "Add an agenda item",
                message: .meetings(.requestAgendaItem), isInFooter: false, disabledReason: recordEditing("add an agenda item")),
            KeyBinding(
                [.character("+")], label: "Guest",
                description: "Record a guest who is not a member's focal point (a ministry, civil society, the RCO, a speaker)",
                message: .meetings(.requestGuest), isInFooter: false, disabledReason: recordEditing("record a guest")),
            KeyBinding(
                [.character("-")], label: "Remove guest", description: "Take a guest recorded by mistake off the meeting",
                message: .meetings(.requestRemoveGuest), isInFooter: false,
                disabledReason: { state in
                    if let reason = recordEditing("remove a guest")(state) { return reason }
                    return state.openedMeeting?.guests?.isEmpty == false ? nil : "No guest is recorded for this meeting."
                }),
            KeyBinding(
                [.character("f")], label: "Finalise",
                description: "Finalise the minutes (refused, with the reasons, without mode or attendance)",
                message: .meetings(.finalise), disabledReason: openedMeetingKey("finalise the minutes")),
        ] + meetingChangeBindings + [
            KeyBinding(
                [.character("S")], label: "Shared", description: "Mark the finalised minutes shared with the RCO today",
                message: .meetings(.share), isInFooter: false, disabledReason: openedMeetingKey("mark the minutes shared with the RCO")),
            KeyBinding(
                [.character("d")], label: "Decision", description: "Record a decision taken, linked to a consensus item or not",
                message: .meetings(.requestDecision), isInFooter: false, disabledReason: recordEditing("record a decision")),
            KeyBinding(
                [.character("A")], label: "Action point", description: "Add an action point (text, responsible entities, due date)",
                message: .meetings(.requestActionPoint), disabledReason: recordEditing("add an action point")),
            KeyBinding(
                [.character("w")], label: "Minutes", description: "Write an agenda item's minutes in the editor (Ctrl-O for $EDITOR)",
                message: .meetings(.requestMinutes), disabledReason: recordEditing("write the minutes")),
            KeyBinding(
                [.character("M")], label: "Amend", description: "Amend finalised minutes (recorded, never rewritten)",
                message: .meetings(.requestAmendment), isInFooter: false,
                disabledReason: { state in
                    if let reason = Guards.requireSecretariat(state, to: "amend the minutes") { return reason }
                    guard let meeting = state.openedMeeting else { return "Open a meeting first (Enter)." }
                    return meeting.status.isLocked ? nil : "The minutes are still a draft: write them directly (w)."
                }),
            KeyBinding(
                [.character("v")], label: "Record",
                description:
                    "The whole record: who requested it, the minutes of every item, decisions, action points and who is responsible",
                message: .meetings(.toggleRecord)),
            KeyBinding([.escape], label: "Back", description: "Back to the list of meetings", message: .back),
        ]

    static let recordBindings = [
        KeyBinding(
            [.character("v")], label: "Attendance", description: "Back to the attendance grid", message: .meetings(.toggleRecord)),
        KeyBinding([.escape], label: "Back", description: "Back to the attendance grid", message: .back),
    ]

    static let actionPointBindings = [
        KeyBinding(
            [.enter], label: "Open", description: "Open the selected action point: its text, who, due, notes, meeting",
            message: .meetings(.openActionPoint)),
        KeyBinding(
            [.character("D")], label: "Done", description: "Mark the selected action point done, with a note",
            message: .meetings(.requestActionPointUpdate(.done)), disabledReason: actionPointUpdate("mark done")),
        KeyBinding(
            [.character("X")], label: "Dropped", description: "Drop the selected action point, saying why",
            message: .meetings(.requestActionPointUpdate(.dropped)), disabledReason: actionPointUpdate("drop")),
        KeyBinding([.escape], label: "Back", description: "Back to the list of meetings", message: .back),
    ]

    static var keyGroups: [KeyBindingGroup] {
        [
            KeyBindingGroup("3 Meetings", listBindings),
            KeyBindingGroup("3 Meetings, an opened meeting (Enter)", meetingBindings),
            KeyBindingGroup("3 Meetings, a meeting's whole record (v; ↓/↑ and PgDn/PgUp scroll)", recordBindings),
            KeyBindingGroup("3 Meetings, action points (t)", actionPointBindings),
        ]
    }

    static func activeBindings(in state: AppState) -> [KeyBinding] {
        if state.meetings.showsActionPoints {
            return state.meetings.showsActionPointDetail ? Array(actionPointBindings.dropFirst()) : actionPointBindings
        }
        if state.openedMeeting != nil { return state.meetings.showsRecord ? recordBindings : meetingBindings }
        return listBindings
    }
}
