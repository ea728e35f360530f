import Foundation
import TestSupport
import Testing

@testable import UNMNDomain

/// Random but plausible commands against the current state, from random operators.
struct CommandGenerator {
    var rng: SeededGenerator
    let operators = [
        Fixture.secretariat, Fixture.chair, Fixture.coChair, Fixture.unicef, Fixture.viewer,
        Operator(name: "Aziz Rahimov", entity: "ILO", role: .member),
    ]

    mutating func pick<T>(_ values: [T]) -> T? { values.isEmpty ? nil : values[Int.random(in: 0..<values.count, using: &rng)] }

    // swiftlint:disable:next function_body_length
    mutating func next(in state: NetworkState, day: LocalDate) -> (Command, Operator) {
        let op = pick(operators)!
        let codes = state.entities.map(\.code) + ["UNOPS", "ITC"]
        let entity = pick(codes)!
        let meeting = pick(state.meetings.map(\.reference)) ?? "MTG/2026/01"
        let item = pick(state.items.map(\.reference)) ?? "UNMN/2026/001"
        let year = pick([2026, 2027])!
        let action = pick(state.workPlans[year]?.actions.map(\.code) ?? []) ?? "A1"
        let point = pick(state.focalPoints.map(\.id)) ?? "FP-0001"
        let later = day.adding(days: Int.random(in: -5...60, using: &rng))
        let positions: [Position] = [.agree, .standAside(reason: nil), .object(reason: pick(["", "mandate", "wording"])!)]
        let commands: [Command] = [
            .addFocalPoint(
                FocalPointDraft(
                    entity: entity, name: pick(["Oʻgʻiloy", "Ўлмас", "Aziz", ""])!, position: "Officer", level: .other,
                    email: pick(["a@unicef.org", "b@ilo.org", "c@gmail.com", "bad"])!, isOnMailingList: Bool.random(using: &rng),
                    exceptionReason: pick([String?.none, "account suspended"])!)),
            .setMailingList(focalPoint: point, on: Bool.random(using: &rng)),
            .retireFocalPoint(id: point, on: day),
            .markMailingListRequestSent,
            .proposeAdmission(
                code: pick(["UNOPS", "ITC", "ILO"])!, fullName: "Applicant", text: "Join", deadline: later, raisedAt: .writtenConsultation),
            .recordWithdrawal(entity, on: day, note: "leaving"),
            .scheduleMeeting(
                MeetingDraft(
                    kind: pick([.regular, .extraordinary, .requested(by: [entity])])!, date: later, startMinute: 600, location: "UN House",
                    mode: pick([Meeting.Mode?.none, .inPerson, .virtual, .hybrid])!)),
            .recordAttendance(
                meeting: meeting, entity: entity, pick([Meeting.Attendance?.none, .absent, .apologies, .present(focalPoints: [])])!),
            .addAgendaItem(meeting: meeting, title: "Item"),
            .writeMinutes(meeting: meeting, item: Int.random(in: 0...2, using: &rng), text: "Discussed."),
            .finaliseMinutes(meeting),
            .amendMinutes(meeting, text: "Correction"),
            .shareMinutesWithRCO(meeting, on: day),
            .addActionPoint(meeting: meeting, text: "Follow up", responsible: [entity], due: later),
            .updateActionPoint(
                pick(state.actionPoints.map(\.id)) ?? "AP/2026/001", status: pick(ActionPoint.Status.allCases)!, note: pick(["", "note"])!),
            .draftWorkPlan(year: year),
            .addKeyAction(
                year: year,
                KeyActionDraft(
                    code: "A\(Int.random(in: 1...4, using: &rng))", title: "Action", lead: entity,
                    starts: LocalDate(year: year, month: 1, day: 1)!, ends: LocalDate(year: year, month: 12, day: 31)!,
                    budgetRequired: 1000, budgetFunded: Decimal(Int.random(in: 0...2000, using: &rng)),
                    gcmObjectives: [Int.random(in: 0...24, using: &rng)])),
            .recordProgress(
                year: year, code: action, percent: Int.random(in: -5...105, using: &rng), status: pick(KeyAction.Status.allCases)!, note: ""
            ),
            .endorseWorkPlan(year: year, on: day, reference: pick([meeting.rawValue, item.rawValue])!),
            .closeWorkPlan(year: year, on: day),
            .openItem(
                ConsensusItemDraft(
                    title: "Item", text: "Text", kind: pick([.general, .jointStatement, .workPlanEndorsement(year: year)])!,
                    raisedAt: .writtenConsultation, deadline: later)),
            .recordPosition(item: item, entity: entity, pick(positions)!, source: pick(PositionRecord.Source.allCases)!),
            .recordPosition(item: item, entity: op.entity, pick(positions)!, source: .console),
            .adoptItem(item, statement: pick(["", "Adopted"])!),
            .rejectItem(item, statement: "No"),
            .deferItem(item, newDeadline: later, statement: "Later"),
            .withdrawItem(item, statement: "Gone"),
            .undo,
        ]
        return (pick(commands)!, op)
    }
}

@Suite("Properties over random command sequences")
struct PropertyTests {
    /// Checks what must hold whatever happened.
    func checkInvariants(_ state: NetworkState) {
        for item in state.items {
            #expect(item.history.count >= item.positions.count)
            for record in item.positions {
                #expect(record.position != nil)
                if case .object(let reason)? = record.position { #expect(!reason.isEmpty) }
                #expect(state.entity(record.entity) != nil)
            }
            if case .adopted = item.status, case .admission(let code, _) = item.kind { #expect(state.entity(code)?.isMember == true) }
            if item.status.isClosed { #expect(item.closure != nil) }
        }
        for plan in state.workPlans.values {
            for action in plan.actions {
                #expect((0...100).contains(action.progress))
                #expect(action.starts.year == plan.year && action.ends.year == plan.year)
                #expect(action.gcmObjectives.allSatisfy { (1...23).contains($0) })
                #expect(action.budgetRequired >= 0 && action.budgetFunded >= 0)
            }
        }
        for meeting in state.meetings where meeting.status.isLocked { #expect(meeting.mode != nil) }
        for point in state.focalPoints {
            let last = state.mailingListChanges.last { $0.focalPointID == point.id }
            #expect(point.isOnMailingList == (last?.added ?? false), "\(point.id) list flag disagrees with its last change")
            if !point.isActive { #expect(!point.isOnMailingList) }
        }
        let numbers = state.items.compactMap { if case .adopted(let n) = $0.status { return n } else { return nil } }
        #expect(Set(numbers).count == numbers.count)
        // The lists apply keeps, as their plain definitions give them.
        #expect(state.openItemIndices == state.items.indices.filter { !state.items[$0].status.isClosed })
        let adoptedInOrder = state.items.indices.filter { state.items[$0].status.isAdopted }.sorted { a, b in
            guard case .adopted(let first) = state.items[a].status, case .adopted(let second) = state.items[b].status else { return false }
            return (Decision.parts(of: first).year, Decision.parts(of: first).sequence, a)
                < (Decision.parts(of: second).year, Decision.parts(of: second).sequence, b)
        }
        #expect(state.decisionItemIndices == adoptedInOrder)
        for year in Set(state.items.compactMap { $0.closure?.at.tashkentDate.year }) {
            #expect(state.decisionIndices(year: year) == adoptedInOrder.filter { state.items[$0].closure?.at.tashkentDate.year == year })
        }
        #expect(state.decisionsLog().map(\.item.reference) == adoptedInOrder.map { state.items[$0].reference })
        let chairs = state.entities.filter { $0.role == .chair }
        #expect(chairs.allSatisfy { $0.isMember })
    }

    @Test(
        "Random valid sequences keep every invariant; replaying the events rebuilds the same state",
        arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomSequences(seed: UInt64) throws {
        let founding = NetworkState.founding(
            entities: Fixture.entities, emailPolicy: Fixture.policy, by: Fixture.secretariat,
            at: Instant(tashkent: LocalDate(year: 2026, month: 1, day: 5)!))
        var state = founding.state
        var batches = [founding.batch]
        var generator = CommandGenerator(rng: SeededGenerator(state: seed))
        var day = LocalDate(year: 2026, month: 1, day: 5)!
        var accepted = 0
        for step in 0..<1200 {
            if step % 10 == 0 { day = day.adding(days: 3) }
            let (command, op) = generator.next(in: state, day: day)
            guard let batch = try? state.decide(command, context: Fixture.context(op, on: day)) else { continue }
            state.apply(batch)
            batches.append(batch)
            accepted += 1
            checkInvariants(state)
        }
        #expect(accepted > 100, "the generator should produce plenty of valid commands (got \(accepted))")

        var replayed = NetworkState(emailPolicy: Fixture.policy)
        for batch in batches { replayed.apply(batch) }
        #expect(replayed == state)

        // As a journal replays them: verified, and planning only the undo plans that will be
        // read (every undo is decided again from its plan). The same state, undo plans included.
        var verified = NetworkState(emailPolicy: Fixture.policy)
        let planned = NetworkState.needsUndoPlan(batches)
        for (batch, needsPlan) in zip(batches, planned) {
            #expect(verified.verify(batch) == nil, "\(batch.summary)")
            // As the journal verifies it: a position's or progress's events compared apart.
            #expect(verified.verify(batch, eventsArePlain: batch.eventsArePlain) == nil, "\(batch.summary)")
            verified.apply(batch, planningUndo: needsPlan)
        }
        #expect(verified == state)
        #expect(planned.contains(false) && batches.contains { $0.isUndo })

        // The decisions log, as the plain definition gives it: every adopted item, in number order.
        let adopted = state.items.compactMap { item -> (String, LocalDate)? in
            guard case .adopted(let number) = item.status, let closure = item.closure else { return nil }
            return (number, closure.at.tashkentDate)
        }
        let expected = adopted.sorted { Decision.parts(of: $0.0) < Decision.parts(of: $1.0) }.map(\.0)
        #expect(state.decisionsLog().map(\.number) == expected)
        for year in Set(adopted.map(\.1.year)) {
            #expect(
                state.decisionsLog(year: year).map(\.number)
                    == expected.filter { number in adopted.contains { $0.0 == number && $0.1.year == year } })
        }

        // Through JSON, as the journal keeps them: the same state again.
        let data = try JSONEncoder().encode(batches)
        let decoded = try JSONDecoder().decode([EventBatch].self, from: data)
        #expect(decoded == batches)
        var fromJSON = NetworkState(emailPolicy: Fixture.policy)
        for batch in decoded { fromJSON.apply(batch) }
        #expect(fromJSON == state)
    }
}

@Suite("Reading a reference's numbers")
struct ReferenceNumberTests {
    @Test("a reference's part between slashes reads over its bytes as splitting by characters reads it")
    func numberInFieldMatchesCharacterSplit() {
        let pool: [Character] = ["/", "/", "0", "1", "2", "7", "9", "U", "N", "+", "-", " ", "é", "Ў", "🌸"]
        var random = SeededGenerator(state: 189)
        for _ in 0..<5_000 {
            let text = String((0..<Int.random(in: 0...14, using: &random)).map { _ in pool.randomElement(using: &random)! })
            for index in 0...2 {
                let parts = text.split(separator: "/")
                let expected = index < parts.count ? Int(parts[index]) : nil
                #expect(NetworkState.number(inField: index, of: text) == expected, "\(text) part \(index)")
            }
        }
        #expect(NetworkState.number(inField: 1, of: "UNMN/2026/007") == 2026)
        #expect(NetworkState.number(inField: 0, of: "2026/03") == 2026)
        // At the edges of what fits, as `Int(_:)` reads them.
        for text in ["9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "+", "-", "+-1"] {
            #expect(NetworkState.number(inField: 1, of: "X/" + text) == Int(text), "\(text)")
        }
    }
}
