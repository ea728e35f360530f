import Foundation
import TestSupport
import Testing

@testable import UNMNDomain

/// The snapshot cache's binary form of the state (issue 18): it gives back the very state it was
/// given, knows every stored property, and refuses damaged bytes without crashing.
@Suite("The state in binary")
struct StateCodingTests {
    static func decoded(_ bytes: [UInt8]) throws(StateReader.Failure) -> NetworkState {
        try bytes.withUnsafeBytes { raw in Result { () throws(StateReader.Failure) in try NetworkState(stateEncoded: raw) } }.get()
    }

    static func sampleState() throws -> NetworkState {
        var state = NetworkState(emailPolicy: Fixture.policy)
        for batch in try SampleNetwork.batches(entities: Fixture.entities, emailPolicy: Fixture.policy) { state.apply(batch) }
        return state
    }

    @Test("an item's positions come back from their places in its history, or whole when not found there")
    func positionsAsPlacesInHistory() throws {
        var state = try Self.sampleState()
        let index = try #require(state.items.indices.first { !state.items[$0].positions.isEmpty })
        let record = try #require(state.items[index].positions.first)
        let entity = record.entity
        #expect(state.items[index].history.contains(record))
        // A position its history does not hold (no event makes one today) is written whole.
        var moved = record
        moved.at = Instant(secondsSinceEpoch: record.at.secondsSinceEpoch + 1)
        state.items[index].positions.record(moved)
        let back = try Self.decoded(state.stateEncoded())
        #expect(back.items[index].positions[entity] == moved)
        #expect(back == state)
    }

    @Test("the sample network comes back equal, indexes, undo plans and per-field changes included")
    func sampleNetworkRoundTrips() throws {
        let state = try Self.sampleState()
        #expect(!state.undoPlans.isEmpty && !state.changes.all.isEmpty && state.foundedOn != nil)
        let back = try Self.decoded(state.stateEncoded())
        #expect(back == state)
        #expect(back.emailPolicy == state.emailPolicy)
        // Its two parts read on two threads, as the journal reads them.
        let concurrent = try state.stateEncoded().withUnsafeBytes { raw in
            try NetworkState(stateEncoded: raw) { body in DispatchQueue.concurrentPerform(iterations: 2, execute: body) }
        }
        #expect(concurrent == state)
        #expect(back.items.map(\.reference) == state.items.map(\.reference))
    }

    @Test("A change log left in its bytes, with records applied after it, answers as the journal replayed whole does")
    func deferredChangeLogAnswersAsReplay() throws {
        let batches = try SampleNetwork.batches(entities: Fixture.entities, emailPolicy: Fixture.policy)
        var whole = NetworkState(emailPolicy: Fixture.policy)
        for batch in batches { whole.apply(batch) }
        for cut in [1, batches.count / 3, batches.count - 5] {
            var atCut = NetworkState(emailPolicy: Fixture.policy)
            for batch in batches.prefix(cut) { atCut.apply(batch) }
            var resumed = try Self.decoded(atCut.stateEncoded())
            #expect(resumed.deferredReading != nil)
            for batch in batches.dropFirst(cut) { resumed.apply(batch) }
            for record in whole.changes.all.keys {
                #expect(resumed.version(of: record) == whole.version(of: record), "\(record) after a cut at \(cut)")
                #expect(Set(resumed.changes(to: record, after: 0).map(\.field)) == Set(whole.changes(to: record, after: 0).map(\.field)))
            }
            #expect(resumed == whole)
            // Read on another thread first, as the journal does while the first screen is drawn.
            var warmed = try Self.decoded(atCut.stateEncoded())
            let reading = try #require(warmed.deferredReading)
            let thread = Thread { reading() }
            thread.start()
            for batch in batches.dropFirst(cut) { warmed.apply(batch) }
            #expect(warmed == whole)
        }
    }

    @Test("states built by random valid commands come back equal", arguments: [11, 12, 13] as [UInt64])
    func randomStatesRoundTrip(seed: UInt64) throws {
        let founding = NetworkState.founding(
            entities: Fixture.entities, emailPolicy: Fixture.policy, by: Fixture.secretariat,
            at: Instant(tashkent: LocalDate(year: 2026, month: 1, day: 5)!))
        var state = founding.state
        var generator = CommandGenerator(rng: SeededGenerator(state: seed))
        var day = LocalDate(year: 2026, month: 1, day: 5)!
        for step in 0..<600 {
            if step % 10 == 0 { day = day.adding(days: 3) }
            let (command, op) = generator.next(in: state, day: day)
            guard let batch = try? state.decide(command, context: Fixture.context(op, on: day)) else { continue }
            state.apply(batch)
            if step % 150 == 149 { #expect(try Self.decoded(state.stateEncoded()) == state, "after step \(step)") }
        }
    }

    @Test("text of every kind survives: Uzbek Cyrillic and Latin, emoji, combining accents, controls")
    func textSurvives() throws {
        var state = try Self.sampleState()
        let names = [
            "Ўлмас Тошматов", "Oʻlmas Toshmatov", "👩‍💻 Dilnoza", "Jose\u{301}", "tab\there \"quoted\" \\", "",
            String(repeating: "é", count: 300),
        ]
        for (index, name) in names.enumerated() { state.focalPoints[index].name = name }
        let back = try Self.decoded(state.stateEncoded())
        #expect(back.focalPoints.prefix(names.count).map(\.name) == names)
    }

    @Test("a name used on every position is stored once: every use is a number")
    func stringsAreShared() throws {
        let state = try Self.sampleState()
        let bytes = state.stateEncoded()
        // In the table once: its length, its bytes; every use is its number.
        let name = [16] + Array("Dilnoza Yusupova".utf8)
        let occurrences = (0...(bytes.count - name.count)).filter { bytes[$0..<($0 + name.count)].elementsEqual(name) }.count
        #expect(occurrences == 1)
    }

    /// A property added to a type and not to its coding would vanish from every snapshot: these
    /// counts fail first, saying where to add it (and to raise `StateSnapshot.currentFormat`).
    @Test("every stored property of the state's types is known to the coding")
    func everyPropertyIsCoded() throws {
        let state = try Self.sampleState()
        let item = try #require(state.items.first { $0.closure != nil })
        let meeting = try #require(state.meetings.first)
        let plan = try #require(state.workPlans.values.first { !$0.actions.isEmpty })
        // The state's 23 include the open items' and the decisions' lists, rebuilt from the items
        // when a snapshot is read rather than written.
        let counted: [(Any, Int)] = [
            (state, 23), (state.entities[0], 8), (state.focalPoints[0], 11), (meeting, 18), (try #require(state.actionPoints.first), 8),
            (plan, 4), (plan.actions[0], 16), (item, 15), (item.closure!, 5), (try #require(item.history.first), 5),
            (Grant(login: "dilnoza", name: "Dilnoza", entity: "IOM", role: .secretariat), 5),
            (try #require(state.changes.all.values.first?.values.first), 4),
            (try #require(state.mailingListChanges.first), 5), (ReportSent(period: "2026", on: Fixture.today, by: "x"), 3),
            (
                KeyActionDraft(
                    code: "1.1", title: "t", lead: "IOM", starts: Fixture.today, ends: Fixture.today, gcmObjectives: []), 14
            ),
            (WorkPlan.Revision(code: "1.1", change: .added, reason: "r", on: Fixture.today, by: "b", needsEndorsement: false), 8),
            (DatedNote(text: "t", by: "b", on: Fixture.today), 3),
            (Meeting.Postponement(from: Fixture.today, to: Fixture.today, note: .init(text: "", by: "", on: Fixture.today)), 3),
            (FocalPoint.EmailException(reason: "r", verifiedBy: "v"), 3),
            (KeyAction.ProgressUpdate(on: Fixture.today, by: "b", entity: "IOM", percent: 1, status: .onTrack, note: ""), 6),
            (Meeting.Guest(name: "n", organisation: "o", role: "r"), 3), (Meeting.Decision(text: "t"), 2),
            (Meeting.AgendaItem(title: "t"), 2),
        ]
        for (value, expected) in counted {
            let properties = Mirror(reflecting: value).children.count
            let advice = "add the new one to NetworkState+StateCoding.swift"
            #expect(
                properties == expected, "\(type(of: value)) has \(properties) stored properties, its coding knows \(expected): \(advice)")
        }
    }

    @Test("a state written under other enumeration cases (reordered, renamed) is another version's, never misread")
    func otherCasesAreAnotherVersion() throws {
        var bytes = Fixture.founded().stateEncoded()
        #expect(StateCoding.fingerprint.hasPrefix("member,applicant,withdrawn;chair,co-chair,member;"))
        // The fingerprint leads the bytes, a table of one string: 1, its length (two bytes), its text.
        let applicant = Array("applicant".utf8)
        let at = try #require((0..<64).first { bytes[$0..<($0 + applicant.count)].elementsEqual(applicant) })
        bytes[at] = UInt8(ascii: "A")
        #expect(throws: StateReader.Failure("it was written by a version of unmn with other cases", isOtherVersion: true)) {
            try Self.decoded(bytes)
        }
    }

    @Test("every cut of the bytes is refused with a reason, never a crash")
    func truncationsAreRefused() throws {
        let bytes = Fixture.founded().stateEncoded()
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            #expect(throws: StateReader.Failure.self, "cut at \(length)") { try Self.decoded(Array(bytes.prefix(length))) }
        }
        #expect(throws: StateReader.Failure.self) { try Self.decoded(bytes + [0]) }
    }

    @Test("damaged bytes never crash: they are refused or read as some state", arguments: [1, 2, 3] as [UInt64])
    func damageNeverCrashes(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let bytes = try Self.sampleState().stateEncoded()
        var refused = 0
        for _ in 0..<200 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            do {
                // The change log is read only when asked for: asked here, so that its reader meets
                // the damage too (and gives an empty log, never a crash).
                let state = try Self.decoded(damaged)
                _ = state.changes.all
            } catch { refused += 1 }
        }
        #expect(refused > 50, "most random damage is noticed by the reader itself (\(refused) of 200)")
    }

    @Test("a string that is not UTF-8, a tag past its cases and an index that does not match are refused")
    func malformedValuesAreRefused() throws {
        var writer = StateWriter()
        writer.unsigned(1)
        writer.unsigned(2)
        writer.byte(0xC3)
        writer.byte(0x28)
        #expect(throws: StateReader.Failure("a string is not UTF-8 at byte 2")) {
            try writer.bytes.withUnsafeBytes { raw in
                var reader = StateReader(raw)
                _ = try reader.stringTable()
            }
        }
        #expect(throws: StateReader.Failure("a string refers to one not in the table at byte 1")) {
            try [5].withUnsafeBytes { raw in
                var reader = StateReader(raw, strings: ["a", "b"])
                _ = try reader.string()
            }
        }
        let state = Fixture.founded()
        var broken = state
        broken.itemIndex[ItemReference("UNMN/2026/999")] = 0
        #expect(throws: StateReader.Failure("the items' index does not match the items")) { try Self.decoded(broken.stateEncoded()) }
    }
}
