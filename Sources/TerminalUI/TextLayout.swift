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
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
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
}
