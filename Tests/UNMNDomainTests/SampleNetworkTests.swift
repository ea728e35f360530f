import Testing

@testable import UNMNDomain

@Suite("Sample network")
struct SampleNetworkTests {
    static let batches: [EventBatch]? = try? SampleNetwork.batches(entities: Fixture.entities, emailPolicy: Fixture.policy)

    func built() throws -> NetworkState {
        do {
            let batches = try SampleNetwork.batches(entities: Fixture.entities, emailPolicy: Fixture.policy)
            var state = NetworkState(emailPolicy: Fixture.policy)
            for batch in batches { state.apply(batch) }
            return state
        } catch {
            Issue.record("the sample network breaks a rule: \(error)")
            throw error
        }
    }

    @Test("It builds through the domain's commands without breaking a rule")
    func builds() throws {
        let state = try built()
        #expect(state.batchCount > 300)
    }

    @Test("Its records are in the order they were written, as a real journal's are (a report as of a date replays a prefix)")
    func chronological() throws {
        let batches = try SampleNetwork.batches(entities: Fixture.entities, emailPolicy: Fixture.policy)
        #expect(zip(batches, batches.dropFirst()).allSatisfy { $0.at <= $1.at })
    }

    @Test("Two years of meetings: a quarter met by a requested one, virtual and hybrid ones, one to come")
    func meetings() throws {
        let state = try built()
        #expect(state.quarterlyCadence(year: 2025, today: Fixture.today).map(\.state) == [.met, .met, .met, .met])
        #expect(state.quarterlyCadence(year: 2025, today: Fixture.today)[2].held.map(\.reference) == ["MTG/2025/03"])
        #expect(state.quarterlyCadence(year: 2025, today: Fixture.today)[2].requested == 1)
        #expect(state.quarterlyCadence(year: 2026, today: Fixture.today).map(\.state) == [.met, .met, .met, .scheduled])
        #expect(Set(state.meetings.compactMap(\.mode)) == [.inPerson, .virtual, .hybrid])
        #expect(state.nextMeeting(from: Fixture.today)?.reference == "MTG/2026/04")
        #expect(state.meetings.filter { if case .shared = $0.status { return true } else { return false } }.count == 6)
        #expect(state.meeting("MTG/2026/03")?.status == .finalised(on: LocalDate(iso: "2026-09-25")!))
    }

    @Test("Action points open, done, dropped and overdue")
    func actionPoints() throws {
        let state = try built()
        let statuses = Set(state.actionPoints.map(\.status))
        #expect(statuses == [.open, .done, .dropped])
        #expect(state.overdueActionPoints(on: Fixture.today).map(\.id) == ["AP/2026/002", "AP/2026/003"])
    }

    @Test("Endorsed 2025 (closed) and 2026 plans, twelve 2026 actions with histories across objectives and entities")
    func workPlans() throws {
        let state = try built()
        #expect(
            state.workPlans[2025]?.status
                == .closed(endorsedOn: LocalDate(iso: "2025-03-12")!, reference: "UNMN/2025/001", closedOn: LocalDate(iso: "2026-01-20")!))
        #expect(state.workPlans[2026]?.status == .endorsed(on: LocalDate(iso: "2026-03-11")!, reference: "UNMN/2026/001"))
        let actions = try #require(state.workPlans[2026]?.actions)
        #expect(actions.count == 12)
        #expect(Set(actions.map(\.lead)).count >= 10)
        #expect(Set(actions.flatMap(\.gcmObjectives)).count >= 14)
        #expect(Set(actions.map(\.status)) == Set(KeyAction.Status.allCases))
        #expect(actions.filter { $0.history.count >= 2 }.count >= 8)
        #expect(actions.filter { $0.isOverdue(on: Fixture.today) }.map(\.code) == ["2026-03", "2026-04", "2026-10"])
    }

    @Test("Consensus items in every status: a pending admission and one held by an objection")
    func items() throws {
        let state = try built()
        let statuses = state.items.map(\.status.title)
        for expected in ["open", "deferred", "not adopted", "withdrawn"] { #expect(statuses.contains(expected)) }
        #expect(state.decisionsLog().map(\.number) == ["2025/01", "2026/01", "2026/02", "2026/03"])
        // One decided under silence, four members silent; one followed up by an action point.
        #expect(state.item("UNMN/2026/007")?.closure?.silent == ["UNESCO", "UNDRR", "UNODC", "WB"])
        #expect(state.actionPoints(implementing: "UNMN/2026/002").map(\.id) == ["AP/2026/003"])
        #expect(state.meetings.filter(\.isCancelled).map(\.reference) == ["MTG/2025/05"])
        let admission = try #require(state.items.first { if case .admission = $0.kind { return true } else { return false } })
        #expect(state.group(of: admission, on: Fixture.today) == .pending)
        let statement = try #require(state.item("UNMN/2026/006"))
        #expect(state.group(of: statement, on: Fixture.today) == .held)
        #expect(
            state.adoptionBlockers(statement, on: Fixture.today) == [
                "UNESCO, UNDRR and WB have not answered",
                "ILO objects: The text should cite ILO Conventions 97 and 143 on migrant workers.",
            ])
    }

    @Test("Focal points with Uzbek Latin and Cyrillic names, one recorded email exception, mailing-list changes pending")
    func focalPoints() throws {
        let state = try built()
        #expect(state.focalPoints.contains { $0.name.contains("ʻ") })
        #expect(state.focalPoints.contains { $0.name.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } })
        #expect(state.focalPoints.filter { $0.emailException != nil }.map(\.entity) == ["UNFPA"])
        let delta = state.mailingListDelta(since: state.mailingListRequests.last)
        #expect(delta.additions.map(\.name) == ["Иброҳим Раҳимов"])
        #expect(delta.removals.map(\.name) == ["Kamola Ergasheva"])
    }
}
