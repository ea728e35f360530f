/// The one-line message bar: what just happened on the left, standing facts on the right.
public struct StatusLine: Sendable {
    public enum Kind: Sendable, Hashable { case info, success, warning, error }

    public var message: String
    public var kind: Kind
    public var right: String
    /// Ends the last row when the message needs more rows than the line has.
    public var moreHint: String

    public init(message: String, kind: Kind = .info, right: String = "", moreHint: String = "(more: !)") {
        self.message = message
        self.kind = kind
        self.right = right
        self.moreHint = moreHint
    }

    /// Rows the message takes at `width` when wrapped (one at least), so that a refusal is
    /// never cut: "Cannot adopt …: UNDRR and WB have not answered; ILO objects: …".
    public static func rowsNeeded(message: String, kind: Kind, right: String = "", width: Int) -> Int {
        guard !message.isEmpty else { return 1 }
        return max(1, TextLayout.wrap(SafeText.sanitize(prefix(kind) + message), toWidth: messageWidth(width: width, right: right)).count)
    }

    /// The cells a wrapped message may use on each row, leaving room for the facts on the right.
    static func messageWidth(width: Int, right: String) -> Int {
        max(1, width - 2 - (right.isEmpty ? 0 : min(DisplayWidth.of(right), width / 2) + 1))
    }

    static func prefix(_ kind: Kind) -> String {
        switch kind {
        case .info: return ""
        case .success: return "✓ "
        case .warning: return "! "
        case .error: return "✗ "
        }
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard area.height > 0 else { return }
        buffer.fill(area, style: .reverse)
        if area.height > 1 {
            let style: Style =
                kind == .error
                ? Style([.reverse, .bold], color: .danger) : kind == .warning ? Style([.reverse, .bold], color: .warning) : .reverse
            let lines = TextLayout.wrap(
                SafeText.sanitize(Self.prefix(kind) + message), toWidth: Self.messageWidth(width: area.width, right: right))
            var shown = Array(lines.prefix(area.height))
            if lines.count > area.height {
                // Never cut silently: the last row says there is more and which key shows it.
                let width = Self.messageWidth(width: area.width, right: right)
                let hint = " " + moreHint
                shown[shown.count - 1] =
                    TextLayout.truncate(shown[shown.count - 1] + "…", toWidth: max(1, width - DisplayWidth.of(hint))) + hint
            }
            for (row, line) in shown.enumerated() {
                buffer.write(" " + line, x: area.x, y: area.y + row, maxWidth: area.width, style: style, clip: area)
            }
            if !right.isEmpty {
                let rightWidth = min(DisplayWidth.of(right), area.width / 2)
                buffer.write(right + " ", x: area.maxX - rightWidth - 1, y: area.y, maxWidth: rightWidth + 1, style: .reverse, clip: area)
            }
            return
        }
        let rightWidth = min(DisplayWidth.of(right), max(0, area.width / 2))
        let style: Style
        let prefix: String
        switch kind {
        case .info:
            style = .reverse
            prefix = ""
        case .success:
            style = Style([.reverse], color: .success)
            prefix = "✓ "
        case .warning:
            style = Style([.reverse, .bold], color: .warning)
            prefix = "! "
        case .error:
            style = Style([.reverse, .bold], color: .danger)
            prefix = "✗ "
        }
        let text = message.isEmpty ? "" : " " + prefix + message
        buffer.write(text, x: area.x, y: area.y, maxWidth: area.width - rightWidth - 1, style: style, clip: area)
        if rightWidth > 0 {
            buffer.write(right + " ", x: area.maxX - rightWidth - 1, y: area.y, maxWidth: rightWidth + 1, style: .reverse, clip: area)
        }
    }
}
