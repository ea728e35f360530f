/// One field of a modal form.
public struct FormField: Sendable {
    public enum Kind: Sendable, Hashable {
        /// Free text on one line.
        case text(LineEditor)
        /// One of several options; ←/→ or Space cycle.
        case choice(options: [String], selected: Int)
        /// A calendar date typed as YYYY-MM-DD.
        case date(LineEditor)
        /// Any number of options; ←/→ move, Space ticks.
        case multiSelect(options: [String], selected: Set<Int>, cursor: Int)
    }

    public var id: String
    public var label: String
    public var kind: Kind
    public var isRequired: Bool
    public var help: String?
    /// The most characters a text field takes (names 100, emails 254, most text 500): a field
    /// never grows without bound, and says so as it nears the limit.
    public var maxLength: Int = 500

    /// The characters in a text or date field.
    public var textLength: Int {
        switch kind {
        case .text(let editor), .date(let editor): return editor.text.count
        case .choice, .multiSelect: return 0
        }
    }

    public init(id: String, label: String, kind: Kind, isRequired: Bool = false, help: String? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.isRequired = isRequired
        self.help = help
    }

    public static func text(_ id: String, _ label: String, value: String = "", required: Bool = false, help: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: .text(LineEditor(value)), isRequired: required, help: help)
    }

    public static func choice(_ id: String, _ label: String, options: [String], selected: Int = 0) -> FormField {
        FormField(id: id, label: label, kind: .choice(options: options, selected: selected))
    }

    public static func date(_ id: String, _ label: String, value: String = "", required: Bool = false) -> FormField {
        FormField(id: id, label: label, kind: .date(LineEditor(value)), isRequired: required, help: "YYYY-MM-DD")
    }

    public static func multiSelect(_ id: String, _ label: String, options: [String], selected: Set<Int> = [], required: Bool = false)
        -> FormField
    {
        FormField(id: id, label: label, kind: .multiSelect(options: options, selected: selected, cursor: 0), isRequired: required)
    }

    /// The value the field holds now.
    public var value: FormValue {
        switch kind {
        case .text(let editor), .date(let editor):
            return .text(editor.text.trimmingSpaces)
        case .choice(let options, let selected):
            return .choice(index: selected, label: options.indices.contains(selected) ? options[selected] : "")
        case .multiSelect(let options, let selected, _):
            return .selection(selected.sorted().map { options[$0] })
        }
    }

    /// The built-in checks every form gets: required fields and well-formed dates.
    public var builtInError: String? {
        switch (kind, value) {
        case (.date, .text(let text)) where !text.isEmpty:
            return FormField.isValidDate(text) ? nil : "\(label) must be a real date written YYYY-MM-DD, e.g. 2026-03-15."
        case (_, .text(let text)) where isRequired && text.isEmpty:
            return "\(label) is required."
        case (_, .selection(let chosen)) where isRequired && chosen.isEmpty:
            return "Choose at least one \(label.lowercased())."
        default:
            return nil
        }
    }

    /// True for a Gregorian calendar date in the form YYYY-MM-DD between the years 1900 and 2199.
    public static func isValidDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1900...2199).contains(year), (1...12).contains(month), day >= 1
        else { return false }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// Applies a key meant for this field; false when the field does not use it.
    mutating func handle(_ key: Key) -> Bool {
        switch kind {
        case .text(var editor):
            defer { kind = .text(editor) }
            return editor.handle(key)
        case .date(var editor):
            defer { kind = .date(editor) }
            return editor.handle(key)
        case .choice(let options, let selected):
            guard !options.isEmpty else { return false }
            switch key {
            case .right, .character(" "): kind = .choice(options: options, selected: (selected + 1) % options.count)
            case .left: kind = .choice(options: options, selected: (selected + options.count - 1) % options.count)
            default: return false
            }
            return true
        case .multiSelect(let options, var selected, var cursor):
            switch key {
            case .right: cursor = min(options.count - 1, cursor + 1)
            case .left: cursor = max(0, cursor - 1)
            case .character(" "):
                if selected.contains(cursor) { selected.remove(cursor) } else { selected.insert(cursor) }
            default: return false
            }
            kind = .multiSelect(options: options, selected: selected, cursor: cursor)
            return true
        }
    }
}

/// What a form field holds.
public enum FormValue: Sendable, Hashable {
    case text(String)
    case choice(index: Int, label: String)
    case selection([String])

    public var text: String {
        switch self {
        case .text(let text): return text
        case .choice(_, let label): return label
        case .selection(let labels): return labels.joined(separator: ", ")
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var result = Substring(self)
        while result.first?.isWhitespace == true { result.removeFirst() }
        while result.last?.isWhitespace == true { result.removeLast() }
        return String(result)
    }
}
