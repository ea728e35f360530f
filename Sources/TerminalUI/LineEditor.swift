/// A single line of editable text with a cursor, as readline users expect: arrows, Home/End,
/// Backspace/Delete, Ctrl-A/E, Ctrl-U (clear to start), Ctrl-K (clear to end), Ctrl-W (word).
public struct LineEditor: Hashable, Sendable {
    public private(set) var text: String
    /// The cursor, in characters from the start.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        var characters = Array(text)
        switch key {
        case .character(let character):
            guard !character.unicodeScalars.contains(where: SafeText.isUnsafe) else { return true }
            characters.insert(character, at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor..<characters.count)
        case .control("w"):
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        text = String(characters)
        return true
    }

    /// Draws the text in one row, scrolled so the cursor stays visible; the cursor cell is
    /// shown reversed when `focused`.
    public func render(in area: Rect, buffer: inout Buffer, style: Style = .plain, focused: Bool) {
        guard area.width > 0, area.height > 0 else { return }
        let characters = Array(SafeText.sanitize(text))
        let safeCursor = min(cursor, characters.count)
        var start = 0
        func width(_ range: Range<Int>) -> Int { characters[range].reduce(0) { $0 + DisplayWidth.of($1) } }
        while start < safeCursor && width(start..<safeCursor) + 1 > area.width { start += 1 }
        var x = area.x
        for index in start..<characters.count {
            let cells = DisplayWidth.of(characters[index])
            if x + cells > area.maxX { break }
            let cellStyle = focused && index == safeCursor ? style.adding(.reverse) : style
            x += buffer.write(String(characters[index]), x: x, y: area.y, style: cellStyle, clip: area)
        }
        if focused && safeCursor == characters.count && x < area.maxX {
            buffer.write(" ", x: x, y: area.y, style: style.adding(.reverse), clip: area)
        }
    }
}
