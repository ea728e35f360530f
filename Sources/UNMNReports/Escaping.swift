/// Escaping user text for each output format, and keeping control characters out of all of them.
public enum Escaping {
    /// Removes control characters (C0 except the newline, DEL, C1, bidi overrides), which must
    /// never reach a file another program reads; a tab becomes a space.
    public static func clean(_ text: String, keepNewlines: Bool = true) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines: scalars.append(scalar)
            case 0x09, 0x0A: scalars.append(" ")
            case 0x0D: continue
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Markdown inline text: characters that start emphasis, code, links, HTML or table cells
    /// are backslash-escaped, and so is what would start a heading or a list at the start of a
    /// line; everything else stays readable as plain text.
    public static func markdown(_ text: String) -> String {
        var result = ""
        var previous: Character = " "
        for character in clean(text, keepNewlines: false) {
            // `@` starting a word is a citation to pandoc ("@SUM(1)" would vanish from a DOCX).
            if "\\`*_[]<>|~".contains(character) || (character == "@" && (previous.isWhitespace || "([{".contains(previous))) {
                result.append("\\")
            }
            result.append(character)
            previous = character
        }
        if let first = result.first, "#+-=".contains(first) { result = "\\" + result }
        if let dot = result.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != result.startIndex,
            result[dot] == "." || result[dot] == ")"
        {
            result.insert("\\", at: dot)
        }
        return result
    }

    /// A pipe table whose separator dashes follow each column's content: pandoc sizes the columns
    /// of a wide table from them, so a title gets room and an amount is not broken digit by digit.
    /// Cells are written as given (escape them first); `right` marks numeric columns.
    public static func markdownTable(header: [String], rows: [[String]], right: Set<Int> = []) -> [String] {
        // A column gets room for its longest word (so no word breaks) and, beyond that, for its
        // typical cell, up to a cap: a long title wraps over lines instead of squeezing the rest.
        let widths = header.indices.map { column in
            let cells = rows.map { $0.indices.contains(column) ? $0[column] : "" }
            let longestWord = ([header[column]] + cells).flatMap { $0.split(separator: " ") }.map(\.count).max() ?? 3
            let typical = cells.isEmpty ? 0 : cells.map(\.count).reduce(0, +) / cells.count
            return max(longestWord + 1, min(typical, 30), 3)
        }
        let separator = widths.enumerated().map { column, width in
            String(repeating: "-", count: right.contains(column) ? width - 1 : width) + (right.contains(column) ? ":" : "")
        }
        return ["| " + header.joined(separator: " | ") + " |", "|" + separator.joined(separator: "|") + "|"]
            + rows.map { "| " + $0.joined(separator: " | ") + " |" }
    }

    /// Markdown paragraphs: each line escaped, line breaks kept as Markdown hard breaks.
    public static func markdownBlock(_ text: String) -> String {
        clean(text).split(separator: "\n", omittingEmptySubsequences: false).map { markdown(String($0)) }.joined(separator: "  \n")
    }

    /// One RFC 4180 field: quoted when it holds a comma, quote or line break; and defused
    /// against formula injection — a cell a spreadsheet would run (starting with `=`, `+`, `-`,
    /// `@`) gets a leading apostrophe.
    public static func csvField(_ text: String) -> String {
        var value = clean(text)
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A CSV record with CRLF, as RFC 4180 writes it.
    public static func csvRecord(_ fields: [String]) -> String { fields.map(csvField).joined(separator: ",") + "\r\n" }

    /// RFC 5545 TEXT: backslash, semicolon, comma and newline escaped.
    public static func icsText(_ text: String) -> String {
        clean(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// vCard 4.0 (RFC 6350) text values escape the same characters.
    public static func vcardText(_ text: String) -> String { icsText(text) }

    /// A content line folded at 75 octets (RFC 5545 §3.1 / RFC 6350 §3.2), never inside a
    /// UTF-8 sequence, with CRLF line ends.
    public static func folded(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = lines.isEmpty ? 75 : 74
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        lines.append(current)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n") + "\r\n"
    }
}
