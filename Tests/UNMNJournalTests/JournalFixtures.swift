import Foundation
import UNMNDomain

@testable import UNMNJournal

enum JournalFixture {
    static let entities: [MemberEntity] = [
        MemberEntity(code: "IOM", fullName: "International Organization for Migration", role: .chair),
        MemberEntity(code: "UNRC", fullName: "United Nations Resident Coordinator", role: .coChair),
        MemberEntity(code: "ILO", fullName: "International Labour Organization", role: .member),
        MemberEntity(code: "UNICEF", fullName: "United Nations Children's Fund", role: .member),
    ]
    static let policy = EmailPolicy(corporateDomains: ["iom.int", "un.org", "ilo.org", "unicef.org"])
    static let secretariat = Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)
    static let today = LocalDate(year: 2026, month: 11, day: 29)!

    static func context(hour: Int = 10) -> CommandContext {
        CommandContext(operator: secretariat, now: Instant(tashkent: today, hour: hour))
    }

    static func founding() -> EventBatch {
        NetworkState.founding(entities: entities, emailPolicy: policy, by: secretariat, at: Instant(tashkent: today, hour: 9)).batch
    }

    /// A fresh directory under the temporary directory.
    static func directory() -> String {
        let path = NSTemporaryDirectory() + "unmn-journal-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A journal with the founding and `count` focal points added, one record each.
    static func journal(records count: Int, in directory: String = directory()) throws -> String {
        let path = directory + "/journal"
        try Journal.create(at: path, batches: [founding()], osUser: "tester")
        let journal = try Journal(path: path, emailPolicy: policy, osUser: "tester")
        for index in 0..<count { try journal.commit(addFocalPoint(index), context: context()) }
        return path
    }

    static func addFocalPoint(_ index: Int) -> Command {
        .addFocalPoint(
            FocalPointDraft(
                entity: index % 2 == 0 ? "ILO" : "UNICEF", name: "Ўлмас \(index)", position: "Officer", level: .other,
                email: "person\(index)@\(index % 2 == 0 ? "ilo" : "unicef").org"))
    }

    static func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path)!) }
    static func write(_ bytes: [UInt8], to path: String) { _ = FileManager.default.createFile(atPath: path, contents: Data(bytes)) }

    /// The state the records of `scan` build.
    static func replay(_ records: [JournalRecord]) -> NetworkState {
        var state = NetworkState(emailPolicy: policy)
        for record in records { state.apply(record.batch) }
        return state
    }
}
