import TerminalUI

/// One key binding: which keys, what they do, and why they are unavailable when they are. The
/// same data drives the key handling, the footer hints and the `?` screen.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    /// How the keys are written in the footer and help: `j/↓`.
    public var keyLabel: String
    /// The short footer label: `Open`.
    public var label: String
    /// The help screen's sentence.
    public var description: String
    /// The message a key of this binding sends (some bindings answer each key differently:
    /// `1`…`5`, `[` and `]`).
    public var message: @Sendable (Key) -> Message
    public var isInFooter: Bool
    /// Why the binding cannot be used in this state, or nil when it can.
    public var disabledReason: @Sendable (AppState) -> String?

    public init(
        _ keys: [Key], keyLabel: String? = nil, label: String, description: String, message: Message, isInFooter: Bool = true,
        disabledReason: @escaping @Sendable (AppState) -> String? = { _ in nil }
    ) {
        self.init(keys, keyLabel: keyLabel, label: label, description: description, isInFooter: isInFooter, disabledReason: disabledReason)
        { _ in
            message
        }
    }

    public init(
        _ keys: [Key], keyLabel: String? = nil, label: String, description: String, isInFooter: Bool = true,
        disabledReason: @escaping @Sendable (AppState) -> String? = { _ in nil }, messageForKey: @escaping @Sendable (Key) -> Message
    ) {
        self.keys = keys
        self.keyLabel = keyLabel ?? keys.map(\.description).joined(separator: "/")
        self.label = label
        self.description = description
        self.message = messageForKey
        self.isInFooter = isInFooter
        self.disabledReason = disabledReason
    }
}

extension KeyBinding {
    /// The same binding, kept out of the footer (it stays in `?`).
    var outOfFooter: KeyBinding {
        var binding = self
        binding.isInFooter = false
        return binding
    }
}

/// The keys of one screen of a pane, under a title in `?`.
public struct KeyBindingGroup: Sendable {
    public var title: String
    public var bindings: [KeyBinding]

    public init(_ title: String, _ bindings: [KeyBinding]) {
        self.title = title
        self.bindings = bindings
    }
}
