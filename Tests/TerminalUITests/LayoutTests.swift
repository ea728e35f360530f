import Testing

@testable import TerminalUI

@Suite("Layout")
struct LayoutTests {
    @Test("Fixed rows first, the rest to the fill")
    func rows() {
        let rows = Layout.rows(Rect(x: 0, y: 0, width: 80, height: 24), [.fixed(1), .fixed(1), .fill, .fixed(1), .fixed(1)])
        #expect(rows.map(\.height) == [1, 1, 20, 1, 1])
        #expect(rows.map(\.y) == [0, 1, 2, 22, 23])
    }

    @Test("Columns share the spare cells and respect the gap")
    func columns() {
        let columns = Layout.columns(Rect(x: 0, y: 0, width: 121, height: 1), [.percent(50), .fill, .fill], gap: 1)
        #expect(columns.map(\.width) == [59, 30, 30])
        #expect(columns.map(\.x) == [0, 60, 91])
    }

    @Test("Nothing gets more than there is")
    func tooSmall() {
        let rows = Layout.rows(Rect(x: 0, y: 0, width: 10, height: 2), [.fixed(3), .fill(minimum: 4)])
        #expect(rows.map(\.height) == [2, 0])
    }

    @Test("Rectangles centre and inset")
    func rects() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(area.centered(width: 40, height: 10) == Rect(x: 20, y: 7, width: 40, height: 10))
        #expect(area.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(area.intersection(Rect(x: 70, y: 20, width: 20, height: 20)) == Rect(x: 70, y: 20, width: 10, height: 4))
    }
}
