import TerminalUI

/// Where each part of the screen goes at a given size; shared by the views (to draw) and by
/// `update` (to page and to hit-test the mouse), so both always agree.
public struct AppLayout: Sendable, Hashable {
    public let header: Rect
    public let tabs: Rect
    public let content: Rect
    public let status: Rect
    public let footer: Rect

    /// The most rows the status line takes; a longer message ends "(more: !)".
    public static let maxStatusRows = 3

    /// - Parameter statusRows: rows the status line needs (a long refusal wraps onto up to three).
    public init(width: Int, height: Int, statusRows: Int = 1) {
        let rows = Layout.rows(
            Rect(x: 0, y: 0, width: width, height: height),
            [.fixed(1), .fixed(1), .fill, .fixed(min(Self.maxStatusRows, max(1, statusRows))), .fixed(1)])
        header = rows[0]
        tabs = rows[1]
        content = rows[2].inset(horizontal: 1, vertical: 0)
        status = rows[3]
        footer = rows[4]
    }

    /// Wide screens show a list and the selected record side by side; at 80 columns the record
    /// opens in place of the list.
    public var isWide: Bool { content.width >= 118 }

    /// The list and detail areas of a list pane (the detail is empty on a narrow screen).
    public var listAndDetail: (list: Rect, detail: Rect) {
        guard isWide else { return (content, Rect(x: content.maxX, y: content.y, width: 0, height: 0)) }
        let columns = Layout.columns(content, [.percent(55), .fill], gap: 2)
        return (columns[0], columns[1])
    }
}
