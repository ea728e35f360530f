import TerminalUI

/// One list's selection, scroll position and `/` filter: the same for every list of every pane
/// (members, meetings, an attendance grid, action points, key actions, items, the log, a
/// review's members).
public struct ListState: Sendable, Hashable {
    /// The selected item, counted over the items (headings are not items).
    public var selection: Int = 0
    /// The first display row drawn (headings count).
    public var offset: Int = 0
    /// The filter in force (empty: none).
    public var filter: LineEditor = LineEditor()
    /// True while the `/` prompt takes the keys.
    public var isFilterActive: Bool = false

    public init() {}

    public var filterText: String { filter.text }

    /// Moves the selection by `delta` over the list's items and scrolls the least that keeps
    /// it in view, in the rows `content` says are visible: update and view read one geometry.
    public mutating func move(by delta: Int, in content: ListContent) {
        let count = content.itemRows.count
        guard count > 0 else {
            selection = 0
            offset = 0
            return
        }
        selection = min(count - 1, max(0, selection.addingClamped(delta)))
        let row = content.itemRows[selection]
        offset = Table.scrollOffset(selected: row, offset: offset, visibleRows: content.visibleRows, rowCount: content.rowCount)
        // An item that reaches the top brings its heading with it, so a group never shows
        // without its title.
        if offset == row, row > 0, !content.itemRows.contains(row - 1) { offset = row - 1 }
    }

    /// Keeps the selection and the scroll position valid after the rows changed.
    public mutating func clamp(in content: ListContent) { move(by: 0, in: content) }

    /// The item drawn at screen row `y`, for a click.
    public func item(atScreenRow y: Int, in content: ListContent) -> Int? {
        let first = content.area.y + content.headerRows
        guard y >= first, y < content.area.maxY else { return nil }
        return content.itemRows.firstIndex(of: offset + y - first)
    }
}

/// What a list shows now, as both update and view see it: which display rows are items, how
/// many rows there are, and where the table is drawn.
public struct ListContent: Sendable, Hashable {
    /// The display row of each item, in item order.
    public var itemRows: [Int]
    /// All display rows, headings included.
    public var rowCount: Int
    /// The items before the filter, for "n of m".
    public var total: Int
    /// The table's area on screen, its header rows included.
    public var area: Rect
    public var headerRows: Int

    public init(itemRows: [Int], rowCount: Int, total: Int, area: Rect, headerRows: Int = 1) {
        self.itemRows = itemRows
        self.rowCount = rowCount
        self.total = total
        self.area = area
        self.headerRows = headerRows
    }

    /// A list without headings: every row is an item.
    public init(count: Int, total: Int? = nil, area: Rect, headerRows: Int = 1) {
        self.init(itemRows: Array(0..<count), rowCount: count, total: total ?? count, area: area, headerRows: headerRows)
    }

    public var visibleRows: Int { max(1, area.height - headerRows) }
}

extension Int {
    /// Addition that stops at the bounds rather than trapping (Home/End move by ±Int.max).
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
