/// Writes the state in the compact binary form of the snapshot cache (see `StateReader`):
/// integers as LEB128 varints (signed ones zig-zagged), strings as their number in a table of
/// each distinct string — a name recorded on 50,000 positions is stored, and read, once — which
/// is written ahead of the values, so that parts of them can be read at the same time.
public struct StateWriter {
    public internal(set) var bytes: [UInt8] = []
    private var stringNumbers: [String: Int] = [:]
    /// Every distinct string written, in the order first written.
    public private(set) var strings: [String] = []

    public init() {}

    public mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func int(_ value: Int) { int64(Int64(value)) }

    public mutating func int64(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// The string's number in the table (the next one, the first time).
    public mutating func string(_ value: String) {
        if let number = stringNumbers[value] { return unsigned(UInt64(number)) }
        stringNumbers[value] = strings.count
        unsigned(UInt64(strings.count))
        strings.append(value)
    }

    /// The table of strings: how many, then each one's length and UTF-8 bytes.
    public func stringTable() -> [UInt8] {
        var table = StateWriter()
        table.unsigned(UInt64(strings.count))
        for var text in strings {
            text.withUTF8 { utf8 in
                table.unsigned(UInt64(utf8.count))
                table.bytes.append(contentsOf: utf8)
            }
        }
        return table.bytes
    }

    mutating func write<Value: StateCodable>(_ value: Value) { value.write(to: &self) }

    mutating func write<Value: StateCodable>(_ value: Value?) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        value.write(to: &self)
    }

    mutating func write<Element: StateCodable>(_ values: [Element]) {
        unsigned(UInt64(values.count))
        for value in values { value.write(to: &self) }
    }

    mutating func write<Element: StateCodable>(_ values: [Element]?) {
        guard let values else { return bytes.append(0) }
        bytes.append(1)
        write(values)
    }

    mutating func write<Key: StateCodable, Value: StateCodable>(_ values: [Key: Value]) {
        unsigned(UInt64(values.count))
        for (key, value) in values {
            key.write(to: &self)
            value.write(to: &self)
        }
    }

    mutating func write<Element: StateCodable>(_ values: Set<Element>) {
        unsigned(UInt64(values.count))
        for value in values { value.write(to: &self) }
    }
}

/// A value the snapshot cache stores in binary. Every stored property is written, in order;
/// `StateCodingTests` fails when a type gains a property its coding does not know.
protocol StateCodable {
    func write(to writer: inout StateWriter)
    init(from reader: inout StateReader) throws(StateReader.Failure)
}
