import Foundation
import TestSupport
import Testing
import UNMNDomain
import UNMNJournal
import UNMNPostgres

/// kill -9 against processes appending to the journal — a file, and a network in PostgreSQL,
/// through the same tests: after every kill, each record a writer had been told was saved is
/// there, the sequence is contiguous, and the journal opens cleanly.
@Suite("kill -9 loop, on both stores")
struct CrashLoopTests {
    /// Where the writers append, and how the test reads what they left.
    enum Store: String, CaseIterable, CustomTestStringConvertible {
        case file, postgres
        var testDescription: String { rawValue }

        static let policy = EmailPolicy(corporateDomains: ["ilo.org"])

        /// A new journal's location for `unmn-stress` (which creates it).
        func location(in directory: String) -> String {
            switch self {
            case .file: return directory + "/journal"
            case .postgres: return PostgresCluster.shared.url(network: "kill" + UUID().uuidString.prefix(8).lowercased())
            }
        }

        func exists(_ location: String) -> Bool {
            switch self {
            case .file: return access(location, F_OK) == 0
            case .postgres: return (try? open(location)) != nil
            }
        }

        /// Opened as a console would (recovering a torn tail of a file).
        func open(_ location: String) throws -> any JournalStore {
            switch self {
            case .file: return try Journal(path: location, emailPolicy: Self.policy, osUser: "test", useSnapshot: false)
            case .postgres:
                return try PostgresJournal(
                    address: try PostgresAddress.parse(location, environment: [:]), emailPolicy: Self.policy, osUser: "test")
            }
        }

        /// What `unmn check` reads: every record, and the first problem.
        func check(_ location: String) throws -> JournalScan {
            switch self {
            case .file: return try JournalMaintenance.check(path: location)
            case .postgres:
                let lines = try PostgresJournal.lines(at: try PostgresAddress.parse(location, environment: [:])).lines
                return lines.withUnsafeBytes { JournalScan.scan($0) }
            }
        }
    }

    static var writer: String { (TmuxSession.binary as NSString).deletingLastPathComponent + "/unmn-stress" }

    static func acknowledged(_ output: String) -> [UInt64] {
        ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { UInt64($0) }
    }

    @Test("After every kill each acknowledged record is present", arguments: Store.allCases)
    func killLoop(store: Store) throws {
        if store == .postgres, let failure = PostgresCluster.shared.failure { Issue.record(Comment(rawValue: failure)) }
        let directory = try makeTestDirectory("kill")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = store.location(in: directory)
        var acknowledged: UInt64 = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<6 {
            let output = directory + "/acknowledged-\(round)"
            let pid = try Subprocess.spawn([Self.writer, journal], output: output)
            // The first writer creates the journal: killed before that (a slow start on a busy
            // machine), there would be nothing to open.
            var waited = 0
            while round == 0 && !store.exists(journal) && waited < 400 {
                usleep(25_000)
                waited += 1
            }
            // Let it write, then kill it mid-stride.
            usleep(UInt32.random(in: 80_000...250_000, using: &generator) + (store == .postgres && round == 0 ? 300_000 : 0))
            kill(pid, SIGKILL)
            _ = Subprocess.wait(pid)
            acknowledged = max(acknowledged, Self.acknowledged(output).last ?? 0)
            // Opening recovers a torn tail if the kill cut a write; every acknowledged record is kept.
            let opened = try store.open(journal)
            #expect(opened.isWritable, "round \(round)")
            #expect(opened.lastSequence >= acknowledged, "round \(round): \(opened.lastSequence) < acknowledged \(acknowledged)")
            let scan = try store.check(journal)
            #expect(scan.problem == nil, "round \(round)")
            #expect(scan.records.map(\.sequence) == Array(1...UInt64(scan.records.count)))
        }
        #expect(acknowledged > 10, "the writer should have saved records (saved \(acknowledged))")
    }

    @Test("Two processes appending at once: contiguous sequences, nothing lost, no duplicate", arguments: Store.allCases)
    func twoProcesses(store: Store) throws {
        if store == .postgres, let failure = PostgresCluster.shared.failure { Issue.record(Comment(rawValue: failure)) }
        let directory = try makeTestDirectory("two")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = store.location(in: directory)
        // The first creates the journal; the second joins once it exists.
        let first = try Subprocess.spawn([Self.writer, journal], output: directory + "/a")
        var waited = 0
        while !store.exists(journal) && waited < 400 {
            usleep(25_000)
            waited += 1
        }
        let second = try Subprocess.spawn([Self.writer, journal], output: directory + "/b")
        usleep(store == .postgres ? 1_200_000 : 400_000)
        for pid in [first, second] {
            kill(pid, SIGKILL)
            _ = Subprocess.wait(pid)
        }
        let printed = ["a", "b"].map { Self.acknowledged(directory + "/" + $0) }
        #expect(!printed[0].isEmpty && !printed[1].isEmpty, "both writers should have saved records")
        #expect(Set(printed[0]).isDisjoint(with: printed[1]))
        let opened = try store.open(journal)
        let scan = try store.check(journal)
        #expect(scan.problem == nil)
        #expect(scan.records.map(\.sequence) == Array(1...UInt64(scan.records.count)))
        #expect(opened.lastSequence >= (printed.flatMap { $0 }.max() ?? 0))
        #expect(Set(opened.state.focalPoints.map(\.id)).count == opened.state.focalPoints.count)
    }
}
