import TerminalUI
import UNMNDomain

/// Everything that can happen to the app, from a key, the mouse, the terminal or the clock.
/// `AppUpdate.update` turns each into a new state and effects.
public indirect enum Message: Sendable, Hashable {
    case selectPane(Pane)
    case nextPane
    case previousPane
    case moveSelection(Int)
    case moveToFirst
    case moveToLast
    case pageDown
    case pageUp
    case open
    case back
    case showHelp
    case closeOverlay
    case startFilter
    case clearFilter
    /// A key for whatever holds the keyboard: the filter prompt, a form, a dialog, the help screen.
    case overlayKey(Key)
    case filterKey(Key)
    case requestQuit
    case quit
    case click(x: Int, y: Int)
    case resize(width: Int, height: Int)
    case dateChanged(LocalDate)
    /// A key whose binding is disabled: the reason goes to the status line.
    case unavailable(String)
    case unknownKey(Key)
    /// The runtime's answer to an effect.
    case operatorRemembered(Operator, failure: String?)
    case chooseOperator
    /// Ask the runtime to perform an effect (after a confirmation, say).
    case perform(Effect)
    /// Decisions: review mode, its steps, and the chair's and secretariat's keys.
    case startReview
    case endReview
    case reviewStep(Int)
    case reviewMemberMove(Int)
    case requestPosition
    case requestClose(ClosingKind)
    case requestNewItem
    case writeReminder
    case toggleDecisionsLog
    /// In the decisions log: the next year, the next kind of item (then all again).
    case cycleLogYear
    case cycleLogKind
    /// `x`: export what is on screen to a file in the current directory.
    case exportScreen
    /// The runtime wrote a file (or could not, and why).
    case fileWritten(path: String, failure: String?)
    /// Overview: open the pane of the selected line at its record.
    case overviewOpen
    /// Members: focal points, the mailing list and its change request, admission, withdrawal.
    case requestFocalPoint
    case toggleMailingList
    case retireFocalPoint
    case showMailingListChanges
    case markMailingListRequestSent
    case requestAdmission
    case requestWithdrawal
    /// Meetings: open one, attendance, scheduling, agenda, finalising, sharing.
    case meetingOpen
    case meetingAttendance(AttendanceKey)
    case requestSchedule
    case requestAgendaItem
    case meetingFinalise
    case meetingShare
    /// Meetings: write the minutes of an agenda item, or amend finalised minutes, in the editor.
    case requestMeetingDecision
    case requestActionPoint
    case requestEditFocalPoint
    case requestMinutes
    case requestAmendment
    /// The external editor returned (or could not run, and why).
    case externalEditFinished(text: String, title: String, purpose: EditorPurpose, failure: String?)
    /// Meetings: the action points across meetings, and marking one done or dropped.
    case toggleActionPoints
    case requestActionPointUpdate(ActionPoint.Status)
    /// Workplan: year, screens, grouping, filters, and the forms.
    case workplanYear(Int)
    case workplanOpen
    case workplanSummary
    case workplanGroupBy
    case workplanFilter(WorkplanState.Filter)
    case workplanObjective
    case requestProgress
    case requestAddAction
    case requestEditAction
    case requestDraftPlan
    case requestEndorsement
    case requestClosePlan
    /// `u`: ask to undo the operator's last change.
    case requestUndo
    /// The runtime saved a command: the new state and what was done.
    case committed(NetworkState, summary: String)
    /// The runtime could not save a command, and why; `readOnly` when the journal stopped accepting changes.
    case commitFailed(String, readOnly: Bool)
    /// The journal changed on disk (another console appended): the new entities, and what changed.
    case journalChanged(NetworkState, summary: String)
    /// The first-start operator form was dismissed: carry on read-only.
    case continueWithoutOperator
}
