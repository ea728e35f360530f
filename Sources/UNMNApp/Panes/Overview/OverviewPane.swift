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
    /// `S`: record that a progress report went to the UNCT.
    case requestReportSent
}

/// The Overview's one form: a report sent to the UNCT.
public enum OverviewForm: Sendable, Hashable {
    case reportSent
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
            message: .overview(.open)),
        KeyBinding(
            [.character("S")], label: "Report sent",
            description: "Record that the progress report for a quarter or a year went to the UNCT (x writes the report)",
            message: .overview(.requestReportSent), isInFooter: false,
            disabledReason: { Guards.requireSecretariat($0, to: "record a report sent to the UNCT") }),
        KeyBindings.asOf,
    ]

    enum ReportSentField: String, FormFieldID { case period, on }

    /// The period defaults to the last quarter that ended, whose report is the one due.
    static func reportSentForm(today: LocalDate) -> Form {
        Form(
            title: "Progress report sent to the UNCT",
            fields: [
                .text(
                    ReportSentField.period, "Period", value: ReportingPeriod.quarter(of: today).previousQuarter.code, required: true,
                    help: "a quarter (2026Q3) or a year (2026)"),
                .date(ReportSentField.on, "Sent on", value: today.description, required: true),
            ],
            validate: { values in
                var problems = FormProblems<ReportSentField>()
                if ReportingPeriod(values.text(ReportSentField.period)) == nil {
                    problems[.period] = "A quarter like 2026Q3, or a year like 2026."
                }
                return problems.byField
            })
    }

    static var keyGroups: [KeyBindingGroup] { [KeyBindingGroup("1 Overview", bindings)] }

    static func activeBindings(in state: AppState) -> [KeyBinding] { bindings }

    static func update(_ state: inout AppState, _ message: OverviewMessage) -> [Effect] {
        switch message {
        case .open: open(&state)
        case .requestReportSent:
            state.overlay = .form(reportSentForm(today: state.today), purpose: .overview(.reportSent))
        }
        return []
    }

    static func submit(_ state: inout AppState, _ form: OverviewForm, values: FormValues) -> FormSubmission {
        guard let op = state.currentOperator else { return .unreadable("no operator is chosen") }
        switch form {
        case .reportSent:
            guard let period = ReportingPeriod(values.text(ReportSentField.period)),
                let on = LocalDate(iso: values.text(ReportSentField.on))
            else { return .unreadable("the period or the date is not understood") }
            return .effects([.execute(.recordReportSent(period: period.code, on: on), by: op)])
        }
    }

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
        // Scrolled as the selection moved: on a small window the lines below come into view.
        let offset = state.overview.lines.offset
        var detail = OverviewView.detail(state, network: network)
        detail.offset = offset
        detail.render(in: inner, buffer: &buffer)
        // The selected line's label is reversed: Enter opens it. Found in the laid-out rows,
        // since long values wrap at 80 columns.
        if let list = list(in: state, layout: state.layout), let row = list.content.itemRows[safe: state.overview.lines.selection],
            row >= offset, row - offset < inner.height
        {
            buffer.addStyle(.reverse, to: Rect(x: inner.x, y: inner.y + row - offset, width: 18, height: 1))
        }
    }
}
