/// A read-only page of labelled fields and paragraphs, wrapped to the width and scrollable.
public struct DetailView: Sendable {
    public enum Line: Sendable, Hashable {
        case heading(String)
        case field(label: String, value: String)
        case paragraph(String)
        case blank
    }

    public var lines: [Line]
    public var labelWidth: Int
    public var offset: Int

    public init(lines: [Line], labelWidth: Int = 16, offset: Int = 0) {
        self.lines = lines
        self.labelWidth = labelWidth
        self.offset = offset
    }

    /// The rows as they will be drawn at `width`, before scrolling.
    public func layout(width: Int) -> [(text: String, style: Style)] {
        var rows: [(String, Style)] = []
        for line in lines {
            switch line {
            case .heading(let text):
                rows.append((text, Style.title))
            case .field(let label, let value):
                let valueWidth = max(1, width - labelWidth - 1)
                let wrapped = TextLayout.wrap(SafeText.sanitize(value), toWidth: valueWidth)
                for (index, piece) in wrapped.enumerated() {
                    let prefix = index == 0 ? TextLayout.fit(label, toWidth: labelWidth) : String(repeating: " ", count: labelWidth)
                    rows.append((prefix + " " + piece, .plain))
                }
            case .paragraph(let text):
                rows += TextLayout.wrap(SafeText.sanitize(text), toWidth: width).map { ($0, Style.plain) }
            case .blank:
                rows.append(("", .plain))
            }
        }
        return rows
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let rows = layout(width: area.width)
        for (row, index) in (offset..<min(rows.count, offset + area.height)).enumerated() {
            buffer.write(rows[index].text, x: area.x, y: area.y + row, maxWidth: area.width, style: rows[index].style, clip: area)
        }
    }
}
