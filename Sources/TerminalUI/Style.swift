/// Text attributes every terminal understands, colour or not.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// What a colour means, not which colour it is: the backend picks the colour, and on a
/// monochrome terminal (or with NO_COLOR) the meaning is carried by attributes and symbols.
public enum ColorRole: String, Hashable, Sendable, CaseIterable {
    case accent, success, warning, danger, muted
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var attributes: TextAttributes
    public var color: ColorRole?

    public init(_ attributes: TextAttributes = [], color: ColorRole? = nil) {
        self.attributes = attributes
        self.color = color
    }

    public static let plain = Style()
    public static let bold = Style(.bold)
    public static let reverse = Style(.reverse)
    public static let dim = Style(.dim)
    public static let underline = Style(.underline)
    public static let selected = Style(.reverse)
    public static let title = Style(.bold, color: .accent)
    public static let error = Style(.bold, color: .danger)
    public static let warning = Style([], color: .warning)
    public static let success = Style([], color: .success)

    public func adding(_ extra: TextAttributes) -> Style {
        Style(attributes.union(extra), color: color)
    }
}
