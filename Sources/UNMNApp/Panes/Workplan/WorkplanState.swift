import TerminalUI
import UNMNDomain

/// What the Workplan pane shows: which year, how the actions are grouped and filtered, and
/// whether the table, one action's detail or the summary is on screen.
public struct WorkplanState: Sendable, Hashable {
    public enum Grouping: String, Sendable, Hashable, CaseIterable {
        case none = "no grouping"
        case gcm = "GCM objective"
        case lead = "lead entity"
        case status
        case outcome = "Cooperation Framework outcome"
    }

    public enum Filter: String, Sendable, Hashable, CaseIterable {
        case mine = "my entity"
        case overdue
        case atRisk = "at risk or delayed"
        case thisQuarter = "this quarter"
    }

    public enum Screen: Sendable, Hashable { case table, detail, summary }

    /// Nil: the current year.
    public var year: Int?
    public var list = ListState()
    public var grouping: Grouping = .none
    public var filters: Set<Filter> = []
    /// One GCM objective, or nil for all.
    public var objective: Int?
    public var screen: Screen = .table

    public init() {}
}
