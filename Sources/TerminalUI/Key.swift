/// A key as the app sees it, whatever terminal it came from.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case function(Int)
    case tab, backTab, enter, backspace, delete, escape
    /// Control plus a letter, lower case: Ctrl-A is `.control("a")`.
    case control(Character)
    /// Text pasted between the terminal's bracketed-paste markers: text for the focused field,
    /// never keys (a pasted newline must not save a form, a pasted `n` must not open one).
    case paste(String)

    /// The key's name as the footer and help screen show it.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .enter: return "Enter"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .escape: return "Esc"
        case .control(let c): return "^" + String(c).uppercased()
        case .paste: return "Paste"
        }
    }
}

/// One thing the terminal reports.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// A left click at a cell.
    case click(x: Int, y: Int)
    /// The window now has this size.
    case resize(width: Int, height: Int)
    /// Nothing happened within the poll interval.
    case tick
}
