import UNMNDomain

/// Why the journal could not be opened, created or changed, worded for people.
public enum JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case alreadyExists(path: String)
    case io(FileSystemError)
    case unreadable(path: String, reason: String)
    /// The file is not a unmn journal: it is left untouched.
    case notAJournal(path: String, reason: String)
    /// The system does not let this account read or write it.
    case notPermitted(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): return "There is no journal at \(path) (create one with `unmn init`)."
        case .alreadyExists(let path): return "A journal already exists at \(path); unmn never overwrites one."
        case .io(let error): return error.description.prefix(1).uppercased() + error.description.dropFirst() + "."
        case .unreadable(let path, let reason): return "The journal at \(path) cannot be read: \(reason)."
        case .notAJournal(let path, let reason): return "\(path) is not a unmn journal: \(reason). It was left untouched."
        case .notPermitted(let path, let reason): return "The journal at \(path) cannot be opened: \(reason)."
        }
    }
}

extension JournalError {
    /// The exit status a command line reports for it (sysexits): 66 no such journal, 77 not
    /// permitted, 2 not a journal (as damage), 74 an I/O error, 1 otherwise.
    public var exitCode: Int32 {
        switch self {
        case .missing: return 66
        case .notPermitted: return 77
        case .notAJournal, .unreadable: return 2
        case .io: return 74
        case .alreadyExists: return 1
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
