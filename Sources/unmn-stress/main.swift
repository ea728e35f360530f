import Foundation
import UNMNDomain
import UNMNJournal
import UNMNPostgres

// unmn-stress: appends records to a journal (a file, or a postgres:// network) as fast as it can,
// printing each sequence number once its record is acknowledged (fdatasynced, or committed). The kill -9 test kills it at random
// and then checks that every acknowledged record survived. Not installed with unmn.
#if canImport(Glibc)
    import Glibc
#endif

func complain(_ message: String) {
    let bytes = Array((message + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    complain("usage: unmn-stress JOURNAL|URL (created if missing; appends until killed)")
    exit(64)
}
let path = arguments[1]
let policy = EmailPolicy(corporateDomains: ["ilo.org"])
let op = Operator(name: "stress", entity: "IOM", role: .secretariat)
let entities = [
    MemberEntity(code: "IOM", fullName: "International Organization for Migration", role: .chair),
    MemberEntity(code: "ILO", fullName: "International Labour Organization", role: .member),
]
let start = Instant(secondsSinceEpoch: 1_790_000_000)
do {
    let founding = [NetworkState.founding(entities: entities, emailPolicy: policy, by: op, at: start).batch]
    let journal: any JournalStore
    if PostgresAddress.isPostgres(path) {
        let address = try PostgresAddress.parse(path, environment: ProcessInfo.processInfo.environment)
        // The first writer creates the network; the others find it there.
        do { try PostgresJournal.create(at: address, batches: founding, osUser: "stress") } catch {
            guard case .alreadyExists = error else { throw error }
        }
        journal = try PostgresJournal(address: address, emailPolicy: policy, osUser: "stress")
    } else {
        if access(path, F_OK) != 0 { try Journal.create(at: path, batches: founding, osUser: "stress") }
        journal = try Journal(path: path, emailPolicy: policy, osUser: "stress", useSnapshot: false)
    }
    var index = journal.state.focalPoints.count
    while true {
        let draft = FocalPointDraft(
            entity: "ILO", name: "Person \(index)", position: "Officer", level: .other, email: "p\(getpid())-\(index)@ilo.org")
        _ = try journal.commit(.addFocalPoint(draft), context: CommandContext(operator: op, now: start))
        let line = Array("\(journal.lastSequence)\n".utf8)
        _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        index += 1
    }
} catch {
    complain("unmn-stress: \(error)")
    exit(1)
}
