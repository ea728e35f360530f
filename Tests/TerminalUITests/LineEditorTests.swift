import Testing

@testable import TerminalUI

@Suite("Line editor")
struct LineEditorTests {
    func typing(_ keys: [Key], into start: String = "") -> LineEditor {
        var editor = LineEditor(start)
        for key in keys { editor.handle(key) }
        return editor
    }

    @Test("Typing inserts at the cursor, Cyrillic and ʻ included")
    func typingText() {
        let editor = typing("Оʻзбек".map { Key.character($0) } + [.home, .character("«"), .end, .character("»")])
        #expect(editor.text == "«Оʻзбек»")
        #expect(editor.cursor == 8)
    }

    @Test("Backspace, Delete and the readline keys edit as expected")
    func editing() {
        #expect(typing([.backspace], into: "abc").text == "ab")
        #expect(typing([.home, .delete], into: "abc").text == "bc")
        #expect(typing([.control("w")], into: "Dilnoza Yusupova").text == "Dilnoza ")
        #expect(typing([.left, .left, .control("k")], into: "abcd").text == "ab")
        #expect(typing([.left, .control("u")], into: "abcd").text == "d")
        #expect(typing([.home, .backspace, .end, .delete], into: "ab").text == "ab")
    }

    @Test("Control characters cannot be typed in")
    func controls() {
        #expect(typing([.character("\u{1b}"), .character("a")]).text == "a")
    }

    @Test("Keys that are not editing keys are left to the caller")
    func notEditing() {
        var editor = LineEditor()
        #expect(editor.handle(.tab) == false)
        #expect(editor.handle(.escape) == false)
    }

    @Test("The cursor stays visible in a narrow field")
    func scrolling() {
        var buffer = Buffer(width: 5, height: 1)
        LineEditor("abcdefgh").render(in: buffer.area, buffer: &buffer, focused: true)
        #expect(buffer.lines == ["efgh"])
        #expect(buffer[4, 0].style.attributes.contains(.reverse))
    }
}
