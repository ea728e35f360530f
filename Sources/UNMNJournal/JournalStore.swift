import UNMNDomain

/// What the console needs of a journal, wherever it is kept: a file on this host (`Journal`,
/// the default) or a network in PostgreSQL (`PostgresJournal`, for people on several machines).
/// Both replay and verify every record on opening, decide each command against the latest
/// record and append it atomically (or not at all), and read what others appended since.
public protocol JournalStore: AnyObject {
    /// Where the journal is, as a person would name it (a path; a URL without its password).
    var location: String { get }
    var state: NetworkState { get }
    var lastSequence: UInt64 { get }
    var mode: Journal.Mode { get }
    /// What opening found and did, for the status line.
    var notices: [String] { get }
    /// Records others appended since the last look, applied.
    func refresh() throws(JournalError) -> [JournalRecord]
    /// Decides the command against the latest record and appends its events; only a durable
    /// record is acknowledged.
    func commit(_ command: Command, context: CommandContext) throws(CommitError) -> EventBatch
    /// The network as the record stood at the end of a day, replayed from the start.
    func state(asOf day: LocalDate) throws(JournalError) -> NetworkState
    /// Why the journal cannot be reached now (a database server gone away), or nil. Changes
    /// are refused meanwhile; `refresh` tries again and clears it once the journal is back.
    var unreachable: String? { get }
    /// What became of a change whose outcome was unknown when the connection broke, once the
    /// journal is reachable again: said once, then nil.
    func takeSettlement() -> String?
    /// How often the console asks `refresh` for others' changes, in milliseconds.
    var pollMilliseconds: Int { get }
}

extension JournalStore {
    public var isWritable: Bool { mode == .writable }
    public var unreachable: String? { nil }
    public func takeSettlement() -> String? { nil }
    /// A file is looked at once a second (one `fstat` when nothing changed).
    public var pollMilliseconds: Int { 1000 }
}

extension Journal: JournalStore {
    public var location: String { path }

    public func state(asOf day: LocalDate) throws(JournalError) -> NetworkState {
        try JournalMaintenance.state(path: path, emailPolicy: state.emailPolicy, asOf: day).state
    }
}
