import TerminalUI
import UNMNDomain

/// Everything that can happen to the app, from a key, the mouse, the terminal, the clock or
/// the runtime. A pane's own messages are nested (`.meetings(.finalise)`), and every one is
/// handled by its pane's `update`: the compiler checks that none is forgotten.
public indirect enum Message: Sendable, Hashable {
    case selectPane(Pane)
    case nextPane
    case previousPane
    /// Moves in the list on screen, whichever pane and screen it is.
    case moveSelection(Int)
    case moveToFirst
    case moveToLast
    case pageDown
    case pageUp
    /// Esc: the pane steps back a screen, or the filter is cleared.
    case back
    case showHelp
    /// `!`: the status message whole, when the status line could not show all of it.
    case showFullStatus
    case closeOverlay
    case startFilter
    case clearFilter
    /// A key for whatever holds the keyboard: a form, the editor, a dialog, the help screen.
    case overlayKey(Key)
    /// A key for the `/` prompt.
    case filterKey(Key)
    case requestQuit
    case quit
    case click(x: Int, y: Int)
    case resize(width: Int, height: Int)
    case dateChanged(LocalDate)
    /// A key whose binding is disabled: the reason goes to the status line.
    case unavailable(String)
    case unknownKey(Key)
    case chooseOperator
    /// The runtime's answer to `rememberOperator`.
    case operatorRemembered(Operator, failure: String?)
    /// The first-start operator form was dismissed: carry on read-only.
    case continueWithoutOperator
    /// Ask the runtime to perform an effect (after a confirmation, say).
    case perform(Effect)
    /// `x`: export what is on screen to a file in the current directory.
    case exportScreen
    /// The runtime wrote a file (or could not, and why).
    case fileWritten(path: String, failure: String?)
    /// The external editor returned (or could not run, and why).
    case externalEditFinished(text: String, title: String, purpose: EditorPurpose, failure: String?)
    /// `u`: ask to undo the operator's last change.
    case requestUndo
    /// The runtime saved a command: the new state and what was done.
    case committed(NetworkState, summary: String)
    /// The runtime could not save a command, and why; `readOnly` when the journal stopped accepting changes.
    case commitFailed(String, readOnly: Bool)
    /// Someone else changed what the operator edited since it was on their screen: nothing was
    /// saved; the form or editor comes back with both values.
    case commitConflicted(CommandRejection, NetworkState)
    /// The journal changed on disk (another console appended): the new state, and what changed.
    case journalChanged(NetworkState, summary: String)
    /// The journal's database went away (why) or came back (nil), with what became of a change
    /// whose outcome was unknown, and the state as read on reconnecting.
    case journalReachability(unreachable: String?, note: String?, NetworkState)
    /// `@`: ask for a day to look at the network as it stood then (or, when looking, come back).
    case requestAsOf
    /// The runtime replayed the journal up to a day: the network as it stood at its end.
    case asOfLoaded(LocalDate, NetworkState)
    /// Back to the live record and today.
    case leaveAsOf

    case overview(OverviewMessage)
    case members(MembersMessage)
    case meetings(MeetingsMessage)
    case workplan(WorkplanMessage)
    case decisions(DecisionsMessage)
}
