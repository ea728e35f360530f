/// One column of a `Table`.
public struct TableColumn: Sendable {
    public enum Width: Sendable, Hashable {
        /// Exactly this many cells.
        case fixed(Int)
        /// At least `minimum` cells, sharing spare room with other flexible columns.
        case flexible(minimum: Int)
    }

    public var title: String
    public var width: Width
    public var alignRight: Bool
    /// Columns with a higher number give way first when the table is too narrow for all.
    public var dropOrder: Int

    public init(_ title: String, width: Width, alignRight: Bool = false, dropOrder: Int = 0) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
        self.dropOrder = dropOrder
    }

    var minimumWidth: Int {
        switch width {
        case .fixed(let cells): return cells
        case .flexible(let minimum): return minimum
        }
    }
}

/// A list with a header row, a selected row and scrolling; cells are cut with `…` to fit.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var rowStyles: [Style]
    /// Per row, the style of single cells (by column), over the row's: colour what carries the
    /// meaning (a status cell, a bar), not the whole row.
    public var cellStyles: [[Int: Style]]
    public var selected: Int?
    public var offset: Int
    public var showsHeader: Bool

    public init(
        columns: [TableColumn], rows: [[String]], rowStyles: [Style] = [], cellStyles: [[Int: Style]] = [], selected: Int? = nil,
        offset: Int = 0, showsHeader: Bool = true
    ) {
        self.columns = columns
        self.rows = rows
        self.rowStyles = rowStyles
        self.cellStyles = cellStyles
        self.selected = selected
        self.offset = offset
        self.showsHeader = showsHeader
    }

    /// The scroll offset that keeps `selected` in view, moving as little as possible from `offset`.
    public static func scrollOffset(selected: Int, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > visibleRows else { return 0 }
        var result = offset
        if selected < result { result = selected }
        if selected >= result + visibleRows { result = selected - visibleRows + 1 }
        return min(max(0, result), rowCount - visibleRows)
    }

    /// The width of each column at `totalWidth` (0 for a column that gave way), one space apart.
    public func columnWidths(totalWidth: Int) -> [Int] {
        var kept = Array(columns.indices)
        func needed(_ indices: [Int]) -> Int {
            indices.reduce(0) { $0 + columns[$1].minimumWidth } + max(0, indices.count - 1)
        }
        while needed(kept) > totalWidth, kept.count > 1,
            let drop = kept.filter({ columns[$0].dropOrder > 0 }).max(by: { columns[$0].dropOrder < columns[$1].dropOrder })
        {
            kept.removeAll { $0 == drop }
        }
        var widths = Array(repeating: 0, count: columns.count)
        for index in kept { widths[index] = columns[index].minimumWidth }
        let flexible = kept.filter { if case .flexible = columns[$0].width { return true } else { return false } }
        var spare = totalWidth - needed(kept)
        if spare < 0, let last = kept.last {
            widths[last] = max(1, widths[last] + spare)
            spare = 0
        }
        for (order, index) in flexible.enumerated() {
            widths[index] += spare / flexible.count + (order < spare % flexible.count ? 1 : 0)
        }
        return widths
    }

    /// The number of data rows that fit in `area`.
    public func visibleRows(in area: Rect) -> Int { max(0, area.height - (showsHeader ? 1 : 0)) }

    /// The data row drawn at screen row `y`, for mouse clicks.
    public func row(atScreenRow y: Int, in area: Rect) -> Int? {
        let first = area.y + (showsHeader ? 1 : 0)
        let index = offset + (y - first)
        guard y >= first, y < area.maxY, index < rows.count else { return nil }
        return index
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let widths = columnWidths(totalWidth: area.width)
        var y = area.y
        if showsHeader {
            drawRow(columns.map(\.title), widths: widths, y: y, area: area, style: Style(.bold, color: .accent), buffer: &buffer)
            y += 1
        }
        for index in offset..<min(rows.count, offset + visibleRows(in: area)) {
            let rowStyle = index < rowStyles.count ? rowStyles[index] : .plain
            let cells = index < cellStyles.count ? cellStyles[index] : [:]
            if index == selected {
                // One even bar across the row, gaps included: a colour under reverse video would
                // turn into a coloured block and hide what the colour carried, and the text
                // (status words, bars) already reads without it, as under NO_COLOR.
                let selection = Style(rowStyle.attributes.subtracting(.dim).union(.reverse))
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selection)
                drawRow(rows[index], widths: widths, y: y, area: area, style: selection, buffer: &buffer)
            } else {
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: .plain)
                drawRow(rows[index], widths: widths, y: y, area: area, style: rowStyle, cellStyles: cells, buffer: &buffer)
            }
            y += 1
        }
    }

    /// A row of one value in a table of several columns is a heading: it spans the whole width.
    private func drawRow(
        _ values: [String], widths: [Int], y: Int, area: Rect, style: Style, cellStyles: [Int: Style] = [:], buffer: inout Buffer
    ) {
        if values.count == 1 && columns.count > 1 {
            // The row's spaces in its style, then the text: padding the heading to the width built
            // a string of spaces for every heading on every frame.
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1).intersection(area), style: style)
            buffer.write(
                TextLayout.truncate(SafeText.sanitize(values[0]), toWidth: area.width), x: area.x, y: y, maxWidth: area.width, style: style,
                clip: area)
            return
        }
        var x = area.x
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            let value = index < values.count ? values[index] : ""
            // The cell's spaces are filled in its style, then only the text written: no padded
            // string is built and walked for every cell of every frame.
            let cellStyle = cellStyles[index] ?? style
            buffer.fill(Rect(x: x, y: y, width: widths[index], height: 1).intersection(area), style: cellStyle)
            // Printable ASCII needs no making safe, and `write` cuts it to the column itself.
            let isASCII = DisplayWidth.isPrintableASCII(value)
            let text = isASCII ? value : TextLayout.truncate(SafeText.sanitize(value), toWidth: widths[index])
            let textWidth = isASCII ? min(value.utf8.count, widths[index]) : DisplayWidth.of(text)
            let start = column.alignRight ? x + max(0, widths[index] - textWidth) : x
            buffer.write(text, x: start, y: y, maxWidth: widths[index], style: cellStyle, clip: area)
            x += widths[index] + 1
        }
    }
}
