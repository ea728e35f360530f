import TestSupport
import Testing

@testable import TerminalUI

@Suite("Cell buffer")
struct BufferTests {
    @Test("A wide character takes its cell and marks the next as continuation")
    func wideCells() {
        var buffer = Buffer(width: 8, height: 1)
        let written = buffer.write("王a", x: 1, y: 0)
        #expect(written == 3)
        #expect(buffer[1, 0].text == "王")
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].text == "a")
        #expect(buffer.lines == [" 王a"])
    }

    @Test("Writing past the edge cuts with … and never splits a wide character")
    func clipping() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("Oʻzbekiston", x: 0, y: 0)
        #expect(buffer.lines == ["Oʻzbe…"])
        var wide = Buffer(width: 4, height: 1)
        wide.write("王小明", x: 0, y: 0)
        #expect(wide.lines == ["王…"])
    }

    @Test("Writes outside the buffer or the clip rectangle change nothing")
    func outside() {
        var buffer = Buffer(width: 4, height: 2)
        buffer.write("x", x: 0, y: 5)
        buffer.write("x", x: -1, y: 0)
        buffer.write("abc", x: 0, y: 1, clip: Rect(x: 0, y: 0, width: 4, height: 1))
        #expect(buffer.lines == ["", ""])
    }

    @Test("A combining mark joins the character before it")
    func combining() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("e\u{0301}x", x: 0, y: 0)
        #expect(buffer[0, 0].text == "e\u{0301}")
        #expect(buffer[1, 0].text == "x")
    }

    @Test("Boxes draw their borders and title")
    func box() {
        var buffer = Buffer(width: 12, height: 3)
        buffer.drawBox(buffer.area, title: "Help")
        #expect(buffer.lines == ["┌─ Help ───┐", "│          │", "└──────────┘"])
    }

    @Test("A box's border is the same cells as written one by one, wherever it lies, partly off the buffer too")
    func boxMatchesCellByCell() {
        var random = SeededGenerator(state: 103)
        for _ in 0..<500 {
            let rect = Rect(
                x: Int.random(in: -4...10, using: &random), y: Int.random(in: -3...6, using: &random),
                width: Int.random(in: 0...16, using: &random), height: Int.random(in: 0...9, using: &random))
            let style = Style(.bold, color: .accent)
            var filled = Buffer(width: 12, height: 6)
            filled.drawBox(rect, style: style)
            var written = Buffer(width: 12, height: 6)
            if rect.width >= 2, rect.height >= 2 {
                for x in rect.x + 1..<rect.maxX - 1 {
                    written.write("─", x: x, y: rect.y, style: style)
                    written.write("─", x: x, y: rect.maxY - 1, style: style)
                }
                for y in rect.y + 1..<rect.maxY - 1 {
                    written.write("│", x: rect.x, y: y, style: style)
                    written.write("│", x: rect.maxX - 1, y: y, style: style)
                }
                for (corner, x, y) in [
                    ("┌", rect.x, rect.y), ("┐", rect.maxX - 1, rect.y), ("└", rect.x, rect.maxY - 1), ("┘", rect.maxX - 1, rect.maxY - 1),
                ] {
                    written.write(corner, x: x, y: y, style: style)
                }
            }
            #expect(filled.cells == written.cells, "\(rect)")
        }
    }

    @Test("Only changed rows are reported, all of them after a resize")
    func changedRows() {
        var before = Buffer(width: 5, height: 3)
        before.write("a", x: 0, y: 0)
        var after = before
        after.write("b", x: 1, y: 2)
        #expect(after.changedRows(since: before) == [2])
        #expect(after.changedRows(since: nil) == [0, 1, 2])
        #expect(Buffer(width: 6, height: 3).changedRows(since: before) == [0, 1, 2])
    }

    @Test("Printable ASCII, written a byte a cell, gives the cells the general way gives", arguments: [4, 19, 2029] as [UInt64])
    func asciiWriteMatchesGeneralWay(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let pool: [String] = ["a", "Z", " ", "~", "0", ".", "é", "\t", "王", "\u{1B}"]
        let style = Style([.bold])
        /// Made safe, cut, then a cell per character, as `write` did before its ASCII way.
        func reference(_ text: String, x: Int, limit: Int, into buffer: inout Buffer) -> Int {
            guard limit > 0, x >= 0 else { return 0 }
            var column = x
            for character in TextLayout.truncate(SafeText.sanitize(text), toWidth: limit) {
                let cells = DisplayWidth.of(character)
                buffer[column, 0] = Cell(String(character), style: style)
                if cells == 2 { buffer[column + 1, 0] = Cell("", style: style, isContinuation: true) }
                column += cells
            }
            return column - x
        }
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
            let (x, maxWidth) = (Int.random(in: -1...9, using: &random), Int.random(in: 1...16, using: &random))
            var (written, expected) = (Buffer(width: 12, height: 1), Buffer(width: 12, height: 1))
            let count = written.write(text, x: x, y: 0, maxWidth: maxWidth, style: style)
            let expectedCount = reference(text, x: x, limit: min(maxWidth, 12 - x), into: &expected)
            #expect(written == expected && count == expectedCount, "\(text.debugDescription) at \(x), \(maxWidth)")
        }
    }
}
