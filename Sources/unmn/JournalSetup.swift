import Foundation
import UNMNConsole
import UNMNDomain
import UNMNJournal
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
    var displayPath: String { location.abbreviated(environment: environment) }

    /// The login name written into every record beside the operator.
    static var osUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(geteuid())"
    }

    /// With `demo` the whole sample network, a sandbox; otherwise the founding record and the
    /// creating login's grant as the first secretariat, in the founder's name.
    func initialBatches(demo: Bool, founder name: String, now: Instant) throws -> [EventBatch] {
        if demo { return try SampleNetwork.batches(entities: network.entities, emailPolicy: emailPolicy, sandbox: true) }
        let founder = Operator(name: name, entity: "IOM", role: .secretariat)
        var (state, founding) = NetworkState.founding(
            entities: network.entities, emailPolicy: emailPolicy, by: founder, at: now, login: Self.osUser)
        let grant = Grant(login: Self.osUser, name: name, entity: "IOM", role: .secretariat)
        let granted = try state.execute(.grantAccess(grant), context: CommandContext(operator: founder, now: now, login: Self.osUser))
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
