/// A JSON text parsed in one pass into a flat list of nodes (a "tape"): where each value lies in
/// the bytes and where the next one starts. Nothing is copied or converted until a decoder asks
/// for a value, so skipping a member costs one index jump.
///
/// Strict RFC 8259: one value, nothing after it but whitespace; no comments, trailing commas or
/// control characters in strings; at most `maximumDepth` containers deep, so that a crafted
/// snapshot cannot exhaust the stack.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, string, escapedString, number, trueValue, falseValue, null
    }

    struct Node {
        var kind: Kind
        /// Bytes of the value; for a string, inside its quotes.
        var start: Int32
        var end: Int32
        /// The node after this value and everything inside it.
        var next: Int32
        /// Members of an object, elements of an array.
        var count: Int32
    }

    struct SyntaxError: Error, CustomStringConvertible {
        var offset: Int
        var reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    static let maximumDepth = 256

    private(set) var nodes: [Node] = []

    init() {}

    /// Parses `bytes`, reusing the node storage of the last parse.
    mutating func parse(_ bytes: UnsafeRawBufferPointer) throws(SyntaxError) {
        nodes.removeAll(keepingCapacity: true)
        guard bytes.count < Int(Int32.max) else { throw SyntaxError(offset: 0, reason: "the text is too long") }
        // A record's line has about one node for every eight bytes: room once, not grown per record.
        nodes.reserveCapacity(bytes.count / 4)
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        try parser.value(into: &nodes, depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw SyntaxError(offset: parser.position, reason: "unexpected text after the value") }
    }

    /// Where the first quote, backslash or control character (below 0x20) lies in eight bytes,
    /// the first byte lowest: its high bit is the mask's lowest set bit (0 if there is none). Bytes
    /// of 0x80 and above (UTF-8's multi-byte sequences) are plain text here. Bits above the lowest
    /// may be set wrongly (a borrow), so only the lowest is read.
    @inline(__always) static func firstQuoteBackslashOrControl(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highBits }
        let belowSpace = (word &- ones &* 0x20) & ~word & highBits
        return belowSpace | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
    }

    private struct Parser {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        func fail(_ reason: String) -> SyntaxError { SyntaxError(offset: position, reason: reason) }

        mutating func value(into nodes: inout [Node], depth: Int) throws(SyntaxError) {
            guard position < bytes.count else { throw fail("the text ends where a value was expected") }
            switch bytes[position] {
            case UInt8(ascii: "{"): try container(into: &nodes, depth: depth, isObject: true)
            case UInt8(ascii: "["): try container(into: &nodes, depth: depth, isObject: false)
            case UInt8(ascii: "\""): try string(into: &nodes)
            case UInt8(ascii: "t"): try literal("true", .trueValue, into: &nodes)
            case UInt8(ascii: "f"): try literal("false", .falseValue, into: &nodes)
            case UInt8(ascii: "n"): try literal("null", .null, into: &nodes)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(into: &nodes)
            default: throw fail("unexpected character")
            }
        }

        mutating func container(into nodes: inout [Node], depth: Int, isObject: Bool) throws(SyntaxError) {
            guard depth < JSONTape.maximumDepth else { throw fail("values are nested too deeply") }
            let index = nodes.count
            let start = position
            nodes.append(Node(kind: isObject ? .object : .array, start: Int32(start), end: 0, next: 0, count: 0))
            let close = UInt8(ascii: isObject ? "}" : "]")
            position += 1
            skipWhitespace()
            var count: Int32 = 0
            if position < bytes.count && bytes[position] == close {
                position += 1
            } else {
                while true {
                    if isObject {
                        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                            throw fail("a member's name was expected")
                        }
                        try string(into: &nodes)
                        skipWhitespace()
                        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw fail("':' was expected") }
                        position += 1
                        skipWhitespace()
                    }
                    try value(into: &nodes, depth: depth + 1)
                    count += 1
                    skipWhitespace()
                    guard position < bytes.count else { throw fail("the text ends inside a container") }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                        continue
                    }
                    guard bytes[position] == close else { throw fail("',' or the container's end was expected") }
                    position += 1
                    break
                }
            }
            nodes[index].end = Int32(position)
            nodes[index].next = Int32(nodes.count)
            nodes[index].count = count
        }

        @inline(__always) mutating func string(into nodes: inout [Node]) throws(SyntaxError) {
            position += 1
            let start = position
            var escaped = false
            while true {
                // Eight bytes at a time to the first that ends the string or escapes: a record is
                // mostly plain text, and a byte at a time was a tenth of a replay.
                if position + 8 <= bytes.count {
                    let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                    let found = JSONTape.firstQuoteBackslashOrControl(word)
                    guard found != 0 else {
                        position += 8
                        continue
                    }
                    position += found.trailingZeroBitCount / 8
                }
                guard position < bytes.count else { throw fail("the text ends inside a string") }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { throw fail("a control character inside a string") }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    position += 1
                    guard position < bytes.count else { throw fail("the text ends inside a string") }
                }
                position += 1
            }
            nodes.append(
                Node(
                    kind: escaped ? .escapedString : .string, start: Int32(start), end: Int32(position), next: Int32(nodes.count + 1),
                    count: 0))
            position += 1
        }

        mutating func literal(_ word: StaticString, _ kind: Kind, into nodes: inout [Node]) throws(SyntaxError) {
            let length = word.utf8CodeUnitCount
            guard position + length <= bytes.count else { throw fail("unexpected character") }
            for offset in 0..<length where bytes[position + offset] != word.utf8Start[offset] { throw fail("unexpected character") }
            nodes.append(Node(kind: kind, start: Int32(position), end: Int32(position + length), next: Int32(nodes.count + 1), count: 0))
            position += length
        }

        mutating func number(into nodes: inout [Node]) throws(SyntaxError) {
            let start = position
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            let integerStart = position
            let integerDigits = digits()
            guard integerDigits > 0 else { throw fail("a number without digits") }
            if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { throw fail("a number with a leading zero") }
            if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw fail("a number without digits after its point") }
            }
            if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
                position += 1
                if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                    position += 1
                }
                guard digits() > 0 else { throw fail("a number without digits in its exponent") }
            }
            nodes.append(Node(kind: .number, start: Int32(start), end: Int32(position), next: Int32(nodes.count + 1), count: 0))
        }

        /// Skips decimal digits; returns how many.
        mutating func digits() -> Int {
            let start = position
            while position < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - start
        }
    }
}
