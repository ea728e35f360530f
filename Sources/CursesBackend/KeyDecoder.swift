import CNcursesw
import TerminalUI

/// Turns what `wget_wch` reports into a `Key`: a character (including Cyrillic and other
/// UTF-8 text, already decoded by ncurses) or one of ncurses' function-key codes.
public enum KeyDecoder {
    /// A character code as `wget_wch` returns it with `OK`.
    public static func decode(character code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(code + 96)!))
        case 0, 28...31: return nil
        default:
            guard let scalar = UnicodeScalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function-key code as `wget_wch` returns it with `KEY_CODE_YES`.
    public static func decode(functionKey code: Int32) -> Key? {
        switch Int(code) {
        case Int(UNMN_KEY_UP): return .up
        case Int(UNMN_KEY_DOWN): return .down
        case Int(UNMN_KEY_LEFT): return .left
        case Int(UNMN_KEY_RIGHT): return .right
        case Int(UNMN_KEY_HOME): return .home
        case Int(UNMN_KEY_END): return .end
        case Int(UNMN_KEY_PPAGE): return .pageUp
        case Int(UNMN_KEY_NPAGE): return .pageDown
        case Int(UNMN_KEY_BTAB): return .backTab
        case Int(UNMN_KEY_ENTER): return .enter
        case Int(UNMN_KEY_BACKSPACE): return .backspace
        case Int(UNMN_KEY_DC): return .delete
        case Int(UNMN_KEY_F0) + 1...Int(UNMN_KEY_F12):
            return .function(Int(code) - Int(UNMN_KEY_F0))
        default: return nil
        }
    }
}
