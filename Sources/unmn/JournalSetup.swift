import ArgumentParser
import Foundation
import UNMNConsole
import UNMNDomain
import UNMNJournal
import UNMNPostgres
import UNMNResources

/// Where the journal is and what it starts from: the outer layer's wiring of paths, the OS
/// user and the shipped data.
struct JournalSetup {
    var location: JournalLocation
    var network: ShippedNetwork
    var emailPolicy: EmailPolicy
    var environment: [String: String]

    init(flag: String?) throws {
        environment = ProcessInfo.processInfo.environment
        location = JournalLocation.resolve(flag: flag, environment: environment)
        network = try ShippedNetwork.load()
        emailPolicy = EmailPolicy.parse(ShippedData.corporateEmailDomains)
    }

    var path: String { location.path }
    var displayPath: String {
        if isPostgres {
            return (try? PostgresAddress.parse(location.path, environment: environment).description) ?? "the PostgreSQL journal"
        }
        return location.abbreviated(environment: environment)
    }

    /// `--journal postgres://…`: the network's journal is in PostgreSQL.
    var isPostgres: Bool { PostgresAddress.isPostgres(location.path) }

    func postgresAddress() throws -> PostgresAddress {
        do { return try PostgresAddress.parse(location.path, environment: environment) } catch {
            CommandLineOutput.error("--journal: \(error.description).")
            throw ExitCode.validationFailure
        }
    }

    /// The journal wherever it is: the file (default) or the PostgreSQL network.
    func openStore(readOnly: Bool, login: String) throws -> any JournalStore {
        if isPostgres {
            return try PostgresJournal(
                address: postgresAddress(), emailPolicy: emailPolicy, osUser: Self.osUser, readOnly: readOnly,
                cacheDirectory: JournalLocation.cacheDirectory(environment: environment))
        }
        return try open(readOnly: readOnly, login: login)
    }

    /// Refuses a PostgreSQL journal for a command that works on files only, saying what to do.
    func requireFile(for command: String) throws {
        guard isPostgres else { return }
        CommandLineOutput.error(
            "`unmn \(command)` works on a journal file; for a PostgreSQL journal, `unmn journal pull` writes one to run it on.")
        throw ExitCode.validationFailure
    }

    /// The login name written into every record beside the operator.
    static var osUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }

    /// With `demo` the whole sample network, a sandbox; otherwise the founding record and the
    /// creating login's grant as the first secretariat, in the founder's name.
    /// `login` is who the founder acts as: the OS account for a file, the database role for PostgreSQL.
    func initialBatches(demo: Bool, founder name: String, now: Instant, login: String = osUser) throws -> [EventBatch] {
        if demo { return try SampleNetwork.batches(entities: network.entities, emailPolicy: emailPolicy, sandbox: true) }
        let founder = Operator(name: name, entity: "IOM", role: .secretariat)
        var (state, founding) = NetworkState.founding(
            entities: network.entities, emailPolicy: emailPolicy, by: founder, at: now, login: login)
        let grant = Grant(login: login, name: name, entity: "IOM", role: .secretariat)
        let granted = try state.execute(.grantAccess(grant), context: CommandContext(operator: founder, now: now, login: login))
        return [founding, granted]
    }

    /// Creates the journal's directory (private, 0700, when unmn makes it) and the journal.
    func create(demo: Bool, founder name: String = "", at path: String? = nil) throws {
        let target = path ?? self.path
        let directory = (target as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try Journal.create(at: target, batches: initialBatches(demo: demo, founder: name, now: Instant.now), osUser: Self.osUser)
    }

    func open(path: String? = nil, readOnly: Bool, login: String? = nil) throws -> Journal {
        try Journal(path: path ?? self.path, emailPolicy: emailPolicy, osUser: Self.osUser, login: login, readOnly: readOnly)
    }

    /// True when the effective user owns the file (the service account, under the gateway).
    static func ownsFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_uid == geteuid()
    }
}
