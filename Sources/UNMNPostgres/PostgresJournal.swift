import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import UNMNDomain
import UNMNJournal

/// A network's journal in PostgreSQL: the same records as the file journal's lines (sequence,
/// CRC-32C, JSON body), one row each, replayed and verified the same way (`JournalScan`).
///
/// A commit catches up, decides against the latest record and inserts the next sequence; the
/// engine refuses it if another console appended first, and then the console catches up and
/// decides again, as it does under the file lock. A commit whose outcome is unknown (the
/// connection dropped after sending) is settled by looking the record up, never by sending it
/// twice. Calls block (the console is synchronous); the connection runs on its own event loop.
public final class PostgresJournal: JournalStore {
    public let address: PostgresAddress
    public private(set) var state: NetworkState
    public private(set) var lastSequence: UInt64 = 0
    public private(set) var mode: Journal.Mode
    public private(set) var notices: [String] = []
    /// The database role every record is written under (the server stamps it on each row).
    public private(set) var login: String
    public private(set) var unreachable: String?
    /// A record sent when the connection broke: on reconnecting, whether it was stored decides
    /// what the operator is told. It is never sent again.
    private var unsettled: (sequence: UInt64, batch: EventBatch)?
    private var settlement: String?
    /// Reconnecting is tried at most this often, so that a dead server does not slow every key.
    private var lastAttempt = Date.distantPast
    private let reconnectInterval: TimeInterval
    /// Set by the server's NOTIFY on the network's channel when any console appends: a look for
    /// new records costs a query only then (or every `quietInterval`, should a notice be lost).
    private let notified = NIOLockedValueBox(false)
    private var lastRead = Date.distantPast
    private let quietInterval: TimeInterval

    /// How often the console asks for others' changes: a notice makes asking nearly free, so
    /// often enough that a change shows within a few hundred milliseconds.
    public var pollMilliseconds: Int { 150 }
    private let osUser: String
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var connection: PostgresConnection?
    private let logger = Logger(label: "unmn.postgres") { _ in SwiftLogNoOpLogHandler() }

    public var location: String { address.description }
    public private(set) var replayedAtStart = 0
    /// Where this console keeps its snapshot of the network (a cache, private to the account),
    /// or nil for none. The database is the record; the snapshot is trusted only when the
    /// record it ends with is in the database with the same checksum.
    public let snapshotPath: String?

    // MARK: Opening

    public init(
        address: PostgresAddress, emailPolicy: EmailPolicy, osUser: String, readOnly: Bool = false, reconnectInterval: TimeInterval = 2,
        quietInterval: TimeInterval = 5, cacheDirectory: String? = nil
    ) throws(JournalError) {
        self.address = address
        snapshotPath = cacheDirectory.map { $0 + "/" + Self.snapshotName(address) }
        self.reconnectInterval = reconnectInterval
        self.quietInterval = quietInterval
        self.osUser = osUser
        login = address.user
        state = NetworkState(emailPolicy: emailPolicy)
        mode = readOnly ? .readOnly(reason: "opened with --read-only") : .writable
        do {
            let connection = try connected()
            login = try connection.query("SELECT current_user::text", logger: logger).wait().first?.decode(String.self) ?? login
            let exists = try connection.query(
                "SELECT count(*) FROM unmn.networks WHERE network = \(address.network)", logger: logger
            ).wait().first?.decode(Int64.self)
            guard exists == 1 else {
                throw JournalError.unreadable(
                    path: location, reason: "the database has no network \(address.network) (create it with `unmn db init \(location)`)")
            }
        } catch let error as JournalError {
            shutDown()
            throw error
        } catch {
            shutDown()
            throw Self.describe(error, at: address)
        }
        loadSnapshot()
        do { replayedAtStart = try catchUp().count } catch {
            shutDown()
            throw error
        }
    }

    // MARK: Snapshots

    /// `db.example.org-5432-unmn-laura-uz.snapshot`: one file per server, database, role and network; no password.
    static func snapshotName(_ address: PostgresAddress) -> String {
        let parts = [address.host, String(address.port), address.database, address.user, address.network]
        let safe = parts.map { String($0.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" ? $0 : "_" }) }
        return safe.joined(separator: "-") + ".snapshot"
    }

    /// Starts from the snapshot when the record it ends with is in the database, unchanged.
    private func loadSnapshot() {
        guard let snapshotPath, let data = FileManager.default.contents(atPath: snapshotPath) else { return }
        guard case .snapshot(let snapshot) = StateSnapshot.read(Array(data)), snapshot.state.emailPolicy == state.emailPolicy,
            let stored = try? connected().query(
                "SELECT checksum FROM unmn.records WHERE network = \(address.network) AND sequence = \(Int64(snapshot.sequence))",
                logger: logger
            ).wait().first?.decode(String.self),
            stored == snapshot.lastRecordChecksum
        else {
            notices.append("This console's snapshot of the network did not match the database and was ignored; replayed every record.")
            return
        }
        state = snapshot.state
        lastSequence = snapshot.sequence
        StateSnapshot.finishReadingLater(state)
    }

    public func writeSnapshot() throws(JournalError) {
        guard let snapshotPath, lastSequence > 0 else { return }
        do {
            let checksum = try connected().query(
                "SELECT checksum FROM unmn.records WHERE network = \(address.network) AND sequence = \(Int64(lastSequence))",
                logger: logger
            ).wait().first?.decode(String.self)
            guard let checksum else { return }
            let bytes = StateSnapshot(sequence: lastSequence, offset: 0, lastRecordChecksum: checksum, state: state).encoded()
            try FileManager.default.createDirectory(
                atPath: (snapshotPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            try DurableFile.replace(path: snapshotPath, contents: Data(bytes), permissions: 0o600)
        } catch {
            throw .unreadable(path: snapshotPath, reason: "the snapshot could not be written (\(error))")
        }
    }

    deinit { shutDown() }

    private func shutDown() {
        dropConnection()
        try? group.syncShutdownGracefully()
    }

    /// Closes the connection (a broken one too: it must be closed before it is let go) so that
    /// the next call opens a new one.
    private func dropConnection() {
        if let connection { _ = try? connection.close().wait() }
        connection = nil
    }

    /// The open connection, or a new one.
    private func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        let connection = try Self.connect(address, on: group.next(), logger: logger).wait()
        self.connection = connection
        let notified = self.notified
        connection.addListener(channel: "unmn_" + address.network) { _, _ in notified.withLockedValue { $0 = true } }
        return connection
    }

    static func connect(_ address: PostgresAddress, on eventLoop: any EventLoop, logger: Logger) -> EventLoopFuture<PostgresConnection> {
        let tls: PostgresConnection.Configuration.TLS
        do { tls = try Self.tls(address) } catch { return eventLoop.makeFailedFuture(error) }
        var configuration: PostgresConnection.Configuration
        if address.host.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: address.host + "/.s.PGSQL.\(address.port)", username: address.user, password: address.password,
                database: address.database)
        } else {
            configuration = .init(
                host: address.host, port: address.port, username: address.user, password: address.password, database: address.database,
                tls: tls)
        }
        // A console waits on this when the server is unreachable: a few seconds, not the default ten.
        configuration.options.connectTimeout = .seconds(3)
        return PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 1, logger: logger)
    }

    /// The TLS the address asks for, as libpq reads `sslmode` (a Unix socket is never encrypted).
    static func tls(_ address: PostgresAddress) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let root = address.sslRootCertificate { configuration.trustRoots = .file(root) }
        switch address.sslMode {
        case .disable, .allow:
            return .disable
        case .prefer, .require:
            // Encrypted, the certificate not checked (libpq's require, unless a root certificate is given).
            configuration.certificateVerification = address.sslRootCertificate == nil ? .none : .noHostnameVerification
            let context = try NIOSSLContext(configuration: configuration)
            return address.sslMode == .prefer ? .prefer(context) : .require(context)
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    // MARK: Reading

    /// The records after `sequence` as journal lines, in order.
    private func lines(after sequence: UInt64) throws -> [UInt8] {
        let rows = try connected().query(
            """
            SELECT sequence, checksum, body FROM unmn.records
            WHERE network = \(address.network) AND sequence > \(Int64(sequence)) ORDER BY sequence
            """, logger: logger
        ).wait()
        var bytes: [UInt8] = []
        for row in rows {
            let (number, checksum, body) = try row.decode((Int64, String, String).self)
            bytes += Array("\(number) \(checksum) \(body)\n".utf8)
        }
        return bytes
    }

    /// Reads and applies what was appended since the last read, each record verified.
    @discardableResult
    private func catchUp() throws(JournalError) -> [JournalRecord] {
        notified.withLockedValue { $0 = false }
        lastRead = Date()
        let bytes: [UInt8]
        do { bytes = try lines(after: lastSequence) } catch {
            if Self.isConnectionLoss(error) { dropConnection() }
            throw Self.describe(error, at: address)
        }
        guard !bytes.isEmpty else { return [] }
        var scan = bytes.withUnsafeBytes { JournalScan.scan($0, previousSequence: lastSequence) }
        scan.replay(onto: &state)
        lastSequence = scan.records.last?.sequence ?? lastSequence
        if let problem = scan.problem {
            mode = .readOnly(reason: "in the database, \(problem); nothing was changed. Run `unmn check --journal \(location)`")
        }
        return scan.records
    }

    /// Records others appended since the last look. When the server cannot be reached, says so
    /// (`unreachable`) instead of failing, and tries again on later calls.
    public func refresh() throws(JournalError) -> [JournalRecord] {
        if unreachable != nil {
            guard Date().timeIntervalSince(lastAttempt) >= reconnectInterval else { return [] }
            lastAttempt = Date()
        } else if let connection, !connection.isClosed, !notified.withLockedValue({ $0 }),
            Date().timeIntervalSince(lastRead) < quietInterval
        {
            return []
        }
        do {
            let records = try catchUp()
            if unreachable != nil {
                unreachable = nil
                settle(seen: records)
            }
            return records
        } catch {
            guard connection == nil else { throw error }
            unreachable = unreachable ?? address.serverDescription + " does not answer"
            return []
        }
    }

    public func takeSettlement() -> String? {
        defer { settlement = nil }
        return settlement
    }

    /// Back after a broken connection: the unsettled record was stored or it was not.
    private func settle(seen records: [JournalRecord]) {
        guard let pending = unsettled else { return }
        unsettled = nil
        let ours = records.first { $0.sequence == pending.sequence }?.batch == pending.batch
        settlement =
            ours
            ? "Reconnected. \(pending.batch.summary): it was saved before the connection broke (once)."
            : "Reconnected. \(pending.batch.summary) was not saved (the database did not receive it); do it again if still wanted."
    }

    public func state(asOf day: LocalDate) throws(JournalError) -> NetworkState {
        let bytes: [UInt8]
        do { bytes = try lines(after: 0) } catch { throw Self.describe(error, at: address) }
        return JournalScan.replayed(bytes, emailPolicy: state.emailPolicy, through: Instant.endOfDay(day)).state
    }

    // MARK: Committing

    /// How many times a commit is decided again because others appended first.
    static let attempts = 8

    @discardableResult
    public func commit(_ command: Command, context: CommandContext) throws(CommitError) -> EventBatch {
        var context = context
        context.login = login
        if case .readOnly(let reason) = mode { throw .readOnly(reason) }
        if let reason = unreachable { throw .failed(Self.offline(reason)) }
        // Writers to one network take turns, as under the file journal's lock, so that a busy
        // console cannot starve another; the sequence check in the engine stays the guarantee.
        // The lock ends with the session if the console dies holding it.
        let locked =
            (try? connected().query("SELECT pg_advisory_lock(hashtextextended(\(address.network), 0))", logger: logger).wait()) != nil
        defer {
            if locked, let connection, !connection.isClosed {
                _ = try? connection.query("SELECT pg_advisory_unlock(hashtextextended(\(address.network), 0))", logger: logger).wait()
            }
        }
        for _ in 0..<Self.attempts {
            do { try catchUp() } catch {
                guard connection == nil else { throw failStop("Cannot read the journal: \(error.description)") }
                let reason = address.serverDescription + " does not answer"
                unreachable = reason
                throw .failed(Self.offline(reason))
            }
            if case .readOnly(let reason) = mode { throw .readOnly(reason) }
            let sequence = lastSequence + 1
            let (batch, line) = try JournalRecord.next(command, against: state, context: context, sequence: sequence, osUser: osUser)
            let record = Self.row(line: line)
            switch insert(sequence: sequence, record) {
            case .appended: break
            case .otherAppendedFirst: continue
            case .refused(let reason): throw .rejected(reason)
            case .unknown:
                let reason = address.serverDescription + " closed the connection"
                unreachable = reason
                unsettled = (sequence, batch)
                throw .failed(
                    "The database went away while saving (\(reason)). Whether \(batch.summary) was saved will show once it is back; "
                        + "it is never saved twice.")
            }
            state.apply(batch)
            lastSequence = sequence
            return batch
        }
        throw .rejected("Others kept changing the record while this change was being saved; try again.")
    }

    enum InsertOutcome {
        case appended
        case otherAppendedFirst
        case refused(String)
        case unknown
    }

    private func insert(sequence: UInt64, _ record: (checksum: String, body: String)) -> InsertOutcome {
        do {
            _ = try connected().query(
                """
                INSERT INTO unmn.records (network, sequence, checksum, body, written_by, written_at)
                VALUES (\(address.network), \(Int64(sequence)), \(record.checksum), \(record.body), current_user, now())
                """, logger: logger
            ).wait()
            return .appended
        } catch let error where Self.isConnectionLoss(error) {
            // The connection broke: the record may or may not have been stored. Look it up.
            dropConnection()
            return lookUp(sequence: sequence, record) ?? .unknown
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            return .otherAppendedFirst
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42501" {
            return .refused(
                "The database role \(login) may not add to the journal (it needs the \(PostgresSchema.memberRole) role); nothing was saved."
            )
        } catch {
            let message = (error as? PSQLError)?.serverInfo?[.message] ?? "\(error)"
            return .refused("The database refused the change: \(message); nothing was saved.")
        }
    }

    /// After a broken connection: whether the record at `sequence` is ours (appended), another's
    /// (decide again), absent (send again is safe: decide again), or unknown (still unreachable).
    private func lookUp(sequence: UInt64, _ record: (checksum: String, body: String)) -> InsertOutcome? {
        guard
            let rows = try? connected().query(
                "SELECT checksum, body FROM unmn.records WHERE network = \(address.network) AND sequence = \(Int64(sequence))",
                logger: logger
            ).wait()
        else { return nil }
        guard let row = rows.first, let (checksum, body) = try? row.decode((String, String).self) else { return .otherAppendedFirst }
        return checksum == record.checksum && body == record.body ? .appended : .otherAppendedFirst
    }

    /// Why a change is refused while the server is away.
    static func offline(_ reason: String) -> String {
        "Nothing was saved: \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason). The console reconnects by itself."
    }

    /// An error that means the connection is gone (as against the server refusing something).
    static func isConnectionLoss(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return true }
        guard let state = error.serverInfo?[.sqlState] else { return true }
        // Class 08, connection exception; class 57, operator intervention (a shutdown, a
        // terminated backend): the server is going away, not refusing the statement.
        return state.hasPrefix("08") || state.hasPrefix("57")
    }

    private func failStop(_ reason: String) -> CommitError {
        mode = .readOnly(reason: reason + ". unmn is read-only until restarted")
        return .failed(reason + ". unmn is now read-only; restart it once the database is back.")
    }

    /// A record as a row: the checksum and JSON body of its journal line.
    static func row(line: [UInt8]) -> (checksum: String, body: String) {
        let text = String(decoding: line.dropLast(), as: UTF8.self)
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        return (String(parts[1]), String(parts[2]))
    }

    // MARK: Creating

    /// Creates the schema if needed (migrations), then the network with its first records, in
    /// one transaction. Refuses to touch a network that exists.
    public static func create(at address: PostgresAddress, batches: [EventBatch], osUser: String) throws(JournalError) {
        var lines: [UInt8] = []
        for (index, batch) in batches.enumerated() {
            do { lines += try JournalRecord(sequence: UInt64(index + 1), osUser: osUser, batch: batch).encodedLine() } catch {
                throw .unreadable(path: address.description, reason: "a record could not be encoded (\(error))")
            }
        }
        try create(at: address, lines: lines)
    }

    /// The same with records as journal lines, stored exactly (`unmn journal push`): they must
    /// be whole, checksummed, in sequence, verified by replay, and start with a founding.
    public static func create(at address: PostgresAddress, lines: [UInt8], emailPolicy: EmailPolicy? = nil) throws(JournalError) {
        let scan = emailPolicy.map { JournalScan.replayed(lines, emailPolicy: $0).scan } ?? lines.withUnsafeBytes { JournalScan.scan($0) }
        if let problem = scan.problem {
            throw .unreadable(path: address.description, reason: "the records to store are not sound: \(problem); nothing was stored")
        }
        guard case .networkFounded? = scan.records.first?.batch.events.first else {
            throw .unreadable(path: address.description, reason: "the records to store do not start with the network's founding")
        }
        let rows = lines.split(separator: 0x0A).map { line in
            let parts = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
            return (
                Int64(String(decoding: parts[0], as: UTF8.self))!, String(decoding: parts[1], as: UTF8.self),
                String(decoding: parts[2], as: UTF8.self)
            )
        }
        try withConnection(to: address) { connection, logger in
            try migrate(connection, logger: logger)
            _ = try connection.query("BEGIN", logger: logger).wait()
            do {
                let existing = try connection.query(
                    "SELECT count(*) FROM unmn.networks WHERE network = \(address.network)", logger: logger
                ).wait().first?.decode(Int64.self)
                if existing != 0 { throw JournalError.alreadyExists(path: address.description) }
                _ = try connection.query("INSERT INTO unmn.networks (network) VALUES (\(address.network))", logger: logger).wait()
                // A thousand rows a statement (arrays unnested in order): a pushed journal of
                // 50,000 records is fifty round trips, not fifty thousand.
                for start in stride(from: 0, to: rows.count, by: 1_000) {
                    let chunk = rows[start..<min(rows.count, start + 1_000)]
                    _ = try connection.query(
                        """
                        INSERT INTO unmn.records (network, sequence, checksum, body, written_by, written_at)
                        SELECT \(address.network), sequence, checksum, body, current_user, now()
                        FROM unnest(\(chunk.map(\.0))::bigint[], \(chunk.map(\.1))::text[], \(chunk.map(\.2))::text[])
                            WITH ORDINALITY AS record(sequence, checksum, body, position)
                        ORDER BY position
                        """, logger: logger
                    ).wait()
                }
                _ = try connection.query("COMMIT", logger: logger).wait()
            } catch {
                _ = try? connection.query("ROLLBACK", logger: logger).wait()
                throw error
            }
        }
    }

    /// Every record of the network as journal lines, exactly as stored (`unmn journal pull`,
    /// `unmn check`), and how many each database role wrote.
    public static func lines(at address: PostgresAddress) throws(JournalError) -> (lines: [UInt8], writers: [(role: String, records: Int)])
    {
        try withConnection(to: address) { connection, logger in
            let exists = try connection.query(
                "SELECT count(*) FROM unmn.networks WHERE network = \(address.network)", logger: logger
            ).wait().first?.decode(Int64.self)
            guard exists == 1 else {
                throw JournalError.unreadable(path: address.description, reason: "the database has no network \(address.network)")
            }
            var bytes: [UInt8] = []
            for row in try connection.query(
                "SELECT sequence, checksum, body FROM unmn.records WHERE network = \(address.network) ORDER BY sequence", logger: logger
            ).wait() {
                let (sequence, checksum, body) = try row.decode((Int64, String, String).self)
                bytes += Array("\(sequence) \(checksum) \(body)\n".utf8)
            }
            let writers = try connection.query(
                """
                SELECT written_by::text, count(*) FROM unmn.records WHERE network = \(address.network)
                GROUP BY written_by ORDER BY count(*) DESC, written_by
                """, logger: logger
            ).wait().map { row in
                let (role, count) = try row.decode((String, Int64).self)
                return (role, Int(count))
            }
            return (bytes, writers)
        }
    }

    /// Runs `body` on a connection of its own (for `db init`, push, pull and check), closed
    /// after; a PostgreSQL or connection error becomes a `JournalError` in words.
    static func withConnection<T>(to address: PostgresAddress, _ body: (PostgresConnection, Logger) throws -> T) throws(JournalError) -> T {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let logger = Logger(label: "unmn.postgres") { _ in SwiftLogNoOpLogHandler() }
        do {
            let connection = try connect(address, on: group.next(), logger: logger).wait()
            defer { try? connection.close().wait() }
            return try body(connection, logger)
        } catch let error as JournalError {
            throw error
        } catch {
            throw describe(error, at: address)
        }
    }

    /// Applies the migrations the database lacks, in one transaction under an advisory lock, so
    /// that two `db init`s at once cannot both apply one.
    static func migrate(_ connection: PostgresConnection, logger: Logger) throws {
        _ = try connection.query("BEGIN", logger: logger).wait()
        do {
            _ = try connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", logger: logger).wait()
            _ = try connection.query("CREATE SCHEMA IF NOT EXISTS unmn", logger: logger).wait()
            _ = try connection.query(
                """
                CREATE TABLE IF NOT EXISTS unmn.schema_migrations (
                    version integer PRIMARY KEY, applied_by name NOT NULL DEFAULT current_user,
                    applied_at timestamptz NOT NULL DEFAULT clock_timestamp())
                """, logger: logger
            ).wait()
            let applied = Set(
                try connection.query("SELECT version FROM unmn.schema_migrations", logger: logger).wait().map { try $0.decode(Int32.self) })
            for migration in PostgresSchema.migrations where !applied.contains(Int32(migration.version)) {
                for statement in migration.statements {
                    _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait()
                }
                _ = try connection.query(
                    "INSERT INTO unmn.schema_migrations (version) VALUES (\(Int32(migration.version)))", logger: logger
                )
                .wait()
            }
            _ = try connection.query("COMMIT", logger: logger).wait()
        } catch {
            _ = try? connection.query("ROLLBACK", logger: logger).wait()
            throw error
        }
    }

    // MARK: Errors

    /// A PostgreSQL or connection error in words, with the address (never its password).
    static func describe(_ error: any Error, at address: PostgresAddress) -> JournalError {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                if error.serverInfo?[.sqlState] == "42501" || error.serverInfo?[.sqlState] == "28000"
                    || error.serverInfo?[.sqlState] == "28P01"
                {
                    return .notPermitted(path: address.description, reason: message)
                }
                if error.serverInfo?[.sqlState] == "42P01" || error.serverInfo?[.sqlState] == "3F000" {
                    return .unreadable(
                        path: address.description, reason: "the database has no unmn schema (create it with `unmn db init \(address)`)")
                }
                return .unreadable(path: address.description, reason: message)
            }
            return .unreadable(path: address.description, reason: unreachableReason(error, at: address))
        }
        return .unreadable(path: address.description, reason: unreachableReason(error, at: address))
    }

    /// "the server at db:5432 does not answer (connection refused: is PostgreSQL running there?)":
    /// the gist of a connection failure, not the driver's nested error values.
    static func unreachableReason(_ error: any Error, at address: PostgresAddress) -> String {
        let underlying = (error as? PSQLError)?.underlying
        let text = (String(describing: error) + " " + (underlying.map { String(describing: $0) } ?? "")).lowercased()
        let gist: String
        if text.contains("connection refused") {
            gist = "connection refused: is PostgreSQL running there?"
        } else if text.contains("timeout") || text.contains("timed out") {
            gist = "no answer within 3 seconds"
        } else if text.contains("no such file") {
            gist = "no server socket there"
        } else if text.contains("name") && text.contains("resolv") || text.contains("unknown host") {
            gist = "the host name is not known"
        } else {
            gist = "the connection failed or was lost"
        }
        return "\(address.serverDescription) does not answer (\(gist))"
    }
}
