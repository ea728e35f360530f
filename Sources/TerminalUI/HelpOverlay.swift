/// The `?` screen: every key binding, grouped, with why a key is unavailable when it is.
public struct HelpOverlay: Sendable {
    public struct Entry: Sendable, Hashable {
        public var keys: String
        public var description: String
        public var disabledReason: String?

        public init(keys: String, description: String, disabledReason: String? = nil) {
            self.keys = keys
            self.description = description
            self.disabledReason = disabledReason
        }
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var entries: [Entry]

        public init(title: String, entries: [Entry]) {
            self.title = title
            self.entries = entries
        }
    }

    /// One line of the laid-out help.
    public struct Row: Sendable, Hashable {
        public var text: String
        public var style: Style
    }

    public var sections: [Section]
    public var offset: Int

    public init(sections: [Section], offset: Int = 0) {
        self.sections = sections
        self.offset = offset
    }

    /// The content rows at `width`, before scrolling.
    public func layout(width: Int) -> [Row] {
        let keyWidth = min(16, sections.flatMap(\.entries).map { DisplayWidth.of($0.keys) }.max() ?? 8)
        var rows: [Row] = []
        for section in sections {
            if !rows.isEmpty { rows.append(Row(text: "", style: .plain)) }
            rows.append(Row(text: section.title, style: Style.title))
            for entry in section.entries {
                var text = entry.description
                if let reason = entry.disabledReason { text += " — " + reason }
                // The description wraps in its own column, so continuation lines stay under it.
                let wrapped = TextLayout.wrap(text, toWidth: max(1, width - keyWidth - 2))
                let style: Style = entry.disabledReason == nil ? .plain : .dim
                rows += wrapped.enumerated().map { index, line in
                    Row(
                        text: (index == 0 ? TextLayout.fit(entry.keys, toWidth: keyWidth) : String(repeating: " ", count: keyWidth)) + "  "
                            + line, style: style)
                }
            }
        }
        return rows
    }

    /// The box the overlay takes inside `area`.
    public static func frame(in area: Rect) -> Rect {
        area.centered(width: min(area.width - 2, 90), height: area.height - 2)
    }

    /// The width the rows are laid out to in `area`.
    public static func contentWidth(in area: Rect) -> Int { frame(in: area).inset(horizontal: 2, vertical: 1).width }

    public func render(in area: Rect, buffer: inout Buffer) {
        Self.render(layout(width: Self.contentWidth(in: area)), offset: offset, in: area, buffer: &buffer)
    }

    /// Draws rows laid out before (by `layout(width: contentWidth(in: area))`), scrolled to `offset`.
    public static func render(_ rows: [Row], offset: Int, in area: Rect, buffer: inout Buffer) {
        let box = frame(in: area)
        buffer.fill(box)
        buffer.drawBox(box, title: "Help — keys", style: Style(.bold, color: .accent))
        let inner = box.inset(horizontal: 2, vertical: 1)
        let content = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        let first = min(offset, max(0, rows.count - content.height))
        for (row, index) in (first..<min(rows.count, first + content.height)).enumerated() {
            buffer.write(rows[index].text, x: content.x, y: content.y + row, maxWidth: content.width, style: rows[index].style)
        }
        let more = rows.count > content.height ? "↑/↓ scroll · " : ""
        buffer.write(more + "Esc or ? to close", x: inner.x, y: inner.maxY - 1, maxWidth: inner.width, style: .dim)
    }
}
