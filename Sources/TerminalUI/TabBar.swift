/// A row of numbered tabs, the selected one reversed: ` 1 Overview │ 2 Members │ …`.
public struct TabBar: Sendable {
    public var titles: [String]
    public var selected: Int

    public init(titles: [String], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    /// The columns each tab occupies when drawn from `x`, for mouse hit-testing.
    public func tabRanges(startingAt x: Int, width: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var column = x
        let limit = x + width
        for (index, title) in titles.enumerated() {
            let cells = DisplayWidth.of(label(index, title))
            let end = min(column + cells, limit)
            ranges.append(column..<max(column, end))
            column = end + 1
        }
        return ranges
    }

    /// The tab under column `x`, if any.
    public func tab(atColumn column: Int, startingAt x: Int, width: Int) -> Int? {
        tabRanges(startingAt: x, width: width).firstIndex { $0.contains(column) }
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard area.height > 0 else { return }
        for (index, range) in tabRanges(startingAt: area.x, width: area.width).enumerated() where !range.isEmpty {
            let style: Style = index == selected ? Style([.reverse, .bold]) : .plain
            buffer.write(label(index, titles[index]), x: range.lowerBound, y: area.y, maxWidth: range.count, style: style, clip: area)
            if range.upperBound < area.maxX && index < titles.count - 1 {
                buffer.write("│", x: range.upperBound, y: area.y, style: .dim, clip: area)
            }
        }
    }

    private func label(_ index: Int, _ title: String) -> String { " \(index + 1) \(title) " }
}
