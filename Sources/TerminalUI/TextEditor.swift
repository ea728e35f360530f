/// A multi-line text editor for minutes and amendments: Unicode text edited in grapheme
/// clusters (see `EditableText`), word-wrapped display, arrows, Home/End, PgUp/PgDn,
/// Backspace/Delete across lines, Enter for a new line, Ctrl-U/Ctrl-K to clear before or after
/// the cursor, and pasted text with its line breaks. Ctrl-S saves and Esc cancels; the caller
/// decides what they do.
public struct TextEditor: Hashable, Sendable {
    private var content: [EditableText]
    public private(set) var row = 0
    public private(set) var isDirty = false

    public init(_ text: String = "") {
        content = text.split(separator: "\n", omittingEmptySubsequences: false).map { EditableText(String($0)) }
        if content.isEmpty { content = [EditableText()] }
        row = content.count - 1
    }

    public var text: String { content.map(\.text).joined(separator: "\n") }
    /// The lines of text.
    public var lines: [String] { content.map(\.text) }
    /// The cursor's column, in grapheme clusters from the start of its line.
    public var column: Int { content[row].cursor }

    public enum Outcome: Sendable, Hashable { case editing, save, cancel }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .control("s"): return .save
        case .escape: return .cancel
        case .character(let character):
            guard !character.unicodeScalars.contains(where: SafeText.isUnsafe) else { return .editing }
            content[row].insert(String(character))
            isDirty = true
        case .paste(let pasted): insert(pasted)
        case .enter: breakLine()
        case .tab: insert("    ")
        case .backspace:
            if !content[row].deleteBackward(), row > 0 {
                let line = content.remove(at: row)
                row -= 1
                content[row].moveToEnd()
                content[row].append(line.text)
            }
            isDirty = true
        case .delete:
            if !content[row].deleteForward(), row + 1 < content.count {
                content[row].append(content.remove(at: row + 1).text)
            }
            isDirty = true
        case .control("u"):
            content[row].deleteToStart()
            isDirty = true
        case .control("k"):
            content[row].deleteToEnd()
            isDirty = true
        case .left:
            if !content[row].moveLeft(), row > 0 {
                row -= 1
                content[row].moveToEnd()
            }
        case .right:
            if !content[row].moveRight(), row + 1 < content.count {
                row += 1
                content[row].moveToStart()
            }
        case .up: moveRows(-1)
        case .down: moveRows(1)
        case .pageUp: moveRows(-10)
        case .pageDown: moveRows(10)
        case .home, .control("a"): content[row].moveToStart()
        case .end, .control("e"): content[row].moveToEnd()
        default: break
        }
        return .editing
    }

    /// Inserts pasted or typed text at the cursor, line breaks included; tabs become four
    /// spaces and other control characters are dropped.
    public mutating func insert(_ pasted: String) {
        var pending = String.UnicodeScalarView()
        func flush() {
            content[row].insert(String(pending))
            pending.removeAll()
        }
        var previous: Unicode.Scalar?
        for scalar in pasted.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\n" where previous == "\r": continue
            case "\n", "\r":
                flush()
                breakLine()
            case "\t": pending.append(contentsOf: "    ".unicodeScalars)
            default: if !SafeText.isUnsafe(scalar) { pending.append(scalar) }
            }
        }
        flush()
        isDirty = true
    }

    private mutating func breakLine() {
        let (before, after) = content[row].split
        content[row] = EditableText(before)
        var next = EditableText(after)
        next.moveToStart()
        content.insert(next, at: row + 1)
        row += 1
        isDirty = true
    }

    private mutating func moveRows(_ delta: Int) {
        let column = self.column
        row = min(content.count - 1, max(0, row + delta))
        content[row].cursor = column
    }

    /// Draws the text wrapped to the area, scrolled so the cursor's line is visible; the cursor
    /// cell is reversed. Lines wrap between clusters, after the last space where one fits, and a
    /// wrapped line does not start with the space it broke at.
    public func render(in area: Rect, buffer: inout Buffer) {
        guard area.width > 1, area.height > 0 else { return }
        var display: [(line: Int, start: Int, text: ArraySlice<String>)] = []
        var cursorRow = 0
        // Only the lines that can reach the screen are laid out: the cursor's, then lines above
        // and below until each side has a screenful of rows. A paste of 100,000 characters thus
        // costs a screenful per key, not the whole text.
        func laidOut(_ index: Int) -> (index: Int, clusters: [String], rows: [(Int, Int)]) {
            let clusters = content[index].text.map { SafeText.sanitize(String($0)) }
            return (index, clusters, wrap(clusters, width: area.width - 1))
        }
        // The cursor's column, worked out once: it walks the line's clusters.
        let cursorColumn = content[row].cursor
        var visible = [laidOut(row)]
        var above = 0
        var index = row - 1
        while index >= 0 && above < area.height {
            let line = laidOut(index)
            visible.insert(line, at: 0)
            above += line.rows.count
            index -= 1
        }
        var below = 0
        index = row + 1
        while index < content.count && below < area.height {
            let line = laidOut(index)
            visible.append(line)
            below += line.rows.count
            index += 1
        }
        for line in visible {
            let cursor = line.index == row ? cursorColumn : -1
            for (start, end) in line.rows {
                if cursor >= start && (cursor < end || end == line.clusters.count) { cursorRow = display.count }
                display.append((line.index, start, line.clusters[start..<end]))
            }
        }
        let first = max(0, cursorRow - area.height + 1)
        for (offset, entry) in display[first..<min(display.count, first + area.height)].enumerated() {
            let y = area.y + offset
            var x = area.x
            let cursor = entry.line == row ? cursorColumn : -1
            for (index, cluster) in zip(entry.text.indices, entry.text) {
                x += buffer.write(cluster, x: x, y: y, style: index == cursor ? .reverse : .plain, clip: area)
            }
            if first + offset == cursorRow && cursor == entry.text.endIndex {
                buffer.write(" ", x: x, y: y, style: .reverse, clip: area)
            }
        }
    }

    /// The display rows of one line as ranges of its clusters.
    private func wrap(_ clusters: [String], width: Int) -> [(Int, Int)] {
        var rows: [(Int, Int)] = []
        var start = 0
        repeat {
            var used = 0
            var end = start
            while end < clusters.count, used + DisplayWidth.of(clusters[end]) <= width {
                used += DisplayWidth.of(clusters[end])
                end += 1
            }
            if end == start && end < clusters.count { end += 1 }  // a cluster wider than the area
            // Word wrap: break after the last space rather than inside a word.
            if end < clusters.count, clusters[end] != " ", let space = clusters[start..<end].lastIndex(of: " "), space > start {
                end = space + 1
            } else if end < clusters.count, clusters[end] == " " {
                end += 1  // the space at the break stays on this row, in the column kept for the cursor
            }
            rows.append((start, end))
            start = end
        } while start < clusters.count
        return rows
    }
}
