import TerminalUI

/// The message in the status line: what just happened, or why a key did nothing.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var kind: StatusLine.Kind

    public init(_ text: String, kind: StatusLine.Kind = .info) {
        self.text = text
        self.kind = kind
    }

    public static let none = StatusMessage("")
}
