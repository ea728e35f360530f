import TerminalUI
import UNMNDomain

/// Everything the console shows, in one value: views read it, `AppUpdate.update` changes it.
public struct AppState: Sendable {
    public var pane: Pane = .overview
    public var width: Int
    public var height: Int
    public var today: LocalDate
    public var networkName: String = "UN Network on Migration in Uzbekistan"
    /// Whoever is using the console; nil until chosen at first start.
    public var currentOperator: Operator?
    public var isReadOnly: Bool
    /// Where the journal lives, as shown to the user.
    public var journalPath: String
    public var entities: [MemberEntity]
    /// The network as the journal holds it (nil in tests that need only the members).
    public var network: NetworkState?
    public var gcmObjectives: [GCMObjective]
    public var members = ListState()
    /// The entity opened with Enter on a narrow screen (on a wide one the detail is always shown).
    public var isShowingMemberDetail = false
    /// The selected focal point in the opened entity's record.
    public var focalPointSelection = 0
    /// True when Members shows the mailing-list changes since the last request to the IT unit.
    public var showsMailingListChanges = false
    /// The selected line of the Overview (members, next meeting, action points, items, plan).
    public var overviewLine = 0
    /// The Meetings pane.
    public var meetings = MeetingsState()
    /// The Workplan pane.
    public var workplan = WorkplanState()
    /// The Decisions list's selection (an index into its items, headers aside).
    public var decisions = ListState()
    /// Review mode, when on.
    public var review: ReviewState?
    /// True when Decisions shows the decisions log instead of the grouped items.
    public var showsDecisionsLog = false
    /// The decisions log's filters: one year, one kind of item (nil: all).
    public var logYear: Int?
    public var logKind: String?
    public var overlay: Overlay?
    public var status: StatusMessage = .none
    public var isQuitting = false

    public init(width: Int, height: Int, today: LocalDate, currentOperator: Operator?, isReadOnly: Bool = false,
                journalPath: String, entities: [MemberEntity], gcmObjectives: [GCMObjective]) {
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

    public var layout: AppLayout {
        AppLayout(width: width, height: height,
                  statusRows: StatusLine.rowsNeeded(message: status.text, kind: status.kind, right: AppView.statusFacts(self), width: width))
    }

    /// The member entities the Members list shows under the current filter.
    public var visibleEntities: [MemberEntity] {
        let query = members.filterText
        guard !query.isEmpty else { return entities }
        return entities.filter {
            SearchFolding.matches([$0.code.rawValue, $0.fullName, $0.role.title].joined(separator: " "), query: query)
        }
    }

    public var selectedEntity: MemberEntity? {
        let visible = visibleEntities
        return visible.indices.contains(members.selection) ? visible[members.selection] : nil
    }

    /// The list of the pane on screen, whose `/` filter the prompt edits.
    public var activeList: ListState {
        get {
            switch pane {
            case .overview, .members: return members
            case .meetings: return meetings.list
            case .workplan: return workplan.list
            case .decisions: return decisions
            }
        }
        set {
            switch pane {
            case .overview, .members: members = newValue
            case .meetings: meetings.list = newValue
            case .workplan: workplan.list = newValue
            case .decisions: decisions = newValue
            }
        }
    }

    /// True when a form is open with input that would be lost.
    public var hasUnsavedInput: Bool {
        if case .form(let form, _)? = overlay { return form.isDirty }
        if case .editor(let editor, _, _)? = overlay { return editor.isDirty }
        return false
    }
}
