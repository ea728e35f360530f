/// A member entity's short code as the network writes it: `IOM`, `UNICEF`, `UN Women`, `WB`.
public struct EntityCode: HashedText, Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    private let text: HashedString
    public var rawValue: String { text.text }

    public init(_ rawValue: String) { text = HashedString(rawValue) }
    package init(_ text: HashedString) { self.text = text }
    /// Filed under its text's kept hash (see `HashedString`).
    public func _rawHashValue(seed: Int) -> Int { text._rawHashValue(seed: seed) }
    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: EntityCode, rhs: EntityCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Codes compare without regard to case, spaces or hyphens, so `un-women` finds `UN Women`.
    public var normalized: String {
        rawValue.uppercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
    }
}
