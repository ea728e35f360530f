import UNMNDomain

/// Why the journal could not be opened, created or changed, worded for people.
public enum JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case alreadyExists(path: String)
    case io(FileSystemError)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): return "There is no journal at \(path) (create one with `unmn init`)."
        case .alreadyExists(let path): return "A journal already exists at \(path); unmn never overwrites one."
        case .io(let error): return error.description.prefix(1).uppercased() + error.description.dropFirst() + "."
        case .unreadable(let path, let reason): return "The journal at \(path) cannot be read: \(reason)."
        }
    }
}

/// Why a command was not saved.
public enum CommitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rules or permissions refused it; nothing was written.
    case rejected(String)
    /// Someone else changed what the operator edited since their form was opened: each field
    /// with both values, so that the console can show them; nothing was written.
    case conflicted(CommandRejection)
    /// The console is read-only, and why.
    case readOnly(String)
    /// Writing or syncing failed; nothing was acknowledged and the console is now read-only.
    case failed(String)

    public var description: String {
        switch self {
        case .rejected(let reason): return reason
        case .conflicted(let rejection): return rejection.description
        case .readOnly(let reason): return "Read-only: \(reason)"
        case .failed(let reason): return reason
        }
    }
}
