import UNMNDomain

/// The Decisions pane's items, grouped as the chair reviews them: pending, ready to adopt,
/// held, closed; within a group, the nearest deadline first (closed: the latest closed first).
struct DecisionsList {
    /// One item in its group. It points into the network's items (one shared buffer) rather than
    /// holding a copy: a decade is thousands of items, and the list is built on every key.
    struct Row {
        var group: ItemGroup
        let index: Int
        let items: [ConsensusItem]
        var item: ConsensusItem { items[index] }
    }

    let rows: [Row]

    init(network: NetworkState, today: LocalDate, query: String = "") {
        let items = network.items
        func matches(_ item: ConsensusItem) -> Bool {
            query.isEmpty
                || SearchFolding.matches(
                    [item.reference.rawValue, item.title, item.kind.title, item.status.title].joined(separator: " "), query: query)
        }
        // Open items are few (the network keeps their list) and sorted by deadline; closed ones
        // (most of a decade) are shown newest first, in the journal's order reversed, which costs
        // no sort.
        let open = network.openItemIndices.filter { matches(items[$0]) }.map {
            Row(group: network.group(of: items[$0], on: today), index: $0, items: items)
        }
        let order: [ItemGroup] = [.pending, .readyToAdopt, .held]
        let sortedOpen = open.sorted { a, b in
            let ga = order.firstIndex(of: a.group)!
            let gb = order.firstIndex(of: b.group)!
            if ga != gb { return ga < gb }
            return (a.item.deadline, a.item.reference) < (b.item.deadline, b.item.reference)
        }
        let closed = items.indices.reversed().filter { items[$0].status.isClosed && (query.isEmpty || matches(items[$0])) }.map {
            Row(group: .closed, index: $0, items: items)
        }
        rows = sortedOpen + closed
    }

    /// The list as drawn: a heading before each group, then its items. `itemRows[i]` is where
    /// row i is drawn; `headings` maps a display row to its group.
    var displayRows: (itemRows: [Int], headings: [Int: ItemGroup], count: Int) {
        var itemRows: [Int] = []
        var headings: [Int: ItemGroup] = [:]
        var group: ItemGroup?
        var count = 0
        for row in rows {
            if row.group != group {
                group = row.group
                headings[count] = row.group
                count += 1
            }
            itemRows.append(count)
            count += 1
        }
        return (itemRows, headings, count)
    }

    /// The items still under consultation, in list order: what review mode steps through.
    var reviewable: [ConsensusItem] { rows.filter { $0.group != .closed }.map(\.item) }

    /// `12 days left`, `due today`, `3 days overdue`.
    static func deadline(_ item: ConsensusItem, today: LocalDate) -> String {
        if item.status.isClosed { return item.closure.map { "closed \($0.at.tashkentDate)" } ?? "closed" }
        let days = today.days(until: item.deadline)
        switch days {
        case 0: return "due today"
        case 1: return "1 day left"
        case 2...: return "\(days) days left"
        case -1: return "1 day overdue"
        default: return "\(-days) days overdue"
        }
    }

    /// A compact tally that reads without colour: `12✓ 1~ 1✗ 2?`.
    static func tally(_ tally: ItemTally) -> String {
        "\(tally.agree)✓ \(tally.standAside)~ \(tally.object)✗ \(tally.noAnswer)?"
    }

    static func groupTitle(_ group: ItemGroup) -> String {
        switch group {
        case .pending: return "Pending: open for consultation"
        case .readyToAdopt: return "Ready to adopt: everyone consulted, no objection"
        case .held: return "Held: an objection stands, or the deadline passed unanswered"
        case .closed: return "Closed"
        }
    }
}
