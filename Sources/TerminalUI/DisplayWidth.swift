/// How many terminal cells a piece of text occupies, decided per grapheme cluster.
///
/// Terminals lay text out by display width, not by bytes or `Character`s: a CJK ideograph or
/// an emoji takes two cells, a combining mark none, and Latin, Cyrillic and the Uzbek modifier
/// letter ʻ (U+02BB) one each.
public enum DisplayWidth {
    /// The cells one grapheme cluster takes once made safe (see `SafeText`).
    public static func of(_ character: Character) -> Int {
        var width = 0
        var emojiPresentation = false
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F {
                emojiPresentation = true
                continue
            }
            let scalarWidth = of(scalar)
            if width == 0 { width = scalarWidth }
        }
        if emojiPresentation && width == 1 { return 2 }
        return width
    }

    /// The cells a string takes, summed over its grapheme clusters.
    public static func of(_ text: String) -> Int {
        // Printable ASCII (codes, dates, amounts, most titles): a cell a byte, no grapheme walk.
        if isPrintableASCII(text) { return text.utf8.count }
        // Latin, Cyrillic and punctuation (Uzbek in either script, a dash, quotes): a cell a
        // scalar, and still no grapheme walk, which costs ten times as much.
        var count = 0
        for scalar in text.unicodeScalars {
            guard isAlone(scalar.value) else { return text.reduce(0) { $0 + of($1) } }
            count += 1
        }
        return count
    }

    /// A scalar that is a grapheme cluster of one cell by itself, whatever surrounds it — unless
    /// what follows is a mark, a joiner or a selector, none of which pass this test either.
    /// Box drawing, block elements and the squares (U+2500–U+25A1) are the bars of progress and
    /// of time: a work plan's every row has two.
    static func isAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x400...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E, 0x2500...0x25A1:
            return true
        default: return false
        }
    }

    /// True when every byte is printable ASCII (space to tilde): each is then one cluster of one cell.
    public static func isPrintableASCII(_ text: String) -> Bool {
        // Over the string's own bytes when it has them (native strings do): a plain loop.
        let contiguous = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
            return true
        }
        return contiguous ?? text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The width of one scalar, as wcwidth(3) would give it on a modern terminal.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        for range in wideRanges where range.contains(value) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, W and F).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
