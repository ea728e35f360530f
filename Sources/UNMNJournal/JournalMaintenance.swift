import Foundation
import UNMNDomain

/// `unmn check` and `unmn repair`: reading the whole journal to judge it, and cutting it at the
/// first bad record after keeping a byte-identical backup.
public enum JournalMaintenance {
    /// Reads the whole journal (no lock, no change) and says what it found. With the network's
    /// email policy, it also replays every record, verifying each (see `JournalScan.replay`):
    /// a record the rules or the roster would have refused is damage.
    public static func check(path: String, emailPolicy: EmailPolicy? = nil, fs: FileSystem = POSIXFileSystem()) throws(JournalError)
        -> JournalScan
    {
        try verify(path: path, emailPolicy: emailPolicy, fs: fs).scan
    }

    /// The network as it stood at the end of `day` (Asia/Tashkent): every record up to the first
    /// written after that day, each verified. Returns the damage, if the journal has any before then.
    public static func state(path: String, emailPolicy: EmailPolicy, asOf day: LocalDate, fs: FileSystem = POSIXFileSystem())
        throws(JournalError) -> (state: NetworkState, problem: JournalScan.Problem?)
    {
        let replayed = try replay(path: path, emailPolicy: emailPolicy, through: Instant.endOfDay(day), fs: fs)
        return (replayed.state, replayed.scan.problem)
    }

    /// Reads the whole journal and replays it, each record verified, up to `instant` (or all).
    private static func replay(path: String, emailPolicy: EmailPolicy, through instant: Instant?, fs: FileSystem) throws(JournalError)
        -> (scan: JournalScan, state: NetworkState, unverified: Int)
    {
        guard fs.size(atPath: path) != nil else { throw .missing(path: path) }
        return JournalScan.replayed(try readJournal(path, fs: fs), emailPolicy: emailPolicy, through: instant)
    }

    /// The audit trail as JSON lines, one verified record a line with what it did in words:
    /// its sequence, when, who (operator, login, OS user), the summary, the command and its
    /// events. Readable with `jq`, `grep` and `less` whatever format the journal keeps on disk.
    /// Stops at the first damaged record and says so.
    public static func auditTrail(path: String, emailPolicy: EmailPolicy, fs: FileSystem = POSIXFileSystem()) throws(JournalError)
        -> (lines: String, problem: JournalScan.Problem?)
    {
        let checked = try verify(path: path, emailPolicy: emailPolicy, fs: fs)
        struct Line: Encodable {
            var sequence: UInt64
            var at: String
            var `operator`: Operator
            var login: String?
            var osUser: String
            var summary: String
            var isUndo: Bool
            var command: Command?
            var events: [Event]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for record in checked.scan.records {
            let batch = record.batch
            let line = Line(
                sequence: record.sequence, at: batch.at.description, operator: batch.operator, login: batch.login, osUser: record.osUser,
                summary: batch.summary, isUndo: batch.isUndo, command: batch.command, events: batch.events)
            // A record that cannot be written out stops the export rather than leaving a hole.
            guard let json = try? encoder.encode(line) else {
                throw .unreadable(path: path, reason: "record \(record.sequence) could not be written as JSON")
            }
            out += String(decoding: json, as: UTF8.self) + "\n"
        }
        return (out, checked.scan.problem)
    }

    /// The check, with the state the replay rebuilt, how many records predate verification, and
    /// what the snapshot beside the journal says: it is a cache, compared with the full replay.
    public static func verify(path: String, emailPolicy: EmailPolicy?, fs: FileSystem = POSIXFileSystem()) throws(JournalError) -> (
        scan: JournalScan, state: NetworkState?, unverified: Int, snapshot: SnapshotCheck
    ) {
        guard let emailPolicy else {
            guard fs.size(atPath: path) != nil else { throw .missing(path: path) }
            let bytes = try readJournal(path, fs: fs)
            return (bytes.withUnsafeBytes { JournalScan.scan($0) }, nil, 0, .absent)
        }
        var (scan, state, unverified) = try replay(path: path, emailPolicy: emailPolicy, through: nil, fs: fs)
        let snapshotPath = path + ".snapshot"
        guard fs.size(atPath: snapshotPath) != nil else { return (scan, state, unverified, .absent) }
        guard let snapshotBytes = try? readAll(snapshotPath, fs: fs), case .snapshot(let snapshot) = StateSnapshot.read(snapshotBytes)
        else { return (scan, state, unverified, .unreadable) }
        let last = scan.records.last?.sequence ?? 0
        if snapshot.sequence > last, scan.problem == nil {
            scan.problem = .missing(first: last + 1, last: snapshot.sequence, offset: scan.validLength)
            return (scan, state, unverified, .sawMissingRecords)
        }
        // The state as the journal stood at the snapshot's record, replayed again.
        var atSnapshot = NetworkState(emailPolicy: emailPolicy)
        for record in scan.records where record.sequence <= snapshot.sequence { atSnapshot.apply(record.batch) }
        return (scan, state, unverified, atSnapshot == snapshot.state ? .matches : .differs)
    }

    /// What the snapshot beside a journal turned out to be.
    public enum SnapshotCheck: Sendable, Equatable {
        case absent, matches, unreadable
        /// Its state is not what replaying the journal gives: edited, or from another journal.
        case differs
        /// It saw records the journal no longer has.
        case sawMissingRecords
    }

    public struct RepairPlan: Hashable, Sendable {
        public var problem: JournalScan.Problem
        public var keptRecords: Int
        public var cutAt: Int
        public var removedBytes: Int
    }

    /// What `repair` would cut, or nil when the journal is intact.
    public static func plan(path: String, emailPolicy: EmailPolicy? = nil, fs: FileSystem = POSIXFileSystem()) throws(JournalError)
        -> RepairPlan?
    {
        let scan = try check(path: path, emailPolicy: emailPolicy, fs: fs)
        guard let problem = scan.problem else { return nil }
        return RepairPlan(
            problem: problem, keptRecords: scan.records.count, cutAt: scan.validLength, removedBytes: scan.totalLength - scan.validLength)
    }

    /// Keeps a byte-identical backup `<journal>.bak-<UTC time>` (written, synced and read back
    /// to compare), then cuts the journal at the first bad record, under the exclusive lock.
    /// Returns the backup's path.
    public static func repair(path: String, emailPolicy: EmailPolicy? = nil, fs: FileSystem = POSIXFileSystem(), now: Date = Date())
        throws(JournalError) -> String
    {
        do {
            let fd = try fs.open(path, flags: O_RDWR, mode: 0)
            defer { fs.close(fd) }
            try fs.lock(fd, exclusive: true)
            defer { fs.unlock(fd) }
            let bytes = try fs.read(fd, at: 0, count: try fs.size(fd).size)
            var scan = bytes.withUnsafeBytes { JournalScan.scan($0) }
            if let emailPolicy {
                var state = NetworkState(emailPolicy: emailPolicy)
                scan.replay(onto: &state)
            }
            guard let problem = scan.problem else { return "" }
            if case .newer = problem {
                throw JournalError.unreadable(path: path, reason: "\(problem); repair never cuts what a newer unmn wrote")
            }
            let backup = path + ".bak-" + Journal.utcStamp(now)
            let out = try fs.open(backup, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
            do {
                defer { fs.close(out) }
                try Journal.writeAll(bytes[...], to: out, fs: fs)
                try fs.sync(out)
            }
            try fs.syncDirectory(of: backup)
            guard try readAll(backup, fs: fs) == bytes else {
                throw JournalError.unreadable(path: backup, reason: "the backup does not read back identical; the journal was not cut")
            }
            try fs.truncate(fd, to: scan.validLength)
            try fs.sync(fd)
            fs.unlink(path + ".snapshot")
            return backup
        } catch let error as JournalError {
            throw error
        } catch let error as FileSystemError {
            throw .io(error)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// The whole journal, once it is known to be one (see `Journal.requireJournal`).
    /// The journal file's bytes, its records' lines exactly (for `unmn journal push`): refused
    /// when the path is not a unmn journal.
    public static func readRecords(path: String, fs: FileSystem = POSIXFileSystem()) throws(JournalError) -> [UInt8] {
        guard fs.size(atPath: path) != nil else { throw .missing(path: path) }
        return try readJournal(path, fs: fs)
    }

    static func readJournal(_ path: String, fs: FileSystem) throws(JournalError) -> [UInt8] {
        let fd: Int32
        do { fd = try fs.open(path, flags: O_RDONLY | O_NONBLOCK, mode: 0) } catch {
            throw Journal.openingError(error, path: path, readOnly: true)
        }
        defer { fs.close(fd) }
        try Journal.requireJournal(fd, path: path, fs: fs)
        do { return try fs.read(fd, at: 0, count: try fs.size(fd).size) } catch { throw .io(error) }
    }

    static func readAll(_ path: String, fs: FileSystem) throws(FileSystemError) -> [UInt8] {
        let fd = try fs.open(path, flags: O_RDONLY, mode: 0)
        defer { fs.close(fd) }
        return try fs.read(fd, at: 0, count: try fs.size(fd).size)
    }
}
