/// A JSON text parsed in one pass into a flat list of nodes (a "tape"): where each value lies in
/// the bytes and where the next one starts. Nothing is copied or converted until a decoder asks
/// for a value, so skipping a member costs one index jump.
///
/// Strict RFC 8259: one value, nothing after it but whitespace; no comments, trailing commas or
/// control characters in strings; at most `maximumDepth` containers deep (a crafted snapshot
/// cannot make the list of open containers, or a decoder's recursion, grow without end).
struct JSONTape: ~Copyable {
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

    /// The nodes of the last parse, in storage kept from one parse to the next.
    private var storage: UnsafeMutablePointer<Node>
    private var capacity: Int
    private(set) var count = 0
    /// The containers open at each depth while parsing (their nodes).
    private let open = UnsafeMutablePointer<Int32>.allocate(capacity: JSONTape.maximumDepth)

    init() {
        capacity = 256
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
        open.deallocate()
    }

    /// The nodes of the last parse, the first the whole value's.
    func withNodes<Result, Failure>(_ body: (UnsafeBufferPointer<Node>) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(UnsafeBufferPointer(start: storage, count: count))
    }

    /// Parses `bytes`, reusing the node storage of the last parse.
    mutating func parse(_ bytes: UnsafeRawBufferPointer) throws(SyntaxError) {
        count = 0
        guard bytes.count < Int(Int32.max) else { throw SyntaxError(offset: 0, reason: "the text is too long") }
        // Every node takes two bytes or more (quotes, brackets, a number and the comma or bracket
        // after it) but a lone number: room for all of them once, so that adding a node never
        // asks whether there is room (the parser checks it anyway).
        let needed = bytes.count / 2 + 2
        if needed > capacity {
            storage.deallocate()
            capacity = max(needed, capacity * 2)
            storage = .allocate(capacity: capacity)
        }
        var parser = Parser(bytes: bytes, nodes: storage, capacity: capacity, open: open)
        try parser.parse()
        count = parser.count
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

    /// Parses in one loop, not one call per value: a container's node stays open (in `open`)
    /// until its end, and counts its members as each ends. Recursion with the nodes in an array
    /// cost ten times as much per node.
    private struct Parser {
        let bytes: UnsafeRawBufferPointer
        let end: Int
        let nodes: UnsafeMutablePointer<Node>
        let capacity: Int
        let open: UnsafeMutablePointer<Int32>
        var count = 0
        var position = 0

        init(bytes: UnsafeRawBufferPointer, nodes: UnsafeMutablePointer<Node>, capacity: Int, open: UnsafeMutablePointer<Int32>) {
            (self.bytes, end, self.nodes, self.capacity, self.open) = (bytes, bytes.count, nodes, capacity, open)
        }

        func fail(_ reason: String) -> SyntaxError { SyntaxError(offset: position, reason: reason) }

        @inline(__always) mutating func skipWhitespace() {
            while position < end {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        @inline(__always) mutating func append(_ kind: Kind, from start: Int) {
            precondition(count < capacity, "a JSON tape ran out of room")
            // Offsets and counts fit: the text is shorter than Int32.max (checked once in `parse`).
            nodes[count] = Node(
                kind: kind, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: position),
                next: Int32(truncatingIfNeeded: count + 1), count: 0)
            count += 1
        }

        mutating func parse() throws(SyntaxError) {
            var depth = 0
            skipWhitespace()
            nextValue: while true {
                guard position < end else { throw fail("the text ends where a value was expected") }
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard depth < JSONTape.maximumDepth else { throw fail("values are nested too deeply") }
                    let isObject = byte == UInt8(ascii: "{")
                    open[depth] = Int32(truncatingIfNeeded: count)
                    depth += 1
                    append(isObject ? .object : .array, from: position)
                    position += 1
                    skipWhitespace()
                    if position < end && bytes[position] == byte + 2 {  // "}" and "]" are two after their openings
                        position += 1
                        depth -= 1
                        close(Int(open[depth]))
                    } else {
                        if isObject { try memberName() }
                        continue nextValue
                    }
                case UInt8(ascii: "\""): try string()
                case UInt8(ascii: "t"): try literal("true", .trueValue)
                case UInt8(ascii: "f"): try literal("false", .falseValue)
                case UInt8(ascii: "n"): try literal("null", .null)
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
                default: throw fail("unexpected character")
                }
                // A value ended: its container counts it, then goes on to the next or ends too.
                while depth > 0 {
                    let container = Int(open[depth - 1])
                    nodes[container].count += 1
                    skipWhitespace()
                    guard position < end else { throw fail("the text ends inside a container") }
                    let isObject = nodes[container].kind == .object
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                        if isObject { try memberName() }
                        continue nextValue
                    }
                    guard bytes[position] == UInt8(ascii: isObject ? "}" : "]") else {
                        throw fail("',' or the container's end was expected")
                    }
                    position += 1
                    depth -= 1
                    close(container)
                }
                skipWhitespace()
                guard position == end else { throw fail("unexpected text after the value") }
                return
            }
        }

        /// A container's node once its end is read: where it ends and where the node after it is.
        @inline(__always) func close(_ container: Int) {
            nodes[container].end = Int32(truncatingIfNeeded: position)
            nodes[container].next = Int32(truncatingIfNeeded: count)
        }

        /// A member's name and the colon after it.
        @inline(__always) mutating func memberName() throws(SyntaxError) {
            guard position < end, bytes[position] == UInt8(ascii: "\"") else { throw fail("a member's name was expected") }
            try string()
            skipWhitespace()
            guard position < end, bytes[position] == UInt8(ascii: ":") else { throw fail("':' was expected") }
            position += 1
            skipWhitespace()
        }

        @inline(__always) mutating func string() throws(SyntaxError) {
            position += 1
            let start = position
            var escaped = false
            while true {
                // Eight bytes at a time to the first that ends the string or escapes: a record is
                // mostly plain text, and a byte at a time was a tenth of a replay.
                if position + 8 <= end {
                    let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                    let found = JSONTape.firstQuoteBackslashOrControl(word)
                    guard found != 0 else {
                        position += 8
                        continue
                    }
                    position += found.trailingZeroBitCount / 8
                }
                guard position < end else { throw fail("the text ends inside a string") }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { throw fail("a control character inside a string") }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    position += 1
                    guard position < end else { throw fail("the text ends inside a string") }
                }
                position += 1
            }
            append(escaped ? .escapedString : .string, from: start)
            position += 1
        }

        mutating func literal(_ word: StaticString, _ kind: Kind) throws(SyntaxError) {
            let length = word.utf8CodeUnitCount
            guard position + length <= end else { throw fail("unexpected character") }
            for offset in 0..<length where bytes[position + offset] != word.utf8Start[offset] { throw fail("unexpected character") }
            let start = position
            position += length
            append(kind, from: start)
        }

        mutating func number() throws(SyntaxError) {
            let start = position
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            let integerStart = position
            let integerDigits = digits()
            guard integerDigits > 0 else { throw fail("a number without digits") }
            if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { throw fail("a number with a leading zero") }
            if position < end && bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw fail("a number without digits after its point") }
            }
            if position < end && (bytes[position] | 0x20) == UInt8(ascii: "e") {
                position += 1
                if position < end && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                    position += 1
                }
                guard digits() > 0 else { throw fail("a number without digits in its exponent") }
            }
            append(.number, from: start)
        }

        /// Skips decimal digits; returns how many.
        @inline(__always) mutating func digits() -> Int {
            let start = position
            while position < end && bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
            return position - start
        }
    }
}
