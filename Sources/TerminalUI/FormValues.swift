/// A form's field ids as a type of their own: each form names its fields in an enum, so a
/// misspelt id does not compile and a decoder reads `values.text(.email)`, not a string key.
public protocol FormFieldID: RawRepresentable, Sendable where RawValue == String {}

/// What a form holds when it is saved, read by field id.
public struct FormValues: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var storage: [String: FormValue]

    public init(_ storage: [String: FormValue]) { self.storage = storage }
    public init(dictionaryLiteral elements: (String, FormValue)...) {
        storage = Dictionary(uniqueKeysWithValues: elements)
    }

    /// The value of the field with this raw id (for tests and generic code).
    public subscript(id: String) -> FormValue? { storage[id] }

    /// The text of a text or date field ("" when the form has no such field).
    public func text<ID: FormFieldID>(_ field: ID) -> String { storage[field.rawValue]?.text ?? "" }

    /// The text, or nil when it is empty.
    public func optionalText<ID: FormFieldID>(_ field: ID) -> String? {
        let text = text(field)
        return text.isEmpty ? nil : text
    }

    /// The index of the chosen option of a choice field.
    public func choice<ID: FormFieldID>(_ field: ID) -> Int? {
        if case .choice(let index, _)? = storage[field.rawValue] { return index }
        return nil
    }

    /// The ticked options of a multi-select field, as their labels, in option order.
    public func selection<ID: FormFieldID>(_ field: ID) -> [String]? {
        if case .selection(let labels)? = storage[field.rawValue] { return labels }
        return nil
    }
}

extension FormField {
    public static func text<ID: FormFieldID>(
        _ id: ID, _ label: String, value: String = "", required: Bool = false, help: String? = nil, maxLength: Int = 500
    ) -> FormField {
        var field = text(id.rawValue, label, value: value, required: required, help: help)
        field.maxLength = maxLength
        return field
    }

    public static func choice<ID: FormFieldID>(_ id: ID, _ label: String, options: [String], selected: Int = 0) -> FormField {
        choice(id.rawValue, label, options: options, selected: selected)
    }

    public static func date<ID: FormFieldID>(_ id: ID, _ label: String, value: String = "", required: Bool = false) -> FormField {
        date(id.rawValue, label, value: value, required: required)
    }

    public static func multiSelect<ID: FormFieldID>(
        _ id: ID, _ label: String, options: [String], selected: Set<Int> = [], required: Bool = false
    ) -> FormField {
        multiSelect(id.rawValue, label, options: options, selected: selected, required: required)
    }
}

extension Form {
    /// Replaces the text of a text or date field, as when a form opens prefilled.
    public mutating func setText<ID: FormFieldID>(_ field: ID, _ text: String) {
        guard let index = fields.firstIndex(where: { $0.id == field.rawValue }) else { return }
        switch fields[index].kind {
        case .text: fields[index].kind = .text(LineEditor(text))
        case .date: fields[index].kind = .date(LineEditor(text))
        default: break
        }
    }

    /// Chooses an option of a choice field.
    public mutating func choose<ID: FormFieldID>(_ field: ID, _ option: Int) {
        guard let index = fields.firstIndex(where: { $0.id == field.rawValue }),
            case .choice(let options, _) = fields[index].kind, options.indices.contains(option)
        else { return }
        fields[index].kind = .choice(options: options, selected: option)
    }
}

extension Form {
    /// Shows problems found after the form was saved (a conflict with someone else's change,
    /// say) under their fields, and moves to the first.
    public mutating func show(problems: [String: String]) {
        showErrors(problems)
        if let first = fields.firstIndex(where: { problems[$0.id] != nil }) { focus = first }
    }

    /// Puts a value into a field by its text: the text of a text or date field, the option of a
    /// choice with that label, the options of a multi-select named in a comma-separated list.
    public mutating func setValue(_ id: String, text: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        switch fields[index].kind {
        case .text: fields[index].kind = .text(LineEditor(text))
        case .date: fields[index].kind = .date(LineEditor(text))
        case .choice(let options, let selected):
            fields[index].kind = .choice(options: options, selected: options.firstIndex(of: text) ?? selected)
        case .multiSelect(let options, _, let cursor):
            let labels = Set(text.split(separator: ",").map { String($0).trimmingSpaces })
            fields[index].kind = .multiSelect(
                options: options, selected: Set(options.indices.filter { labels.contains(options[$0]) }), cursor: cursor)
        }
    }
}

/// Typed problems per field from a validator: `problems[.email] = "…"`.
public struct FormProblems<ID: FormFieldID>: Sendable {
    public private(set) var byField: [String: String] = [:]
    public init() {}
    public subscript(field: ID) -> String? {
        get { byField[field.rawValue] }
        set { byField[field.rawValue] = newValue }
    }
}
