/// The one-line message bar: what just happened on the left, standing facts on the right.
public struct StatusLine: Sendable {
    public enum Kind: Sendable, Hashable { case info, success, warning, error }

    public var message: String
    public var kind: Kind
    public var right: String

    public init(message: String, kind: Kind = .info, right: String = "") {
        self.message = message
        self.kind = kind
        self.right = right
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard area.height > 0 else { return }
        buffer.fill(area.row(0), style: .reverse)
        let rightWidth = min(DisplayWidth.of(right), max(0, area.width / 2))
        let style: Style
        let prefix: String
        switch kind {
        case .info: style = .reverse; prefix = ""
        case .success: style = Style([.reverse], color: .success); prefix = "✓ "
        case .warning: style = Style([.reverse, .bold], color: .warning); prefix = "! "
        case .error: style = Style([.reverse, .bold], color: .danger); prefix = "✗ "
        }
        let text = message.isEmpty ? "" : " " + prefix + message
        buffer.write(text, x: area.x, y: area.y, maxWidth: area.width - rightWidth - 1, style: style, clip: area)
        if rightWidth > 0 {
            buffer.write(right + " ", x: area.maxX - rightWidth - 1, y: area.y, maxWidth: rightWidth + 1, style: .reverse, clip: area)
        }
    }
}
