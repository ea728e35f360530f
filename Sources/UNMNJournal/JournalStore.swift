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
/// match. (The file journal keeps its byte offset too; a network's is 0.)
///
/// Binary, because it is a cache that is read at every start and never audited:
/// `UNMNSNAP`, the format (u32), the sequence and the offset (u64), the checksum (8 bytes), the
/// state as `NetworkState.stateEncoded` writes it, then a CRC-32C of everything before it
/// (all little-endian). The header's first fields keep their place in every format, so that a
/// snapshot of another format still tells how many records it saw.
public struct StateSnapshot: Sendable {
    /// Raised whenever the state gains something replay derives or its binary form changes
    /// (2: the founding day; 3: a meeting's calendar sequence; 4: binary; 5: an item's positions
    /// as places in its history), so that an older snapshot is replayed over rather than read
    /// with that part missing. 1–3 were JSON.
    public static let currentFormat: UInt32 = 5
    static let magic = Array("UNMNSNAP".utf8)
    static let headerLength = magic.count + 4 + 8 + 8 + 8

    public var sequence: UInt64
    public var offset: Int
    /// The checksum field of the record that ends at `offset`: ties the snapshot to this journal.
    public var lastRecordChecksum: String
    public var state: NetworkState

    public init(sequence: UInt64, offset: Int, lastRecordChecksum: String, state: NetworkState) {
        self.sequence = sequence
        self.offset = offset
        self.lastRecordChecksum = lastRecordChecksum
        self.state = state
    }

    public func encoded() -> [UInt8] {
        var bytes = Self.magic
        bytes.reserveCapacity(1 << 20)
        Self.append(UInt64(Self.currentFormat), width: 4, to: &bytes)
        Self.append(sequence, width: 8, to: &bytes)
        Self.append(UInt64(offset), width: 8, to: &bytes)
        bytes += Array(lastRecordChecksum.utf8.prefix(8)) + Array(repeating: 0x20, count: max(0, 8 - lastRecordChecksum.utf8.count))
        bytes += state.stateEncoded()
        Self.append(UInt64(CRC32C.checksum(bytes)), width: 4, to: &bytes)
        return bytes
    }

    /// What a snapshot file turned out to hold.
    public enum Reading: Sendable {
        case snapshot(StateSnapshot)
        /// Written by another version of unmn, after this many records.
        case otherFormat(sawSequence: UInt64)
        case unreadable(reason: String)
    }

    public static func read(_ bytes: [UInt8]) -> Reading {
        if bytes.first == UInt8(ascii: "{") {
            // Formats 1–3 were JSON: only the number of records it saw is still of use.
            struct Header: Decodable { var sequence: UInt64 }
            guard let header = try? JournalJSONDecoder().decode(Header.self, from: bytes) else {
                return .unreadable(reason: "it is not an unmn snapshot")
            }
            return .otherFormat(sawSequence: header.sequence)
        }
        guard bytes.count >= headerLength + 4, bytes.starts(with: magic) else { return .unreadable(reason: "it is not an unmn snapshot") }
        let sequence = number(bytes, at: magic.count + 4, width: 8)
        guard number(bytes, at: magic.count, width: 4) == UInt64(currentFormat) else { return .otherFormat(sawSequence: sequence) }
        let end = bytes.count - 4
        guard
            number(bytes, at: end, width: 4)
                == UInt64(bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[..<end])) })
        else { return .unreadable(reason: "its checksum does not match (damaged)") }
        let offset = number(bytes, at: magic.count + 12, width: 8)
        let checksum = String(decoding: bytes[(headerLength - 8)..<headerLength], as: UTF8.self)
        let decoded = bytes.withUnsafeBytes { raw -> Result<NetworkState, StateReader.Failure> in
            Result { () throws(StateReader.Failure) in
                // The items' two halves on two threads (the rest with the second); on this one
                // when instructions are being counted.
                try NetworkState(stateEncoded: UnsafeRawBufferPointer(rebasing: raw[headerLength..<end])) { body in
                    if JournalScan.parallelLines == .max {
                        (0..<2).forEach(body)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: 2, execute: body)
                    }
                }
            }
        }
        switch decoded {
        case .success(let state):
            guard let offset = Int(exactly: offset) else { return .unreadable(reason: "its offset is out of range") }
            return .snapshot(StateSnapshot(sequence: sequence, offset: offset, lastRecordChecksum: checksum, state: state))
        case .failure(let failure):
            return failure.isOtherVersion ? .otherFormat(sawSequence: sequence) : .unreadable(reason: failure.reason)
        }
    }

    /// What reading a snapshot left for later (the change log, needed at the first edit) is read
    /// on another thread while the first screen is drawn.
    public static func finishReadingLater(_ state: NetworkState) {
        if let reading = state.deferredReading { DispatchQueue.global(qos: .utility).async(execute: reading) }
    }

    private static func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for index in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }

    private static func number(_ bytes: [UInt8], at start: Int, width: Int) -> UInt64 {
        (0..<width).reduce(0) { $0 | UInt64(bytes[start + $1]) << (8 * UInt64($1)) }
    }
}

extension Journal: JournalStore {
    public var location: String { path }

    public func state(asOf day: LocalDate) throws(JournalError) -> NetworkState {
        try JournalMaintenance.state(path: path, emailPolicy: state.emailPolicy, asOf: day).state
    }
}
