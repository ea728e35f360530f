/// A single line of editable text with a cursor, as readline users expect: arrows, Home/End,
/// Backspace/Delete, Ctrl-A/E, Ctrl-U (clear to start), Ctrl-K (clear to end), Ctrl-W (word).
/// Text is edited in grapheme clusters (see `EditableText`).
public struct LineEditor: Hashable, Sendable {
    private var content: EditableText

    public init(_ text: String = "") {
        content = EditableText(text)
    }

    public var text: String { content.text }
    /// The cursor, in grapheme clusters from the start.
    public var cursor: Int { content.cursor }

    /// Applies an editing key; returns false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            guard !character.unicodeScalars.contains(where: SafeText.isUnsafe) else { return true }
            content.insert(String(character))
        case .paste(let pasted): insert(pasted)
        case .left: content.moveLeft()
        case .right: content.moveRight()
        case .home, .control("a"): content.moveToStart()
        case .end, .control("e"): content.moveToEnd()
        case .backspace: content.deleteBackward()
        case .delete, .control("d"): content.deleteForward()
        case .control("u"): content.deleteToStart()
        case .control("k"): content.deleteToEnd()
        case .control("w"): content.deleteWordBackward()
        default: return false
        }
        return true
    }

    /// Inserts pasted text: one line, so line breaks and tabs become spaces and other control
    /// characters are dropped.
    public mutating func insert(_ pasted: String) {
        var line = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in pasted.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\n" where previous == "\r": continue
            case "\n", "\r", "\t": line.append(" ")
            default: if !SafeText.isUnsafe(scalar) { line.append(scalar) }
            }
        }
        content.insert(String(line))
    }

    /// Draws the text in one row, scrolled so the cursor stays visible; the cursor cell is
    /// shown reversed when `focused`. Each cluster is drawn whole or not at all.
    public func render(in area: Rect, buffer: inout Buffer, style: Style = .plain, focused: Bool) {
        guard area.width > 0, area.height > 0 else { return }
        let clusters = content.text.map { SafeText.sanitize(String($0)) }
        let widths = clusters.map { DisplayWidth.of($0) }
        let safeCursor = min(content.cursor, clusters.count)
        var start = 0
        var widthToCursor = widths[0..<safeCursor].reduce(0, +)
        while start < safeCursor && widthToCursor + 1 > area.width {
            widthToCursor -= widths[start]
            start += 1
        }
        var x = area.x
        for index in start..<clusters.count {
            if x + widths[index] > area.maxX { break }
            let cellStyle = focused && index == safeCursor ? style.adding(.reverse) : style
            x += buffer.write(clusters[index], x: x, y: area.y, style: cellStyle, clip: area)
        }
        if focused && safeCursor == clusters.count && x < area.maxX {
            buffer.write(" ", x: x, y: area.y, style: style.adding(.reverse), clip: area)
        }
    }
}
