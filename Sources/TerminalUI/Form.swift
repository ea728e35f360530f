/// A modal form: fields one under another, inline validation messages, Tab to move,
/// Enter to save, Esc to cancel.
///
/// The form owns no rules of the domain: `validate` is handed in by whoever opens the form and
/// returns a message per field id, checked on save (and again for a field once it has shown an
/// error, so the message goes away as soon as the input is right).
public struct Form: Sendable {
    public typealias Validator = @Sendable (FormValues) -> [String: String]

    public var title: String
    public var fields: [FormField]
    public var focus: Int
    public private(set) var errors: [String: String]
    public private(set) var isDirty: Bool
    private let validate: Validator

    public init(title: String, fields: [FormField], validate: @escaping Validator = { _ in [:] }) {
        self.title = title
        self.fields = fields
        self.focus = 0
        self.errors = [:]
        self.isDirty = false
        self.validate = validate
    }

    public enum Outcome: Sendable, Hashable {
        case editing
        case submitted(FormValues)
        case cancelled
    }

    public var values: FormValues {
        FormValues(Dictionary(uniqueKeysWithValues: fields.map { ($0.id, $0.value) }))
    }

    /// Every problem with the current input, by field id.
    public func problems() -> [String: String] {
        var problems = validate(values)
        for field in fields { if let error = field.builtInError { problems[field.id] = error } }
        return problems
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape:
            return .cancelled
        case .tab, .down:
            focus = (focus + 1) % fields.count
        case .backTab, .up:
            focus = (focus + fields.count - 1) % fields.count
        case .enter, .control("s"):
            errors = problems()
            if errors.isEmpty { return .submitted(values) }
            if let first = fields.firstIndex(where: { errors[$0.id] != nil }) { focus = first }
        default:
            let before = fields[focus]
            if fields[focus].handle(key) {
                let field = fields[focus]
                if field.textLength > field.maxLength && field.textLength > before.textLength {
                    fields[focus] = before
                    errors[field.id] = "\(field.label) takes at most \(field.maxLength) characters; that did not fit."
                    return .editing
                }
                isDirty = true
                if errors[fields[focus].id] != nil { errors = problems().filter { errors[$0.key] != nil } }
            }
        }
        return .editing
    }

    /// Sets the problems shown under fields (see `show(problems:)`).
    mutating func showErrors(_ problems: [String: String]) { errors = problems }

    /// The rows a field takes at this width (its line plus an error line when it has one).
    private func height(of field: FormField, valueWidth: Int) -> Int {
        var rows = 1
        if case .multiSelect(let options, _, _) = field.kind {
            rows = multiSelectLines(options: options, selected: [], cursor: -1, width: valueWidth).count
        }
        return rows + errorLines(for: field, valueWidth: valueWidth).count
    }

    private static let labelWidth = 16

    public func render(in area: Rect, buffer: inout Buffer) {
        let boxWidth = min(76, area.width - 2)
        let valueWidth = boxWidth - 4 - Self.labelWidth - 1
        let contentHeight = fields.reduce(0) { $0 + height(of: $1, valueWidth: valueWidth) }
        let box = area.centered(width: boxWidth, height: contentHeight + 5)
        buffer.fill(box)
        buffer.drawBox(box, title: title, style: Style(.bold, color: .accent))
        var y = box.y + 2
        for (index, field) in fields.enumerated() where y < box.maxY - 2 {
            let focused = index == focus
            let marker = field.isRequired ? "*" : " "
            buffer.write(
                TextLayout.fit(field.label + marker, toWidth: Self.labelWidth), x: box.x + 2, y: y, style: focused ? Style.bold : .plain)
            let valueArea = Rect(x: box.x + 3 + Self.labelWidth, y: y, width: valueWidth, height: 1)
            switch field.kind {
            case .text(let editor), .date(let editor):
                buffer.fill(valueArea, style: .underline)
                editor.render(in: valueArea, buffer: &buffer, style: .underline, focused: focused)
                if editor.text.isEmpty, !focused, let help = field.help {
                    buffer.write(help, x: valueArea.x, y: y, maxWidth: valueWidth, style: Style([.dim, .underline]))
                }
            case .choice(let options, let selected):
                let label = options.indices.contains(selected) ? options[selected] : ""
                buffer.write("‹ \(label) ›", x: valueArea.x, y: y, maxWidth: valueWidth, style: focused ? .reverse : .plain)
            case .multiSelect(let options, let selected, let cursor):
                for line in multiSelectLines(options: options, selected: selected, cursor: focused ? cursor : -1, width: valueWidth) {
                    var x = valueArea.x
                    for item in line {
                        x += buffer.write(item.text, x: x, y: y, style: item.isCursor ? .reverse : .plain) + 1
                    }
                    y += 1
                }
                y -= 1
            }
            y += 1
            for line in errorLines(for: field, valueWidth: valueWidth) {
                buffer.write(line, x: valueArea.x, y: y, maxWidth: valueWidth, style: errors[field.id] == nil ? .dim : .error)
                y += 1
            }
        }
        let hints = "Tab next · S-Tab previous · Enter save · Esc cancel"
        buffer.write(hints, x: box.x + 2, y: box.maxY - 2, maxWidth: box.width - 4, style: .dim)
    }

    /// The field's error message wrapped under its value, `!` first; without one, how many
    /// characters of the field's maximum are used, once it is four-fifths full.
    private func errorLines(for field: FormField, valueWidth: Int) -> [String] {
        guard let error = errors[field.id] else {
            guard field.textLength * 5 >= field.maxLength * 4 else { return [] }
            return ["  \(field.textLength) of \(field.maxLength) characters"]
        }
        return TextLayout.wrap(SafeText.sanitize(error), toWidth: valueWidth - 2).enumerated().map { ($0 == 0 ? "! " : "  ") + $1 }
    }

    private func multiSelectLines(options: [String], selected: Set<Int>, cursor: Int, width: Int) -> [[(text: String, isCursor: Bool)]] {
        var lines: [[(String, Bool)]] = [[]]
        var used = 0
        for (index, option) in options.enumerated() {
            let text = (selected.contains(index) ? "[x] " : "[ ] ") + option
            let cells = DisplayWidth.of(text)
            if used > 0 && used + 1 + cells > width {
                lines.append([])
                used = 0
            }
            lines[lines.count - 1].append((text, index == cursor))
            used += (used > 0 ? 1 : 0) + cells
        }
        return lines
    }
}
