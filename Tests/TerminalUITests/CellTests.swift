import Testing

@testable import TerminalUI

@Suite("Cells as plain data")
struct CellTests {
    @Test(
        "Every cluster comes back as it went in, inline or from the table of long ones",
        arguments: [
            "", " ", "a", "~", "é", "e\u{0301}", "Ў", "ғ", "ʻ", "王", "🌸", "👩‍💻", "🇺🇿", "👨‍👩‍👧‍👦", "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
            "a\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}\u{0306}\u{0307}",
            "123456789012345", "1234567890123456",
        ])
    func roundTrip(text: String) {
        let cell = Cell(text, style: .bold)
        #expect(cell.text == text)
        #expect(cell.text.utf8.count == text.utf8.count)
        #expect(cell == Cell(text, style: .bold))
        #expect(cell != Cell(text + "x", style: .bold))
    }

    @Test("A cell holds no reference: a frame of them is copied and dropped without reference counting")
    func plainData() {
        #expect(_isPOD(Cell.self))
    }

    @Test("A long cluster written twice is kept once, and two long clusters stay apart")
    func longClusters() {
        let family = "👨‍👩‍👧‍👦"
        let scotland = "🏴󠁧󠁢󠁳󠁣󠁴󠁿"
        #expect(Cell(family) == Cell(family))
        #expect(Cell(family) != Cell(scotland))
        var buffer = Buffer(width: 6, height: 1)
        buffer.write(family + scotland, x: 0, y: 0)
        #expect(buffer.lines == [family + scotland])
    }

    @Test("An ASCII cell equals the same character written as text")
    func asciiCells() {
        for byte in UInt8(0x20)...UInt8(0x7E) {
            #expect(Cell(ascii: byte, style: .plain) == Cell(String(UnicodeScalar(byte)), style: .plain))
        }
    }
}
