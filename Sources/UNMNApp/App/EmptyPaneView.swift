import TerminalUI

/// The empty state of a pane with no records yet: what will appear here and which key starts it.
enum EmptyPaneView {
    /// The title and the paragraphs (an empty one is a blank line), wrapped when drawn.
    static func lines(for pane: Pane) -> (title: String, body: [String]) {
        switch pane {
        case .meetings:
            return (
                "No meetings logged yet",
                [
                    "Meetings will be listed here by year and quarter, with whether each quarter's regular meeting took place, "
                        + "attendance, agenda, minutes and action points.",
                    "",
                    "n schedules a meeting (the secretariat).",
                ]
            )
        case .workplan:
            return (
                "No annual work plan yet",
                [
                    "The annual work plan will appear here: its key actions with lead entity, timeline, progress, status and "
                        + "budget, grouped by GCM objective.",
                    "",
                    "D drafts the plan of the year and n adds its key actions (the secretariat).",
                ]
            )
        case .decisions:
            return (
                "No consensus items yet",
                [
                    "Consensus items will be listed here: pending, ready to adopt, held and closed, with every member's "
                        + "position; adopted items form the decisions log.",
                    "",
                    "n opens an item (the secretariat); r reviews pending ones.",
                ]
            )
        case .overview, .members:
            return ("", [])
        }
    }

    static func render(_ pane: Pane, in area: Rect, buffer: inout Buffer) {
        let (title, body) = lines(for: pane)
        let width = min(area.width - 2, 78)
        let wrapped = body.flatMap { $0.isEmpty ? [""] : TextLayout.wrap($0, toWidth: width) }
        let top = area.y + max(1, (area.height - wrapped.count - 2) / 3)
        buffer.write(title, x: area.x + 1, y: top, maxWidth: area.width - 2, style: .title)
        for (row, line) in wrapped.enumerated() {
            buffer.write(line, x: area.x + 1, y: top + 2 + row, maxWidth: area.width - 2, style: .plain, clip: area)
        }
    }
}
