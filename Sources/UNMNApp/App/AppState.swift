import TerminalUI
import UNMNDomain

/// The network as it stood at the end of a past day, shown in place of the live record.
public struct AsOfView: Sendable {
    public var day: LocalDate
    /// The record as the journal holds it now, and today: what returning shows.
    public var live: NetworkState?
    public var liveToday: LocalDate
}

/// Everything the console shows, in one value: views read it, `AppUpdate.update` changes it.
/// The shared context comes first; each pane keeps its own state in its own field.
public struct AppState: Sendable {
    public var pane: Pane = .overview
    public var width: Int
    public var height: Int
    public var today: LocalDate
    public var networkName: String = "UN Network on Migration in Uzbekistan"
    /// Whoever is using the console; nil until chosen at first start.
    public var currentOperator: Operator?
    public var isReadOnly: Bool
    /// Why the journal cannot be reached now (its database server went away), or nil: changes
    /// wait until it is back, which the console notices by itself.
    public var offline: String?
    /// Where the journal lives, as shown to the user.
    public var journalPath: String
    public var entities: [MemberEntity]
    /// The network as the journal holds it (nil in tests that need only the members).
    public var network: NetworkState?
    public var gcmObjectives: [GCMObjective]
    public var overlay: Overlay?
    public var status: StatusMessage = .none
    public var isQuitting = false
    /// The form or editor whose save is on its way to the journal, so that a conflict brings
    /// it back with the operator's input.
    public var awaitingSave: AwaitingSave?
    /// The conflicts the open form was refused with: Ctrl-T takes their values.
    public var formConflicts: [Conflict] = []
    /// The text someone else saved while the operator wrote theirs: shown above the editor.
    public var editorTheirs: TheirText?
    /// Looking at the network as it stood on a past day (read-only): the live record and day are
    /// kept here, and the journal's changes go to them, until `@` or Esc returns to today.
    public var asOf: AsOfView?

    public var overview = OverviewState()
    public var members = MembersState()
    public var meetings = MeetingsState()
    public var workplan = WorkplanState()
    public var decisions = DecisionsState()

    public init(
        width: Int, height: Int, today: LocalDate, currentOperator: Operator?, isReadOnly: Bool = false,
        journalPath: String, entities: [MemberEntity], gcmObjectives: [GCMObjective]
    ) {
        self.width = width
        self.height = height
        self.today = today
        self.currentOperator = currentOperator
        self.isReadOnly = isReadOnly
        self.journalPath = journalPath
        self.entities = entities
        self.gcmObjectives = gcmObjectives
    }

    /// The smallest window the console draws into; below it a message asks for more room.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    /// Whether the status message needs more rows than the status line has (then it ends
    /// with "(more: !)" and `!` shows it whole).
    public var statusIsCut: Bool {
        StatusLine.rowsNeeded(message: status.text, kind: status.kind, right: AppView.statusFacts(self), width: width)
            > AppLayout.maxStatusRows
    }

    public var layout: AppLayout {
        AppLayout(
            width: width, height: height,
            statusRows: StatusLine.rowsNeeded(message: status.text, kind: status.kind, right: AppView.statusFacts(self), width: width))
    }

    /// The operator as the domain's rules see them, dated today.
    var context: CommandContext? {
        currentOperator.map { CommandContext(operator: $0, now: Instant(tashkent: today)) }
    }

    /// True when a form is open with input that would be lost.
    public var hasUnsavedInput: Bool {
        if case .form(let form, _)? = overlay { return form.isDirty }
        if case .editor(let editor, _, _)? = overlay { return editor.isDirty }
        return false
    }
}
