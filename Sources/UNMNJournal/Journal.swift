import Foundation
import Synchronization
import UNMNDomain

/// The network's store on disk: an append-only file of checksummed records, replayed into a
/// `NetworkState` at start-up, appended to under an exclusive lock, synced before any change is
/// acknowledged. A snapshot beside it (`<journal>.snapshot`) makes start-up fast; it is a cache
/// that is ignored whenever it does not match the journal.
public final class Journal {
    public enum Mode: Hashable, Sendable {
        case writable
        case readOnly(reason: String)
    }

    public let path: String
    public private(set) var state: NetworkState
    public private(set) var lastSequence: UInt64 = 0
    /// Bytes of the file read and applied so far.
    public private(set) var offset = 0
    public private(set) var mode: Mode
    /// What start-up found and did (a torn tail cut off, a snapshot ignored), for the status line.
    public private(set) var notices: [String] = []
    /// Records replayed at start-up after the snapshot (all of them without one).
    public private(set) var replayedAtStart = 0
    /// True when a snapshot was there but did not match the journal (and was ignored).
    public private(set) var snapshotWasIgnored = false

    /// Past this many records replayed at start-up, the console writes a fresh snapshot.
    public static let snapshotThreshold = 5_000

    private let fs: FileSystem
    private let fd: Int32
    private var inode: UInt64 = 0
    private let osUser: String
    /// The last sequence the snapshot saw: the journal must hold at least that many records.
    private var expectedSequence: UInt64?
    /// The login every change is made under: the OS account, or the key's name under the SSH
    /// gateway. Its grant decides who the operator may be.
    public let login: String
    private let clock: () -> Date

    public var snapshotPath: String { path + ".snapshot" }

    // MARK: Creating

    /// Creates a journal holding `batches` (the founding, and the sample network for a demo).
    /// Refuses to replace an existing file. The file is private (0600), or group-shared (0660)
    /// in a setgid, group-writable directory; written in full to a temporary file, synced, then
    /// linked into place (which fails if the journal exists) and the directory synced.
    public static func create(at path: String, batches: [EventBatch], osUser: String, fs: FileSystem = POSIXFileSystem())
        throws(JournalError)
    {
        var bytes: [UInt8] = []
        for (index, batch) in batches.enumerated() {
            do { bytes += try JournalRecord(sequence: UInt64(index + 1), osUser: osUser, batch: batch).encodedLine() } catch {
                throw .unreadable(path: path, reason: "a record could not be encoded (\(error))")
            }
        }
        try create(at: path, lines: bytes, fs: fs)
    }

    /// Creates a journal holding these record lines exactly (a copy pulled from PostgreSQL),
    /// after checking that they are whole, checksummed, in sequence and start with a founding.
    /// Refuses to replace an existing file, as `create(at:batches:)`.
    public static func create(at path: String, lines bytes: [UInt8], fs: FileSystem = POSIXFileSystem()) throws(JournalError) {
        if fs.size(atPath: path) != nil { throw .alreadyExists(path: path) }
        let scan = bytes.withUnsafeBytes { JournalScan.scan($0) }
        if let problem = scan.problem { throw .unreadable(path: path, reason: "the records to write are not whole: \(problem)") }
        guard case .networkFounded? = scan.records.first?.batch.events.first else {
            throw .unreadable(path: path, reason: "the records to write do not start with the network's founding")
        }
        let temporary = path + ".creating-\(getpid())"
        let mode: mode_t = fs.isGroupSharedDirectory(path) ? 0o660 : 0o600
        do {
            let fd = try fs.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: mode)
            defer { fs.close(fd) }
            try fs.setPermissions(fd, mode)
            try writeAll(bytes[...], to: fd, fs: fs)
            try fs.sync(fd)
        } catch {
            fs.unlink(temporary)
            throw .io(error)
        }
        defer { fs.unlink(temporary) }
        do {
            try fs.link(temporary, path)
        } catch {
            if error.code == EEXIST { throw .alreadyExists(path: path) }
            throw .io(error)
        }
        fs.unlink(temporary)
        do { try fs.syncDirectory(of: path) } catch { throw .io(error) }
    }

    // MARK: Opening

    /// Opens and replays the journal. A torn last record is copied aside to
    /// `<journal>.torn-<UTC time>` and cut off (not when read-only); damage before the tail
    /// leaves the file untouched and the journal read-only, saying where the damage is.
    public init(
        path: String, emailPolicy: EmailPolicy, osUser: String, login: String? = nil, readOnly: Bool = false, useSnapshot: Bool = true,
        fs: FileSystem = POSIXFileSystem(), clock: @escaping () -> Date = Date.init
    ) throws(JournalError) {
        self.path = path
        self.fs = fs
        self.osUser = osUser
        self.login = login ?? osUser
        self.clock = clock
        state = NetworkState(emailPolicy: emailPolicy)
        mode = readOnly ? .readOnly(reason: "opened with --read-only") : .writable
        guard fs.size(atPath: path) != nil else { throw .missing(path: path) }
        do {
            // Non-blocking, so that a FIFO planted at the path cannot hang the open.
            fd = try fs.open(path, flags: (readOnly ? O_RDONLY : O_RDWR | O_APPEND) | O_NONBLOCK, mode: 0)
        } catch {
            throw Self.openingError(error, path: path, readOnly: readOnly)
        }
        // (A failure from here on leaves `fd` to deinit, which runs for a class whose init throws
        // after its properties are set: closing it here too would close someone else's descriptor.)
        try Self.requireJournal(fd, path: path, fs: fs)
        do {
            if !readOnly { try fs.lock(fd, exclusive: true) }
            defer { if !readOnly { fs.unlock(fd) } }
            if useSnapshot { loadSnapshot() }
            replayedAtStart = try catchUp(recover: !readOnly, keep: false).count
            if let expected = expectedSequence, expected > lastSequence {
                mode = .readOnly(reason: Self.missingRecords(after: lastSequence, upTo: expected))
            }
        } catch {
            throw .io(error)
        }
    }

    deinit { fs.close(fd) }

    /// Journals are read and replayed this many bytes at a time (cut at a line's end), so that
    /// opening a large journal holds one piece and its records besides the state, never the
    /// whole file and every record of it.
    @TaskLocal static var readPiece = 4 << 20

    /// The bytes from `start` to the last whole line within a piece (a line longer than a piece
    /// is read whole), scanned; nil at the end of the file, or when it ended sooner than it said
    /// (cut meanwhile: what was read is all there is). `help` is offered the lines left to read.
    private static func readPiece(
        _ fs: FileSystem, _ fd: Int32, at start: Int, size: Int, after sequence: UInt64, help: ReadingHelp?, buffers: PieceBuffers
    ) throws(FileSystemError) -> JournalScan? {
        guard start < size else { return nil }
        let wanted = min(Self.readPiece, size - start)
        var buffer = buffers.take(count: wanted)
        defer { buffers.giveBack(buffer) }
        var count = try fs.read(fd, at: start, into: buffer.first(wanted))
        guard count > 0 else { return nil }
        if start + count < size {
            if let end = UnsafeRawBufferPointer(buffer.first(count)).lastIndex(of: 0x0A) {
                count = end + 1
            } else {
                // A line longer than a piece: read whole.
                buffers.giveBack(buffer)
                buffer = buffers.take(count: size - start)
                count = try fs.read(fd, at: start, into: buffer.first(size - start))
            }
        }
        return JournalScan.scan(
            UnsafeRawBufferPointer(buffer.first(count)), startOffset: start, previousSequence: sequence, followed: start + count < size,
            help: help)
    }

    /// Reads what was appended since the last read (by this process or another) and applies it.
    /// Returns the new records (their number only, unless `keep`). A torn tail found while
    /// holding the lock is a crashed writer's: it is cut off when `recover` is set; otherwise
    /// (no lock) it may be a write in progress, and is left for the next read.
    @discardableResult
    private func catchUp(recover: Bool, keep: Bool = true) throws(FileSystemError) -> (count: Int, records: [JournalRecord]) {
        let (size, currentInode) = try fs.size(fd)
        if inode != 0 && (currentInode != inode || size < offset) {
            notices.append("The journal was replaced or cut on disk; reloaded it from the start.")
            state = NetworkState(emailPolicy: state.emailPolicy)
            offset = 0
            lastSequence = 0
        }
        inode = currentInode
        var (count, records): (Int, [JournalRecord]) = (0, [])
        var problem: JournalScan.Problem?
        // Each piece is read and checked (on every core but one) while the one before it is
        // verified and applied, which only one thread can do: the two overlap instead of taking
        // turns, and the applying thread, done before the next piece is, reads the lines left of it.
        // The first piece is read here (nothing to overlap with yet: an append's catch-up, a small
        // journal); with `parallelLines` at `.max` everything stays on this thread.
        let (fs, fd, parallelLines, help, buffers) = (fs, fd, JournalScan.parallelLines, ReadingHelp(), PieceBuffers())
        var next: Prefetch<Result<JournalScan?, FileSystemError>>? = Prefetch(
            Result { () throws(FileSystemError) in
                try Self.readPiece(fs, fd, at: offset, size: size, after: lastSequence, help: nil, buffers: buffers)
            })
        // Whatever ends the replay, no read is left running on the file (or on `help`).
        defer { _ = next?.take() }
        while let pending = next {
            help.helpUntil { pending.isDone }
            next = nil
            guard var scan = try pending.take().get() else { break }
            if scan.problem == nil {
                let (start, previous) = (scan.validLength, scan.records.last?.sequence ?? lastSequence)
                let work: @Sendable () -> Result<JournalScan?, FileSystemError> = {
                    JournalScan.$parallelLines.withValue(parallelLines) {
                        Result { () throws(FileSystemError) in
                            try Self.readPiece(fs, fd, at: start, size: size, after: previous, help: help, buffers: buffers)
                        }
                    }
                }
                next = parallelLines == .max ? Prefetch(work()) : Prefetch(onAnotherThread: work, whenDone: help.pieceRead)
            }
            let pieceEnd = (sequence: scan.records.last?.sequence ?? lastSequence, offset: scan.totalLength)
            scan.replay(onto: &state)
            // Damage stopped the replay: whoever wrote past this piece cannot undo either, as when
            // the journal is read in one piece (`undoUnreadable`).
            if case .damaged? = scan.problem, pieceEnd.offset < size {
                let rest = try fs.read(fd, at: pieceEnd.offset, count: size - pieceEnd.offset)
                let later = rest.withUnsafeBytes {
                    JournalScan.scan($0, startOffset: pieceEnd.offset, previousSequence: pieceEnd.sequence, followed: false)
                }
                state.undoUnreadable(after: later.records.map(\.batch.operator))
            }
            lastSequence = scan.records.last?.sequence ?? lastSequence
            offset = scan.validLength
            count += scan.records.count
            if keep { records += scan.records }
            problem = scan.problem
            // The piece's records are released on another thread: freeing every string and list
            // they hold was a tenth of the work only the replaying thread can do.
            if !keep && parallelLines != .max {
                let applied = scan.takeRecords()
                DispatchQueue.global().async { withExtendedLifetime(applied) {} }
            }
            // Replay refused a record: what was read past it does not count (once it is read).
            if problem != nil {
                _ = next?.take()
                next = nil
            }
        }
        switch problem {
        case nil: break
        case .tornTail(let record, let at, let reason)?:
            guard recover else { break }
            let torn = try fs.read(fd, at: at, count: size - at)
            let aside = path + ".torn-" + Self.utcStamp(clock())
            try saveCopy(torn, to: aside)
            try fs.truncate(fd, to: at)
            try fs.sync(fd)
            notices.append(
                "Recovered from a torn write: record \(record) was incomplete (\(reason)); its \(torn.count) bytes were kept in "
                    + "\((aside as NSString).lastPathComponent) and cut from the journal."
            )
        case .damaged(let record, let at, let reason)?:
            mode = .readOnly(
                reason:
                    "record \(record) at byte \(at) of the journal is damaged (\(reason)); nothing was changed on disk. Run "
                    + "`unmn check`, then `unmn repair`"
            )
        case .missing(let first, let last, _)?:
            mode = .readOnly(reason: Self.missingRecords(after: first - 1, upTo: last))
        case .newer(let record, _)?:
            mode = .readOnly(reason: "record \(record) was written by a newer unmn; update unmn to read it (nothing was changed on disk)")
        }
        return (count, records)
    }

    /// Records others appended since the last look; cheap when nothing changed (one fstat).
    public func refresh() throws(JournalError) -> [JournalRecord] {
        do {
            let (size, currentInode) = try fs.size(fd)
            guard size != offset || currentInode != inode else { return [] }
            if isWritable {
                try fs.lock(fd, exclusive: true)
                defer { fs.unlock(fd) }
                return try catchUp(recover: true).records
            }
            return try catchUp(recover: false).records
        } catch {
            throw .io(error)
        }
    }

    // MARK: Committing

    /// Decides the command against the latest journal and appends its events: lock, catch up
    /// with others' appends, decide, write one record, fdatasync, then apply. Only a synced
    /// record is acknowledged; a failed write or sync turns the journal read-only (PostgreSQL's
    /// lesson: never retry and assume success).
    @discardableResult
    public func commit(_ command: Command, context: CommandContext) throws(CommitError) -> EventBatch {
        // The journal's own login acts, whatever the caller says: its grant decides.
        var context = context
        context.login = login
        if case .readOnly(let reason) = mode { throw .readOnly(reason) }
        do {
            try fs.lock(fd, exclusive: true)
        } catch {
            throw failStop("Cannot lock the journal: \(error)")
        }
        defer { fs.unlock(fd) }
        do {
            try catchUp(recover: true)
        } catch {
            throw failStop("Cannot read the journal: \(error)")
        }
        if case .readOnly(let reason) = mode { throw .readOnly(reason) }
        let (batch, line) = try JournalRecord.next(command, against: state, context: context, sequence: lastSequence + 1, osUser: osUser)
        do {
            try Self.writeAll(line[...], to: fd, fs: fs)
            try fs.sync(fd)
        } catch {
            // Take back whatever part reached the file, so that nothing unacknowledged appears later.
            try? fs.truncate(fd, to: offset)
            try? fs.sync(fd)
            throw failStop("Saving failed (\(error)); nothing was saved")
        }
        state.apply(batch)
        lastSequence += 1
        offset += line.count
        return batch
    }

    private func failStop(_ reason: String) -> CommitError {
        mode = .readOnly(reason: reason + ". unmn is read-only until restarted")
        return .failed(reason + ". unmn is now read-only; restart it once the disk is fixed.")
    }

    // MARK: Snapshots

    /// Writes the state as a snapshot: temporary file, fsync, rename, fsync of the directory.
    public func writeSnapshot() throws(JournalError) {
        guard lastSequence > 0, let checksum = checksumOfRecord(endingAt: offset) else { return }
        let data = StateSnapshot(sequence: lastSequence, offset: offset, lastRecordChecksum: checksum, state: state).encoded()
        // Only a regular file (or nothing) at the snapshot's path is ever replaced.
        var existing = stat()
        if lstat(snapshotPath, &existing) == 0 && (existing.st_mode & S_IFMT) != S_IFREG {
            throw .unreadable(path: snapshotPath, reason: "it is not a regular file; the snapshot was not written")
        }
        // An unpredictable name, created exclusively: a link planted in the directory is never followed.
        let temporary = snapshotPath + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        do {
            let out = try fs.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
            defer { fs.close(out) }
            try fs.setPermissions(out, fs.isGroupSharedDirectory(path) ? 0o660 : 0o600)
            try Self.writeAll(data[...], to: out, fs: fs)
            try fs.sync(out)
            try fs.rename(temporary, snapshotPath)
            try fs.syncDirectory(of: snapshotPath)
        } catch {
            fs.unlink(temporary)
            throw .io(FileSystemError("writing the snapshot", path: snapshotPath, code: error.code))
        }
    }

    /// Starts from the snapshot when it matches the journal; otherwise says so and replays all.
    /// A snapshot that saw records the journal no longer has means records were lost: the
    /// journal opens read-only and says which.
    private func loadSnapshot() {
        guard fs.size(atPath: snapshotPath) != nil else { return }
        let snapshot: StateSnapshot
        switch (try? readWhole(snapshotPath)).map(StateSnapshot.read) {
        case .snapshot(let read)?:
            snapshot = read
        case .otherFormat(let sawSequence)?:
            // Whatever its format, the snapshot saw this many records: fewer now means some were lost.
            expectedSequence = sawSequence
            notices.append("The snapshot was written by another version of unmn and was ignored; replayed the whole journal.")
            snapshotWasIgnored = true
            return
        case .unreadable?, nil:
            notices.append("The snapshot did not match the journal and was ignored; replayed the whole journal.")
            snapshotWasIgnored = true
            return
        }
        expectedSequence = snapshot.sequence
        guard snapshot.state.emailPolicy == state.emailPolicy,
            checksumOfRecord(endingAt: snapshot.offset) == snapshot.lastRecordChecksum,
            recordSequence(endingAt: snapshot.offset) == snapshot.sequence
        else {
            notices.append("The snapshot did not match the journal and was ignored; replayed the whole journal.")
            snapshotWasIgnored = true
            return
        }
        state = snapshot.state
        lastSequence = snapshot.sequence
        offset = snapshot.offset
        StateSnapshot.finishReadingLater(state)
    }

    private func lastLine(endingAt end: Int) -> [UInt8]? {
        guard end > 0 else { return nil }
        let start = max(0, end - 1_048_576)
        guard let bytes = try? fs.read(fd, at: start, count: end - start), bytes.last == 0x0A else { return nil }
        let body = bytes.dropLast()
        let lineStart = body.lastIndex(of: 0x0A).map { $0 + 1 } ?? (start == 0 ? 0 : nil)
        guard let lineStart else { return nil }
        return Array(body[lineStart...])
    }

    private func checksumOfRecord(endingAt end: Int) -> String? {
        guard let line = lastLine(endingAt: end), let space = line.firstIndex(of: 0x20), line.count > space + 9 else { return nil }
        return String(decoding: line[(space + 1)..<(space + 9)], as: UTF8.self)
    }

    private func recordSequence(endingAt end: Int) -> UInt64? {
        guard let line = lastLine(endingAt: end), let space = line.firstIndex(of: 0x20) else { return nil }
        return UInt64(String(decoding: line[..<space], as: UTF8.self))
    }

    // MARK: Helpers

    /// Why the journal could not be opened, by what the system said.
    static func openingError(_ error: FileSystemError, path: String, readOnly: Bool) -> JournalError {
        if error.code == EISDIR { return .notAJournal(path: path, reason: "it is a directory") }
        guard error.code == EACCES || error.code == EPERM else { return .io(error) }
        if !readOnly && access(path, R_OK) == 0 {
            return .notPermitted(path: path, reason: "you may read it but not write to it; --read-only opens it to read")
        }
        return .notPermitted(path: path, reason: "you may not read it (it belongs to another account)")
    }

    /// A journal is a regular file whose first line is record 1, holding the founding. Anything
    /// else (a FIFO, a device, an empty file, a file that is not unmn's) is refused untouched.
    static func requireJournal(_ fd: Int32, path: String, fs: FileSystem) throws(JournalError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(FileSystemError("reading", path: path, code: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .notAJournal(path: path, reason: "it is not a regular file (a directory, a FIFO or a device)")
        }
        guard info.st_size > 0 else { throw .notAJournal(path: path, reason: "it is empty") }
        // The founding is read alone: its line is a few kilobytes (more for a large roster), and
        // reading as much as a replay's first piece to find it read every large journal's start twice.
        var head: [UInt8] = []
        var newline: Int?
        var count = 65_536
        while newline == nil && head.count < min(Int(info.st_size), 4_194_304) {
            do { head = try fs.read(fd, at: 0, count: min(Int(info.st_size), count, 4_194_304)) } catch { throw .io(error) }
            newline = head.firstIndex(of: 0x0A)
            count *= 4
        }
        guard let newline else {
            throw .notAJournal(path: path, reason: "its first line is not a unmn record")
        }
        let decoded = head[..<newline].withUnsafeBytes { JournalRecord.decode(line: $0) }
        switch decoded {
        case .success(let record):
            guard record.sequence == 1, case .networkFounded? = record.batch.events.first else {
                throw .notAJournal(path: path, reason: "its first record is not the network's founding")
            }
        case .failure(let defect) where defect.isNewer:
            return
        case .failure:
            throw .notAJournal(path: path, reason: "its first line is not a unmn record")
        }
    }

    /// "records 340–347 are missing from the journal …"
    static func missingRecords(after last: UInt64, upTo expected: UInt64) -> String {
        let range = last + 1 == expected ? "record \(expected) is" : "records \(last + 1)–\(expected) are"
        return "\(range) missing from the journal (its snapshot saw them); nothing was changed on disk. Run `unmn check`"
    }

    static func writeAll(_ bytes: ArraySlice<UInt8>, to fd: Int32, fs: FileSystem) throws(FileSystemError) {
        var rest = bytes
        while !rest.isEmpty {
            let written = try fs.append(fd, rest)
            guard written > 0 else { throw FileSystemError("writing", path: "the journal", code: EIO) }
            rest = rest.dropFirst(written)
        }
    }

    private func saveCopy(_ bytes: [UInt8], to copyPath: String) throws(FileSystemError) {
        let out = try fs.open(copyPath, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
        defer { fs.close(out) }
        try Self.writeAll(bytes[...], to: out, fs: fs)
        try fs.sync(out)
        try fs.syncDirectory(of: copyPath)
    }

    private func readWhole(_ file: String) throws(FileSystemError) -> [UInt8] {
        let input = try fs.open(file, flags: O_RDONLY, mode: 0)
        defer { fs.close(input) }
        return try fs.read(input, at: 0, count: try fs.size(input).size)
    }

    /// `20261129T093605Z`.
    static func utcStamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}

/// Work started on another thread while the caller goes on (or already done); `value` waits for
/// its result.
private final class Prefetch<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before `finished`; read only after it.
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)
    private let finished = Atomic<Bool>(false)
    // The caller's own: whether it has waited already.
    private var waited = false

    /// `work`'s result made on another thread; `whenDone` is called there once it is ready.
    init(onAnotherThread work: @escaping @Sendable () -> Value, whenDone: @escaping @Sendable () -> Void) {
        DispatchQueue.global().async {
            self.result = work()
            self.finished.store(true, ordering: .releasing)
            self.done.signal()
            whenDone()
        }
    }

    init(_ value: Value) {
        result = value
        finished.store(true, ordering: .relaxed)
        waited = true
    }

    /// Whether the result is ready (`take` will not wait).
    var isDone: Bool { finished.load(ordering: .acquiring) }

    /// The result, given up (waiting for it the first time): the caller holds the only copy, so
    /// that it can change it in place.
    func take() -> Value {
        if !waited {
            done.wait()
            waited = true
        }
        return result.take()!
    }
}
