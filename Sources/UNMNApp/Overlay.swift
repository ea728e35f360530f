import TerminalUI
import UNMNDomain

/// What is drawn over the pane and takes the keys first.
public indirect enum Overlay: Sendable {
    /// The `?` screen, scrolled to `offset`.
    case help(offset: Int)
    /// A form; `purpose` says what its values become.
    case form(Form, purpose: FormPurpose)
    /// The multi-line editor (minutes, amendments).
    case editor(TextEditor, title: String, purpose: EditorPurpose)
    /// A question before something that cannot be taken back, such as losing unsaved input:
    /// `then` on yes; on no, back to `returnTo` (the form the question came from).
    case confirm(ConfirmDialog, then: Message, returnTo: Overlay?)
}

/// What the editor's text becomes when saved.
public enum EditorPurpose: Sendable, Hashable {
    case minutes(meeting: String, item: Int)
    case amendment(meeting: String)
}

/// What a submitted form does.
public enum FormPurpose: Sendable, Hashable {
    case chooseOperator
    case recordPosition(item: String, entity: EntityCode)
    case closeItem(String, ClosingKind)
    case openItem
    case addFocalPoint(EntityCode)
    case proposeAdmission
    case recordWithdrawal(EntityCode)
    case updateActionPoint(String, ActionPoint.Status)
    case chooseAgendaItem(meeting: String)
    case meetingDecision(meeting: String)
    case addActionPoint(meeting: String)
    case editFocalPoint(String)
    case scheduleMeeting
    case addAgendaItem(meeting: String)
    case recordProgress(year: Int, code: String)
    case addAction(year: Int)
    case editAction(year: Int, code: String)
}
