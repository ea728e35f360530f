/// Width-aware cutting, padding and wrapping of text that is already safe to draw.
public enum TextLayout {
    /// The marker shown where text was cut.
    public static let ellipsis: Character = "…"

    /// The longest prefix of `text` that fits in `width` cells; when anything was cut the last
    /// cell holds `…`. A wide character is never split.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.isPrintableASCII(text) {
            return text.utf8.count <= width ? text : String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + String(ellipsis)
        }
        let scalars = text.unicodeScalars
        if scalars.allSatisfy({ DisplayWidth.isAlone($0.value) }) {
            // A cell a scalar (Latin, Cyrillic, punctuation): cut by scalars, no grapheme walk.
            let count = scalars.count
            return count <= width ? text : String(String.UnicodeScalarView(scalars.prefix(width - 1))) + String(ellipsis)
        }
        if DisplayWidth.of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            if used + cells > width - 1 { break }
            result.append(character)
            used += cells
        }
        result.append(ellipsis)
        return result
    }

    /// `text` cut to `width` and padded with spaces to exactly `width` cells.
    public static func fit(_ text: String, toWidth width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, toWidth: width)
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return alignRight ? padding + cut : cut + padding
    }

    /// Greedy word wrap into lines of at most `width` cells; explicit newlines start new
    /// lines, and a word longer than a line is broken by character.
    public static func wrap(_ text: String, toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        // One line that fits (most help entries, titles and notes) is itself: every word fits,
        // rejoined by the spaces it was split at (leading spaces are dropped, so not those). Only
        // short text is measured first, so that a long one pays for one walk, not two.
        let utf8 = text.utf8
        if utf8.count <= 4 * width, utf8.first != 0x20, !hasLineBreak(text), DisplayWidth.of(text) <= width { return [text] }
        return wrappedByScalars(text, toWidth: width) ?? wrappedByWords(text, toWidth: width)
    }

    /// Whether the text holds a line feed or a carriage return, looked for over its bytes in one
    /// pass (the view's generic `contains` walked it a byte at a time through an iterator).
    static func hasLineBreak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.contains { $0 == 0x0A || $0 == 0x0D } }
    }

    /// Wrapping word by word, as `wrap` does for everything but one line that fits.
    static func wrappedByWords(_ text: String, toWidth width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in paragraphs(of: text) {
            var line = ""
            var lineWidth = 0
            for word in paragraph {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                let gap = line.isEmpty ? 0 : 1
                if lineWidth + gap + wordWidth <= width {
                    if gap == 1 { line += " " }
                    line += word
                    lineWidth += gap + wordWidth
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = ""
                lineWidth = 0
                while wordWidth > width {
                    var piece = ""
                    var pieceWidth = 0
                    while let first = word.first, pieceWidth + DisplayWidth.of(first) <= width {
                        piece.append(first)
                        pieceWidth += DisplayWidth.of(first)
                        word.removeFirst()
                    }
                    if piece.isEmpty, let first = word.first {
                        // A character wider than the whole line still gets a line of its own.
                        piece.append(first)
                        pieceWidth = DisplayWidth.of(first)
                        word.removeFirst()
                    }
                    lines.append(piece)
                    wordWidth -= pieceWidth
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// The same wrapping for one paragraph whose every scalar is a cell of its own (Latin,
    /// Cyrillic, punctuation: nearly every help line and note), over its UTF-8 bytes: a word's
    /// width is its count of scalars, and no grapheme is walked. Nil for other text.
    static func wrappedByScalars(_ text: String, toWidth width: Int) -> [String]? {
        guard text.unicodeScalars.allSatisfy({ DisplayWidth.isAlone($0.value) }) else { return nil }
        var text = text
        return text.withUTF8 { bytes -> [String] in
            /// Scalars start at every byte that is not a continuation byte.
            func scalars(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
            var lines: [String] = []
            var line: [UInt8] = []
            var lineWidth = 0
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: 0x20) ?? bytes.count
                var word = start..<end
                start = end + 1
                var wordWidth = scalars(word)
                let gap = line.isEmpty ? 0 : 1
                if lineWidth + gap + wordWidth <= width {
                    if gap == 1 { line.append(0x20) }
                    line.append(contentsOf: bytes[word])
                    lineWidth += gap + wordWidth
                    continue
                }
                if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
                while wordWidth > width {
                    // The first `width` scalars (at least one) make a line of their own.
                    var cut = word.lowerBound
                    var taken = 0
                    while cut < word.upperBound && (taken < width || taken == 0) {
                        cut += 1
                        while cut < word.upperBound && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
                        taken += 1
                    }
                    lines.append(String(decoding: bytes[word.lowerBound..<cut], as: UTF8.self))
                    word = cut..<word.upperBound
                    wordWidth -= taken
                }
                line = Array(bytes[word])
                lineWidth = wordWidth
            }
            lines.append(String(decoding: line, as: UTF8.self))
            return lines
        }
    }

    /// The text's paragraphs (split at newlines) and their words (split at spaces), as splitting
    /// by `Character` would give them. Splitting the scalars instead skips grapheme breaking over
    /// the whole text (most of a help screen's cost); it is the same wherever each separator is a
    /// character of its own, which is checked: a space followed by a combining mark, a joiner or
    /// a spacing mark, or a carriage return before a newline, falls back to the character split.
    static func paragraphs(of text: String) -> [[Substring]] {
        var paragraphs: [[Substring]] = []
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var wordStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == " " || scalar == "\n" else {
                index = scalars.index(after: index)
                continue
            }
            let next = scalars.index(after: index)
            if scalar == "\n", index > scalars.startIndex, scalars[scalars.index(before: index)] == "\r" {
                return characterParagraphs(of: text)
            }
            if next < scalars.endIndex, joinsPrevious(scalars[next]) { return characterParagraphs(of: text) }
            words.append(text[wordStart..<index])
            if scalar == "\n" {
                paragraphs.append(words)
                words = []
            }
            wordStart = next
            index = next
        }
        words.append(text[wordStart...])
        paragraphs.append(words)
        return paragraphs
    }

    static func characterParagraphs(of text: String) -> [[Substring]] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
            paragraph.split(separator: " ", omittingEmptySubsequences: false).map { Substring($0) }
        }
    }

    /// A scalar that belongs to the character before it (Unicode's Extend, ZWJ and SpacingMark; emoji modifiers are Extend).
    private static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        let properties = scalar.properties
        return properties.isGraphemeExtend || properties.isEmojiModifier || scalar.value == 0x200D
            || properties.generalCategory == .spacingMark
    }
}
