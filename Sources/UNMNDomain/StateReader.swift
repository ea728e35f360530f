/// Reads what `StateWriter` wrote. Nothing it reads is trusted: every length is checked against
/// the bytes left, every tag against its cases, every string against UTF-8, so that a damaged
/// or forged snapshot is refused (the journal is then replayed) and never crashes the console.
public struct StateReader: ~Copyable {
    public struct Failure: Error, Sendable, Equatable {
        public var reason: String
        /// Written by a version of unmn whose state had other cases: not damage.
        public var isOtherVersion = false

        init(_ reason: String, isOtherVersion: Bool = false) {
            self.reason = reason
            self.isOtherVersion = isOtherVersion
        }
    }

    private let bytes: UnsafeRawBufferPointer
    public private(set) var position = 0
    private let strings: [String]
    /// The hashes of the short strings (`hashes(of:)`), 0 for the others.
    private let hashes: [Int]

    /// A reader of values whose strings are numbers in `strings`.
    public init(_ bytes: UnsafeRawBufferPointer, strings: [String] = [], hashes: [Int] = []) {
        self.bytes = bytes
        self.strings = strings
        self.hashes = hashes
    }

    /// The hashes of a table's short strings (up to 32 bytes: codes, references, names), worked
    /// out once: each is read as an identifier or entity code many times (`hashedString()`).
    static func hashes(of strings: [String]) -> [Int] { strings.map { $0.utf8.count <= 32 ? $0.hashValue : 0 } }

    /// Reads a table of strings as `StateWriter.stringTable` wrote it.
    public mutating func stringTable() throws(Failure) -> [String] {
        let count = try count()
        var table: [String] = []
        table.reserveCapacity(count)
        for _ in 0..<count {
            let length = try self.count()
            let utf8 = UnsafeRawBufferPointer(rebasing: bytes[position..<position + length])
            guard let text = validUTF8String(utf8) else { throw Failure("a string is not UTF-8 at byte \(position)") }
            position += length
            table.append(text)
        }
        return table
    }

    public var isAtEnd: Bool { position == bytes.count }

    /// Most numbers (string numbers, counts, small integers) are one byte: read those inline.
    @inline(__always)
    public mutating func unsigned() throws(Failure) -> UInt64 {
        if position < bytes.count, bytes[position] < 0x80 {
            defer { position += 1 }
            return UInt64(bytes[position])
        }
        return try longerUnsigned()
    }

    private mutating func longerUnsigned() throws(Failure) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { break }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw Failure("a number runs past the end at byte \(position)")
    }

    public mutating func int64() throws(Failure) -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    public mutating func int() throws(Failure) -> Int {
        let value = try int64()
        guard let narrowed = Int(exactly: value) else { throw Failure("a number is out of range at byte \(position)") }
        return narrowed
    }

    public mutating func byte() throws(Failure) -> UInt8 {
        guard position < bytes.count else { throw Failure("the snapshot ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    public mutating func bool() throws(Failure) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Failure("a yes/no flag is neither at byte \(position - 1)")
        }
    }

    /// A count of things that follow, each at least one byte: never more than the bytes left.
    public mutating func count() throws(Failure) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - position) else { throw Failure("a count of \(value) exceeds what is left at byte \(position)") }
        return Int(value)
    }

    /// A string with its hash: from the table's when it was worked out once.
    mutating func hashedString() throws(Failure) -> HashedString { hashedString(number: try stringNumber()) }

    /// A string's number in the table (checked), for a reader that keeps what it made of each.
    /// (Inlined: every string of a snapshot is read through it.)
    @inline(__always) mutating func stringNumber() throws(Failure) -> Int {
        let number = try unsigned()
        guard number < UInt64(strings.count) else { throw Failure("a string refers to one not in the table at byte \(position)") }
        return Int(number)
    }

    /// How many strings the table holds.
    var stringCount: Int { strings.count }

    /// The string at a number `stringNumber()` read.
    func string(number: Int) -> String { strings[number] }

    /// The same with its hash, as `hashedString()` gives it.
    @inline(__always) func hashedString(number: Int) -> HashedString {
        guard number < hashes.count, hashes[number] != 0 else { return HashedString(strings[number]) }
        return HashedString(strings[number], hash: hashes[number])
    }

    public mutating func string() throws(Failure) -> String { strings[try stringNumber()] }

    /// The case number of an enumeration, below `cases`.
    mutating func tag(below cases: UInt8, of type: String) throws(Failure) -> UInt8 {
        let tag = try byte()
        guard tag < cases else { throw Failure("\(type) has no case \(tag) (byte \(position - 1))") }
        return tag
    }

    mutating func read<Value: StateCodable>(_: Value.Type = Value.self) throws(Failure) -> Value { try Value(from: &self) }

    mutating func read<Value: StateCodable>(_: Value?.Type = Value?.self) throws(Failure) -> Value? {
        try bool() ? try Value(from: &self) : nil
    }

    mutating func read<Element: StateCodable>(_: [Element].Type = [Element].self) throws(Failure) -> [Element] {
        let count = try count()
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try Element(from: &self)) }
        return values
    }

    /// An array that must take every byte left.
    mutating func read<Element: StateCodable>(_ type: [Element].Type, wholly: Bool) throws(Failure) -> [Element] {
        let values = try read(type)
        guard isAtEnd || !wholly else { throw Failure("bytes follow the values at byte \(position)") }
        return values
    }

    mutating func read<Element: StateCodable>(_: [Element]?.Type = [Element]?.self) throws(Failure) -> [Element]? {
        try bool() ? try read([Element].self) : nil
    }

    mutating func read<Key: StateCodable, Value: StateCodable>(_: [Key: Value].Type = [Key: Value].self) throws(Failure) -> [Key: Value] {
        let count = try count()
        var values: [Key: Value] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let key = try Key(from: &self)
            values[key] = try Value(from: &self)
        }
        guard values.count == count else { throw Failure("a table repeats a key (byte \(position))") }
        return values
    }

    mutating func read<Element: StateCodable>(_: Set<Element>.Type = Set<Element>.self) throws(Failure) -> Set<Element> {
        let count = try count()
        var values: Set<Element> = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.insert(try Element(from: &self)) }
        return values
    }
}
