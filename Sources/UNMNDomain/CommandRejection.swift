/// Why a command was refused: every reason, in words a person understands.
/// "Cannot adopt UNMN/2026/004: UNDRR and WB have not answered; ILO objects: not in our mandate."
public struct CommandRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was attempted, as a verb phrase: "adopt UNMN/2026/004".
    public var attempted: String
    public var reasons: [String]
    /// When the refusal is a conflict with someone else's change: each field, with both values.
    public var conflicts: [Conflict] = []

    public init(_ attempted: String, reasons: [String]) {
        self.attempted = attempted
        self.reasons = reasons
    }

    /// A refusal because others changed what the operator edited since their form was opened.
    public init(_ attempted: String, conflicts: [Conflict]) {
        self.attempted = attempted
        reasons = conflicts.map(\.description)
        self.conflicts = conflicts
    }

    public init(_ attempted: String, reason: String) { self.init(attempted, reasons: [reason]) }

    public var description: String {
        ("Cannot \(attempted): " + reasons.joined(separator: "; ")).endingSentence
    }
}

/// Joins names as people write them: "UNDRR", "UNDRR and WB", "ILO, UNDRR and WB".
public func listed(_ names: [String]) -> String {
    switch names.count {
    case 0: return ""
    case 1: return names[0]
    default: return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}

extension String {
    /// The text closed with a full stop, unless it already ends a sentence: a reason someone
    /// typed often brings its own ("…migrant workers." must not become "workers..").
    public var endingSentence: String {
        guard let last = last(where: { !$0.isWhitespace }) else { return self }
        return ".!?…".contains(last) ? self : self + "."
    }
}

/// What a command attempted, as a refusal names it ("add a focal point to UNICEF"): worded
/// only when a refusal is thrown, since deciding a command that is accepted (every replayed
/// record is decided again) never needs the words.
struct Attempt: CustomStringConvertible {
    let command: Command
    init(_ command: Command) { self.command = command }
    var description: String { NetworkState.describe(command) }
}

extension CommandRejection {
    init(_ attempted: Attempt, reasons: [String]) { self.init(attempted.description, reasons: reasons) }
    init(_ attempted: Attempt, conflicts: [Conflict]) { self.init(attempted.description, conflicts: conflicts) }
    init(_ attempted: Attempt, reason: String) { self.init(attempted.description, reason: reason) }
}
