import Foundation
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
    @discardableResult
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
    /// Records replayed at start-up after the snapshot (all of them without one).
    var replayedAtStart: Int { get }
    /// Keeps the state as a snapshot, so that the next start replays only what came after.
    func writeSnapshot() throws(JournalError)
}

extension JournalStore {
    public var isWritable: Bool { mode == .writable }
    public var unreachable: String? { nil }
    public func takeSettlement() -> String? { nil }
    /// A file is looked at once a second (one `fstat` when nothing changed).
    public var pollMilliseconds: Int { 1000 }
}

/// A snapshot of the state after `sequence` records, tied to the journal by the checksum of
/// that last record: a cache for fast start-up, for either store, ignored whenever it does not
/// match. (The file journal keeps its byte offset too.)
public enum StateSnapshot {
    public static func encode(_ state: NetworkState, sequence: UInt64, lastRecordChecksum: String) throws -> [UInt8] {
        let snapshot = Journal.Snapshot(
            format: Journal.Snapshot.currentFormat, sequence: sequence, offset: 0, lastRecordChecksum: lastRecordChecksum, state: state)
        return Array(try JSONEncoder().encode(snapshot))
    }

    /// The snapshot's state and what ties it to the journal; nil when unreadable or of another format.
    public static func decode(_ bytes: [UInt8]) -> (state: NetworkState, sequence: UInt64, lastRecordChecksum: String)? {
        guard let snapshot = try? JournalJSONDecoder().decode(Journal.Snapshot.self, from: bytes),
            snapshot.format == Journal.Snapshot.currentFormat
        else { return nil }
        return (snapshot.state, snapshot.sequence, snapshot.lastRecordChecksum)
    }
}

extension Journal: JournalStore {
    public var location: String { path }

    public func state(asOf day: LocalDate) throws(JournalError) -> NetworkState {
        try JournalMaintenance.state(path: path, emailPolicy: state.emailPolicy, asOf: day).state
    }
}
