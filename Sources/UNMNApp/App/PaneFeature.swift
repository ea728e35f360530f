import TerminalUI
import UNMNDomain

/// One pane of the console, whole: its keys, its update, its view, the list it moves in, and
/// how Esc steps back. The root routes to a pane through this protocol instead of asking
/// `pane == …` in every function (tig's `view_ops`, bubbletea's nested models, the Composable
/// Architecture's child reducers).
///
/// A pane reads the shared context of `AppState` (network, operator, today, layout) and
/// changes its own part of the state, the overlay (its forms) and the status line.
protocol PaneFeature {
    associatedtype PaneMessage: Sendable & Hashable
    associatedtype PaneForm: Sendable & Hashable

    static var pane: Pane { get }

    /// Every key of the pane, by screen, for `?`.
    static var keyGroups: [KeyBindingGroup] { get }

    /// The keys of what the pane shows now: routing and the footer read only these, so a key
    /// never acts on a screen that is not visible.
    static func activeBindings(in state: AppState) -> [KeyBinding]

    static func update(_ state: inout AppState, _ message: PaneMessage) -> [Effect]

    /// A submitted form of this pane: the commands it becomes, or why its values could not be read.
    static func submit(_ state: inout AppState, _ form: PaneForm, values: FormValues) -> FormSubmission

    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer)

    /// The list on screen, or nil when the pane shows none, laid out in `layout`.
    static func list(in state: AppState, layout: AppLayout) -> PaneList?

    /// Esc: steps back one screen; false when the pane is already at its top.
    static func back(_ state: inout AppState) -> Bool

    /// What `x` writes: the document matching what is on screen.
    static func export(_ state: AppState, network: NetworkState) -> ExportedDocument

    /// After this console's own change was saved (`before` is the network it changed): a pane
    /// that shows a new record selects it, as a person expects after "New …".
    static func didSave(_ state: inout AppState, before: NetworkState)

    /// ↓/↑, paging, first and last on a screen with no list (a whole record): scrolls it by
    /// `rows` (Int.min and Int.max: to the top, to the end).
    static func scroll(_ state: inout AppState, by rows: Int)
}

extension PaneFeature {
    static func didSave(_ state: inout AppState, before: NetworkState) {}
    static func scroll(_ state: inout AppState, by rows: Int) {}
}

/// What a submitted form became.
enum FormSubmission {
    /// Work for the runtime (a command for the journal, say); the form closes.
    case effects([Effect])
    /// The form opened the next step itself (an editor, another form).
    case handled
    /// A warning the operator may overrule: yes performs the effect, no returns to the form
    /// with the input as typed.
    case confirm(ConfirmDialog, Effect)
    /// The values could not be read: the form stays open with its input, and says why.
    case unreadable(String)
}

/// A file `x` writes in the current directory.
struct ExportedDocument {
    var name: String
    var contents: String
}

extension AppState {
    /// The list on screen now: what ↑/↓, paging, clicks and `/` act on.
    var visibleList: PaneList? { pane.feature.list(in: self, layout: layout) }

    /// Whether any list of the pane on screen has a filter typed or being typed: a test that costs
    /// nothing, so that a key or a frame computes the list on screen only when a filter is in play
    /// (computing it means going through the whole record).
    var paneHasFilter: Bool {
        let lists: [ListState]
        switch pane {
        case .overview: lists = [overview.lines]
        case .members: lists = [members.list, members.focalPoints, members.access]
        case .meetings: lists = [meetings.list, meetings.actionPoints, meetings.attendance]
        case .workplan: lists = [workplan.list]
        case .decisions: lists = [decisions.list, decisions.log] + (decisions.review.map { [$0.members] } ?? [])
        }
        return lists.contains { $0.isFilterActive || !$0.filterText.isEmpty }
    }
}

extension Pane {
    /// The feature that draws and drives this pane.
    var feature: any PaneFeature.Type {
        switch self {
        case .overview: return OverviewPane.self
        case .members: return MembersPane.self
        case .meetings: return MeetingsPane.self
        case .workplan: return WorkplanPane.self
        case .decisions: return DecisionsPane.self
        }
    }
}
