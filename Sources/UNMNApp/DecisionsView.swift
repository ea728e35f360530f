import TerminalUI
import UNMNDomain

/// Pane 5: consensus items grouped for the chair (pending, ready to adopt, held, closed), or
/// the decisions log; review mode has its own view.
enum DecisionsView {
    /// The list's display rows: a heading per group, then its items; `itemRows[i]` is where item i is drawn.
    /// - Parameter visibleRows: rows the table shows; only those are turned into text (a decade
    ///   of items is thousands of rows, and a keystroke must stay well under 2 ms).
    static func table(for state: AppState, list: DecisionsList, network: NetworkState, visibleRows: Int = .max) -> (table: Table, itemRows: [Int]) {
        var entries: [(heading: ItemGroup?, row: DecisionsList.Row?)] = []
        var itemRows: [Int] = []
        var group: ItemGroup?
        for row in list.rows {
            if row.group != group {
                group = row.group
                entries.append((row.group, nil))
            }
            itemRows.append(entries.count)
            entries.append((nil, row))
        }
        let selected = itemRows.indices.contains(state.decisions.selection) ? itemRows[state.decisions.selection] : nil
        let offset = Table.scrollOffset(selected: selected ?? 0, offset: 0, visibleRows: visibleRows, rowCount: entries.count)
        var rows = Array(repeating: [String](), count: entries.count)
        var styles = Array(repeating: Style.plain, count: entries.count)
        for index in offset..<min(entries.count, offset &+ visibleRows) {
            if let heading = entries[index].heading {
                rows[index] = [DecisionsList.groupTitle(heading)]
                styles[index] = Style(.bold, color: heading == .held ? .danger : .accent)
            } else if let row = entries[index].row {
                rows[index] = [row.item.reference, row.item.title, row.item.kind.title, DecisionsList.deadline(row.item, today: state.today),
                               row.group == .closed ? shortStatus(row.item.status) : DecisionsList.tally(network.tally(row.item))]
                styles[index] = row.group == .closed ? .dim : .plain
            }
        }
        let table = Table(columns: [
            TableColumn("Reference", width: .fixed(13)),
            TableColumn("Title", width: .flexible(minimum: 18)),
            TableColumn("Kind", width: .fixed(16), dropOrder: 2),
            TableColumn("Deadline", width: .fixed(17), dropOrder: 1),
            TableColumn("Tally ✓~✗?", width: .fixed(13)),
        ], rows: rows, rowStyles: styles, selected: selected, offset: offset)
        return (table, itemRows)
    }

    /// `adopted 2026/02`, `not adopted`, `withdrawn`.
    static func shortStatus(_ status: ConsensusItem.Status) -> String {
        if case .adopted(let number) = status { return "adopted \(number)" }
        return status.title
    }

    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard let network = state.network, !network.items.isEmpty else {
            EmptyPaneView.render(.decisions, in: area, buffer: &buffer)
            return
        }
        if state.review != nil {
            ReviewView.render(state, network: network, in: area, buffer: &buffer)
            return
        }
        if state.showsDecisionsLog {
            renderLog(state, network: network, in: area, buffer: &buffer)
            return
        }
        let list = DecisionsList(network: network, today: state.today, query: state.decisions.filterText)
        let (table, _) = table(for: state, list: list, network: network, visibleRows: max(1, area.height - 1))
        table.render(in: area, buffer: &buffer)
    }

    /// The kind of an item without its particulars: "admission", "AWP endorsement".
    static func kindName(_ kind: ConsensusItem.Kind) -> String {
        switch kind {
        case .general: return "general"
        case .admission: return "admission"
        case .workPlanEndorsement: return "AWP endorsement"
        case .jointStatement: return "joint statement"
        case .workingMethod: return "working method"
        }
    }

    /// The log under the filters in force.
    static func log(_ state: AppState, network: NetworkState) -> [Decision] {
        network.decisionsLog(year: state.logYear, kind: state.logKind.map { wanted in { kindName($0) == wanted } })
    }

    /// Rows for a table where only the visible window is turned into text.
    static func visibleRows(_ count: Int, selected: Int, visible: Int, _ row: (Int) -> [String]) -> [[String]] {
        var rows = Array(repeating: [String](), count: count)
        let offset = Table.scrollOffset(selected: selected, offset: 0, visibleRows: visible, rowCount: count)
        for index in offset..<min(count, offset + max(0, visible)) { rows[index] = row(index) }
        return rows
    }

    static func renderLog(_ state: AppState, network: NetworkState, in area: Rect, buffer: inout Buffer) {
        let log = log(state, network: network)
        let filters = [state.logYear.map { "year \($0)" } ?? "all years", state.logKind ?? "all kinds"].joined(separator: ", ")
        buffer.write("Decisions log: \(log.count) adopted item\(log.count == 1 ? "" : "s") (\(filters)), in number order · y year · t kind · Esc back",
                     x: area.x, y: area.y, maxWidth: area.width, style: .title)
        let table = Table(columns: [
            TableColumn("Decision", width: .fixed(9)),
            TableColumn("Adopted", width: .fixed(10)),
            TableColumn("Item", width: .fixed(13), dropOrder: 2),
            TableColumn("Title and outcome", width: .flexible(minimum: 30)),
        ], rows: visibleRows(log.count, selected: state.decisions.selection, visible: area.height - 3) { index in
            [log[index].number, log[index].adoptedOn.description, log[index].item.reference, "\(log[index].item.title) — \(log[index].statement)"]
        },
        selected: log.isEmpty ? nil : state.decisions.selection,
        offset: Table.scrollOffset(selected: state.decisions.selection, offset: 0, visibleRows: area.height - 3, rowCount: log.count))
        table.render(in: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2), buffer: &buffer)
    }
}
