import TerminalUI

/// One key binding: which keys, what they do, where, and why they are unavailable when they
/// are. The same table drives the key handling, the footer hints and the `?` screen.
public struct KeyBinding: Sendable {
    public enum Scope: Sendable, Hashable {
        case global
        case pane(Pane)
        /// Review mode of the Decisions pane.
        case review
    }

    public var keys: [Key]
    /// How the keys are written in the footer and help: `j/↓`.
    public var keyLabel: String
    /// The short footer label: `Open`.
    public var label: String
    /// The help screen's sentence.
    public var description: String
    public var scope: Scope
    public var message: Message
    public var isInFooter: Bool
    /// Why the binding cannot be used in this state, or nil when it can.
    public var disabledReason: @Sendable (AppState) -> String?
    /// When a footer binding is worth its room: an opened meeting shows its own keys, not the list's.
    public var isRelevant: @Sendable (AppState) -> Bool

    public init(_ keys: [Key], keyLabel: String? = nil, label: String, description: String, scope: Scope = .global,
                message: Message, isInFooter: Bool = true, disabledReason: @escaping @Sendable (AppState) -> String? = { _ in nil },
                isRelevant: @escaping @Sendable (AppState) -> Bool = { _ in true }) {
        self.keys = keys
        self.keyLabel = keyLabel ?? keys.map(\.description).joined(separator: "/")
        self.label = label
        self.description = description
        self.scope = scope
        self.message = message
        self.isInFooter = isInFooter
        self.disabledReason = disabledReason
        self.isRelevant = isRelevant
    }

    public func applies(to pane: Pane) -> Bool {
        switch scope {
        case .global: return true
        case .pane(let own): return own == pane
        case .review: return false
        }
    }
}
