import TerminalUI
import UNMNDomain

/// What is drawn over the pane and takes the keys first.
public indirect enum Overlay: Sendable {
    /// The `?` screen, scrolled to `offset`: its rows laid out when it opened, and again after
    /// anything but its own keys (a change from another console, a resize, a new day).
    case help(offset: Int, rows: [HelpOverlay.Row])
    /// A message too long for the status line, read whole (`!`).
    case message(TextPanel)
    /// A form; `purpose` says what its values become.
    case form(Form, purpose: FormPurpose)
    /// The multi-line editor (minutes, amendments).
    case editor(TextEditor, title: String, purpose: EditorPurpose)
    /// A question before something that cannot be taken back, such as losing unsaved input:
    /// `then` on yes; on no, back to `returnTo` (the form the question came from).
    case confirm(ConfirmDialog, then: Message, returnTo: Overlay?)
}

/// A form or editor saved and not yet answered by the journal.
public enum AwaitingSave: Sendable {
    case form(Form, purpose: FormPurpose)
    case editor(TextEditor, title: String, purpose: EditorPurpose)
}

/// Text someone else saved over what the operator was editing, shown read-only above the editor.
public struct TheirText: Sendable, Hashable {
    public var by: String
    public var at: Instant
    public var text: String
}

/// What a submitted form does: the operator form is the root's; every other belongs to a pane.
public enum FormPurpose: Sendable, Hashable {
    case chooseOperator(entities: [EntityCode])
    case overview(OverviewForm)
    /// `@`: the day to look at the network as it stood then.
    case asOf
    case members(MembersForm)
    case meetings(MeetingsForm)
    case workplan(WorkplanForm)
    case decisions(DecisionsForm)
}
