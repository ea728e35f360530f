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
}
