/// The five panes, in the order of their number keys.
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case overview, members, meetings, workplan, decisions

    public var title: String {
        switch self {
        case .overview: return "Overview"
        case .members: return "Members"
        case .meetings: return "Meetings"
        case .workplan: return "Workplan"
        case .decisions: return "Decisions"
        }
    }

    /// The key that switches to this pane: `1` … `5`.
    public var numberKey: Character { Character(String(rawValue + 1)) }

    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }
}
