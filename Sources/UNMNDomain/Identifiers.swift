/// An identifier the network writes as text (`MTG/2026/03`, `UNMN/2026/007`, `AP/2026/001`,
/// `FP-0001`), given a type of its own so that a meeting's reference cannot be passed where an
/// item's is meant. Encoded as the plain string, so the journal's records read as before.
public protocol TextIdentifier: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    var rawValue: String { get }
    init(_ rawValue: String)
}

extension TextIdentifier {
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A meeting's reference: `MTG/2026/03`.
public struct MeetingReference: TextIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A consensus item's reference: `UNMN/2026/007`.
public struct ItemReference: TextIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// An action point's identifier: `AP/2026/001`.
public struct ActionPointID: TextIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A focal point's identifier: `FP-0001`.
public struct FocalPointID: TextIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

extension String {
    /// The identifier's text, for building file names and the like.
    public init(_ identifier: some TextIdentifier) { self = identifier.rawValue }
}
