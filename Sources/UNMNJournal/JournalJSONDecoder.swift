import Foundation
import UNMNDomain

/// Reads the journal's JSON (records and snapshots) into the domain's `Decodable` types,
/// without Foundation's `JSONDecoder`, which cost 77 % of a replayed record's instructions.
///
/// The format is unchanged and the types' `Codable` conformances stay its one description: this
/// reads exactly what `JSONEncoder` writes with its default strategies (including `Decimal` as
/// a JSON number), so a journal reads the same through either decoder — the tests compare both
/// on every sample record, random text and whole states. It is fast because the text is parsed
/// once into a tape (`JSONTape`), member names are compared as bytes against the coding keys,
/// one decoder object walks the whole value instead of one per level, and the commonest leaves
/// (the domain's identifiers, instants, dates and positions) are read straight from the tape.
///
/// Not thread-safe: one reader per thread (each scan makes its own).
public final class JournalJSONDecoder {
    // One reader per thread (see above): no access to it overlaps another.
    @exclusivity(unchecked) private var tape = JSONTape()
    /// What the last records read held that the next ones likely hold again.
    private let recent: RecentValues
    /// One walker for every text this reader reads (not one made for each record).
    private let walker: TapeDecoder

    public init() {
        recent = RecentValues()
        walker = TapeDecoder(
            bytes: UnsafeRawBufferPointer(start: nil, count: 0), nodes: UnsafeBufferPointer(start: nil, count: 0), recent: recent)
    }

    public func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        try walk(bytes) { try $0.decodeValue(T.self, at: 0) }
    }

    /// The record with this body: read in one pass when it is one of the commonest records as the
    /// journal writes them (`WrittenOrderReader`), else straight from the tape when it has one of
    /// the common shapes (`TapeDecoder.commonRecord`), otherwise through its `Codable` conformance.
    func decodeRecord(from bytes: UnsafeRawBufferPointer, sequence: UInt64) throws -> JournalRecord {
        try readRecord(from: bytes, sequence: sequence).record
    }

    /// The same, saying as well whether the record's events are its command's plain events
    /// (`EventBatch.eventsArePlain`): the written-order reader knows when it compared them.
    func readRecord(from bytes: UnsafeRawBufferPointer, sequence: UInt64) throws -> JournalScan.ReadRecord {
        let slot = UnsafeMutablePointer<JournalRecord>.allocate(capacity: 1)
        defer { slot.deallocate() }
        let eventsArePlain = try readRecord(from: bytes, sequence: sequence, into: slot)
        return (slot.move(), eventsArePlain)
    }

    /// Reads the record into `slot` (uninitialised; initialised unless this throws) and says
    /// whether its events are its command's plain events.
    func readRecord(from bytes: UnsafeRawBufferPointer, sequence: UInt64, into slot: UnsafeMutablePointer<JournalRecord>) throws -> Bool {
        var reader = WrittenOrderReader(bytes, recent: recent)
        if reader.record(sequence: sequence, into: slot) {
            if reader.eventsArePlain { return true }
            // Asked of a record moved out for the question (and back): asked where it lies, the
            // batch was copied, every string and list in it retained and released.
            let record = slot.move()
            defer { slot.initialize(to: consume record) }
            return record.batch.eventsArePlain
        }
        let record = try walk(bytes) { decoder in
            if let record = decoder.commonRecord(sequence: sequence) { return record }
            let body = try decoder.decodeValue(JournalRecord.Body.self, at: 0)
            return JournalRecord(sequence: sequence, osUser: body.osUser, batch: body.batch)
        }
        let eventsArePlain = record.batch.eventsArePlain
        slot.initialize(to: record)
        return eventsArePlain
    }

    /// Parses `bytes` into the tape, then reads it with one walker.
    private func walk<Value>(_ bytes: UnsafeRawBufferPointer, _ read: (TapeDecoder) throws -> Value) throws -> Value {
        do { try tape.parse(bytes) } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "Not JSON: \(error)"))
        }
        return try tape.withNodes { nodes throws in
            walker.start(bytes: bytes, nodes: nodes)
            return try read(walker)
        }
    }

    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBytes { try decode(type, from: $0) }
    }
}

/// Walks the tape. Containers remember their own node; the decoder's `current` node is moved
/// for the duration of each nested `init(from:)` and put back after.
final class TapeDecoder: Decoder {
    // Set only by `start`, between two texts; one walker per thread, so no access overlaps.
    @exclusivity(unchecked) private(set) var bytes: UnsafeRawBufferPointer
    @exclusivity(unchecked) private(set) var nodes: UnsafeBufferPointer<JSONTape.Node>
    let recent: RecentValues?
    var current = 0

    init(bytes: UnsafeRawBufferPointer, nodes: UnsafeBufferPointer<JSONTape.Node>, recent: RecentValues? = nil) {
        self.bytes = bytes
        self.nodes = nodes
        self.recent = recent
    }

    /// Walks another text from its start.
    func start(bytes: UnsafeRawBufferPointer, nodes: UnsafeBufferPointer<JSONTape.Node>) {
        (self.bytes, self.nodes, current, lastFound) = (bytes, nodes, 0, (-1, 0))
    }

    // Paths are not tracked (it would cost an array per value); errors name the value's byte.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try require(.object, at: current)
        return KeyedDecodingContainer(KeyedTapeContainer<Key>(decoder: self, object: current))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try require(.array, at: current)
        return UnkeyedTapeContainer(decoder: self, array: current)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueTapeContainer(decoder: self, node: current) }

    // MARK: Values

    func decodeValue<T: Decodable>(_ type: T.Type, at node: Int) throws -> T {
        // The leaves a record is made of, read straight from the tape: each would otherwise cost
        // a container (a boxed generic) per value. (`unsafeBitCast` between identical types.)
        if T.self == String.self { return unsafeBitCast(try string(at: node), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(Int.self, at: node), to: T.self) }
        if T.self == Int64.self { return unsafeBitCast(try integer(Int64.self, at: node), to: T.self) }
        if T.self == UInt64.self { return unsafeBitCast(try integer(UInt64.self, at: node), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try bool(at: node), to: T.self) }
        // JSONEncoder writes a Decimal as a number, not as its keyed Codable form.
        if T.self == Decimal.self { return try decimal(at: node) as! T }
        // The domain's identifiers are plain strings; an instant is {"secondsSinceEpoch": N}.
        if T.self == EntityCode.self { return unsafeBitCast(try hashedText(at: node, as: EntityCode.self), to: T.self) }
        if T.self == ItemReference.self { return unsafeBitCast(try hashedText(at: node, as: ItemReference.self), to: T.self) }
        if T.self == MeetingReference.self { return unsafeBitCast(try hashedText(at: node, as: MeetingReference.self), to: T.self) }
        if T.self == FocalPointID.self { return unsafeBitCast(try hashedText(at: node, as: FocalPointID.self), to: T.self) }
        if T.self == ActionPointID.self { return unsafeBitCast(try hashedText(at: node, as: ActionPointID.self), to: T.self) }
        if T.self == Instant.self, let seconds = member("secondsSinceEpoch", of: node) {
            return unsafeBitCast(Instant(secondsSinceEpoch: try integer(Int64.self, at: seconds)), to: T.self)
        }
        if T.self == LocalDate.self, let year = member("year", of: node), let month = member("month", of: node),
            let day = member("day", of: node),
            let date = LocalDate(
                year: try integer(Int.self, at: year), month: try integer(Int.self, at: month), day: try integer(Int.self, at: day))
        {
            return unsafeBitCast(date, to: T.self)
        }
        // A position (in every item's history, the bulk of a snapshot): {"agree":{}},
        // {"standAside":{"reason":…}} or {"object":{"reason":"…"}}, as Swift writes the enum.
        if T.self == Position.self, let position = try position(at: node) { return unsafeBitCast(position, to: T.self) }
        if T.self == PositionRecord.Source.self, let source = PositionRecord.Source(rawValue: try string(at: node)) {
            return unsafeBitCast(source, to: T.self)
        }
        let saved = current
        current = node
        defer { current = saved }
        return try T(from: self)
    }

    /// A position read straight from the tape; nil for anything else (the general path then
    /// decodes it, or says what is wrong).
    func position(at node: Int) throws -> Position? {
        guard nodes[node].kind == .object, nodes[node].count == 1, nodes[node + 2].kind == .object else { return nil }
        let (name, details) = (node + 1, node + 2)
        if isName("agree", name) { return .agree }
        if isName("standAside", name) {
            guard let reason = member("reason", of: details), !isNull(reason) else { return .standAside(reason: nil) }
            return .standAside(reason: try string(at: reason))
        }
        if isName("object", name), let reason = member("reason", of: details) { return .object(reason: try string(at: reason)) }
        return nil
    }

    /// Whether a member-name node is exactly `name` (unescaped).
    @inline(__always) func isName(_ name: StaticString, _ node: Int) -> Bool {
        let key = nodes[node]
        let length = Int(key.end - key.start)
        return key.kind == .string && length == name.utf8CodeUnitCount
            && equalBytes(name.utf8Start, bytes.baseAddress! + Int(key.start), count: length)
    }

    /// The node of an object's member, by name; nil when the node is not an object or lacks it
    /// (the caller then takes the general path, which says what is wrong).
    ///
    /// The search starts after the member found last in the same object and goes round: records
    /// are written with their members in order (`JSONEncoder`'s sorted keys), and the readers of
    /// the commonest ones ask in that order, so most names are found at the first place looked.
    /// Inlined, so that each name is compared as the constant it is (a word or two at once).
    @inline(__always) func member(_ name: StaticString, of object: Int) -> Int? {
        guard nodes[object].kind == .object else { return nil }
        let (first, end) = (object + 1, Int(nodes[object].next))
        var member = lastFound.object == object && lastFound.next < end ? lastFound.next : first
        for _ in 0..<nodes[object].count {
            if isName(name, member) {
                lastFound = (object, Int(nodes[member + 1].next))
                return member + 1
            }
            member = Int(nodes[member + 1].next)
            if member == end { member = first }
        }
        return nil
    }

    /// The object a member was last found in, and the member after that one.
    private var lastFound = (object: -1, next: 0)

    func require(_ kind: JSONTape.Kind, at node: Int) throws {
        let found = nodes[node].kind
        guard found == kind || (kind == .string && found == .escapedString) else {
            throw mismatch("\(kind)", at: node)
        }
    }

    func mismatch(_ expected: String, at node: Int) -> DecodingError {
        DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: [], debugDescription: "Expected \(expected), found \(nodes[node].kind) at byte \(nodes[node].start)"))
    }

    func text(at node: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[Int(nodes[node].start)..<Int(nodes[node].end)])
    }

    func isNull(_ node: Int) -> Bool { nodes[node].kind == .null }

    func bool(at node: Int) throws -> Bool {
        switch nodes[node].kind {
        case .trueValue: return true
        case .falseValue: return false
        default: throw mismatch("a Boolean", at: node)
        }
    }

    /// An identifier or entity code: its text with the text's hash, kept with the text when it is
    /// one of those read lately.
    func hashedText<Text: HashedText>(at node: Int, as type: Text.Type = Text.self) throws -> Text {
        guard nodes[node].kind == .string else { return Text(HashedString(try string(at: node))) }
        guard let text = plainHashedText(bytes, from: Int(nodes[node].start), to: Int(nodes[node].end), recent: recent, as: Text.self)
        else { throw mismatch("UTF-8 text", at: node) }
        return text
    }

    func string(at node: Int) throws -> String {
        switch nodes[node].kind {
        case .string:
            guard let string = plainString(bytes, from: Int(nodes[node].start), to: Int(nodes[node].end), recent: recent) else {
                throw mismatch("UTF-8 text", at: node)
            }
            return string
        case .escapedString:
            guard let string = unescapedString(text(at: node)) else { throw mismatch("a valid escape and UTF-8 text", at: node) }
            return string
        default:
            throw mismatch("a string", at: node)
        }
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type, at node: Int) throws -> I {
        guard nodes[node].kind == .number else { throw mismatch("a number", at: node) }
        let digits = text(at: node)
        let negative = digits[0] == UInt8(ascii: "-")
        // Up to eighteen digits cannot overflow 64 bits: summed without a check at each digit
        // (the instants and versions of every record), then fitted to the type once.
        let start = negative ? 1 : 0
        if digits.count - start <= 18 && digits.count > start {
            var magnitude: Int64 = 0
            var allDigits = true
            for offset in start..<digits.count {
                let digit = digits[offset] &- UInt8(ascii: "0")
                allDigits = allDigits && digit < 10
                magnitude = magnitude &* 10 &+ Int64(digit)
            }
            if allDigits {
                guard let value = I(exactly: negative ? -magnitude : magnitude) else {
                    throw mismatch("a number that fits \(I.self)", at: node)
                }
                return value
            }
        }
        var value: I = 0
        var overflow = false
        for byte in digits.dropFirst(negative ? 1 : 0) {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                // A fraction or an exponent: accepted when it is a whole number, as JSONDecoder does.
                guard let double = Double(String(decoding: digits, as: UTF8.self)), let exact = I(exactly: double) else {
                    throw mismatch("a whole number that fits \(I.self)", at: node)
                }
                return exact
            }
            let digit = I(byte - UInt8(ascii: "0"))
            (value, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { throw mismatch("a number that fits \(I.self)", at: node) }
            (value, overflow) = negative ? value.subtractingReportingOverflow(digit) : value.addingReportingOverflow(digit)
            if overflow { throw mismatch("a number that fits \(I.self)", at: node) }
        }
        return value
    }

    func floatingPoint<F: LosslessStringConvertible>(_ type: F.Type, at node: Int) throws -> F {
        guard nodes[node].kind == .number, let value = F(String(decoding: text(at: node), as: UTF8.self)) else {
            throw mismatch("a number", at: node)
        }
        return value
    }

    func decimal(at node: Int) throws -> Decimal {
        guard nodes[node].kind == .number, let value = Decimal(amount: String(decoding: text(at: node), as: UTF8.self)) else {
            throw mismatch("a number", at: node)
        }
        return value
    }
}

/// The text of a JSON string's bytes (inside its quotes) with its escapes resolved (`\n`, `\"`,
/// `\u00e9`, surrogate pairs); nil when an escape is not one JSON defines or the text is not UTF-8.
func unescapedString(_ raw: UnsafeRawBufferPointer) -> String? {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(raw.count)
    var index = 0
    func hex4(_ at: Int) -> UInt16? {
        guard at + 4 <= raw.count else { return nil }
        var value: UInt16 = 0
        for byte in raw[at..<(at + 4)] {
            guard let digit = byte.hexDigitValue else { return nil }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
    while index < raw.count {
        let byte = raw[index]
        guard byte == UInt8(ascii: "\\") else {
            utf8.append(byte)
            index += 1
            continue
        }
        guard index + 1 < raw.count else { return nil }
        let escape = raw[index + 1]
        index += 2
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            guard let first = hex4(index) else { return nil }
            index += 4
            var scalar: Unicode.Scalar?
            if UTF16.isLeadSurrogate(first) {
                guard index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u"),
                    let second = hex4(index + 2), UTF16.isTrailSurrogate(second)
                else { return nil }
                index += 6
                scalar = Unicode.Scalar(0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00))
            } else {
                scalar = Unicode.Scalar(first)
            }
            guard let scalar else { return nil }
            utf8.append(contentsOf: UTF8.encode(scalar)!)
        default:
            return nil
        }
    }
    return utf8.withUnsafeBytes { validUTF8String($0) }
}

extension UInt8 {
    fileprivate var hexDigitValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return self - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

// MARK: Containers

private struct KeyedTapeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeDecoder
    let object: Int
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var member = object + 1
        for _ in 0..<decoder.nodes[object].count {
            if let name = try? decoder.string(at: member), let key = Key(stringValue: name) { keys.append(key) }
            member = Int(decoder.nodes[member + 1].next)
        }
        return keys
    }

    /// The node of the member's value, by comparing its name's bytes with the key's.
    func value(for key: Key) -> Int? { value(named: key.stringValue) }

    func value(named text: String) -> Int? {
        var name = text
        return name.withUTF8 { wanted -> Int? in
            var member = object + 1
            for _ in 0..<decoder.nodes[object].count {
                let node = decoder.nodes[member]
                let length = Int(node.end - node.start)
                if node.kind == .string {
                    if length == wanted.count
                        && (length == 0 || memcmp(wanted.baseAddress!, decoder.bytes.baseAddress! + Int(node.start), length) == 0)
                    {
                        return member + 1
                    }
                } else if (try? decoder.string(at: member)) == String(decoding: wanted, as: UTF8.self) {
                    return member + 1
                }
                member = Int(decoder.nodes[member + 1].next)
            }
            return nil
        }
    }

    func required(_ key: Key) throws -> Int {
        guard let node = value(for: key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: "No value for \(key.stringValue)"))
        }
        return node
    }

    func contains(_ key: Key) -> Bool { value(for: key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { decoder.isNull(try required(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(at: required(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(at: required(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.floatingPoint(type, at: required(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.floatingPoint(type, at: required(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(type, at: required(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(type, at: required(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(type, at: required(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(type, at: required(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(type, at: required(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(type, at: required(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(type, at: required(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.integer(type, at: required(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.integer(type, at: required(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.integer(type, at: required(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.decodeValue(type, at: required(key)) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = value(for: key), !decoder.isNull(node) else { return nil }
        return try decoder.decodeValue(type, at: node)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let node = try required(key)
        try decoder.require(.object, at: node)
        return KeyedDecodingContainer(KeyedTapeContainer<NestedKey>(decoder: decoder, object: node))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let node = try required(key)
        try decoder.require(.array, at: node)
        return UnkeyedTapeContainer(decoder: decoder, array: node)
    }

    func superDecoder() throws -> any Decoder { try superDecoder(at: value(named: "super")) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(at: required(key)) }

    private func superDecoder(at node: Int?) throws -> any Decoder {
        guard let node else {
            throw DecodingError.valueNotFound(Any.self, DecodingError.Context(codingPath: [], debugDescription: "No super"))
        }
        let nested = TapeDecoder(bytes: decoder.bytes, nodes: decoder.nodes, recent: decoder.recent)
        nested.current = node
        return nested
    }
}

private struct UnkeyedTapeContainer: UnkeyedDecodingContainer {
    let decoder: TapeDecoder
    let array: Int
    private(set) var currentIndex = 0
    /// The node of the next element.
    private var position: Int

    init(decoder: TapeDecoder, array: Int) {
        self.decoder = decoder
        self.array = array
        position = array + 1
    }

    var codingPath: [any CodingKey] { [] }
    var count: Int? { Int(decoder.nodes[array].count) }
    var isAtEnd: Bool { currentIndex >= Int(decoder.nodes[array].count) }

    private mutating func next() throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                Any.self, DecodingError.Context(codingPath: [], debugDescription: "The array has no more elements"))
        }
        let node = position
        position = Int(decoder.nodes[node].next)
        currentIndex += 1
        return node
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.isNull(position) else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: next()) }
    mutating func decode(_ type: String.Type) throws -> String { try decoder.string(at: next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decoder.floatingPoint(type, at: next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decoder.floatingPoint(type, at: next()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type, at: next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type, at: next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type, at: next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type, at: next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type, at: next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type, at: next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type, at: next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type, at: next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type, at: next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type, at: next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type, at: next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let node = try next()
        try decoder.require(.object, at: node)
        return KeyedDecodingContainer(KeyedTapeContainer<NestedKey>(decoder: decoder, object: node))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let node = try next()
        try decoder.require(.array, at: node)
        return UnkeyedTapeContainer(decoder: decoder, array: node)
    }

    mutating func superDecoder() throws -> any Decoder {
        let nested = TapeDecoder(bytes: decoder.bytes, nodes: decoder.nodes, recent: decoder.recent)
        nested.current = try next()
        return nested
    }
}

private struct SingleValueTapeContainer: SingleValueDecodingContainer {
    let decoder: TapeDecoder
    let node: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { decoder.isNull(node) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: node) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(at: node) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.floatingPoint(type, at: node) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.floatingPoint(type, at: node) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type, at: node) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type, at: node) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type, at: node) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type, at: node) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type, at: node) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type, at: node) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type, at: node) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type, at: node) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type, at: node) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type, at: node) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type, at: node) }
}

/// The string of the bytes `start..<end` of `bytes`, a string without escapes; nil when they are
/// not UTF-8. Codes, references, names and words come back record after record: one of those
/// kept in `recent` is not made again.
@inline(__always) func plainString(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, recent: RecentValues?) -> String? {
    let short = recent == nil ? nil : ShortText(bytes, at: start, count: end - start)
    if let short, let known = recent?.string(short) { return known }
    guard let string = validUTF8String(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) else { return nil }
    if let short { recent?.remember(string, as: short) }
    return string
}

/// An identifier or entity code of the bytes `start..<end` (a string without escapes): its text
/// with the text's hash, kept with the text when it is one of those read lately.
@inline(__always) func plainHashedText<Text: HashedText>(
    _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, recent: RecentValues?, as type: Text.Type
) -> Text? {
    if let recent, let short = ShortText(bytes, at: start, count: end - start) {
        if let (known, hash) = recent.hashedString(short) { return Text(HashedString(known, hash: hash)) }
        guard let string = plainString(bytes, from: start, to: end, recent: recent) else { return nil }
        return Text(HashedString(string, hash: recent.rememberHash(of: string, as: short)))
    }
    return plainString(bytes, from: start, to: end, recent: recent).map { Text(HashedString($0)) }
}

/// Values a reader met in its last record, kept with their bytes: one secretariat officer writes
/// record after record, and reading the same operator again (three strings and a role) was a
/// seventh of the typed reader's work. Only ever used when the bytes are the same.
final class RecentValues {
    private var operatorBytes: [UInt8] = []
    private var lastOperator: Operator?
    /// Strings read lately, in a table of `slots` places found from their bytes; a string read
    /// where another was kept takes its place.
    private let texts: UnsafeMutablePointer<ShortText>
    private let strings: UnsafeMutablePointer<String>
    /// Each string's hash once an identifier was made of it (0 until then).
    private let hashes: UnsafeMutablePointer<Int>
    private static let slots = 256

    init() {
        texts = .allocate(capacity: Self.slots)
        texts.initialize(repeating: ShortText(), count: Self.slots)
        strings = .allocate(capacity: Self.slots)
        strings.initialize(repeating: "", count: Self.slots)
        hashes = .allocate(capacity: Self.slots)
        hashes.initialize(repeating: 0, count: Self.slots)
    }

    deinit {
        texts.deallocate()
        strings.deinitialize(count: Self.slots)
        strings.deallocate()
        hashes.deallocate()
    }

    /// The last operator read, if the bytes at `pointer` (`available` of them) begin with all of
    /// its written bytes; with how many those are.
    @inline(__always) func `operator`(at pointer: UnsafeRawPointer, available: Int) -> (Operator, Int)? {
        guard let lastOperator, !operatorBytes.isEmpty, operatorBytes.count <= available else { return nil }
        let count = operatorBytes.count
        return operatorBytes.withUnsafeBytes { equalBytes($0.baseAddress!, pointer, count: count) } ? (lastOperator, count) : nil
    }

    func remember(operator value: Operator, written: UnsafeRawBufferPointer) {
        operatorBytes = Array(written)
        lastOperator = value
    }

    /// The string last read from these bytes (a string without escapes), if it is still kept.
    @inline(__always) func string(_ text: ShortText) -> String? {
        let slot = text.slot(of: Self.slots)
        return texts[slot] == text ? strings[slot] : nil
    }

    func remember(_ string: String, as text: ShortText) {
        let slot = text.slot(of: Self.slots)
        texts[slot] = text
        strings[slot] = string
        hashes[slot] = 0
    }

    /// The string last read from these bytes with its hash, if both are kept.
    @inline(__always) func hashedString(_ text: ShortText) -> (String, Int)? {
        let slot = text.slot(of: Self.slots)
        return texts[slot] == text && hashes[slot] != 0 ? (strings[slot], hashes[slot]) : nil
    }

    /// Keeps the string read from these bytes with its hash; returns the hash.
    func rememberHash(of string: String, as text: ShortText) -> Int {
        let hash = string.hashValue
        remember(string, as: text)
        hashes[text.slot(of: Self.slots)] = hash
        return hash
    }
}

/// Up to 32 bytes of text held as four words and a length: the same words and length are the
/// same bytes. A word covers eight bytes of the text from its start, the last one its last
/// eight (overlapping the one before), or, for text shorter than eight, the eight bytes ending
/// where it ends with those before it shifted out.
struct ShortText: Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var count = 0

    init() {}

    /// The text of `count` bytes at `start` in `bytes`; nil when it is longer than 32 bytes.
    @inline(__always) init?(_ bytes: UnsafeRawBufferPointer, at start: Int, count: Int) {
        guard count <= 32, let base = bytes.baseAddress else { return nil }
        self.count = count
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self)) }
        switch count {
        case 0: break
        case 1..<8:
            if start >= 8 - count {
                words.0 = word(count - 8) >> UInt64((8 - count) * 8)
            } else {
                for offset in 0..<count { words.0 |= UInt64(bytes[start + offset]) << UInt64(offset * 8) }
            }
        case 8...16: words = (word(0), word(count - 8), 0, 0)
        case 17...24: words = (word(0), word(8), word(count - 8), 0)
        default: words = (word(0), word(8), word(16), word(count - 8))
        }
    }

    @inline(__always) func slot(of slots: Int) -> Int {
        let mixed = (words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15) ^ (words.2 &* 0xC2B2_AE3D_27D4_EB4F) ^ words.3 ^ UInt64(count))
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 32) & (slots - 1)
    }

    static func == (lhs: ShortText, rhs: ShortText) -> Bool {
        lhs.count == rhs.count && lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
            && lhs.words.3 == rhs.words.3
    }
}
