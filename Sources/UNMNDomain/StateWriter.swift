/// Writes the state in the compact binary form of the snapshot cache (see `StateReader`):
/// integers as LEB128 varints (signed ones zig-zagged), each distinct string once — later uses
/// point back at it, so a name recorded on 50,000 positions is stored, and read, once.
public struct StateWriter {
    public private(set) var bytes: [UInt8] = []
    private var stringNumbers: [String: Int] = [:]

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

    /// 0 and the UTF-8 bytes the first time a string is written; its number (from 1) after that.
    public mutating func string(_ value: String) {
        if let number = stringNumbers[value] {
            unsigned(UInt64(number))
            return
        }
        stringNumbers[value] = stringNumbers.count + 1
        unsigned(0)
        var text = value
        text.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
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
