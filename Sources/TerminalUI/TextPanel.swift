/// A long text in a box over the screen, wrapped and scrollable: a message too long for the
/// status line is read here whole, never cut.
public struct TextPanel: Sendable {
    public var title: String
    public var text: String
    public var offset: Int

    public init(title: String, text: String, offset: Int = 0) {
        self.title = title
        self.text = text
        self.offset = offset
    }

    public static func frame(in area: Rect) -> Rect { HelpOverlay.frame(in: area) }

    /// The text's rows inside the frame (paragraphs kept, each wrapped).
    public static func rows(_ text: String, in area: Rect) -> [String] {
        let width = max(1, frame(in: area).inset(horizontal: 2, vertical: 1).width)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { paragraph in paragraph.isEmpty ? [""] : TextLayout.wrap(SafeText.sanitize(String(paragraph)), toWidth: width) }
    }

    /// The rows that fit at once, for paging.
    public static func visibleRows(in area: Rect) -> Int { max(1, frame(in: area).inset(horizontal: 2, vertical: 1).height - 1) }

    public func render(in area: Rect, buffer: inout Buffer) {
        let box = Self.frame(in: area)
        buffer.fill(box)
        buffer.drawBox(box, title: title, style: Style(.bold, color: .accent))
        let inner = box.inset(horizontal: 2, vertical: 1)
        let rows = Self.rows(text, in: area)
        let visible = Self.visibleRows(in: area)
        let first = min(offset, max(0, rows.count - visible))
        for (row, index) in (first..<min(rows.count, first + visible)).enumerated() {
            buffer.write(rows[index], x: inner.x, y: inner.y + row, maxWidth: inner.width)
        }
        let more = rows.count > visible ? "↑/↓ scroll · " : ""
        buffer.write(more + "Esc or Enter to close", x: inner.x, y: inner.maxY - 1, maxWidth: inner.width, style: .dim)
    }
}
