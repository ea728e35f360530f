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

    /// The founding record, and with `demo` the whole sample network.
    func initialBatches(demo: Bool, now: Instant) throws -> [EventBatch] {
        if demo { return try SampleNetwork.batches(entities: network.entities, emailPolicy: emailPolicy) }
        let founder = Operator(name: Self.osUser, entity: "IOM", role: .secretariat)
        return [NetworkState.founding(entities: network.entities, emailPolicy: emailPolicy, by: founder, at: now).batch]
    }

    /// Creates the journal's directory (private, 0700, when unmn makes it) and the journal.
    func create(demo: Bool, at path: String? = nil) throws {
        let target = path ?? self.path
        let directory = (target as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try Journal.create(at: target, batches: initialBatches(demo: demo, now: Instant.now), osUser: Self.osUser)
    }

    func open(path: String? = nil, readOnly: Bool) throws -> Journal {
        try Journal(path: path ?? self.path, emailPolicy: emailPolicy, osUser: Self.osUser, readOnly: readOnly)
    }
}
