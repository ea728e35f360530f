import TerminalUI

/// The empty state of a pane with no records yet: what will appear here and which key starts it.
enum EmptyPaneView {
    /// `body`: paragraphs (an empty one is a blank line), wrapped when drawn. Each pane says
    /// its own: what will appear there and which key starts it.
    static func render(title: String, body: [String], in area: Rect, buffer: inout Buffer) {
        let width = min(area.width - 2, 78)
        let wrapped = body.flatMap { $0.isEmpty ? [""] : TextLayout.wrap($0, toWidth: width) }
        let top = area.y + max(1, (area.height - wrapped.count - 2) / 3)
        buffer.write(title, x: area.x + 1, y: top, maxWidth: area.width - 2, style: .title)
        for (row, line) in wrapped.enumerated() {
            buffer.write(line, x: area.x + 1, y: top + 2 + row, maxWidth: area.width - 2, style: .plain, clip: area)
        }
    }
}
