/// The `/` prompt at the bottom of a list: `/ uni▏  3 of 16`.
public struct FilterPrompt: Sendable {
    public var editor: LineEditor
    public var matchCount: Int
    public var totalCount: Int

    public init(editor: LineEditor, matchCount: Int, totalCount: Int) {
        self.editor = editor
        self.matchCount = matchCount
        self.totalCount = totalCount
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard area.height > 0 else { return }
        buffer.fill(area.row(0))
        let count = " \(matchCount) of \(totalCount)"
        buffer.write("/", x: area.x, y: area.y, style: Style(.bold, color: .accent), clip: area)
        let editorWidth = max(1, area.width - 2 - DisplayWidth.of(count))
        editor.render(in: Rect(x: area.x + 2, y: area.y, width: editorWidth, height: 1), buffer: &buffer, focused: true)
        buffer.write(count, x: area.maxX - DisplayWidth.of(count), y: area.y, style: .dim, clip: area)
    }
}
