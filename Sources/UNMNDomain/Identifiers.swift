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

/// Text that keeps its hash, worked out once where it is made (for a replayed record, on the
/// thread that read it): identifiers and entity codes key the state's tables, and hashing their
/// text again at every lookup was most of what deciding and applying a record cost. The hash is
/// the text's own (`String.hashValue`, which agrees with `==` on canonically equivalent text), so
/// equal values hash alike; it is never written anywhere (it changes from run to run).
public struct HashedString: Hashable, Sendable, ExpressibleByStringLiteral {
    public let text: String
    private let textHash: Int

    public init(_ text: String) { (self.text, textHash) = (text, text.hashValue) }
    public init(stringLiteral text: String) { self.init(text) }

    /// A journal reader keeps the hashes of the texts it read lately with them: `hash` must be
    /// `text.hashValue` (checked in debug builds).
    package init(_ text: String, hash: Int) {
        assert(hash == text.hashValue, "the hash given with \(text) is not its own")
        (self.text, textHash) = (text, hash)
    }

    public static func == (lhs: HashedString, rhs: HashedString) -> Bool { lhs.textHash == rhs.textHash && lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(textHash) }

    /// The hash a table (`Dictionary`, `Set`) files the text under, with the table's own seed:
    /// the text's hash, already as even as a hash gets, mixed with the seed in a few instructions
    /// (a 64-bit finaliser), instead of by a new `Hasher`'s rounds, which were a twentieth of a
    /// replayed record. Equal texts still give equal hashes under one seed, which is all a table
    /// asks; the seed still spreads a table's copy differently from its original.
    public func _rawHashValue(seed: Int) -> Int { Self.mixed(textHash, seed: seed) }

    /// A hash of `value` under `seed`, every bit of each mixed into every bit of the result.
    static func mixed(_ value: Int, seed: Int) -> Int {
        var bits = UInt64(UInt(bitPattern: value ^ seed))
        bits = (bits ^ (bits &>> 32)) &* 0xD6E8_FEB8_6659_FD93
        bits = (bits ^ (bits &>> 32)) &* 0xD6E8_FEB8_6659_FD93
        return Int(Int64(bitPattern: bits ^ (bits &>> 32)))
    }
}

/// A value made of text whose hash is known (see `HashedString`).
package protocol HashedText {
    init(_ text: HashedString)
}

/// A meeting's reference: `MTG/2026/03`.
public struct MeetingReference: TextIdentifier, HashedText {
    private let text: HashedString
    public var rawValue: String { text.text }
    public init(_ rawValue: String) { text = HashedString(rawValue) }
    package init(_ text: HashedString) { self.text = text }
    public func _rawHashValue(seed: Int) -> Int { text._rawHashValue(seed: seed) }
}

/// A consensus item's reference: `UNMN/2026/007`.
public struct ItemReference: TextIdentifier, HashedText {
    private let text: HashedString
    public var rawValue: String { text.text }
    public init(_ rawValue: String) { text = HashedString(rawValue) }
    package init(_ text: HashedString) { self.text = text }
    public func _rawHashValue(seed: Int) -> Int { text._rawHashValue(seed: seed) }
}

/// An action point's identifier: `AP/2026/001`.
public struct ActionPointID: TextIdentifier, HashedText {
    private let text: HashedString
    public var rawValue: String { text.text }
    public init(_ rawValue: String) { text = HashedString(rawValue) }
    package init(_ text: HashedString) { self.text = text }
    public func _rawHashValue(seed: Int) -> Int { text._rawHashValue(seed: seed) }
}

/// A focal point's identifier: `FP-0001`.
public struct FocalPointID: TextIdentifier, HashedText {
    private let text: HashedString
    public var rawValue: String { text.text }
    public init(_ rawValue: String) { text = HashedString(rawValue) }
    package init(_ text: HashedString) { self.text = text }
    public func _rawHashValue(seed: Int) -> Int { text._rawHashValue(seed: seed) }
}

extension String {
    /// The identifier's text, for building file names and the like.
    public init(_ identifier: some TextIdentifier) { self = identifier.rawValue }
}
