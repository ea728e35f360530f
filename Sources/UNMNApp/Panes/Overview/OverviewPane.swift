import TerminalUI
import UNMNDomain
import UNMNReports

/// What the Overview shows: one line of the network's summary selected, which Enter opens.
public struct OverviewState: Sendable, Hashable {
    /// The selected line (one of `OverviewPane.targets`).
    public var lines = ListState()
    public init() {}
}

public enum OverviewMessage: Sendable, Hashable {
    /// Enter: open the selected line's pane at its record.
    case open
}

/// Pane 1: the network at a glance; each summary line opens its pane.
enum OverviewPane: PaneFeature {
    static let pane = Pane.overview

    /// The lines Enter opens, in screen order: the label they start with, and where they lead.
    enum Target: CaseIterable {
        case members, nextMeeting, actionPoints, consensusItems, workPlan

        var label: String {
            switch self {
            case .members: return "Members"
            case .nextMeeting: return "Next meeting"
            case .actionPoints: return "Action points"
            case .consensusItems: return "Consensus items"
            case .workPlan: return "Work plan"
            }
        }
    }

    static let bindings = [
        KeyBinding(
            [.enter], label: "Open", description: "Open the selected line's pane at that record (↓/↑ choose the line)",
            message: .overview(.open))
    ]

    static var keyGroups: [KeyBindingGroup] { [KeyBindingGroup("1 Overview", bindings)] }

    static func activeBindings(in state: AppState) -> [KeyBinding] { bindings }

    static func update(_ state: inout AppState, _ message: OverviewMessage) -> [Effect] {
        switch message {
        case .open: open(&state)
        }
        return []
    }

    static func submit(_ state: inout AppState, _ form: Never, values: FormValues) -> FormSubmission {}

    /// Enter on a line: its pane, at the record — the next meeting opened, the action points,
    /// the first pending item in review, this year's plan.
    private static func open(_ state: inout AppState) {
        guard let network = state.network, let target = Target.allCases[safe: state.overview.lines.selection] else { return }
        state.status = .none
        switch target {
        case .members:
            state.pane = .members
        case .nextMeeting:
            state.pane = .meetings
            state.meetings.showsActionPoints = false
            state.meetings.opened = network.nextMeeting(from: state.today)?.reference
            state.meetings.attendance = ListState()
        case .actionPoints:
            state.pane = .meetings
            state.meetings.opened = nil
            state.meetings.showsActionPoints = true
            state.meetings.actionPoints = ListState()
        case .consensusItems:
            state.pane = .decisions
            if let first = DecisionsList(network: network, today: state.today).reviewable.first {
                state.decisions.review = ReviewState(item: first.reference)
            }
        case .workPlan:
            state.pane = .workplan
            state.workplan = WorkplanState()
        }
        AppUpdate.clampList(&state)
    }

    static func list(in state: AppState, layout: AppLayout) -> PaneList? {
        let area = textArea(layout.content)
        let rows = layoutRows(state, width: area.width)
        let itemRows = Target.allCases.compactMap { target in rows.firstIndex { $0.text.hasPrefix(target.label) } }
        return PaneList(
            \.overview.lines, ListContent(itemRows: itemRows, rowCount: rows.count, total: itemRows.count, area: area, headerRows: 0),
            unfilterableReason: "The Overview has no list to filter; ↓/↑ and Enter open a line.")
    }

    static func back(_ state: inout AppState) -> Bool { false }

    static func export(_ state: AppState, network: NetworkState) -> ExportedDocument {
        let today = state.today
        return ExportedDocument(
            name: "unmn-report-\(today.year)Q\(today.quarter).md",
            contents: ProgressReport.render(
                network: network, period: .quarter(year: today.year, quarter: today.quarter), asOf: today, objectives: state.gcmObjectives)
        )
    }

    private static func textArea(_ content: Rect) -> Rect { content.inset(horizontal: 1, vertical: 1) }

    private static func layoutRows(_ state: AppState, width: Int) -> [(text: String, style: Style)] {
        guard let network = state.network else { return [] }
        return OverviewView.detail(state, network: network).layout(width: width)
    }

    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        let inner = textArea(area)
        guard let network = state.network else {
            DetailView(
                lines: [.heading("The network"), .field(label: "Members", value: "\(state.entities.count) entities")], labelWidth: 18
            )
            .render(in: inner, buffer: &buffer)
            return
        }
        OverviewView.detail(state, network: network).render(in: inner, buffer: &buffer)
        // The selected line's label is reversed: Enter opens it. Found in the laid-out rows,
        // since long values wrap at 80 columns.
        if let list = list(in: state, layout: state.layout), let row = list.content.itemRows[safe: state.overview.lines.selection] {
            buffer.addStyle(.reverse, to: Rect(x: inner.x, y: inner.y + row, width: 18, height: 1))
        }
    }
}
