import TerminalUI

/// Selection, scrolling and the `/` filter of one list.
public struct ListState: Sendable, Hashable {
    public var selection: Int = 0
    public var offset: Int = 0
    /// The filter in force (empty: none).
    public var filter: LineEditor = LineEditor()
    /// True while the `/` prompt takes the keys.
    public var isFilterActive: Bool = false

    public init() {}

    public var filterText: String { filter.text }

    /// Moves the selection by `delta` within `count` rows and keeps it in view.
    public mutating func move(by delta: Int, count: Int, visibleRows: Int) {
        guard count > 0 else { selection = 0; offset = 0; return }
        selection = min(count - 1, max(0, selection + delta))
        offset = Table.scrollOffset(selected: selection, offset: offset, visibleRows: visibleRows, rowCount: count)
    }

    /// Keeps the selection inside `count` rows after the rows changed (a new filter, say).
    public mutating func clamp(count: Int, visibleRows: Int) { move(by: 0, count: count, visibleRows: visibleRows) }
}
