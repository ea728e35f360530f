import Testing

@testable import TerminalUI

@Suite("Control characters are shown, never sent")
struct SafeTextTests {
    @Test("ESC and other C0 controls use caret notation")
    func caret() {
        #expect(SafeText.sanitize("\u{1b}[2J") == "^[[2J")
        #expect(SafeText.sanitize("a\nb\tc") == "a^Jb^Ic")
        #expect(SafeText.sanitize("x\u{7f}") == "x^?")
        #expect(SafeText.sanitize("\u{0}") == "^@")
    }

    @Test("C1 controls and bidirectional overrides are spelled out")
    func c1AndBidi() {
        #expect(SafeText.sanitize("a\u{85}b") == "a<U+0085>b")
        #expect(SafeText.sanitize("\u{202E}evil") == "<U+202E>evil")
    }

    @Test("Ordinary text is left alone")
    func ordinary() {
        let text = "Oʻzbekiston Ўзбекистон 王小明 👍"
        #expect(SafeText.sanitize(text) == text)
    }

    @Test("A buffer never holds a control character, whatever is written")
    func bufferIsClean() {
        var buffer = Buffer(width: 20, height: 1)
        buffer.write("\u{1b}[2J\u{07}name\r\n", x: 0, y: 0)
        #expect(buffer.lines == ["^[[2J^Gname^M^J"])
        let scalars = buffer.cells.flatMap { $0.text.unicodeScalars }
        #expect(!scalars.contains(where: SafeText.isUnsafe))
    }
}

@Suite("Invisible characters")
struct InvisibleCharacterTests {
    @Test("Zero-width characters are shown; a joiner inside an emoji sequence is left alone")
    func shown() {
        #expect(SafeText.sanitize("a\u{200B}b") == "a<U+200B>b")
        #expect(SafeText.sanitize("x\u{FEFF}") == "x<U+FEFF>")
        #expect(SafeText.sanitize("a\u{200D}b") == "a<U+200D>b")
        #expect(SafeText.sanitize("👩‍💼") == "👩‍💼")
    }
}
