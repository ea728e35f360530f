/// A grid of cells that views draw into and backends copy to the screen.
///
/// Every string written through `write` is made safe first (`SafeText`) and laid out by display
/// width, so nothing a user typed can move the cursor or clear the screen, and a wide character
/// is never split: where one does not fit, the cut is marked with `…`.
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped to `clip` (the whole buffer by default) and to at most
    /// `maxWidth` cells; cut text ends in `…`. Returns the number of cells written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = clip ?? area
        guard y >= bounds.y, y < bounds.maxY, y >= 0, y < height, x < bounds.maxX else { return 0 }
        let limit = min(maxWidth ?? Int.max, bounds.maxX - x, width - x)
        guard limit > 0, x >= 0 else { return 0 }
        // Printable ASCII, most of what a table shows, needs no making safe and is cut by bytes:
        // a cell a byte, written in one pass over the row (no grapheme walk, no copy of the text).
        if let written = writePrintableASCII(text, x: x, y: y, limit: limit, style: style) { return written }
        let visible = TextLayout.truncate(SafeText.sanitize(text), toWidth: limit)
        var column = x
        // Latin, Cyrillic and punctuation: a cell a scalar, no grapheme walk.
        if visible.unicodeScalars.allSatisfy({ DisplayWidth.isAlone($0.value) }) {
            for scalar in visible.unicodeScalars {
                self[column, y] = Cell(String(scalar), style: style)
                column += 1
            }
            return column - x
        }
        for character in visible {
            let cells = DisplayWidth.of(character)
            if cells == 0 {
                // A lone zero-width cluster joins the previous cell rather than taking one.
                if column > x { self[column - 1, y].text.append(character) }
                continue
            }
            self[column, y] = Cell(String(character), style: style)
            if cells == 2 { self[column + 1, y] = Cell("", style: style, isContinuation: true) }
            column += cells
        }
        return column - x
    }

    /// `write` for text that is all printable ASCII (nil for other text): the same cells,
    /// including the `…` of a cut.
    private mutating func writePrintableASCII(_ text: String, x: Int, y: Int, limit: Int, style: Style) -> Int? {
        var text = text
        let start = y * width + x
        return text.withUTF8 { bytes -> Int? in
            for byte in bytes where byte < 0x20 || byte >= 0x7F { return nil }
            let fits = bytes.count <= limit
            let count = fits ? bytes.count : limit - 1
            cells.withUnsafeMutableBufferPointer { row in
                for index in 0..<count { row[start + index] = Cell(ascii: bytes[index], style: style) }
                if !fits { row[start + count] = Cell(String(TextLayout.ellipsis), style: style) }
            }
            return fits ? count : limit
        }
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, with text: String = " ", style: Style = .plain) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        let cell = Cell(text, style: style)
        let width = width
        cells.withUnsafeMutableBufferPointer { cells in
            for y in clipped.y..<clipped.maxY {
                for x in clipped.x..<clipped.maxX { cells[y * width + x] = cell }
            }
        }
    }

    /// Adds attributes (e.g. reverse for a selected row) to every cell of a rectangle.
    public mutating func addStyle(_ extra: Style, to rect: Rect) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                var cell = self[x, y]
                cell.style.attributes.formUnion(extra.attributes)
                if let color = extra.color { cell.style.color = color }
                self[x, y] = cell
            }
        }
    }

    /// Draws a box border with an optional title in the top edge.
    public mutating func drawBox(_ rect: Rect, title: String? = nil, style: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        // Each edge is one cell repeated: filled, not written a cell at a time (a write makes
        // its text safe and measures it, for every cell of the border).
        let inner = (width: rect.width - 2, height: rect.height - 2)
        fill(Rect(x: rect.x + 1, y: rect.y, width: inner.width, height: 1), with: "─", style: style)
        fill(Rect(x: rect.x + 1, y: rect.maxY - 1, width: inner.width, height: 1), with: "─", style: style)
        fill(Rect(x: rect.x, y: rect.y + 1, width: 1, height: inner.height), with: "│", style: style)
        fill(Rect(x: rect.maxX - 1, y: rect.y + 1, width: 1, height: inner.height), with: "│", style: style)
        fill(Rect(x: rect.x, y: rect.y, width: 1, height: 1), with: "┌", style: style)
        fill(Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: 1), with: "┐", style: style)
        fill(Rect(x: rect.x, y: rect.maxY - 1, width: 1, height: 1), with: "└", style: style)
        fill(Rect(x: rect.maxX - 1, y: rect.maxY - 1, width: 1, height: 1), with: "┘", style: style)
        if let title, rect.width > 4 {
            write(" \(title) ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: style.adding(.bold))
        }
    }

    /// The rows as plain text, trailing spaces removed: the form screens take in tests.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// All rows joined with newlines.
    public var text: String { lines.joined(separator: "\n") }

    /// The rows whose cells differ from `previous` (every row when the sizes differ).
    public func changedRows(since previous: Buffer?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else { return Array(0..<height) }
        return (0..<height).filter { y in
            cells[(y * width)..<((y + 1) * width)] != previous.cells[(y * width)..<((y + 1) * width)]
        }
    }
}

extension Rect {
    /// The part of this rectangle inside `other`.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
