import Foundation
import UNMNDomain

/// What reading a journal found: the intact records, where they end, and the first problem.
public struct JournalScan: Sendable {
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        /// The last record is incomplete or damaged: a torn write. Cutting it loses only what
        /// was never acknowledged (or the last record, if the disk damaged it after the fact).
        case tornTail(record: UInt64, offset: Int, reason: String)
        /// A record before the last one is damaged: the journal cannot be trusted past it.
        case damaged(record: UInt64, offset: Int, reason: String)
        /// Whole records are gone from the end: the snapshot saw up to `last`.
        case missing(first: UInt64, last: UInt64, offset: Int)
        /// A whole, checksummed record this version cannot read: a newer unmn wrote it.
        case newer(record: UInt64, offset: Int)

        public var offset: Int {
            switch self {
            case .tornTail(_, let offset, _), .damaged(_, let offset, _), .missing(_, _, let offset), .newer(_, let offset): return offset
            }
        }

        public var description: String {
            switch self {
            case .tornTail(let record, let offset, let reason):
                return "the last record (number \(record), at byte \(offset)) is incomplete: \(reason)"
            case .damaged(let record, let offset, let reason):
                return "record \(record) at byte \(offset) is damaged (\(reason)), and records follow it"
            case .newer(let record, let offset):
                return "record \(record) at byte \(offset) was written by a newer unmn; update unmn to read the journal past it"
            case .missing(let first, let last, _):
                return (first == last ? "record \(first) is" : "records \(first)–\(last) are")
                    + " missing from the end (its snapshot saw them)"
            }
        }
    }

    public private(set) var records: [JournalRecord]
    /// Where each record starts in the file.
    public var offsets: [Int] = []
    /// For each record, whether its undo plan will be read (`undoPlanNeeded(_:)`): worked out by
    /// the thread that read the records, so that the one applying them need not.
    var undoPlanNeeded: [Bool] = []
    /// For each record, whether its events are its command's plain events
    /// (`EventBatch.eventsArePlain`): compared by the threads that read the records, so that the
    /// one applying them only checks each command was allowed.
    var eventsArePlain: [Bool] = []
    /// Bytes from the start that hold whole, valid records.
    public var validLength: Int
    public var totalLength: Int
    public var problem: Problem?

    /// Reads `bytes` (starting at `startOffset` with `previousSequence` before it) record by
    /// record. A record counts only if its line is whole, its checksum matches and its sequence
    /// follows the previous one. `followed` says more of the journal follows these bytes: then no
    /// bad record in them is the tail.
    public static func scan(_ bytes: UnsafeRawBufferPointer, startOffset: Int = 0, previousSequence: UInt64 = 0, followed: Bool = false)
        -> JournalScan
    {
        scan(bytes, startOffset: startOffset, previousSequence: previousSequence, followed: followed, help: nil)
    }

    /// The same, offering the lines left to read to `help` (the thread that applies pieces).
    static func scan(_ bytes: UnsafeRawBufferPointer, startOffset: Int, previousSequence: UInt64, followed: Bool, help: ReadingHelp?)
        -> JournalScan
    {
        let ends = lineEnds(bytes)
        let threads = ends.count >= parallelLines ? min(ProcessInfo.processInfo.activeProcessorCount, 4) : 1
        let (records, plain, stop) = LineReading.read(
            bytes, ends: ends, previousSequence: previousSequence, threads: threads, chunkLines: chunkLines, help: help)
        func lineStart(_ line: Int) -> Int { line == 0 ? 0 : ends[line - 1] + 1 }
        var scan = JournalScan(
            records: records, offsets: records.indices.map { startOffset + lineStart($0) }, undoPlanNeeded: undoPlanNeeded(records[...]),
            eventsArePlain: plain, validLength: startOffset + bytes.count, totalLength: startOffset + bytes.count, problem: nil)
        if let (line, failure) = stop {
            let (position, expected) = (lineStart(line), previousSequence + UInt64(line) + 1)
            let at = startOffset + position
            scan.validLength = at
            let reason: String
            switch failure {
            case .defect(let defect) where defect.isNewer:
                scan.problem = .newer(record: expected, offset: at)
                return scan
            case .defect(let defect): reason = defect.reason
            case .sequence(let found): reason = "its sequence number is \(found), expected \(expected)"
            }
            let isLast = ends[line] + 1 >= bytes.count && !followed
            scan.problem =
                isLast ? .tornTail(record: expected, offset: at, reason: reason) : .damaged(record: expected, offset: at, reason: reason)
            return scan
        }
        let position = ends.last.map { $0 + 1 } ?? 0
        if position != bytes.count {
            scan.validLength = startOffset + position
            scan.problem = .tornTail(
                record: previousSequence + UInt64(ends.count) + 1, offset: startOffset + position,
                reason: "it has no end of line (the write was cut short)")
        }
        return scan
    }

    /// Gives up the records: the caller holds the only reference to them, the scan none.
    mutating func takeRecords() -> [JournalRecord] {
        defer { records = [] }
        return records
    }

    /// For each record, whether its undo plan will be read once all of them are applied
    /// (`UndoPlanNeeds`, asked from the last record back).
    static func undoPlanNeeded(_ records: ArraySlice<JournalRecord>) -> [Bool] {
        var needs = UndoPlanNeeds()
        var planned = [Bool](repeating: true, count: records.count)
        // Read in place: reading the operator and command out of the list copied both.
        records.withUnsafeBufferPointer { records in
            for index in records.indices.reversed() {
                planned[index] = needs.isNeeded(
                    name: records[index].batch.operator.name, entity: records[index].batch.operator.entity,
                    beforeUndo: records[index].batch.isUndoCommand)
            }
        }
        return planned
    }

    /// Where each whole line of `bytes` ends (its newline).
    static func lineEnds(_ bytes: UnsafeRawBufferPointer) -> [Int] {
        var ends: [Int] = []
        guard let base = bytes.baseAddress else { return ends }
        var position = 0
        while position < bytes.count, let found = memchr(base + position, 0x0A, bytes.count - position) {
            let newline = base.distance(to: UnsafeRawPointer(found))
            ends.append(newline)
            position = newline + 1
        }
        return ends
    }

    /// Lines this many or more are read on every core: each line is checked and read on its own
    /// (the records are applied in order afterwards), and reading was two thirds of a replay.
    /// (A task local so that tests can send small journals the parallel way; `.max` keeps all of
    /// a replay — pieces read ahead included — and of a snapshot's read on the calling thread, for
    /// counting instructions.)
    @TaskLocal public static var parallelLines = 512

    /// A record as its line was read, and whether its events are plain.
    typealias ReadRecord = (record: JournalRecord, eventsArePlain: Bool)

    /// How many lines a thread takes at a time: small enough that a thread slowed down (the one
    /// applying records shares a core) leaves little for the others to wait for, large enough
    /// that taking them costs nothing. (A task local so that tests can end chunks anywhere.)
    @TaskLocal static var chunkLines = 128
}

extension JournalScan {
    /// Whole journal lines scanned and replayed onto a new state, each record verified, up to the
    /// first written after `instant` (or all): what opening, checking, pulling and pushing share.
    public static func replayed(_ bytes: [UInt8], emailPolicy: EmailPolicy, through instant: Instant? = nil)
        -> (scan: JournalScan, state: NetworkState, unverified: Int)
    {
        var scan = bytes.withUnsafeBytes { JournalScan.scan($0) }
        var state = NetworkState(emailPolicy: emailPolicy)
        let unverified = scan.replay(onto: &state, through: instant)
        return (scan, state, unverified)
    }

    /// Applies the scanned records to `state`, each verified first (its command decided again
    /// against the state before it, under the roster then). The first record that could not
    /// have been written is damage: nothing from it on is applied, and the scan says where.
    /// Returns how many records were written before verification.
    @discardableResult
    public mutating func replay(onto state: inout NetworkState) -> Int { replay(onto: &state, through: nil) }

    /// The same, stopping before the first record written after `instant`: the record as it
    /// stood then, exactly what a journal cut at that record would hold.
    @discardableResult
    public mutating func replay(onto state: inout NetworkState, through instant: Instant?) -> Int {
        var unverified = 0
        let end = instant.map { instant in records.firstIndex { $0.batch.at > instant } ?? records.count } ?? records.count
        // Replayed only in part, whose plan is read depends on where the replay stops.
        let planned = end == records.count && undoPlanNeeded.count == end ? undoPlanNeeded : Self.undoPlanNeeded(records[..<end])
        let plain = eventsArePlain.count == records.count ? eventsArePlain : records.map(\.batch.eventsArePlain)
        let refused = records.withUnsafeMutableBufferPointer { records in
            Self.verifyAndApply(records, upTo: end, onto: &state, planned: planned, plain: plain, unverified: &unverified)
        }
        guard let (index, reason) = refused else { return unverified }
        state.undoUnplanned(records[..<index].lazy.map(\.batch), planned: planned)
        // Whose last change applied lies in an earlier piece, and who wrote again from here on.
        state.undoUnreadable(after: records[index...].lazy.map(\.batch.operator))
        let offset = offsets[index]
        problem = .damaged(record: records[index].sequence, offset: offset, reason: reason)
        records.removeSubrange(index...)
        offsets.removeSubrange(index...)
        eventsArePlain.removeSubrange(min(index, eventsArePlain.count)...)
        validLength = offset
        return unverified
    }

    /// Verifies and applies the first `end` records in order; returns the first refused, and why.
    /// Each record's batch is lent where it lies (`NetworkState.verifyAndApply`).
    private static func verifyAndApply(
        _ records: UnsafeMutableBufferPointer<JournalRecord>, upTo end: Int, onto state: inout NetworkState, planned: [Bool],
        plain: [Bool], unverified: inout Int
    ) -> (index: Int, reason: String)? {
        for index in 0..<end {
            let slot = records.baseAddress! + index
            if let reason = state.verifyAndApply(&slot.pointee.batch, eventsArePlain: plain[index], planningUndo: planned[index]) {
                return (index, reason)
            }
            if !slot.pointee.batch.hasCommand { unverified += 1 }
        }
        return nil
    }
}
