import TerminalUI
import UNMNDomain

/// Draws the whole screen from the state: header, tabs, the pane, status line, footer, and any
/// overlay on top. Drawing only: it changes nothing.
public enum AppView {
    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height)
        if state.isTooSmall {
            renderTooSmall(state, into: &buffer)
            return buffer
        }
        let layout = state.layout
        HeaderView.render(state, in: layout.header, buffer: &buffer)
        tabBar(for: state).render(in: layout.tabs, buffer: &buffer)
        state.pane.feature.render(state, in: layout.content, buffer: &buffer)
        StatusLine(message: state.status.text, kind: state.status.kind, right: statusFacts(state)).render(
            in: layout.status, buffer: &buffer)
        if state.paneHasFilter, let list = state.visibleList, state[keyPath: list.state].isFilterActive {
            FilterPrompt(editor: state[keyPath: list.state].filter, matchCount: list.content.itemRows.count, totalCount: list.content.total)
                .render(in: layout.footer, buffer: &buffer)
        } else {
            KeyHintFooter(hints: KeyBindings.footerHints(for: state)).render(in: layout.footer, buffer: &buffer)
        }
        switch state.overlay {
        case .help(let offset, let rows)?:
            HelpOverlay.render(rows, offset: offset, in: buffer.area, buffer: &buffer)
        case .message(let panel)?:
            panel.render(in: buffer.area, buffer: &buffer)
        case .form(let form, _)?:
            form.render(in: buffer.area, buffer: &buffer)
        case .editor(let editor, let title, _)?:
            renderEditor(editor, title: title, above: textAboveEditor(state), into: &buffer)
        case .confirm(let dialog, _, let returnTo)?:
            if case .form(let form, _)? = returnTo { form.render(in: buffer.area, buffer: &buffer) }
            if case .editor(let editor, let title, _)? = returnTo {
                renderEditor(editor, title: title, above: textAboveEditor(state), into: &buffer)
            }
            dialog.render(in: buffer.area, buffer: &buffer)
        case nil:
            break
        }
        return buffer
    }

    /// Read-only text drawn above the editor: what someone else saved over the operator's
    /// draft; or, for an amendment, the finalised minutes it corrects, so they can be quoted.
    static func textAboveEditor(_ state: AppState) -> (heading: String, text: String)? {
        if let theirs = state.editorTheirs {
            return ("Saved by \(theirs.by) at \(theirs.at.tashkentTime) (theirs, read-only):", theirs.text)
        }
        let purpose: EditorPurpose?
        switch state.overlay {
        case .editor(_, _, let editing)?: purpose = editing
        case .confirm(_, _, .editor(_, _, let editing)?)?: purpose = editing
        default: purpose = nil
        }
        guard case .amendment(let reference)? = purpose, let meeting = state.network?.meeting(reference) else { return nil }
        return ("The finalised minutes of \(reference) (read-only):", MeetingsPane.minutesText(meeting))
    }

    /// The editor in a box over the pane, with its keys on the last row, and `above` it a
    /// read-only text to compare with or quote from.
    static func renderEditor(_ editor: TextEditor, title: String, above: (heading: String, text: String)? = nil, into buffer: inout Buffer)
    {
        let box = buffer.area.centered(width: min(buffer.width - 2, 100), height: buffer.height - 4)
        buffer.fill(box)
        buffer.drawBox(box, title: title, style: Style(.bold, color: .accent))
        var inner = box.inset(horizontal: 2, vertical: 1)
        if let above {
            let rows = max(2, (inner.height - 1) / 3)
            buffer.write(above.heading, x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(.bold, color: .warning))
            let lines = above.text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
                TextLayout.wrap(SafeText.sanitize(String($0)), toWidth: inner.width)
            }
            for (row, line) in lines.prefix(rows - 1).enumerated() {
                buffer.write(line, x: inner.x, y: inner.y + 1 + row, maxWidth: inner.width, style: .dim)
            }
            buffer.write("Yours:", x: inner.x, y: inner.y + rows, maxWidth: inner.width, style: .bold)
            inner = Rect(x: inner.x, y: inner.y + rows + 1, width: inner.width, height: inner.height - rows - 1)
        }
        editor.render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1), buffer: &buffer)
        buffer.write(
            "Ctrl-S save · Esc cancel · Ctrl-O edit in $VISUAL/$EDITOR · Enter new line", x: inner.x, y: inner.maxY - 1,
            maxWidth: inner.width,
            style: .dim)
    }

    public static func tabBar(for state: AppState) -> TabBar {
        TabBar(titles: Pane.allCases.map(\.title), selected: state.pane.rawValue)
    }

    /// The right side of the status line: a filter in force and read-only mode.
    static func statusFacts(_ state: AppState) -> String {
        var facts: [String] = []
        // The counts do not depend on where the list is drawn; a provisional layout keeps the
        // status line's height (which depends on these facts) out of the computation.
        let provisional = AppLayout(width: state.width, height: state.height)
        if state.paneHasFilter, let list = state.pane.feature.list(in: state, layout: provisional),
            case let listState = state[keyPath: list.state],
            !listState.filterText.isEmpty, !listState.isFilterActive
        {
            facts.append("filter \"\(listState.filterText)\": \(list.content.itemRows.count) of \(list.content.total)")
        }
        if state.isReadOnly { facts.append("READ-ONLY") }
        if state.offline != nil { facts.append("OFFLINE") }
        if let view = state.asOf { facts.append("AS OF \(view.day)") }
        return facts.joined(separator: " · ")
    }

    /// The question a quit asked, shown on the too-small screen too (y quits, n keeps the input).
    static func tooSmallQuestion(_ state: AppState) -> [String] {
        guard case .confirm(let dialog, _, _)? = state.overlay else { return [] }
        return ["", dialog.message, "y \(dialog.confirmLabel.lowercased()) · n keep"]
    }

    static func renderTooSmall(_ state: AppState, into buffer: inout Buffer) {
        let lines =
            [
                "Window too small",
                "\(state.width)×\(state.height); unmn needs at least \(AppState.minimumWidth)×\(AppState.minimumHeight).",
                "Enlarge the window, or press q to quit.",
            ] + tooSmallQuestion(state)
        let wrapped = lines.flatMap { TextLayout.wrap($0, toWidth: max(1, buffer.width - 2)) }
        let top = max(0, (buffer.height - wrapped.count) / 2)
        for (row, line) in wrapped.enumerated() {
            let x = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
            buffer.write(line, x: x, y: top + row, style: row == 0 ? .title : .plain)
        }
    }
}
