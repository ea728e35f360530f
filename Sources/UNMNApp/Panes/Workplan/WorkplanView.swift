import TerminalUI
import UNMNDomain

/// The Workplan pane's drawing: the table, an action's detail, the summary.
extension WorkplanPane {
    static func header(_ state: AppState, list: WorkplanList) -> String {
        let view = state.workplan
        let status: String
        switch list.plan?.status {
        case .draft?: status = "draft"
        case .endorsed(let on, _)?:
            let revisions = list.plan?.revisions?.count ?? 0
            status = "endorsed \(on)" + (revisions > 0 ? ", revised (\(revisions))" : "")
        case .closed(_, _, let on)?: status = "closed \(on)"
        case nil: status = "not drafted"
        }
        var filters = WorkplanState.Filter.allCases.filter(view.filters.contains).map(\.rawValue)
        if let objective = view.objective { filters.append("GCM \(objective)") }
        let shown = "\(list.actions.count) of \(list.plan?.actions.count ?? 0) actions"
        let grouping = view.grouping == .none ? "" : " · by \(view.grouping.rawValue)"
        // Filters first: at 80 columns they matter more than the endorsement date.
        return "AWP \(list.year) " + (filters.isEmpty ? "" : "[\(filters.joined(separator: ", "))] ") + "\(shown)\(grouping) · \(status)"
    }

    static func table(_ state: AppState, list: WorkplanList, width: Int) -> (table: Table, actionRows: [Int]) {
        var rows: [[String]] = []
        var styles: [Style] = []
        var cellStyles: [[Int: Style]] = []
        var actionRows: [Int] = []
        let timelineWidth = 12
        for row in list.rows {
            switch row {
            case .heading(let title):
                rows.append([title])
                styles.append(.title)
                cellStyles.append([:])
            case .action(let action):
                actionRows.append(rows.count)
                rows.append([
                    action.code, action.title, action.lead.rawValue,
                    WorkplanList.timeline(action, year: list.year, today: state.today, width: timelineWidth),
                    ProgressBar.labelled(percent: action.progress, width: 11), WorkplanList.statusLabel(action.status),
                    WorkplanList.compactBudget(action),
                ])
                // The status cell and the progress bar carry the colour; titles stay in the
                // default colour, so a plan with many late actions does not read as an alarm.
                let status = WorkplanList.statusStyle(action.status)
                styles.append(action.status == .cancelled ? .dim : .plain)
                cellStyles.append([4: Style([], color: status.color), 5: status])
            }
        }
        let selection = state.workplan.list.selection
        let table = Table(
            columns: [
                TableColumn("Code", width: .fixed(7)),
                TableColumn("Title", width: .flexible(minimum: 16)),
                TableColumn("Lead", width: .fixed(8)),
                TableColumn("Q1 Q2 Q3 Q4", width: .fixed(timelineWidth), dropOrder: 2),
                TableColumn("Progress", width: .fixed(11)),
                TableColumn("Status", width: .fixed(13)),
                TableColumn("Funded/Req.", width: .fixed(11), dropOrder: 3),
            ], rows: rows, rowStyles: styles, cellStyles: cellStyles, selected: actionRows[safe: selection],
            offset: state.workplan.list.offset)
        return (table, actionRows)
    }

    /// What an empty pane says: what will appear here, and which key starts it.
    static let emptyTitle = "No annual work plan yet"
    static let emptyBody = [
        "The annual work plan will appear here: its key actions with lead entity, timeline, progress, status and "
            + "budget, grouped by GCM objective.",
        "",
        "D drafts the plan of the year and n adds its key actions (the secretariat).",
    ]

    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard let network = state.network else {
            EmptyPaneView.render(title: emptyTitle, body: emptyBody, in: area, buffer: &buffer)
            return
        }
        let list = WorkplanList(state: state, network: network)
        guard list.plan != nil else {
            let title = "No annual work plan for \(list.year)"
            buffer.write(title, x: area.x + 1, y: area.y + 2, style: .title)
            let lines = TextLayout.wrap(
                "The annual work plan will appear here: its key actions with lead entity, timeline, progress, status and "
                    + "budget. D drafts the \(list.year) plan (secretariat); [ and ] change the year.",
                toWidth: min(area.width - 2, 78))
            for (row, line) in lines.enumerated() { buffer.write(line, x: area.x + 1, y: area.y + 4 + row) }
            return
        }
        buffer.write(header(state, list: list), x: area.x, y: area.y, maxWidth: area.width, style: .title)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        switch state.workplan.screen {
        case .detail:
            if let action = list.selectable[safe: state.workplan.list.selection] {
                detail(action, year: list.year, objectives: state.gcmObjectives, revisions: list.plan?.revisions ?? []).render(
                    in: body, buffer: &buffer)
            }
        case .summary:
            summary(network: network, year: list.year, objectives: state.gcmObjectives).render(in: body, buffer: &buffer)
        case .table:
            let (table, _) = table(state, list: list, width: body.width)
            if list.actions.isEmpty {
                buffer.write(
                    "No action matches these filters; Esc clears them.", x: body.x, y: body.y + 1, maxWidth: body.width, style: .dim)
            }
            table.render(in: body, buffer: &buffer)
        }
    }

    static func detail(_ action: KeyAction, year: Int, objectives: [GCMObjective], revisions: [WorkPlan.Revision] = []) -> DetailView {
        var lines: [DetailView.Line] = [
            .heading("\(action.code) · \(action.title)"),
            .field(label: "Status", value: "\(WorkplanList.statusLabel(action.status)) · \(action.progress) %"),
            .field(label: "Lead", value: action.lead.rawValue),
            .field(label: "With", value: action.participants.isEmpty ? "—" : action.participants.map(\.rawValue).joined(separator: ", ")),
            .field(label: "Timeframe", value: "\(action.starts) to \(action.ends)"),
            .field(
                label: "Budget",
                value: "funded \(usd(action.budgetFunded)) of \(usd(action.budgetRequired)) · \(action.fundingSource.title)"),
            .field(label: "SDG targets", value: action.sdgTargets.joined(separator: ", ")),
            .field(label: "CF outcome", value: action.cooperationFrameworkOutcome ?? "—"),
        ]
        for number in action.gcmObjectives.sorted() {
            lines.append(.field(label: "GCM \(number)", value: objectives.first { $0.number == number }?.title ?? ""))
        }
        if !action.description.isEmpty { lines += [.blank, .paragraph(action.description)] }
        let revised = revisions.filter { $0.code == action.code }
        if !revised.isEmpty {
            lines += [.blank, .heading("Revised after endorsement")]
            for revision in revised.reversed() {
                lines.append(.field(label: revision.on.description, value: revision.description + " (\(revision.by))"))
            }
        }
        lines += [.blank, .heading("Progress history")]
        if action.history.isEmpty { lines.append(.paragraph("No update yet.")) }
        for update in action.history.reversed() {
            lines.append(
                .field(
                    label: update.on.description,
                    value: "\(update.percent) % · \(update.status.rawValue) · \(update.by) (\(update.entity))"
                        + (update.note.isEmpty ? "" : " — \(update.note)")))
        }
        return DetailView(lines: lines, labelWidth: 12)
    }

    static func summary(network: NetworkState, year: Int, objectives: [GCMObjective]) -> DetailView {
        let plan = network.workPlans[year]
        let budget = network.budget(year: year)
        let counts = network.statusCounts(year: year)
        let byStatus = KeyAction.Status.allCases.compactMap { status in counts[status].map { "\(WorkplanList.statusLabel(status)) \($0)" } }
        var lines: [DetailView.Line] = [
            .heading("Summary of the \(year) plan"),
            .field(label: "Status", value: plan?.statusDescription ?? "not drafted"),
            .field(label: "Overall", value: "\(plan?.progress.percent ?? 0) % — \(ProgressRollUp.rule)"),
            .field(label: "Budget", value: "funded \(usd(budget.funded)) of \(usd(budget.required)) required (\(budget.fundedPercent) %)"),
            .field(label: "By status", value: byStatus.joined(separator: " · ")),
            .blank,
        ]
        if let revisions = plan?.revisions, !revisions.isEmpty {
            lines += [.heading("Revised after endorsement")] + revisions.map { .paragraph("• " + $0.description) } + [.blank]
        }
        lines.append(.heading("GCM objectives: actions serving each, and their progress (a gap has none)"))
        let byObjective = network.progressByObjective(year: year)
        for objective in objectives {
            let rollUp = byObjective[objective.number] ?? ProgressRollUp([])
            let value =
                rollUp.actionCount == 0
                ? "— gap: no action"
                : "\(rollUp.actionCount) action\(rollUp.actionCount == 1 ? "" : "s") · "
                    + "\(ProgressBar.labelled(percent: rollUp.percent, width: 14))"
            lines.append(.field(label: "\(objective.number). " + objective.title, value: value))
        }
        return DetailView(lines: lines, labelWidth: 44)
    }
}
