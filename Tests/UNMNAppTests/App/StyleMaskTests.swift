import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

/// Where style carries meaning, the screens say so literally: the selected row, overdue action
/// points, held items, disabled keys.
@Suite("Style masks")
struct StyleMaskTests {
    @Test("Action points: the selected row reversed across the width, overdue ones in the danger colour, done ones dim")
    func actionPoints() {
        var state = sampleState(.meetings)
        press([.character("t"), .character("j")], &state)
        let mask = styleMask(state)
        #expect(
            Array(mask[2...13]) == [
                "·AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "·AAAAAAAAAAAA·AAAAAAAAAAAAAAAA·AAAAAAAAAAAAAA·AAAAAAAAAA·AAAAAAAAAA·AAAAAAAAAAA",
                "·EEEEEEEEEEEE·EEEEEEEEEEEEEEEE·EEEEEEEEEEEEEE·EEEEEEEEEE·EEEEEEEEEE·EEEEEEEEEEE",
                "·RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR",
                "",
                "·DDDDDDDDDDDD·DDDDDDDDDDDDDDDD·DDDDDDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDDD",
                "·DDDDDDDDDDDD·DDDDDDDDDDDDDDDD·DDDDDDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDDD",
                "·DDDDDDDDDDDD·DDDDDDDDDDDDDDDD·DDDDDDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDDD",
                "·DDDDDDDDDDDD·DDDDDDDDDDDDDDDD·DDDDDDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDDD",
                "·DDDDDDDDDDDD·DDDDDDDDDDDDDDDD·DDDDDDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDDD",
                "·DDDDDDDDDDDD·DDDDDDDDDDDDDDDD·DDDDDDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDD·DDDDDDDDDDD",
                "",
            ])
    }

    @Test("Decisions: the held heading in the danger colour, closed items dim, the selection reversed")
    func decisions() {
        let mask = styleMask(sampleState(.decisions))
        #expect(
            Array(mask[2...13]) == [
                "·AAAAAAAAAAAAA·AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA·AAAAAAAAAAAAAAAAA·AAAAAAAAAAAAA",
                "·AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "·RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR",
                "",
                "·EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE",
                "",
                "·AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "·DDDDDDDDDDDDD·DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD·DDDDDDDDDDDDDDDDD·DDDDDDDDDDDDD",
                "·DDDDDDDDDDDDD·DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD·DDDDDDDDDDDDDDDDD·DDDDDDDDDDDDD",
                "·DDDDDDDDDDDDD·DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD·DDDDDDDDDDDDDDDDD·DDDDDDDDDDDDD",
                "·DDDDDDDDDDDDD·DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD·DDDDDDDDDDDDDDDDD·DDDDDDDDDDDDD",
                "·DDDDDDDDDDDDD·DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD·DDDDDDDDDDDDDDDDD·DDDDDDDDDDDDD",
            ])
    }

    @Test("Footer: a key the operator may not use is dim")
    func disabledKeys() {
        var state = sampleState(.meetings, Operator(name: "RCO", entity: "UNRC", role: .viewer))
        press([.enter], &state)
        #expect(screen(state)[23] == "Space Attendance  f Finalise  A Action point  w Minutes  v Record  Esc Back")
        // A viewer may read the whole record: v is lit (accent), the keys that change the meeting are dim.
        #expect(styleMask(state)[23] == "DDDDDDDDDDDDDDDD··DDDDDDDDDD··DDDDDDDDDDDDDD··DDDDDDDDD··A·········AAA")
    }

    @Test("Workplan colours the status cell and the bar, not the title; the selected row is one even bar without colour (issue 17)")
    func workplanColours() throws {
        let state = sampleState(.workplan, SampleNetwork.secretariat, width: 120, height: 40)
        let lines = screen(state)
        let mask = styleMask(state)
        let delayed = try #require(lines.indices.first { lines[$0].contains("delayed") && !mask[$0].hasPrefix("·R") })
        let row = Array(mask[delayed])
        let titleStart = 9  // after " " and the 7-cell code and its gap
        #expect(row[titleStart..<(titleStart + 10)].allSatisfy { $0 == "·" }, "the title is in the default colour: \(mask[delayed])")
        let status = try #require(lines[delayed].range(of: "delayed")).lowerBound.utf16Offset(in: lines[delayed])
        #expect(row[status] == "E", "the status cell is in the danger colour: \(mask[delayed])")
        // The selected row: reverse from edge to edge, gaps included, and no colour under it.
        let buffer = AppView.render(state)
        let selected = try #require(
            (0..<buffer.height).first { y in
                (1..<buffer.width - 1).allSatisfy { buffer[$0, y].style.attributes.contains(.reverse) } && y > 2
            })
        for x in 1..<buffer.width - 1 where !buffer[x, selected].isContinuation {
            #expect(buffer[x, selected].style.color == nil, "a colour under the selection at column \(x)")
        }
    }
}
