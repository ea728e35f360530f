import Foundation
import Testing
import UNMNDomain

@testable import UNMNJournal

/// Issue 14: a record with a valid checksum that the rules or the roster would have refused is
/// damage, found by the console and by `check`, named with the record and why.
@Suite("Replay verifies every record")
struct ReplayVerificationTests {
    static let dilnoza = Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)
    static let laura = Operator(name: "Laura Bianchi", entity: "IOM", role: .chair)
    static let gulnora = Operator(name: "Gulnora Karimova", entity: "UNICEF", role: .member)
    static let aziz = Operator(name: "Azizbek Rahimov", entity: "ILO", role: .member)

    /// A real network: founded, three grants, an item ILO objects to.
    static func genuine() throws -> (state: NetworkState, batches: [EventBatch]) {
        let day = JournalFixture.today
        var (state, founding) = NetworkState.founding(
            entities: JournalFixture.entities, emailPolicy: JournalFixture.policy, by: dilnoza, at: Instant(tashkent: day, hour: 8),
            login: "dilnoza")
        var batches = [founding]
        func run(_ command: Command, _ op: Operator, _ login: String) throws {
            batches.append(
                try state.execute(command, context: CommandContext(operator: op, now: Instant(tashkent: day, hour: 9), login: login)))
        }
        try run(.grantAccess(Grant(login: "dilnoza", name: dilnoza.name, entity: "IOM", role: .secretariat)), dilnoza, "dilnoza")
        try run(.grantAccess(Grant(login: "laura", name: laura.name, entity: "IOM", role: .chair)), dilnoza, "dilnoza")
        try run(.grantAccess(Grant(login: "gulnora", name: gulnora.name, entity: "UNICEF", role: .member)), dilnoza, "dilnoza")
        try run(.grantAccess(Grant(login: "aziz", name: aziz.name, entity: "ILO", role: .member)), dilnoza, "dilnoza")
        try run(
            .openItem(
                ConsensusItemDraft(
                    title: "Statement", text: "Text", kind: .jointStatement, raisedAt: .writtenConsultation,
                    deadline: day.adding(days: 9))),
            dilnoza, "dilnoza")
        try run(
            .recordPosition(item: "UNMN/2026/001", entity: "ILO", .object(reason: "Not in our mandate"), source: .console), aziz, "aziz")
        return (state, batches)
    }

    func journal(with forged: EventBatch, after batches: [EventBatch]) throws -> String {
        let path = JournalFixture.directory() + "/journal"
        try Journal.create(at: path, batches: batches + [forged], osUser: "dilnoza")
        return path
    }

    func closure(_ op: Operator) -> ConsensusItem.Closure {
        ConsensusItem.Closure(by: op.name, entity: op.entity, at: Instant(tashkent: JournalFixture.today, hour: 12), statement: "Adopted.")
    }

    static let at = Instant(tashkent: JournalFixture.today, hour: 12)

    struct Forgery: CustomTestStringConvertible, Sendable {
        var name: String
        var batch: @Sendable (NetworkState) -> EventBatch
        var reason: String
        var testDescription: String { name }
    }

    static let forgeries: [Forgery] = [
        Forgery(
            name: "a member adopts while ILO objects",
            batch: { _ in
                EventBatch(
                    operator: gulnora, at: at,
                    events: [
                        .itemClosed(
                            "UNMN/2026/001", .adopted(decisionNumber: "2026/01"),
                            ConsensusItem.Closure(by: gulnora.name, entity: "UNICEF", at: at, statement: "Adopted."))
                    ],
                    summary: "Adopted UNMN/2026/001", command: .adoptItem("UNMN/2026/001", statement: "Adopted."), login: "gulnora")
            },
            reason:
                "Gulnora Karimova (UNICEF member) could not have done this: Cannot adopt UNMN/2026/001: only the chair or co-chair closes"),
        Forgery(
            name: "the chair adopts over an objection",
            batch: { _ in
                EventBatch(
                    operator: laura, at: at,
                    events: [
                        .itemClosed(
                            "UNMN/2026/001", .adopted(decisionNumber: "2026/01"),
                            ConsensusItem.Closure(by: laura.name, entity: "IOM", at: at, statement: "Adopted."))
                    ],
                    summary: "Adopted UNMN/2026/001", command: .adoptItem("UNMN/2026/001", statement: "Adopted."), login: "laura")
            },
            reason: "ILO objects: Not in our mandate"),
        Forgery(
            name: "a position for an entity that does not exist",
            batch: { _ in
                let record = PositionRecord(entity: "EVIL", position: .agree, source: .console, recordedBy: dilnoza.name, at: at)
                return EventBatch(
                    operator: dilnoza, at: at, events: [.positionRecorded(item: "UNMN/2026/001", record)], summary: "Recorded",
                    command: .recordPosition(item: "UNMN/2026/001", entity: "EVIL", .agree, source: .console), login: "dilnoza")
            },
            reason: "EVIL is not an entity of the network"),
        Forgery(
            name: "events that are not what the command decides (a duplicate decision number)",
            batch: { _ in
                let record = PositionRecord(entity: "UNICEF", position: .agree, source: .console, recordedBy: gulnora.name, at: at)
                return EventBatch(
                    operator: gulnora, at: at,
                    events: [
                        .positionRecorded(item: "UNMN/2026/001", record),
                        .itemClosed(
                            "UNMN/2026/001", .adopted(decisionNumber: "2026/01"),
                            ConsensusItem.Closure(by: gulnora.name, entity: "UNICEF", at: at, statement: "x")),
                    ],
                    summary: "Recorded", command: .recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .agree, source: .console),
                    login: "gulnora")
            },
            reason: "its events are not what its command decides"),
        Forgery(
            name: "a position recorded in someone else's name",
            batch: { _ in
                let record = PositionRecord(entity: "UNICEF", position: .agree, source: .console, recordedBy: laura.name, at: at)
                return EventBatch(
                    operator: gulnora, at: at, events: [.positionRecorded(item: "UNMN/2026/001", record)], summary: "Recorded",
                    command: .recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .agree, source: .console), login: "gulnora")
            },
            reason: "its events are not what its command decides"),
        Forgery(
            name: "an objection whose recorded reason is not the command's",
            batch: { _ in
                let record = PositionRecord(
                    entity: "UNICEF", position: .object(reason: "We never said this"), source: .console, recordedBy: gulnora.name, at: at)
                return EventBatch(
                    operator: gulnora, at: at, events: [.positionRecorded(item: "UNMN/2026/001", record)], summary: "Recorded",
                    command: .recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .object(reason: "Timing"), source: .console),
                    login: "gulnora")
            },
            reason: "its events are not what its command decides"),
        Forgery(
            name: "a second founding",
            batch: { _ in
                EventBatch(
                    operator: dilnoza, at: at,
                    events: [.networkFounded(entities: [MemberEntity(code: "EVIL", fullName: "Evil", role: .chair)])],
                    summary: "Founded",
                    command: .found(entities: [MemberEntity(code: "EVIL", fullName: "Evil", role: .chair)], sandbox: true),
                    login: "dilnoza")
            },
            reason: "the network was founded already"),
        Forgery(
            name: "a login without a grant",
            batch: { _ in
                let record = PositionRecord(entity: "UNICEF", position: .agree, source: .console, recordedBy: gulnora.name, at: at)
                return EventBatch(
                    operator: gulnora, at: at, events: [.positionRecorded(item: "UNMN/2026/001", record)], summary: "Recorded",
                    command: .recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .agree, source: .console), login: "mallory")
            },
            reason: "mallory has no access to this network"),
        Forgery(
            name: "someone else's login",
            batch: { _ in
                EventBatch(
                    operator: laura, at: at,
                    events: [
                        .itemClosed(
                            "UNMN/2026/001", .withdrawn, ConsensusItem.Closure(by: laura.name, entity: "IOM", at: at, statement: "x"))
                    ],
                    summary: "Withdrew", command: .withdrawItem("UNMN/2026/001", statement: "x"), login: "gulnora")
            },
            reason: "gulnora is Gulnora Karimova, not Laura Bianchi"),
        Forgery(
            name: "a record written by hand, without its command, after verified records",
            batch: { _ in
                EventBatch(operator: dilnoza, at: at, events: [.workPlanDrafted(year: 2026)], summary: "Drafted")
            },
            reason: "it has no command, and records before it do"),
    ]

    @Test("A forged record is damage: the console opens read-only naming it, and check exits with the damage", arguments: forgeries)
    func forged(_ forgery: Forgery) throws {
        let (state, batches) = try Self.genuine()
        let path = try journal(with: forgery.batch(state), after: batches)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "dilnoza")
        guard case .readOnly(let reason) = journal.mode else {
            Issue.record("the forged record was accepted")
            return
        }
        #expect(reason.hasPrefix("record \(batches.count + 1) at byte "))
        #expect(reason.contains(forgery.reason), "\(reason)")
        #expect(journal.state.batchCount == batches.count)
        let scan = try JournalMaintenance.check(path: path, emailPolicy: JournalFixture.policy)
        guard case .damaged(let record, _, let why)? = scan.problem else {
            Issue.record("check called it intact")
            return
        }
        #expect(record == UInt64(batches.count + 1))
        #expect(why.contains(forgery.reason))
    }

    /// Pieces after the one being verified are read ahead on another thread; a forged record
    /// must stop the replay exactly where it stops when the journal is read whole.
    @Test(
        "A forged record followed by more records, read in small pieces ahead of replay, stops replay at the same record",
        arguments: [150, 400, 700, 1_500, 2_500, 4_096])
    func forgedBeforeMorePieces(piece: Int) throws {
        let (state, batches) = try Self.genuine()
        let forgery = try #require(Self.forgeries.first)
        let path = JournalFixture.directory() + "/journal"
        try Journal.create(at: path, batches: batches + [forgery.batch(state)] + batches.suffix(4), osUser: "dilnoza")
        let whole = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "dilnoza", readOnly: true, useSnapshot: false)
        let pieced = try Journal.$readPiece.withValue(piece) {
            try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "dilnoza", readOnly: true, useSnapshot: false)
        }
        for journal in [whole, pieced] {
            guard case .readOnly(let reason) = journal.mode else {
                Issue.record("the forged record was accepted")
                return
            }
            #expect(reason.hasPrefix("record \(batches.count + 1) at byte "), "\(reason)")
            #expect(journal.state.batchCount == batches.count && journal.lastSequence == UInt64(batches.count))
        }
        // The same state, undo plans included: a person with a record past the forged one cannot
        // undo, wherever the pieces end.
        #expect(pieced.state == whole.state)
        #expect(pieced.offset == whole.offset && pieced.offset < JournalFixture.bytes(path).count)
    }

    /// Replay plans undo only for changes whose plan will be read (a person's last, or one their
    /// next change undoes); when damage stops it first, no older plan may stand in for the last.
    @Test("After damage, a person whose later change was forged cannot undo; the others' plans are as recorded")
    func undoAfterDamage() throws {
        let (state, batches) = try Self.genuine()
        let record = PositionRecord(entity: "ILO", position: .agree, source: .console, recordedBy: Self.aziz.name, at: Self.at)
        let forged = EventBatch(
            operator: Self.aziz, at: Self.at, events: [.positionRecorded(item: "UNMN/2026/001", record)], summary: "Recorded",
            command: .recordPosition(item: "UNMN/2026/001", entity: "ILO", .object(reason: "Changed"), source: .console), login: "aziz")
        let journal = try Journal(path: try journal(with: forged, after: batches), emailPolicy: JournalFixture.policy, osUser: "dilnoza")
        guard case .readOnly = journal.mode else {
            Issue.record("the forged record was accepted")
            return
        }
        guard case .impossible(let summary, let reason)? = journal.state.undoPlan(for: Self.aziz) else {
            Issue.record("Aziz's plan: \(String(describing: journal.state.undoPlan(for: Self.aziz)))")
            return
        }
        #expect(summary == batches.last?.summary)
        #expect(reason.contains("until it is repaired"))
        #expect(journal.state.undoPlan(for: Self.dilnoza) == state.undoPlan(for: Self.dilnoza))
        #expect(journal.state.undoPlan(for: Self.dilnoza) != nil)
    }

    @Test("A revoked login's later record is refused")
    func revoked() throws {
        var (state, batches) = try Self.genuine()
        let context = CommandContext(operator: Self.dilnoza, now: Self.at, login: "dilnoza")
        batches.append(try state.execute(.revokeAccess(login: "gulnora"), context: context))
        let record = PositionRecord(entity: "UNICEF", position: .agree, source: .console, recordedBy: Self.gulnora.name, at: Self.at)
        let forged = EventBatch(
            operator: Self.gulnora, at: Self.at, events: [.positionRecorded(item: "UNMN/2026/001", record)], summary: "Recorded",
            command: .recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .agree, source: .console), login: "gulnora")
        let path = try journal(with: forged, after: batches)
        let scan = try JournalMaintenance.check(path: path, emailPolicy: JournalFixture.policy)
        guard case .damaged(_, _, let why)? = scan.problem else {
            Issue.record("a revoked login's record was accepted")
            return
        }
        #expect(why.contains("gulnora has no access to this network"))
    }

    @Test("The genuine journal verifies, and a journal from before verification still opens")
    func genuineAndOld() throws {
        let (_, batches) = try Self.genuine()
        let path = JournalFixture.directory() + "/journal"
        try Journal.create(at: path, batches: batches, osUser: "dilnoza")
        #expect(try JournalMaintenance.check(path: path, emailPolicy: JournalFixture.policy).problem == nil)
        let old = JournalFixture.directory() + "/journal"
        let unverified = batches.prefix(1).map { batch -> EventBatch in
            var stripped = batch
            stripped.command = nil
            stripped.login = nil
            return stripped
        }
        try Journal.create(at: old, batches: unverified, osUser: "dilnoza")
        let (scan, _, count, _) = try JournalMaintenance.verify(path: old, emailPolicy: JournalFixture.policy)
        #expect(scan.problem == nil)
        #expect(count == 1)
    }
}
