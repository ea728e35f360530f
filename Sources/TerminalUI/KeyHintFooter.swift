/// One key hint: `q Quit`. A disabled hint is drawn dim.
public struct KeyHint: Sendable, Hashable {
    public var keys: String
    public var label: String
    public var isEnabled: Bool

    public init(keys: String, label: String, isEnabled: Bool = true) {
        self.keys = keys
        self.label = label
        self.isEnabled = isEnabled
    }
}

/// The footer row of key hints, laid out left to right until the row is full.
public struct KeyHintFooter: Sendable {
    public var hints: [KeyHint]

    public init(hints: [KeyHint]) { self.hints = hints }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard area.height > 0 else { return }
        var x = area.x
        for hint in hints {
            let cells = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.label)
            if x + cells > area.maxX { break }
            let keyStyle = hint.isEnabled ? Style(.bold, color: .accent) : Style.dim
            x += buffer.write(hint.keys, x: x, y: area.y, style: keyStyle, clip: area)
            x += buffer.write(" " + hint.label, x: x, y: area.y, style: hint.isEnabled ? .plain : .dim, clip: area)
            x += 2
        }
    }
}
