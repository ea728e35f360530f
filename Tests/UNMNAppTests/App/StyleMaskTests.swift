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
}
