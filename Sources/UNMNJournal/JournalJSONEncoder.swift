import Foundation
import UNMNDomain

/// Writes the journal's JSON: the very bytes `JSONEncoder` writes with sorted keys and unescaped
/// slashes (the tests compare both on every record of the sample network, on random commands and
/// on random text), at a fraction of its cost — `JSONEncoder` was half of an append's
/// instructions.
///
/// An `Encoder` cannot write as it goes: a keyed container never learns when it is complete, and
/// its keys must come out sorted. So the values are gathered first, in one flat array of nodes
/// (no object per value, as `JSONEncoder` has), and written in one walk.
///
/// What our records never hold is refused rather than guessed at: floating-point numbers, dates,
/// data and URLs (each has its own `JSONEncoder` strategy) throw, and a test would say so.
public struct JournalJSONEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let arena = EncodingArena()
        try arena.encode(value, into: 0)
        return arena.written()
    }

    /// Writes `text` in quotes at `out`, escaped as `JSONEncoder` escapes (slashes left alone);
    /// returns where the next byte goes. Room for the worst case is the caller's to make.
    static func quoted(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var out = out
        func put(_ byte: UInt8) {
            out.pointee = byte
            out += 1
        }
        func copy(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            out.update(from: text.baseAddress! + range.lowerBound, count: range.count)
            out += range.count
        }
        put(UInt8(ascii: "\""))
        var (copied, index) = (0, 0)
        while index < text.count {
            // Eight bytes at a time while none needs escaping (nearly every string).
            if index + 8 <= text.count, !mayNeedEscaping(UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = text[index]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            copy(copied..<index - 1)
            copied = index
            put(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(byte)
            case 0x08: put(UInt8(ascii: "b"))
            case 0x09: put(UInt8(ascii: "t"))
            case 0x0A: put(UInt8(ascii: "n"))
            case 0x0C: put(UInt8(ascii: "f"))
            case 0x0D: put(UInt8(ascii: "r"))
            default:
                let hex: StaticString = "0123456789abcdef"
                put(UInt8(ascii: "u"))
                put(UInt8(ascii: "0"))
                put(UInt8(ascii: "0"))
                put(hex.utf8Start[Int(byte >> 4)])
                put(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        copy(copied..<text.count)
        put(UInt8(ascii: "\""))
        return out
    }

    /// Whether any of eight bytes is a control character, a quote or a backslash: a byte
    /// below 0x20 (or one made zero by the xor) sets its high bit in the subtraction, and a
    /// borrow that could set a higher byte's starts only at such a byte.
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let (ones, highs) = (UInt64(0x0101_0101_0101_0101), UInt64(0x8080_8080_8080_8080))
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }
}

/// The values of one encoding, as a tree in an array: each node names its parent, and a
/// container's members are its children in the order they were written. Keys and leaves are
/// bytes in `text`.
///
/// Each reach into `nodes` or `text` is one exclusive access the runtime checks (a class's
/// stored property), which cost as much as the rest of building: so each step makes one, through
/// an `inout`, and writing makes one for the whole walk.
private final class EncodingArena: Encoder {
    enum Kind: UInt8 {
        /// Nothing written yet; written as `{}`, as `JSONEncoder` does for a value that encodes nothing.
        case pending
        case object, array, null
        /// A number or a Boolean: its text, as is.
        case literal
        /// A string: its UTF-8, escaped when written.
        case string
    }

    struct Node {
        var kind: Kind = .pending
        var parent: Int32 = -1
        /// The member name (in `text`), for a member of an object.
        var keyStart: Int32 = 0
        var keyEnd: Int32 = 0
        /// A leaf's text.
        var start: Int32 = 0
        var end: Int32 = 0
        /// A container's members or elements in the order written, chained as they are added
        /// (-1: none).
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
    }

    // One encoding is one thread's, and every reach into these goes through an `inout` of one
    // statement (above): the runtime's check of each access was a tenth of an append.
    @exclusivity(unchecked) var nodes: [Node] = [Node()]
    @exclusivity(unchecked) var text: [UInt8] = []
    /// The node the value being encoded writes to.
    @exclusivity(unchecked) var current = 0

    init() {
        nodes.reserveCapacity(64)
        text.reserveCapacity(512)
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ArenaKeyedContainer<Key>(arena: self, node: become(.object, current)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { ArenaUnkeyedContainer(arena: self, node: become(.array, current)) }

    func singleValueContainer() -> any SingleValueEncodingContainer { ArenaSingleValueContainer(arena: self, node: current) }

    // MARK: Building

    /// Makes a pending node a container of `kind` (a second request for the same container
    /// returns it again, with what was written to it).
    func become(_ kind: Kind, _ node: Int) -> Int {
        Self.become(kind, node, in: &nodes)
        return node
    }

    private static func become(_ kind: Kind, _ node: Int, in nodes: inout [Node]) {
        if nodes[node].kind == .pending { nodes[node].kind = kind }
    }

    /// Appends UTF-8 to `text`; returns where it lies.
    private static func append(_ value: String, to text: inout [UInt8]) -> (start: Int32, end: Int32) {
        var value = value
        let start = Int32(text.count)
        value.withUTF8 { text.append(contentsOf: $0) }
        return (start, Int32(text.count))
    }

    /// Appends a node and chains it after its parent's last child.
    private static func append(_ node: Node, to nodes: inout [Node]) -> Int {
        let index = Int32(nodes.count)
        nodes.append(node)
        let parent = Int(node.parent)
        let last = Int(nodes[parent].lastChild)
        if last >= 0 { nodes[last].nextSibling = index } else { nodes[parent].firstChild = index }
        nodes[parent].lastChild = index
        return Int(index)
    }

    private static func set(_ node: Int, _ kind: Kind, _ bytes: (start: Int32, end: Int32), in nodes: inout [Node]) {
        nodes[node].kind = kind
        (nodes[node].start, nodes[node].end) = bytes
    }

    /// A new last child of `parent`, a member named `key`. (Not one function with an optional
    /// key: a generic optional made the runtime look up `Optional<Key>`'s metadata at every
    /// member written, a seventh of an append's instructions.)
    func child(of parent: Int, key: some CodingKey) -> Int {
        var node = Node(parent: Int32(parent))
        (node.keyStart, node.keyEnd) = Self.append(key.stringValue, to: &text)
        return Self.append(node, to: &nodes)
    }

    /// A new last child of `parent`, an element of an array.
    func element(of parent: Int) -> Int { Self.append(Node(parent: Int32(parent)), to: &nodes) }

    func setString(_ value: String, at node: Int) { Self.set(node, .string, Self.append(value, to: &text), in: &nodes) }

    func setLiteral(_ value: String, at node: Int) { Self.set(node, .literal, Self.append(value, to: &text), in: &nodes) }

    func setInteger(_ value: some BinaryInteger, at node: Int) { setLiteral(String(value), at: node) }
    func setBool(_ value: Bool, at node: Int) { setLiteral(value ? "true" : "false", at: node) }
    func setNull(at node: Int) { Self.set(node, .null, (0, 0), in: &nodes) }

    /// How many children a node has so far (an unkeyed container's `count`; rarely asked).
    func childCount(_ node: Int) -> Int {
        var (count, child) = (0, nodes[node].firstChild)
        while child >= 0 { (count, child) = (count + 1, nodes[Int(child)].nextSibling) }
        return count
    }

    func unsupported(_ value: Any) -> EncodingError {
        EncodingError.invalidValue(
            value, EncodingError.Context(codingPath: [], debugDescription: "\(type(of: value)) is not written in the journal's records"))
    }

    func encode<T: Encodable>(_ value: T, into node: Int) throws {
        // The commonest leaves, without a container each.
        if T.self == String.self { return setString(unsafeBitCast(value, to: String.self), at: node) }
        if T.self == Int.self { return setInteger(unsafeBitCast(value, to: Int.self), at: node) }
        if T.self == Bool.self { return setBool(unsafeBitCast(value, to: Bool.self), at: node) }
        // JSONEncoder writes a Decimal as a number, not as its keyed Codable form.
        if T.self == Decimal.self { return setLiteral((value as! Decimal).description, at: node) }
        // The domain's identifiers are strings; an instant is {"secondsSinceEpoch": N}, a date
        // {"day": D, "month": M, "year": Y}: each would otherwise cost a container (a boxed generic).
        if T.self == EntityCode.self { return setString(unsafeBitCast(value, to: EntityCode.self).rawValue, at: node) }
        if T.self == FocalPointID.self { return setString(unsafeBitCast(value, to: FocalPointID.self).rawValue, at: node) }
        if T.self == ItemReference.self { return setString(unsafeBitCast(value, to: ItemReference.self).rawValue, at: node) }
        if T.self == MeetingReference.self { return setString(unsafeBitCast(value, to: MeetingReference.self).rawValue, at: node) }
        if T.self == ActionPointID.self { return setString(unsafeBitCast(value, to: ActionPointID.self).rawValue, at: node) }
        if T.self == Instant.self {
            let object = become(.object, node)
            return setInteger(
                unsafeBitCast(value, to: Instant.self).secondsSinceEpoch, at: child(of: object, key: Name("secondsSinceEpoch")))
        }
        if T.self == LocalDate.self {
            let (date, object) = (unsafeBitCast(value, to: LocalDate.self), become(.object, node))
            setInteger(date.year, at: child(of: object, key: Name("year")))
            setInteger(date.month, at: child(of: object, key: Name("month")))
            return setInteger(date.day, at: child(of: object, key: Name("day")))
        }
        if T.self == Double.self || T.self == Float.self || T.self == Date.self || T.self == Data.self || T.self == URL.self {
            throw unsupported(value)
        }
        let saved = current
        current = node
        defer { current = saved }
        try value.encode(to: self)
    }

    // MARK: Writing

    /// The whole tree as JSON.
    func written() -> [UInt8] {
        nodes.withUnsafeBufferPointer { nodes in
            text.withUnsafeBufferPointer { text in
                // At most: every byte of text escaped as \u00XX, and per node its quotes, colon,
                // comma and brackets, or a null.
                [UInt8](unsafeUninitializedCapacity: text.count * 6 + nodes.count * 10 + 16) { buffer, count in
                    var writer = Writer(nodes: nodes, text: text, out: buffer.baseAddress!)
                    writer.write(0)
                    count = buffer.baseAddress!.distance(to: writer.out)
                }
            }
        }
    }

    /// One walk over the finished tree, each container writing its children (chained as they
    /// were added) in turn.
    struct Writer {
        let nodes: UnsafeBufferPointer<Node>
        let text: UnsafeBufferPointer<UInt8>
        /// The members of the objects being written, innermost last.
        var members: [Int32] = []
        /// Where the next byte goes (the caller sized the buffer for the worst case).
        var out: UnsafeMutablePointer<UInt8>

        init(nodes: UnsafeBufferPointer<Node>, text: UnsafeBufferPointer<UInt8>, out: UnsafeMutablePointer<UInt8>) {
            self.nodes = nodes
            self.text = text
            self.out = out
            members.reserveCapacity(nodes.count)
        }

        mutating func write(_ index: Int) {
            let node = nodes[index]
            switch node.kind {
            case .null: put("null")
            case .literal: appendText(Int(node.start)..<Int(node.end))
            case .string: writeString(Int(node.start)..<Int(node.end))
            case .array:
                put(UInt8(ascii: "["))
                var element = nodes[index].firstChild
                while element >= 0 {
                    if element != nodes[index].firstChild { put(UInt8(ascii: ",")) }
                    write(Int(element))
                    element = nodes[Int(element)].nextSibling
                }
                put(UInt8(ascii: "]"))
            case .object, .pending:
                put(UInt8(ascii: "{"))
                // The members go on a stack shared by all objects, are sorted there (an
                // insertion sort: objects are small), written, and taken off.
                let base = members.count
                var member = nodes[index].firstChild
                while member >= 0 {
                    var at = members.count
                    members.append(member)
                    while at > base && keyPrecedes(Int(members[at]), Int(members[at - 1])) {
                        members.swapAt(at, at - 1)
                        at -= 1
                    }
                    member = nodes[Int(member)].nextSibling
                }
                for position in base..<members.count {
                    let member = Int(members[position])
                    if position > base { put(UInt8(ascii: ",")) }
                    writeString(Int(nodes[member].keyStart)..<Int(nodes[member].keyEnd))
                    put(UInt8(ascii: ":"))
                    write(member)
                }
                members.removeSubrange(base...)
                put(UInt8(ascii: "}"))
            }
        }

        /// Whether one member's name sorts before another's: by their UTF-8 bytes, as
        /// `JSONEncoder` sorts (not Swift's string order, which differs for combining accents).
        func keyPrecedes(_ a: Int, _ b: Int) -> Bool {
            let (first, second) = (nodes[a], nodes[b])
            let (firstLength, secondLength) = (Int(first.keyEnd - first.keyStart), Int(second.keyEnd - second.keyStart))
            let order = memcmp(
                text.baseAddress! + Int(first.keyStart), text.baseAddress! + Int(second.keyStart), min(firstLength, secondLength))
            return order < 0 || (order == 0 && firstLength < secondLength)
        }

        mutating func appendText(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            out.update(from: text.baseAddress! + range.lowerBound, count: range.count)
            out += range.count
        }

        mutating func put(_ byte: UInt8) {
            out.pointee = byte
            out += 1
        }

        mutating func put(_ bytes: StaticString) {
            out.update(from: bytes.utf8Start, count: bytes.utf8CodeUnitCount)
            out += bytes.utf8CodeUnitCount
        }

        /// A string of `text` in quotes, escaped as `JSONEncoder` escapes.
        mutating func writeString(_ range: Range<Int>) {
            out = JournalJSONEncoder.quoted(UnsafeBufferPointer(rebasing: text[range]), into: out)
        }
    }
}

/// An encoder whose values go to one node of an arena (for `superEncoder`).
private final class ArenaNodeEncoder: Encoder {
    let arena: EncodingArena
    let node: Int

    init(arena: EncodingArena, node: Int) {
        self.arena = arena
        self.node = node
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ArenaKeyedContainer<Key>(arena: arena, node: arena.become(.object, node)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { ArenaUnkeyedContainer(arena: arena, node: arena.become(.array, node)) }
    func singleValueContainer() -> any SingleValueEncodingContainer { ArenaSingleValueContainer(arena: arena, node: node) }
}

/// A member name written by the arena itself.
private struct Name: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

private struct ArenaKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let arena: EncodingArena
    let node: Int
    var codingPath: [any CodingKey] { [] }

    func encodeNil(forKey key: Key) { arena.setNull(at: arena.child(of: node, key: key)) }
    func encode(_ value: Bool, forKey key: Key) { arena.setBool(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: String, forKey key: Key) { arena.setString(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: Double, forKey key: Key) throws { throw arena.unsupported(value) }
    func encode(_ value: Float, forKey key: Key) throws { throw arena.unsupported(value) }
    func encode(_ value: Int, forKey key: Key) { arena.setInteger(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: Int8, forKey key: Key) { arena.setInteger(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: Int16, forKey key: Key) { arena.setInteger(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: Int32, forKey key: Key) { arena.setInteger(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: Int64, forKey key: Key) { arena.setInteger(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: UInt, forKey key: Key) { arena.setInteger(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: UInt8, forKey key: Key) { arena.setInteger(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: UInt16, forKey key: Key) { arena.setInteger(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: UInt32, forKey key: Key) { arena.setInteger(value, at: arena.child(of: node, key: key)) }
    func encode(_ value: UInt64, forKey key: Key) { arena.setInteger(value, at: arena.child(of: node, key: key)) }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try arena.encode(value, into: arena.child(of: node, key: key)) }

    // The protocol's own `encodeIfPresent` looks up `Optional<T>`'s metadata at every call; these
    // unwrap where the type is known.
    func encodeIfPresent(_ value: String?, forKey key: Key) { if let value { encode(value, forKey: key) } }
    func encodeIfPresent(_ value: Bool?, forKey key: Key) { if let value { encode(value, forKey: key) } }
    func encodeIfPresent(_ value: Int?, forKey key: Key) { if let value { encode(value, forKey: key) } }
    func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { if let value { try encode(value, forKey: key) } }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(ArenaKeyedContainer<NestedKey>(arena: arena, node: arena.become(.object, arena.child(of: node, key: key))))
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ArenaUnkeyedContainer(arena: arena, node: arena.become(.array, arena.child(of: node, key: key)))
    }

    func superEncoder() -> any Encoder { ArenaNodeEncoder(arena: arena, node: arena.child(of: node, key: SuperKey())) }
    func superEncoder(forKey key: Key) -> any Encoder { ArenaNodeEncoder(arena: arena, node: arena.child(of: node, key: key)) }
}

private struct ArenaUnkeyedContainer: UnkeyedEncodingContainer {
    let arena: EncodingArena
    let node: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { arena.childCount(node) }

    private func next() -> Int { arena.element(of: node) }

    func encodeNil() { arena.setNull(at: next()) }
    func encode(_ value: Bool) { arena.setBool(value, at: next()) }
    func encode(_ value: String) { arena.setString(value, at: next()) }
    func encode(_ value: Double) throws { throw arena.unsupported(value) }
    func encode(_ value: Float) throws { throw arena.unsupported(value) }
    func encode(_ value: Int) { arena.setInteger(value, at: next()) }
    func encode(_ value: Int8) { arena.setInteger(value, at: next()) }
    func encode(_ value: Int16) { arena.setInteger(value, at: next()) }
    func encode(_ value: Int32) { arena.setInteger(value, at: next()) }
    func encode(_ value: Int64) { arena.setInteger(value, at: next()) }
    func encode(_ value: UInt) { arena.setInteger(value, at: next()) }
    func encode(_ value: UInt8) { arena.setInteger(value, at: next()) }
    func encode(_ value: UInt16) { arena.setInteger(value, at: next()) }
    func encode(_ value: UInt32) { arena.setInteger(value, at: next()) }
    func encode(_ value: UInt64) { arena.setInteger(value, at: next()) }
    func encode<T: Encodable>(_ value: T) throws { try arena.encode(value, into: next()) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(ArenaKeyedContainer<NestedKey>(arena: arena, node: arena.become(.object, next())))
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ArenaUnkeyedContainer(arena: arena, node: arena.become(.array, next()))
    }
    func superEncoder() -> any Encoder { ArenaNodeEncoder(arena: arena, node: next()) }
}

private struct ArenaSingleValueContainer: SingleValueEncodingContainer {
    let arena: EncodingArena
    let node: Int
    var codingPath: [any CodingKey] { [] }

    func encodeNil() { arena.setNull(at: node) }
    func encode(_ value: Bool) { arena.setBool(value, at: node) }
    func encode(_ value: String) { arena.setString(value, at: node) }
    func encode(_ value: Double) throws { throw arena.unsupported(value) }
    func encode(_ value: Float) throws { throw arena.unsupported(value) }
    func encode(_ value: Int) { arena.setInteger(value, at: node) }
    func encode(_ value: Int8) { arena.setInteger(value, at: node) }
    func encode(_ value: Int16) { arena.setInteger(value, at: node) }
    func encode(_ value: Int32) { arena.setInteger(value, at: node) }
    func encode(_ value: Int64) { arena.setInteger(value, at: node) }
    func encode(_ value: UInt) { arena.setInteger(value, at: node) }
    func encode(_ value: UInt8) { arena.setInteger(value, at: node) }
    func encode(_ value: UInt16) { arena.setInteger(value, at: node) }
    func encode(_ value: UInt32) { arena.setInteger(value, at: node) }
    func encode(_ value: UInt64) { arena.setInteger(value, at: node) }
    func encode<T: Encodable>(_ value: T) throws { try arena.encode(value, into: node) }
}
