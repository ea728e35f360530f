import CNcursesw
import TerminalUI
import Testing

@testable import CursesBackend

@Suite("Key decoding")
struct KeyDecoderTests {
    @Test("Characters, including Cyrillic and ʻ, arrive as text")
    func characters() {
        #expect(KeyDecoder.decode(character: UInt32(Character("q").asciiValue!)) == .character("q"))
        #expect(KeyDecoder.decode(character: 0x40E) == .character("Ў"))
        #expect(KeyDecoder.decode(character: 0x2BB) == .character("ʻ"))
        #expect(KeyDecoder.decode(character: 0x1F44D) == .character("👍"))
    }

    @Test(
        "Tab, Enter, Esc, Backspace and Ctrl keys",
        arguments: [
            (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
            (1, .control("a")), (17, .control("q")), (23, .control("w")),
        ])
    func controls(code: UInt32, key: Key) {
        #expect(KeyDecoder.decode(character: code) == key)
    }

    @Test("ncurses function-key codes")
    func functionKeys() {
        #expect(KeyDecoder.decode(functionKey: Int32(UNMN_KEY_UP)) == .up)
        #expect(KeyDecoder.decode(functionKey: Int32(UNMN_KEY_NPAGE)) == .pageDown)
        #expect(KeyDecoder.decode(functionKey: Int32(UNMN_KEY_BTAB)) == .backTab)
        #expect(KeyDecoder.decode(functionKey: Int32(UNMN_KEY_HOME)) == .home)
        #expect(KeyDecoder.decode(functionKey: Int32(UNMN_KEY_DC)) == .delete)
        #expect(KeyDecoder.decode(functionKey: Int32(UNMN_KEY_F0) + 5) == .function(5))
        #expect(KeyDecoder.decode(functionKey: Int32(UNMN_KEY_ENTER)) == .enter)
        #expect(KeyDecoder.decode(functionKey: Int32(UNMN_KEY_IC)) == nil)
    }
}
