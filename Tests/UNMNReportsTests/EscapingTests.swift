import TestSupport
import Testing

@testable import UNMNReports

/// A tiny RFC 4180 reader, to read back what the writer wrote.
func readCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)
    var index = 0
    while index < characters.count {
        let c = characters[index]
        if quoted {
            if c == "\"" {
                if index + 1 < characters.count && characters[index + 1] == "\"" {
                    field.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field)
            field = ""
        } else if c == "\r\n" || c == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.append(c)
        }
        index += 1
    }
    characters.removeAll()
    return rows
}

/// Undoes RFC 5545 folding and TEXT escaping for one property's value.
func readICSValue(_ text: String, property: String) -> String? {
    let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
    guard let line = unfolded.components(separatedBy: "\r\n").first(where: { $0.hasPrefix(property + ":") }) else { return nil }
    var value = ""
    var escaped = false
    for c in line.dropFirst(property.count + 1) {
        if escaped {
            value.append(c == "n" || c == "N" ? "\n" : c)
            escaped = false
        } else if c == "\\" {
            escaped = true
        } else {
            value.append(c)
        }
    }
    return value
}

@Suite("Escaping")
struct EscapingTests {
    @Test(
        "CSV: quoting, and formula injection defused",
        arguments: [
            ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("=1+2", "'=1+2"), ("+7", "'+7"), ("-3", "'-3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("line\nbreak", "\"line\nbreak\""), ("tab\there", "tab here"), ("\u{1b}[2J", "[2J"),
        ])
    func csv(input: String, expected: String) {
        #expect(Escaping.csvField(input) == expected)
    }

    @Test("Markdown: emphasis, code, links, tables and list starts are neutralised, plain text stays plain")
    func markdown() {
        #expect(Escaping.markdown("*bold* _x_ `c` [l](u) a|b") == "\\*bold\\* \\_x\\_ \\`c\\` \\[l\\](u) a\\|b")
        #expect(Escaping.markdown("# not a heading") == "\\# not a heading")
        #expect(Escaping.markdown("1. not a list") == "1\\. not a list")
        #expect(Escaping.markdown("UN House, 2026-03-11 (Tashkent).") == "UN House, 2026-03-11 (Tashkent).")
        #expect(Escaping.markdown("a\nb\u{7}") == "a b")
        // pandoc reads "@word" as a citation and drops it; an address keeps its @.
        #expect(Escaping.markdown("@SUM(1) (@x) a@b.org") == "\\@SUM(1) (\\@x) a@b.org")
    }

    @Test("Markdown tables: separator dashes follow each column's words and typical cell, numbers right-aligned")
    func markdownTable() {
        let table = Escaping.markdownTable(
            header: ["Action", "Progress"], rows: [["2026-01 National protocol for sharing labour-migration data", "60 %"]], right: [1])
        #expect(table[1] == "|" + String(repeating: "-", count: 30) + "|" + String(repeating: "-", count: 8) + ":|")
        #expect(table[2] == "| 2026-01 National protocol for sharing labour-migration data | 60 % |")
    }

    @Test("iCalendar text: backslash, semicolon, comma, newline; folding never splits a character")
    func ics() {
        #expect(Escaping.icsText("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
        let long = Escaping.folded("SUMMARY:" + String(repeating: "Ўзбекистон ", count: 12))
        for line in long.components(separatedBy: "\r\n").dropLast() {
            #expect(line.utf8.count <= 75)
            #expect(String(bytes: Array(line.utf8), encoding: .utf8) != nil)
        }
    }

    /// Seeded generator of hostile strings.
    struct Strings {
        var random: SeededGenerator
        init(state: UInt64) { random = SeededGenerator(state: state) }
        static let pieces = [
            "a", "Ў", "ʻ", "王", "👍", "\"", ",", ";", "\\", "\n", "\r", "\t", "\u{0}", "\u{1b}", "\u{7f}", "\u{85}", "\u{202E}", "=", "+",
            "-", "@", " ", "é",
        ]
        mutating func string() -> String {
            (0..<Int.random(in: 0...24, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
        }
    }

    @Test("Arbitrary text round-trips through the CSV writer (controls removed, formulas defused)")
    func csvRoundTrip() {
        var generator = Strings(state: 7)
        for _ in 0..<500 {
            let fields = (0..<4).map { _ in generator.string() }
            let parsed = readCSV(Escaping.csvRecord(fields))
            let expected = fields.map { field -> String in
                let clean = Escaping.clean(field)
                return clean.first.map { "=+-@".contains($0) } == true ? "'" + clean : clean
            }
            #expect(parsed == [expected], "\(fields)")
        }
    }

    @Test("Arbitrary text round-trips through the iCalendar writer, folded or not")
    func icsRoundTrip() {
        var generator = Strings(state: 11)
        for _ in 0..<500 {
            let text = generator.string() + generator.string() + generator.string()
            let line = Escaping.folded("DESCRIPTION:" + Escaping.icsText(text))
            #expect(readICSValue(line, property: "DESCRIPTION") == Escaping.clean(text))
            #expect(!line.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\r" && $0 != "\n") || $0.value == 0x7F })
        }
    }
}
