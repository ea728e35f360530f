/// A multi-line text editor for minutes and amendments: Unicode text, word-wrapped display,
/// arrows, Home/End, PgUp/PgDn, Backspace/Delete across lines, Enter for a new line, and pasted
/// text (which arrives as keys). Ctrl-S saves and Esc cancels; the caller decides what they do.
public struct TextEditor: Hashable, Sendable {
    public private(set) var lines: [[Character]]
    public private(set) var row = 0
    public private(set) var column = 0
    public private(set) var isDirty = false

    public init(_ text: String = "") {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    public enum Outcome: Sendable, Hashable { case editing, save, cancel }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .control("s"): return .save
        case .escape: return .cancel
        case .character(let character):
            guard !character.unicodeScalars.contains(where: SafeText.isUnsafe) else { return .editing }
            lines[row].insert(character, at: column)
            column += 1
            isDirty = true
        case .enter:
            let rest = Array(lines[row][column...])
            lines[row].removeSubrange(column...)
            lines.insert(rest, at: row + 1)
            row += 1
            column = 0
            isDirty = true
        case .tab:
            for _ in 0..<4 { _ = handle(.character(" ")) }
        case .backspace:
            if column > 0 {
                lines[row].remove(at: column - 1)
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            }
            isDirty = true
        case .delete:
            if column < lines[row].count { lines[row].remove(at: column) } else if row + 1 < lines.count { lines[row] += lines.remove(at: row + 1) }
            isDirty = true
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up: moveRows(-1)
        case .down: moveRows(1)
        case .pageUp: moveRows(-10)
        case .pageDown: moveRows(10)
        case .home, .control("a"): column = 0
        case .end, .control("e"): column = lines[row].count
        default: break
        }
        return .editing
    }

    private mutating func moveRows(_ delta: Int) {
        row = min(lines.count - 1, max(0, row + delta))
        column = min(column, lines[row].count)
    }

    /// Draws the text wrapped to the area, scrolled so the cursor's line is visible; the cursor
    /// cell is reversed.
    public func render(in area: Rect, buffer: inout Buffer) {
        guard area.width > 1, area.height > 0 else { return }
        var display: [(line: Int, start: Int, text: [Character])] = []
        for (index, line) in lines.enumerated() {
            var start = 0
            repeat {
                var width = 0
                var end = start
                while end < line.count, width + DisplayWidth.of(line[end]) <= area.width - 1 { width += DisplayWidth.of(line[end]); end += 1 }
                // Word wrap: break after the last space rather than inside a word.
                if end < line.count, line[end] != " ", let space = line[start..<end].lastIndex(of: " "), space > start { end = space + 1 }
                display.append((index, start, Array(line[start..<end])))
                start = end
            } while start < line.count
        }
        let cursorRow = display.lastIndex { $0.line == row && $0.start <= column } ?? 0
        let first = max(0, cursorRow - area.height + 1)
        for (offset, entry) in display[first..<min(display.count, first + area.height)].enumerated() {
            let y = area.y + offset
            var x = area.x
            for (index, character) in entry.text.enumerated() {
                let isCursor = entry.line == row && entry.start + index == column
                x += buffer.write(String(character), x: x, y: y, style: isCursor ? .reverse : .plain, clip: area)
            }
            if entry.line == row && entry.start + entry.text.count == column && first + offset == cursorRow {
                buffer.write(" ", x: x, y: y, style: .reverse, clip: area)
            }
        }
    }
}
