import CNcursesw
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// The real terminal, through ncursesw: the only code in unmn that talks to ncurses.
///
/// Wide characters need the locale set before `initscr` and every cell written as a `cchar_t`;
/// colours sit on the terminal's own background (`use_default_colors`); `NO_COLOR` or a
/// monochrome terminal get attributes only. The terminal is restored on `close()`, on
/// SIGINT/SIGTERM/SIGHUP and on a crash (see the shim's signal handlers).
public final class CursesTerminal: Terminal {
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case initialisationFailed

        public var description: String {
            switch self {
            case .notATerminal:
                return
                    "unmn's console needs a terminal; standard input and output must not be redirected (the other subcommands "
                    + "work without one)."
            case .initialisationFailed: return "The terminal could not be set up (is TERM set to a terminal ncurses knows?)."
            }
        }
    }

    private let window: UnsafeMutablePointer<WINDOW>
    private let usesColor: Bool
    private var previous: Buffer?

    /// Takes over the terminal. `noColor` (from the NO_COLOR convention) keeps to attributes.
    public init(noColor: Bool) throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw StartError.notATerminal }
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            // Without a UTF-8 locale ncurses would print Cyrillic as escape sequences.
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        guard let window = initscr() else { throw StartError.initialisationFailed }
        self.window = window
        unmn_install_signal_handlers()
        // Raw: Ctrl-C arrives as a key, so that quitting from a form or the editor with unsaved
        // text asks first instead of the terminal killing the process (SIGTERM/SIGHUP still
        // restore the terminal and exit).
        raw()
        unmn_disable_flow_control()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        unmn_enable_mouse()
        unmn_enable_bracketed_paste()
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            for (index, color) in CursesTerminal.palette.enumerated() {
                init_pair(Int16(index + 1), color, -1)
            }
            usesColor = true
        } else {
            usesColor = false
        }
    }

    /// Colour per role, in `ColorRole.allCases` order: accent, success, warning, danger, muted.
    private static let palette: [Int16] = [Int16(COLOR_CYAN), Int16(COLOR_GREEN), Int16(COLOR_YELLOW), Int16(COLOR_RED), -1]

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    public func draw(_ buffer: Buffer) {
        if let previous, previous.width != buffer.width || previous.height != buffer.height {
            werase(window)
            self.previous = nil
        }
        let size = self.size
        for y in buffer.changedRows(since: previous) where y < size.height {
            for x in 0..<min(buffer.width, size.width) {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                var text = Self.drawableScalars(of: cell.text).map { wchar_t(bitPattern: $0.value) }
                if text.isEmpty { text = [wchar_t(32)] }
                text.append(0)
                let (attributes, pair) = cursesStyle(cell.style)
                _ = unmn_put_cell(window, Int32(y), Int32(x), text, attributes, pair)
            }
        }
        wrefresh(window)
        previous = buffer
    }

    /// The part of a cell's cluster that a `cchar_t` can hold: its first character and the
    /// zero-width marks after it. ncurses cuts a cluster at its second spacing character (a
    /// flag's second letter, a skin tone, the emoji after a ZWJ); cutting it here instead drops
    /// the joiner too, which a terminal would otherwise glue to the next cell's character.
    static func drawableScalars(of cluster: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        for scalar in cluster.unicodeScalars {
            if !scalars.isEmpty && (scalar.value == 0x200D || DisplayWidth.of(scalar) != 0) { break }
            scalars.append(scalar)
        }
        return scalars
    }

    private func cursesStyle(_ style: Style) -> (attr_t, Int16) {
        var attributes = attr_t(0)
        var style = style
        if !usesColor, let role = style.color {
            // Without colour, meaning is carried by weight: warnings and errors bold, muted text dim.
            switch role {
            case .danger, .warning: style.attributes.insert(.bold)
            case .muted: style.attributes.insert(.dim)
            case .accent, .success: break
            }
        }
        if style.attributes.contains(.bold) { attributes |= unmn_a_bold() }
        if style.attributes.contains(.reverse) { attributes |= unmn_a_reverse() }
        if style.attributes.contains(.underline) { attributes |= unmn_a_underline() }
        if style.attributes.contains(.dim) { attributes |= unmn_a_dim() }
        guard usesColor, let role = style.color, let index = ColorRole.allCases.firstIndex(of: role) else { return (attributes, 0) }
        return (attributes, Int16(index + 1))
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent {
        wtimeout(window, Int32(timeoutMilliseconds))
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == ERR { return .tick }
        if result == Int32(UNMN_KEY_CODE_YES) {
            switch Int32(bitPattern: code) {
            case Int32(UNMN_KEY_RESIZE):
                previous = nil
                return .resize(width: size.width, height: size.height)
            case Int32(UNMN_KEY_PASTE_BEGIN):
                return .key(.paste(readPaste()))
            case Int32(UNMN_KEY_MOUSE):
                var y: Int32 = 0
                var x: Int32 = 0
                return unmn_read_click(&y, &x) == 1 ? .click(x: Int(x), y: Int(y)) : .tick
            default:
                return KeyDecoder.decode(functionKey: Int32(bitPattern: code)).map(InputEvent.key) ?? .tick
            }
        }
        return KeyDecoder.decode(character: UInt32(code)).map(InputEvent.key) ?? .tick
    }

    /// Reads what follows a paste's start marker up to its end marker (or until the terminal
    /// stops sending for a second, so a lost end marker cannot hang the console).
    private func readPaste() -> String {
        wtimeout(window, 1000)
        var text = String.UnicodeScalarView()
        while true {
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if result == ERR { break }
            if result == Int32(UNMN_KEY_CODE_YES) {
                if Int32(bitPattern: code) == Int32(UNMN_KEY_PASTE_END) { break }
                continue
            }
            if let scalar = UnicodeScalar(UInt32(code)) { text.append(scalar) }
        }
        return String(text)
    }

    public func suspend<Result>(_ body: () throws -> Result) rethrows -> Result {
        def_prog_mode()
        unmn_write_bracketed_paste_mode(0)
        endwin()
        defer {
            reset_prog_mode()
            unmn_write_bracketed_paste_mode(1)
            previous = nil
            wclear(window)
        }
        return try body()
    }

    /// Gives the terminal back: leaves the alternate screen and restores the modes.
    public func close() {
        unmn_restore_terminal()
    }
}
