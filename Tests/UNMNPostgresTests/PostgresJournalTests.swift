import Foundation
import TestSupport
import Testing
import UNMNDomain
import UNMNJournal
import UNMNResources

@testable import UNMNPostgres

/// The journal in PostgreSQL, against a private cluster of its own (see `PostgresCluster`).
@Suite("The journal in PostgreSQL")
struct PostgresJournalTests {
    static let entities = try! AnnexI.parse(ShippedData.annexIMembers)
    static let policy = EmailPolicy.parse(ShippedData.corporateEmailDomains)
    static let secretariat = Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)
    static let today = LocalDate(year: 2026, month: 11, day: 29)!

    static var cluster: PostgresCluster {
        let cluster = PostgresCluster.shared
        if let failure = cluster.failure { Issue.record(Comment(rawValue: failure)) }
        return cluster
    }

    /// A fresh network name: tests share the cluster and run in parallel.
    static func network() -> String { "t" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "") }

    static func address(_ network: String, user: String = "postgres") throws -> PostgresAddress {
        try PostgresAddress.parse(cluster.url(network: network, user: user), environment: [:])
    }

    /// The founding and the founder's grant (login `postgres`, the cluster's superuser here).
    static func founding(login: String = "postgres") throws -> [EventBatch] {
        var (state, founding) = NetworkState.founding(
            entities: entities, emailPolicy: policy, by: secretariat, at: Instant(tashkent: today, hour: 9), login: login)
        let grant = Grant(login: login, name: secretariat.name, entity: "IOM", role: .secretariat)
        let granted = try state.execute(
            .grantAccess(grant), context: CommandContext(operator: secretariat, now: Instant(tashkent: today, hour: 9), login: login))
        return [founding, granted]
    }

    static func addFocalPoint(_ index: Int, entity: EntityCode = "UNICEF") -> Command {
        .addFocalPoint(
            FocalPointDraft(
                entity: entity, name: "Focal Point \(index)", position: "Officer", level: .other, email: "fp\(index)@unicef.org",
                isOnMailingList: false))
    }

    static func context(hour: Int = 10) -> CommandContext {
        CommandContext(operator: secretariat, now: Instant(tashkent: today, hour: hour))
    }

    static func created(_ batches: [EventBatch]? = nil) throws -> PostgresAddress {
        let address = try address(network())
        try PostgresJournal.create(at: address, batches: batches ?? founding(), osUser: "tester")
        return address
    }

    @Test("db init creates the network once; a second init refuses and changes nothing")
    func createOnce() throws {
        let address = try Self.created()
        #expect(throws: JournalError.alreadyExists(path: address.description)) {
            try PostgresJournal.create(at: address, batches: try Self.founding(), osUser: "tester")
        }
        #expect(try Self.cluster.psql("SELECT count(*) FROM unmn.records WHERE network = '\(address.network)'") == "2\n")
    }

    @Test("opening replays the same state as the file journal holding the same records")
    func sameStateAsFile() throws {
        let batches = try SampleNetwork.batches(entities: Self.entities, emailPolicy: Self.policy, sandbox: true)
        let address = try Self.created(batches)
        let directory = NSTemporaryDirectory() + "unmn-pgfile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Journal.create(at: directory + "/journal", batches: batches, osUser: "tester")
        let file = try Journal(path: directory + "/journal", emailPolicy: Self.policy, osUser: "tester", readOnly: true)
        let database = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester", readOnly: true)
        #expect(database.lastSequence == UInt64(batches.count))
        #expect(database.state == file.state)
        #expect(database.notices.isEmpty)
    }

    @Test("snapshot + tail = replay: a console's snapshot of the network, then only the records after it")
    func snapshotAndTail() throws {
        let batches = try SampleNetwork.batches(entities: Self.entities, emailPolicy: Self.policy, sandbox: true)
        let address = try Self.created(batches)
        let cache = NSTemporaryDirectory() + "unmn-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let first = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester", cacheDirectory: cache)
        #expect(first.replayedAtStart == batches.count)
        try first.writeSnapshot()
        let snapshot = try #require(first.snapshotPath)
        #expect(FileManager.default.fileExists(atPath: snapshot))
        #expect((try FileManager.default.attributesOfItem(atPath: snapshot)[.posixPermissions] as? Int) == 0o600)
        try first.commit(Self.addFocalPoint(1), context: Self.context())
        try first.commit(Self.addFocalPoint(2), context: Self.context())

        let fromSnapshot = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester", cacheDirectory: cache)
        let replayed = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester")
        #expect(fromSnapshot.replayedAtStart == 2)
        #expect(fromSnapshot.notices.isEmpty)
        #expect(fromSnapshot.state == replayed.state)
        #expect(fromSnapshot.lastSequence == replayed.lastSequence)

        // A damaged snapshot is ignored, said, and the whole network replayed.
        try Data("{\"format\":3,".utf8).write(to: URL(fileURLWithPath: snapshot))
        let ignored = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester", cacheDirectory: cache)
        #expect(ignored.replayedAtStart == batches.count + 2)
        #expect(ignored.state == replayed.state)
        #expect(
            ignored.notices == ["This console's snapshot of the network did not match the database and was ignored; replayed every record."]
        )
    }

    @Test("push then pull gives the journal back byte for byte; a record the rules refuse is never pushed")
    func pushAndPull() throws {
        let batches = try SampleNetwork.batches(entities: Self.entities, emailPolicy: Self.policy, sandbox: true)
        var bytes: [UInt8] = []
        for (index, batch) in batches.enumerated() {
            bytes += try JournalRecord(sequence: UInt64(index + 1), osUser: index % 2 == 0 ? "dilnoza" : "laura", batch: batch)
                .encodedLine()
        }
        let address = try Self.address(Self.network())
        try PostgresJournal.create(at: address, lines: bytes, emailPolicy: Self.policy)
        let pulled = try PostgresJournal.lines(at: address)
        #expect(pulled.lines == bytes)
        #expect(pulled.writers.map(\.role) == ["postgres"])

        // A forged record (a checksummed line the rules would have refused) stops the push whole.
        var forged = batches
        forged[5].operator = Operator(name: "Nobody", entity: "ILO", role: .viewer)
        var forgedBytes: [UInt8] = []
        for (index, batch) in forged.enumerated() {
            forgedBytes += try JournalRecord(sequence: UInt64(index + 1), osUser: "x", batch: batch).encodedLine()
        }
        let refused = try Self.address(Self.network())
        #expect(throws: JournalError.self) { try PostgresJournal.create(at: refused, lines: forgedBytes, emailPolicy: Self.policy) }
        #expect(try Self.cluster.psql("SELECT count(*) FROM unmn.networks WHERE network = '\(refused.network)'") == "0\n")
    }

    @Test("a commit appends the next record; another console reads it on refresh")
    func commitAndRefresh() throws {
        let address = try Self.created()
        let first = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester")
        // Reading at every look, notice or not: this test is about what a read brings, not when.
        let second = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester", quietInterval: 0)
        try first.commit(Self.addFocalPoint(1), context: Self.context())
        #expect(first.lastSequence == 3)
        let seen = try second.refresh()
        #expect(seen.map(\.sequence) == [3])
        #expect(second.state == first.state)
        #expect(try second.refresh().isEmpty)
    }

    @Test("only the server's notice brings another console's change: a console that never reads unprompted still sees it")
    func noticeRefresh() async throws {
        let address = try Self.created()
        // No read without a notice for an hour: whatever this console sees, the notice brought.
        let watcher = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester", readOnly: true, quietInterval: 3600)
        #expect(watcher.pollMilliseconds <= 200)
        #expect(try watcher.refresh().isEmpty)
        let writer = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester")
        try writer.commit(Self.addFocalPoint(1), context: Self.context())
        // Watched from a thread of its own, as a console's loop would: the test pool's threads may be busy.
        let shared = Handed(watcher)
        let seen = await onThread { () -> [JournalRecord] in
            var seen: [JournalRecord] = []
            for _ in 0..<500 where seen.isEmpty {
                Thread.sleep(forTimeInterval: 0.02)
                seen = (try? shared.value.refresh()) ?? []
            }
            return seen
        }
        #expect(seen.map(\.sequence) == [3])
        #expect(shared.value.state.focalPoints.map(\.name) == ["Focal Point 1"])
    }

    @Test("a console that is behind catches up and decides again: no sequence is lost or taken twice")
    func staleConsoleDecidesAgain() throws {
        let address = try Self.created()
        let first = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester")
        let second = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester")
        try first.commit(Self.addFocalPoint(1), context: Self.context())
        // `second` has not seen record 3: its commit must become record 4, decided on top of 3.
        let batch = try second.commit(Self.addFocalPoint(2), context: Self.context())
        #expect(second.lastSequence == 4)
        #expect(batch.summary.contains("Focal Point 2"))
        #expect(second.state.focalPoints.map(\.name).suffix(2) == ["Focal Point 1", "Focal Point 2"])
        #expect(
            try Self.cluster.psql(
                "SELECT string_agg(sequence::text, ',' ORDER BY sequence) FROM unmn.records WHERE network = '\(address.network)'")
                == "1,2,3,4\n")
    }

    @Test("two writers at once: every acknowledged record is there, in one contiguous sequence")
    func twoWriters() async throws {
        let address = try Self.created()
        let perWriter = 15
        let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<2 {
                group.addTask {
                    try await onThread { () -> Result<[String], any Error> in
                        Result {
                            let journal = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "writer\(writer)")
                            var names: [String] = []
                            for index in 0..<perWriter {
                                let number = writer * 100 + index
                                try journal.commit(Self.addFocalPoint(number), context: Self.context())
                                names.append("Focal Point \(number)")
                            }
                            return names
                        }
                    }.get()
                }
            }
            var all: [String] = []
            for try await names in group { all += names }
            return all
        }
        let reader = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester", readOnly: true)
        #expect(reader.lastSequence == UInt64(2 + 2 * perWriter))
        #expect(Set(reader.state.focalPoints.map(\.name)) == Set(acknowledged))
        #expect(reader.notices.isEmpty && reader.isWritable == false)
    }

    @Test("the server stamps who wrote a record and when, whatever the client sends")
    func serverStampsTheWriter() throws {
        let address = try Self.created()
        let stamped = try Self.cluster.psql(
            "SELECT DISTINCT written_by FROM unmn.records WHERE network = '\(address.network)'")
        #expect(stamped == "postgres\n")
        // A client that names another writer is overruled by the trigger.
        let journal = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester")
        let row = PostgresJournal.row(
            line: try JournalRecord(
                sequence: 3, osUser: "tester",
                batch: try journal.state.decide(Self.addFocalPoint(9), context: Self.context())
            ).encodedLine())
        try Self.cluster.psql(
            """
            INSERT INTO unmn.records (network, sequence, checksum, body, written_by, written_at)
            VALUES ('\(address.network)', 3, '\(row.checksum)', '\(row.body.replacingOccurrences(of: "'", with: "''"))',
                    'someone_else', '2001-01-01')
            """)
        #expect(
            try Self.cluster.psql(
                """
                SELECT written_by, written_at > now() - interval '1 hour' FROM unmn.records
                WHERE network = '\(address.network)' AND sequence = 3
                """
            )
                == "postgres|t\n")
    }

    @Test("history cannot be rewritten: UPDATE, DELETE and TRUNCATE are refused by the server, even to the owner")
    func appendOnly() throws {
        let address = try Self.created()
        for statement in [
            "UPDATE unmn.records SET body = '{}' WHERE network = '\(address.network)'",
            "DELETE FROM unmn.records WHERE network = '\(address.network)'",
            "TRUNCATE unmn.records CASCADE",
        ] {
            #expect(throws: PostgresCluster.Failed.self) { try Self.cluster.psql(statement) }
        }
        #expect(try Self.cluster.psql("SELECT count(*) FROM unmn.records WHERE network = '\(address.network)'") == "2\n")
    }

    @Test("a role without unmn_member may read with unmn_reader but not append; a member may; neither may delete")
    func rolesDecide() throws {
        let suffix = UUID().uuidString.prefix(6).lowercased()
        let (reader, member) = ("reader_\(suffix)", "member_\(suffix)")
        let network = Self.network()
        try PostgresJournal.create(at: try Self.address(network), batches: try Self.founding(login: member), osUser: "tester")
        try Self.cluster.psql("CREATE ROLE \(reader) LOGIN IN ROLE unmn_reader; CREATE ROLE \(member) LOGIN IN ROLE unmn_member")

        let asReader = try PostgresJournal(address: try Self.address(network, user: reader), emailPolicy: Self.policy, osUser: "tester")
        #expect(asReader.login == reader)
        // The reader has no grant in the roster either: refused by the rules, before the database.
        let refusal = #expect(throws: CommitError.self) { try asReader.commit(Self.addFocalPoint(1), context: Self.context()) }
        #expect(refusal?.description.contains("\(reader) has no access to this network") == true, "\(String(describing: refusal))")
        #expect(asReader.lastSequence == 2)

        let asMember = try PostgresJournal(address: try Self.address(network, user: member), emailPolicy: Self.policy, osUser: "tester")
        try asMember.commit(Self.addFocalPoint(2), context: Self.context())
        #expect(try Self.cluster.psql("SELECT written_by FROM unmn.records WHERE network = '\(network)' AND sequence = 3") == "\(member)\n")
        // The record names both: the person (the roster's operator) and the login, the database role.
        let body = try Self.cluster.psql("SELECT body FROM unmn.records WHERE network = '\(network)' AND sequence = 3")
        #expect(body.contains("\"login\":\"\(member)\"") && body.contains("\"name\":\"\(Self.secretariat.name)\""), "\(body)")
        #expect(throws: PostgresCluster.Failed.self) {
            try Self.cluster.psql("DELETE FROM unmn.records WHERE network = '\(network)'", user: member)
        }
    }

    @Test("a role the roster knows but the database does not let append is told which role it needs")
    func grantedButNotMember() throws {
        let suffix = UUID().uuidString.prefix(6).lowercased()
        let outsider = "outsider_\(suffix)"
        let network = Self.network()
        try PostgresJournal.create(at: try Self.address(network), batches: try Self.founding(login: outsider), osUser: "tester")
        try Self.cluster.psql("CREATE ROLE \(outsider) LOGIN IN ROLE unmn_reader")
        let journal = try PostgresJournal(address: try Self.address(network, user: outsider), emailPolicy: Self.policy, osUser: "tester")
        #expect(
            throws: CommitError.rejected(
                "The database role \(outsider) may not add to the journal (it needs the unmn_member role); nothing was saved.")
        ) {
            try journal.commit(Self.addFocalPoint(1), context: Self.context())
        }
        #expect(journal.lastSequence == 2)
    }

    @Test("a network that is not there is named, with the command that creates it")
    func missingNetwork() throws {
        let address = try Self.address(Self.network())
        _ = try Self.created()  // the schema exists
        #expect(
            throws: JournalError.unreadable(
                path: address.description,
                reason: "the database has no network \(address.network) (create it with `unmn db init \(address.description)`)")
        ) {
            try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester")
        }
    }

    @Test("as of a day: the record replayed up to the end of that day")
    func asOf() throws {
        let address = try Self.created()
        let journal = try PostgresJournal(address: address, emailPolicy: Self.policy, osUser: "tester")
        try journal.commit(
            Self.addFocalPoint(1),
            context: CommandContext(operator: Self.secretariat, now: Instant(tashkent: Self.today.adding(days: 2), hour: 10)))
        let before = try journal.state(asOf: Self.today)
        #expect(before.focalPoints.isEmpty)
        #expect(try journal.state(asOf: Self.today.adding(days: 2)).focalPoints.count == 1)
    }
}

@Suite("postgres:// addresses")
struct PostgresAddressTests {
    @Test("user, host, port, database and network from the URL; libpq's environment fills the rest; the password is never shown")
    func parsing() throws {
        let full = try PostgresAddress.parse("postgres://unmn:s3cret@db.example.org:6543/unmn?network=uz", environment: [:])
        #expect(
            full == PostgresAddress(host: "db.example.org", port: 6543, user: "unmn", password: "s3cret", database: "unmn", network: "uz"))
        #expect(full.description == "postgres://unmn@db.example.org:6543/unmn?network=uz")
        let environment = ["PGHOST": "pg.local", "PGPORT": "5433", "PGUSER": "dilnoza", "PGDATABASE": "networks", "PGPASSWORD": "x"]
        let filled = try PostgresAddress.parse("postgres:///?network=kz", environment: environment)
        #expect(
            filled == PostgresAddress(host: "pg.local", port: 5433, user: "dilnoza", password: "x", database: "networks", network: "kz"))
    }

    @Test("the password comes from PGPASSFILE when the URL has none")
    func passwordFile() throws {
        let path = NSTemporaryDirectory() + "pgpass-\(UUID().uuidString)"
        try "# comment\nother:5432:*:*:nope\ndb.example.org:5432:unmn:unmn:fr\\:om-file\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let address = try PostgresAddress.parse("postgres://unmn@db.example.org/unmn?network=uz", environment: ["PGPASSFILE": path])
        #expect(address.password == "fr:om-file")
    }

    @Test("an address without a network, with an unsafe network name or an unsupported sslmode is refused with the reason")
    func refused() {
        for text in [
            "postgres://u@h/db", "postgres://u@h/db?network=", "postgres://u@h/db?network=a;drop",
            "postgres://u@h/db?network=uz&sslmode=sometimes",
        ] {
            #expect(throws: PostgresAddress.Invalid.self) { try PostgresAddress.parse(text, environment: [:]) }
        }
        #expect(PostgresAddress.isPostgres("postgresql://h/db?network=uz"))
        #expect(!PostgresAddress.isPostgres("/var/lib/unmn/journal"))
    }
}

/// TLS as libpq's sslmode asks, against a server that accepts only encrypted connections.
@Suite("The journal in PostgreSQL over TLS")
struct PostgresTLSTests {
    @Test("sslmode: disable is refused by a TLS-only server; require and prefer encrypt; verify-ca trusts only the given root")
    func modes() throws {
        let cluster = PostgresCluster(tlsOnly: true)
        defer { cluster.stop() }
        if let failure = cluster.failure { Issue.record(Comment(rawValue: failure)) }
        let url = cluster.url(network: "tls")
        func address(_ query: String) throws -> PostgresAddress { try PostgresAddress.parse(url + query, environment: [:]) }
        try PostgresJournal.create(at: try address("&sslmode=require"), batches: try PostgresJournalTests.founding(), osUser: "tester")

        #expect(throws: JournalError.self) {
            try PostgresJournal(address: try address("&sslmode=disable"), emailPolicy: PostgresJournalTests.policy, osUser: "tester")
        }
        for mode in ["require", "prefer"] {
            let journal = try PostgresJournal(
                address: try address("&sslmode=\(mode)"), emailPolicy: PostgresJournalTests.policy, osUser: "tester")
            #expect(journal.lastSequence == 2, "sslmode=\(mode)")
        }
        let verified = try PostgresJournal(
            address: try address("&sslmode=verify-ca&sslrootcert=\(cluster.certificate)"), emailPolicy: PostgresJournalTests.policy,
            osUser: "tester")
        try verified.commit(PostgresJournalTests.addFocalPoint(1), context: PostgresJournalTests.context())
        #expect(verified.lastSequence == 3)
        // The self-signed certificate is not in the system's trust store.
        #expect(throws: JournalError.self) {
            try PostgresJournal(address: try address("&sslmode=verify-full"), emailPolicy: PostgresJournalTests.policy, osUser: "tester")
        }
        #expect(try cluster.psql("SELECT count(*) FROM unmn.records WHERE network = 'tls'") == "3\n")
    }
}

/// A journal handed to another thread for one commit, then read only after that thread ended.
final class Handed<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Runs a blocking call on a thread of its own: the commit waits on the network, and on the
/// test pool's two threads it could keep the test itself from running meanwhile.
func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in Thread.detachNewThread { continuation.resume(returning: body()) } }
}

/// Faults that need a server of their own: stopping the shared one would fail other tests.
@Suite("The journal in PostgreSQL when the server goes away", .serialized)
struct PostgresFaultTests {
    @Test("the server stopped mid-session: refresh says unreachable, a commit saves nothing and says why; restarted: back by itself")
    func serverStopsAndReturns() throws {
        let cluster = PostgresCluster()
        defer { cluster.stop() }
        let address = try Self.founded(in: cluster, network: "uz")
        let journal = try PostgresJournal(
            address: address, emailPolicy: PostgresJournalTests.policy, osUser: "tester", reconnectInterval: 0,
            // Reading at every look: the test stops the server between looks, not between notices.
            quietInterval: 0)
        try cluster.restart { () throws in
            #expect(try journal.refresh().isEmpty)
            #expect(journal.unreachable == "the server at 127.0.0.1:\(cluster.port) does not answer")
            #expect(journal.isWritable)
            #expect(
                throws: CommitError.failed(
                    "Nothing was saved: the server at 127.0.0.1:\(cluster.port) does not answer. The console reconnects by itself.")
            ) {
                try journal.commit(PostgresJournalTests.addFocalPoint(1), context: PostgresJournalTests.context())
            }
        }
        // Back: the next look reconnects, and changes are saved again.
        #expect(try journal.refresh().isEmpty)
        #expect(journal.unreachable == nil)
        try journal.commit(PostgresJournalTests.addFocalPoint(2), context: PostgresJournalTests.context())
        #expect(journal.lastSequence == 3)
        #expect(try cluster.psql("SELECT count(*) FROM unmn.records WHERE network = 'uz'") == "3\n")
    }

    /// A new network holding the founding records, in a cluster of the test's own.
    static func founded(in cluster: PostgresCluster, network: String) throws -> PostgresAddress {
        if let failure = cluster.failure { Issue.record(Comment(rawValue: failure)) }
        let address = try PostgresAddress.parse(cluster.url(network: network), environment: [:])
        try PostgresJournal.create(at: address, batches: try PostgresJournalTests.founding(), osUser: "tester")
        return address
    }

    /// Makes inserts into network `slow` wait two seconds (after the server's own checks), so
    /// that a test can break the connection while one is in flight.
    static func slowInserts(_ cluster: PostgresCluster) throws {
        try cluster.psql(
            """
            CREATE FUNCTION unmn.zz_slow() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$;
            CREATE TRIGGER zz_slow BEFORE INSERT ON unmn.records FOR EACH ROW WHEN (NEW.network = 'slow') EXECUTE FUNCTION unmn.zz_slow();
            """)
    }

    /// Waits (up to ten seconds) until a console's INSERT is running on the server, held by the slow trigger.
    static func waitForInsertInFlight(_ cluster: PostgresCluster) async throws {
        for _ in 0..<200 {
            let running = try cluster.psql(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'INSERT INTO unmn.records%'")
            if running != "0\n" { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("no INSERT reached the server")
    }

    @Test("a connection broken while a record is in flight: looked up, decided again, stored once — never twice")
    func brokenInFlight() async throws {
        let cluster = PostgresCluster()
        defer { cluster.stop() }
        let address = try Self.founded(in: cluster, network: "slow")
        try Self.slowInserts(cluster)
        let journal = try PostgresJournal(address: address, emailPolicy: PostgresJournalTests.policy, osUser: "tester")
        let shared = Handed(journal)
        let commit = Task {
            await onThread {
                Result { () throws(CommitError) in
                    try shared.value.commit(PostgresJournalTests.addFocalPoint(1), context: PostgresJournalTests.context())
                }
            }
        }
        try await Self.waitForInsertInFlight(cluster)
        #expect(
            try cluster.psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE 'INSERT INTO unmn.records%'")
                == "1\n")
        let batch = try await commit.value.get()
        #expect(batch.summary.contains("Focal Point 1"))
        #expect(try cluster.psql("SELECT count(*) FROM unmn.records WHERE network = 'slow'") == "3\n")
        #expect(journal.lastSequence == 3)
    }

    @Test("the server gone while a record is in flight: the outcome is settled on reconnecting and said once")
    func unknownOutcomeSettled() async throws {
        let cluster = PostgresCluster()
        defer { cluster.stop() }
        let address = try Self.founded(in: cluster, network: "slow")
        try Self.slowInserts(cluster)
        let journal = try PostgresJournal(
            address: address, emailPolicy: PostgresJournalTests.policy, osUser: "tester", reconnectInterval: 0)
        let shared = Handed(journal)
        let commit = Task {
            await onThread { () -> String? in
                do {
                    try shared.value.commit(PostgresJournalTests.addFocalPoint(1), context: PostgresJournalTests.context())
                    return nil
                } catch {
                    return "\(error)"
                }
            }
        }
        try await Self.waitForInsertInFlight(cluster)
        try cluster.crash()
        let failure = await commit.value
        #expect(
            failure
                == "The database went away while saving (the server at 127.0.0.1:\(cluster.port) closed the connection). Whether Added "
                + "Focal Point 1 (UNICEF) as FP-0001 was saved will show once it is back; it is never saved twice.")
        #expect(journal.unreachable == "the server at 127.0.0.1:\(cluster.port) closed the connection")
        try cluster.start()
        #expect(try journal.refresh().isEmpty)
        #expect(journal.unreachable == nil)
        #expect(
            journal.takeSettlement()
                == "Reconnected. Added Focal Point 1 (UNICEF) as FP-0001 was not saved (the database did not receive it); do it again if "
                + "still wanted.")
        #expect(journal.takeSettlement() == nil)
        #expect(try cluster.psql("SELECT count(*) FROM unmn.records WHERE network = 'slow'") == "2\n")
    }
}
