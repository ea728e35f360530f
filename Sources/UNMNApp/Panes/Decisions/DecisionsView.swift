import TerminalUI
import UNMNDomain

/// The Decisions pane's drawing: the grouped items and the log; review mode has its own view.
extension DecisionsPane {
    /// The grouped items as a table; only the visible window is turned into text (a decade of
    /// items is thousands of rows, and a keystroke must stay well under 2 ms).
    static func table(for state: AppState, list: DecisionsList, network: NetworkState, visibleRows: Int) -> Table {
        let (itemRows, headings, count) = list.displayRows
        let offset = state.decisions.list.offset
        // Only the window on screen is built (the table is given it at offset 0): a decade's
        // thousands of rows would otherwise be allocated and released on every frame.
        let window = offset..<max(offset, min(count, offset &+ visibleRows))
        var rowItems: [Int: Int] = [:]
        for (item, row) in itemRows.enumerated() where window.contains(row) { rowItems[row] = item }
        var rows: [[String]] = []
        var styles: [Style] = []
        for index in window {
            if let heading = headings[index] {
                rows.append([DecisionsList.groupTitle(heading)])
                styles.append(Style(.bold, color: heading == .held ? .danger : .accent))
            } else if let item = rowItems[index] {
                let row = list.rows[item]
                rows.append([
                    row.item.reference.rawValue, row.item.title, row.item.kind.title, DecisionsList.deadline(row.item, today: state.today),
                    row.group == .closed ? shortStatus(row.item.status) : DecisionsList.tally(network.tally(row.item)),
                ])
                styles.append(row.group == .closed ? .dim : .plain)
            } else {
                rows.append([])
                styles.append(.plain)
            }
        }
        return Table(
            columns: [
                TableColumn("Reference", width: .fixed(13)),
                TableColumn("Title", width: .flexible(minimum: 18)),
                TableColumn("Kind", width: .fixed(16), dropOrder: 2),
                TableColumn("Deadline", width: .fixed(17), dropOrder: 1),
                TableColumn("Tally ✓~✗?", width: .fixed(13)),
            ], rows: rows, rowStyles: styles, selected: itemRows[safe: state.decisions.list.selection].map { $0 - offset }, offset: 0)
    }

    /// `adopted 2026/02`, `not adopted`, `withdrawn`.
    static func shortStatus(_ status: ConsensusItem.Status) -> String {
        if case .adopted(let number) = status { return "adopted \(number)" }
        return status.title
    }

    /// What an empty pane says: what will appear here, and which key starts it.
    static let emptyTitle = "No consensus items yet"
    static let emptyBody = [
        "Consensus items will be listed here: pending, ready to adopt, held and closed, with every member's "
            + "position; adopted items form the decisions log.",
        "",
        "n opens an item (the secretariat); r reviews pending ones.",
    ]

    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard let network = state.network, !network.items.isEmpty else {
            EmptyPaneView.render(title: emptyTitle, body: emptyBody, in: area, buffer: &buffer)
            return
        }
        if state.decisions.review != nil {
            ReviewView.render(state, network: network, in: area, buffer: &buffer)
            return
        }
        if state.decisions.showsLog {
            renderLog(state, network: network, in: area, buffer: &buffer)
            return
        }
        let list = DecisionsList(network: network, today: state.today, query: state.decisions.list.filterText)
        table(for: state, list: list, network: network, visibleRows: max(1, area.height - 1)).render(in: area, buffer: &buffer)
    }

    /// The rows of the visible window only (the table is given them at offset 0).
    static func visibleRows(_ count: Int, offset: Int, visible: Int, _ row: (Int) -> [String]) -> [[String]] {
        (offset..<max(offset, min(count, offset + max(0, visible)))).map(row)
    }

    /// `2 open, 1 overdue · 1 done`, or `—` when no action point follows the decision up.
    static func followUp(_ points: [ActionPoint], today: LocalDate) -> String {
        guard !points.isEmpty else { return "—" }
        let open = points.filter { $0.status == .open }
        let overdue = open.filter { $0.isOverdue(on: today) }.count
        let done = points.filter { $0.status == .done }.count
        var parts: [String] = []
        if !open.isEmpty { parts.append("\(open.count) open" + (overdue > 0 ? " (\(overdue) late)" : "")) }
        if done > 0 { parts.append("\(done) done") }
        if parts.isEmpty { parts.append("\(points.count) dropped") }
        return parts.joined(separator: " · ")
    }

    static func renderLog(_ state: AppState, network: NetworkState, in area: Rect, buffer: inout Buffer) {
        let log = state.decisionsLog
        let filters = [state.decisions.logYear.map { "year \($0)" } ?? "all years", state.decisions.logCategory?.title ?? "all kinds"]
            .joined(separator: ", ")
        buffer.write(
            "Decisions log: \(log.count) adopted item\(log.count == 1 ? "" : "s") (\(filters)), in number order · y year · t "
                + "kind · Esc back",
            x: area.x, y: area.y, maxWidth: area.width, style: .title)
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        let offset = state.decisions.log.offset
        let table = Table(
            columns: [
                TableColumn("Decision", width: .fixed(9)),
                TableColumn("Adopted", width: .fixed(10)),
                TableColumn("Item", width: .fixed(13), dropOrder: 2),
                TableColumn("Title and outcome", width: .flexible(minimum: 30)),
                TableColumn("Silent", width: .fixed(16), dropOrder: 3),
                TableColumn("Follow-up", width: .fixed(16), dropOrder: 1),
            ],
            rows: visibleRows(log.count, offset: offset, visible: body.height - 1) { index in
                guard let decision = network.decision(at: log[index]) else { return [] }
                // Decided under silence: marked before the title (it shows at 80 columns), with who
                // stayed silent in its own column on a wider screen (and in full in review).
                let silent = decision.item.closure?.silent
                return [
                    decision.number, decision.adoptedOn.description, decision.item.reference.rawValue,
                    (silent == nil ? "" : "(silence) ") + "\(decision.item.title) — \(decision.statement)",
                    silent.map { $0.isEmpty ? "none" : $0.map(\.rawValue).joined(separator: ", ") } ?? "",
                    followUp(network.actionPoints(implementing: decision.item.reference), today: state.today),
                ]
            },
            selected: log.isEmpty ? nil : state.decisions.log.selection - offset, offset: 0)
        table.render(in: body, buffer: &buffer)
    }
}
