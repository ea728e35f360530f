import TestSupport
import Testing

@testable import TerminalUI

@Suite("Truncation, padding and wrapping")
struct TextLayoutTests {
    @Test("Text that fits is unchanged; text that does not ends in …")
    func truncate() {
        #expect(TextLayout.truncate("UNICEF", toWidth: 6) == "UNICEF")
        #expect(TextLayout.truncate("UNICEF", toWidth: 5) == "UNIC…")
        #expect(TextLayout.truncate("Ўзбекистон", toWidth: 4) == "Ўзб…")
        #expect(TextLayout.truncate("anything", toWidth: 0) == "")
        #expect(TextLayout.truncate("ab", toWidth: 1) == "…")
    }

    @Test("A wide character is never split by a cut")
    func wideCut() {
        #expect(TextLayout.truncate("王小明", toWidth: 4) == "王…")
        #expect(DisplayWidth.of(TextLayout.truncate("王小明", toWidth: 4)) == 3)
        #expect(TextLayout.fit("王小明", toWidth: 4) == "王… ")
    }

    @Test("Fit pads to the exact width, left or right aligned")
    func fit() {
        #expect(TextLayout.fit("WB", toWidth: 5) == "WB   ")
        #expect(TextLayout.fit("42%", toWidth: 5, alignRight: true) == "  42%")
    }

    @Test("Wrapping breaks at spaces, keeps newlines and splits long words")
    func wrap() {
        #expect(TextLayout.wrap("the network meets once per quarter", toWidth: 12) == ["the network", "meets once", "per quarter"])
        #expect(TextLayout.wrap("a\nb", toWidth: 5) == ["a", "b"])
        #expect(TextLayout.wrap("Ўзбекистонликлар", toWidth: 6) == ["Ўзбеки", "стонли", "клар"])
        #expect(TextLayout.wrap("王小明王小明", toWidth: 5) == ["王小", "明王", "小明"])
    }

    @Test("Every wrapped line fits its width", arguments: [1, 2, 3, 7, 13, 40])
    func wrappedLinesFit(width: Int) {
        let text = "Oʻzbekiston Ўзбекистон 王小明 migration governance in the 2030 Agenda 👍👍👍"
        for line in TextLayout.wrap(text, toWidth: width) {
            #expect(DisplayWidth.of(line) <= max(width, 2))
        }
    }

    @Test("Cutting by scalars where each is a cell cuts where the grapheme walk cuts", arguments: [8, 31, 2028] as [UInt64])
    func truncateMatchesGraphemeWalk(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let pool: [String] = ["a", "ʻ", "Ў", "ё", "é", "—", "“", " ", "\u{301}", "王", "👍", "\u{483}"]
        /// Character by character, as truncation worked before it counted scalars.
        func reference(_ text: String, _ width: Int) -> String {
            if text.reduce(0, { $0 + DisplayWidth.of($1) }) <= width { return text }
            var (result, used) = ("", 0)
            for character in text {
                if used + DisplayWidth.of(character) > width - 1 { break }
                result.append(character)
                used += DisplayWidth.of(character)
            }
            return result + "…"
        }
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
            for width in 1...14 {
                #expect(TextLayout.truncate(text, toWidth: width) == reference(text, width), "\(text.debugDescription) at \(width)")
            }
        }
    }

    @Test("A line that fits comes back whole, exactly as wrapping word by word gives it", arguments: [5, 17, 2027] as [UInt64])
    func fittingLineIsItself(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let pool: [String] = ["a", "Ў", " ", " ", "\r", "\u{301}", "\u{200D}", "👩", "💻", "\u{FE0F}", "\u{93F}", "क", "—", "王", "é", "\t"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
            for width in 1...24 {
                #expect(
                    TextLayout.wrap(text, toWidth: width) == TextLayout.wrappedByWords(text, toWidth: width),
                    "\(text.debugDescription) at \(width)")
            }
        }
    }

    @Test(
        "Words found by scalars are the words found by characters, combining marks and joiners after spaces included",
        arguments: [3, 11, 2026] as [UInt64])
    func scalarWordsMatchCharacterWords(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let pool: [String] = [
            "a", "Ў", " ", " ", "\n", "\r", "\r\n", "\u{301}", "\u{200D}", "👩", "💻", "\u{1F3FD}", "\u{FE0F}", "\u{93F}", "क", "—", "e", "王",
        ]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...16, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
            #expect(TextLayout.paragraphs(of: text) == TextLayout.characterParagraphs(of: text), "\(text.unicodeScalars.map { $0.value })")
        }
        // A space that carries an accent is not a word break, as for characters.
        #expect(TextLayout.paragraphs(of: "a \u{301}b\nc d") == [["a \u{301}b"], ["c", "d"]])
    }

    @Test(
        "Text of one-cell scalars wraps over its bytes exactly as word by word: spaces, long words, dashes",
        arguments: [6, 23, 2030] as [UInt64])
    func scalarWrapMatchesWordWrap(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let pool: [String] = ["a", "Ў", "ʻ", "—", "é", " ", " ", "  ", "Oʻzbekiston", "internationalisation", "“", "x", "Ёё"]
        var wrapped = 0
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
            for width in 1...24 {
                guard let lines = TextLayout.wrappedByScalars(text, toWidth: width) else {
                    Issue.record("not taken: \(text.debugDescription)")
                    continue
                }
                #expect(lines == TextLayout.wrappedByWords(text, toWidth: width), "\(text.debugDescription) at \(width)")
                wrapped += lines.count > 1 ? 1 : 0
            }
        }
        #expect(wrapped > 1_000)
        #expect(TextLayout.wrappedByScalars("a\u{301}", toWidth: 4) == nil && TextLayout.wrappedByScalars("a\nb", toWidth: 4) == nil)
    }
}
