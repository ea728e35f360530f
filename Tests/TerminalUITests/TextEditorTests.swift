import Testing

@testable import TerminalUI

@Suite("Multi-line editor")
struct TextEditorTests {
    func typing(_ text: String, into editor: inout TextEditor) {
        for character in text { _ = editor.handle(character == "\n" ? .enter : .character(character)) }
    }

    @Test("Typing, new lines and pasted text, Uzbek Cyrillic and ʻ included")
    func typingText() {
        var editor = TextEditor()
        typing("Oʻzbekiston\nЎзбекистон", into: &editor)
        #expect(editor.text == "Oʻzbekiston\nЎзбекистон")
        #expect(editor.isDirty)
        #expect(editor.row == 1 && editor.column == 10)
    }

    @Test("Backspace at the start of a line joins it to the previous; Delete at the end joins the next")
    func joining() {
        var editor = TextEditor("ab\ncd")
        _ = editor.handle(.home)
        _ = editor.handle(.backspace)
        #expect(editor.text == "abcd")
        #expect(editor.column == 2)
        var other = TextEditor("ab\ncd")
        _ = other.handle(.up)
        _ = other.handle(.end)
        _ = other.handle(.delete)
        #expect(other.text == "abcd")
    }

    @Test("Arrows move across lines and keep within them")
    func moving() {
        var editor = TextEditor("long line\nx")
        _ = editor.handle(.up)
        #expect(editor.row == 0 && editor.column == 1)
        _ = editor.handle(.end)
        _ = editor.handle(.right)
        #expect(editor.row == 1 && editor.column == 0)
        _ = editor.handle(.left)
        #expect(editor.row == 0 && editor.column == 9)
    }

    @Test("Ctrl-S saves, Esc cancels, control characters cannot be typed")
    func outcomes() {
        var editor = TextEditor("x")
        #expect(editor.handle(.control("s")) == .save)
        #expect(editor.handle(.escape) == .cancel)
        _ = editor.handle(.character("\u{1b}"))
        #expect(editor.text == "x")
    }

    @Test("Long lines wrap at spaces to the area and the cursor line stays in view")
    func rendering() {
        var buffer = Buffer(width: 10, height: 2)
        TextEditor("one two three four\nfive").render(in: buffer.area, buffer: &buffer)
        #expect(buffer.lines == ["four", "five"])
        var top = Buffer(width: 10, height: 3)
        var editor = TextEditor("abcdefghijkl")
        _ = editor.handle(.home)
        editor.render(in: top.area, buffer: &top)
        #expect(top.lines == ["abcdefghi", "jkl", ""])
        #expect(top[0, 0].style.attributes.contains(.reverse))
    }
}
