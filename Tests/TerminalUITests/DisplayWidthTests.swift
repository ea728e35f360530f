import TestSupport
import Testing

@testable import TerminalUI

@Suite("Display width")
struct DisplayWidthTests {
    @Test("Uzbek Latin with ʻ and Cyrillic take one cell per letter")
    func uzbek() {
        #expect(DisplayWidth.of("Oʻzbekiston Ўзбекистон") == 22)
        #expect(DisplayWidth.of(Character("\u{02BB}")) == 1)
        #expect(DisplayWidth.of("Ўзбекистон") == 10)
    }

    @Test("CJK characters and emoji take two cells")
    func wide() {
        #expect(DisplayWidth.of("王小明") == 6)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
    }

    @Test("A combining mark takes no cell of its own")
    func combining() {
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of("Ёлка") == 4)
    }

    @Test("every scalar counted as a cell of its own is one grapheme cluster of one cell, alone and after a letter")
    func aloneScalarsAreOneCell() {
        for value in UInt32(0x20)...0x2FFF where DisplayWidth.isAlone(value) {
            let scalar = Unicode.Scalar(value)!
            let text = String(Character(scalar))
            #expect(DisplayWidth.of(Character(scalar)) == 1, "U+\(String(value, radix: 16))")
            #expect(("a" + text).count == 2 && (text + text).count == 2, "U+\(String(value, radix: 16)) joins its neighbour")
        }
    }

    @Test("Counting scalars where each is a cell of its own gives what the grapheme walk gives", arguments: [7, 29, 2026] as [UInt64])
    func scalarCountMatchesGraphemeWalk(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let pool: [String] = [
            "a", "ʻ", "Ў", "ғ", "Ё", "é", "—", "“", "…", "‼", "\u{FE0F}", "\u{301}", "\u{483}", "\u{200D}", "👍", "王", "\r", "\n", "\u{AD}",
            "\u{2028}", "\u{1F3FD}", "🇺", "🇿", "ᄀ", "\u{1161}", " ", "█", "▏", "│", "■", "□", "─", "┼", "·",
        ]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.unicodeScalars.map(\.value))")
        }
    }
}
