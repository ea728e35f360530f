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

    public var records: [JournalRecord]
    /// Where each record starts in the file.
    public var offsets: [Int] = []
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
        var records: [JournalRecord] = []
        var offsets: [Int] = []
        var position = 0
        var sequence = previousSequence
        let count = bytes.count
        let reader = JournalJSONDecoder()
        while position < count {
            let expected = sequence + 1
            guard let newline = UnsafeRawBufferPointer(rebasing: bytes[position...]).firstIndex(of: 0x0A).map({ $0 + position }) else {
                return JournalScan(
                    records: records, offsets: offsets, validLength: startOffset + position, totalLength: startOffset + count,
                    problem: .tornTail(
                        record: expected, offset: startOffset + position, reason: "it has no end of line (the write was cut short)"))
            }
            let line = UnsafeRawBufferPointer(rebasing: bytes[position..<newline])
            var failure: String?
            switch JournalRecord.decode(line: line, reader: reader) {
            case .success(let record):
                if record.sequence == expected {
                    records.append(record)
                    offsets.append(startOffset + position)
                    sequence = expected
                    position = newline + 1
                    continue
                }
                failure = "its sequence number is \(record.sequence), expected \(expected)"
            case .failure(let defect):
                if defect.isNewer {
                    return JournalScan(
                        records: records, offsets: offsets, validLength: startOffset + position, totalLength: startOffset + count,
                        problem: .newer(record: expected, offset: startOffset + position))
                }
                failure = defect.reason
            }
            let isLast = newline + 1 >= count && !followed
            let problem: Problem =
                isLast
                ? .tornTail(record: expected, offset: startOffset + position, reason: failure!)
                : .damaged(record: expected, offset: startOffset + position, reason: failure!)
            return JournalScan(
                records: records, offsets: offsets, validLength: startOffset + position, totalLength: startOffset + count, problem: problem)
        }
        return JournalScan(
            records: records, offsets: offsets, validLength: startOffset + count, totalLength: startOffset + count, problem: nil)
    }
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
        for (index, record) in records.enumerated() {
            if let instant, record.batch.at > instant { break }
            if let reason = state.verify(record.batch) {
                let offset = offsets[index]
                records.removeSubrange(index...)
                offsets.removeSubrange(index...)
                validLength = offset
                problem = .damaged(record: record.sequence, offset: offset, reason: reason)
                return unverified
            }
            if record.batch.command == nil { unverified += 1 }
            state.apply(record.batch)
        }
        return unverified
    }
}
