import Synchronization

/// One terminal cell. A wide character occupies its cell and marks the next one as its
/// continuation, which the backend skips.
///
/// A cell is plain data (its text held inline, see `CellText`): a frame of 10,000 cells is
/// filled, compared and dropped without touching a reference count, which was a third of a
/// keystroke's work when each cell held a `String`.
public struct Cell: Hashable, Sendable {
    var content: CellText
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        content = CellText(text)
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A cell holding one printable ASCII character.
    init(ascii byte: UInt8, style: Style) {
        content = CellText(ascii: byte)
        self.style = style
        isContinuation = false
    }

    public var text: String {
        get { content.text }
        set { content = CellText(newValue) }
    }

    public static let blank = Cell()
}

/// A grapheme cluster as UTF-8 inline in 16 bytes: up to 15 bytes and their count, which holds
/// every letter, CJK character, accented cluster and most emoji. A longer cluster (a family
/// emoji, a long flag sequence) is kept once in a process-wide table and the cell holds its
/// number; there are only ever a few of those.
struct CellText: Hashable, Sendable {
    private var low: UInt64 = 0
    /// Bytes 8 to 14; the top byte is the count, or `spilled` when `low` is a table number.
    private var high: UInt64 = 0
    private static let spilled: UInt64 = 0xFF

    init(ascii byte: UInt8) {
        low = UInt64(byte)
        high = 1 << 56
    }

    init(_ text: String) {
        var text = text
        let count = text.utf8.count
        guard count <= 15 else {
            low = UInt64(Self.longTexts.withLock { $0.number(of: text) })
            high = Self.spilled << 56
            return
        }
        var (low, high): (UInt64, UInt64) = (0, UInt64(count) << 56)
        text.withUTF8 { utf8 in
            for (index, byte) in utf8.enumerated() {
                if index < 8 { low |= UInt64(byte) << (8 * UInt64(index)) } else { high |= UInt64(byte) << (8 * UInt64(index - 8)) }
            }
        }
        (self.low, self.high) = (low, high)
    }

    var text: String {
        let count = Int(high >> 56)
        if UInt64(count) == Self.spilled { return Self.longTexts.withLock { $0.texts[Int(low)] } }
        return withUnsafeBytes(of: (low.littleEndian, high.littleEndian)) { bytes in
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<count]), as: UTF8.self)
        }
    }

    private struct LongTexts: ~Copyable {
        var texts: [String] = []
        var numbers: [String: Int] = [:]

        mutating func number(of text: String) -> Int {
            if let number = numbers[text] { return number }
            numbers[text] = texts.count
            texts.append(text)
            return texts.count - 1
        }
    }

    private static let longTexts = Mutex(LongTexts())
}
