/// A small centred box asking a yes/no question: `y` confirms, `n` or Esc declines.
public struct ConfirmDialog: Sendable, Hashable {
    public var title: String
    public var message: String
    public var confirmLabel: String

    public init(title: String, message: String, confirmLabel: String = "Yes") {
        self.title = title
        self.message = message
        self.confirmLabel = confirmLabel
    }

    public enum Answer: Sendable { case confirm, decline }

    /// The answer a key gives, or nil for a key the dialog ignores.
    public func answer(to key: Key) -> Answer? {
        switch key {
        case .character("y"), .character("Y"), .enter: return .confirm
        case .character("n"), .character("N"), .escape: return .decline
        default: return nil
        }
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let width = min(max(40, DisplayWidth.of(message) + 4), area.width - 4)
        // Paragraphs (a warning after the question) stay apart; each is wrapped and made safe.
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            paragraph.isEmpty ? [""] : TextLayout.wrap(SafeText.sanitize(String(paragraph)), toWidth: width - 4)
        }
        let box = area.centered(width: width, height: lines.count + 4)
        buffer.fill(box)
        buffer.drawBox(box, title: title, style: Style(.bold, color: .warning))
        for (row, line) in lines.enumerated() {
            buffer.write(line, x: box.x + 2, y: box.y + 1 + row, maxWidth: box.width - 4)
        }
        let choices = "y \(confirmLabel)   n/Esc Cancel"
        buffer.write(choices, x: box.x + 2, y: box.maxY - 2, maxWidth: box.width - 4, style: .bold)
    }
}
