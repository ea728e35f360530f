import Foundation
import Testing

@testable import UNMNDomain

/// Replay compares a position's or progress's events with its command on the thread that read
/// the record, and in order only checks the command was allowed (`EventBatch.eventsArePlain`,
/// `NetworkState.verify(_:eventsArePlain:)`): both halves must say what deciding it again says.
@Suite("Plain events: verified in two halves, as deciding again would")
struct PlainEventsTests {
    /// A founded network with an open item and a drafted 2026 plan with key action A1.
    func network() throws -> NetworkState {
        var state = try Fixture.withOpenItem()
        try state.execute(.draftWorkPlan(year: 2026), context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .addKeyAction(
                year: 2026,
                KeyActionDraft(
                    code: "A1", title: "Action A1", lead: "UNICEF", participants: [], starts: LocalDate(year: 2026, month: 1, day: 1)!,
                    ends: LocalDate(year: 2026, month: 6, day: 30)!, budgetRequired: 100_000, budgetFunded: 50_000,
                    fundingSource: .migrationMPTF, gcmObjectives: [7])),
            context: Fixture.context(Fixture.secretariat))
        return state
    }

    static let stance = Command.recordPosition(
        item: "UNMN/2026/001", entity: "UNICEF", .standAside(reason: "  Outside our mandate\n"), source: .console)
    static let progress = Command.recordProgress(year: 2026, code: "A1", percent: 40, status: .atRisk, note: " Procurement slipped. ")

    @Test("A position's and progress's events are plain; cancelling, and every other command, are not")
    func whichArePlain() throws {
        let state = try network()
        #expect(try state.decide(Self.stance, context: Fixture.context(Fixture.unicef)).eventsArePlain)
        #expect(try state.decide(Self.progress, context: Fixture.context(Fixture.secretariat)).eventsArePlain)
        let cancelling = Command.recordProgress(year: 2026, code: "A1", percent: 40, status: .cancelled, note: "Dropped")
        #expect(try !state.decide(cancelling, context: Fixture.context(Fixture.secretariat)).eventsArePlain)
        let adding = Command.addAgendaItem(meeting: "MTG/2026/01", title: "x")
        #expect(!EventBatch(operator: Fixture.secretariat, at: Fixture.now, events: [], summary: "", command: adding).eventsArePlain)
        #expect(!EventBatch(operator: Fixture.secretariat, at: Fixture.now, events: [], summary: "").eventsArePlain)
    }

    @Test("Events that differ from the command's in any part are not plain")
    func alteredEventsAreNot() throws {
        let state = try network()
        let position = try state.decide(Self.stance, context: Fixture.context(Fixture.unicef))
        guard case .positionRecorded(let item, let record) = position.events[0] else { throw Unexpected() }
        #expect(record.position == .standAside(reason: "Outside our mandate"))
        var altered: [EventBatch] = []
        func with(_ change: (inout PositionRecord) -> Void, item other: ItemReference? = nil) {
            var changed = record
            change(&changed)
            var batch = position
            batch.events = [.positionRecorded(item: other ?? item, changed)]
            altered.append(batch)
        }
        with { $0.recordedBy = Fixture.chair.name }
        with { $0.entity = "ILO" }
        with { $0.position = .standAside(reason: "  Outside our mandate\n") }
        with { $0.position = .agree }
        with { $0.source = .email }
        with { $0.at = Instant(tashkent: Fixture.today, hour: 11) }
        with({ _ in }, item: "UNMN/2026/002")
        var twice = position
        twice.events += position.events
        altered.append(twice)

        let update = try state.decide(Self.progress, context: Fixture.context(Fixture.secretariat))
        guard case .progressRecorded(_, _, let recorded) = update.events[0] else { throw Unexpected() }
        #expect(recorded.note == "Procurement slipped.")
        for change in [{ $0.note = " Procurement slipped. " }, { $0.percent = 41 }, { $0.by = "Someone" }, { $0.entity = "ILO" }]
            as [(inout KeyAction.ProgressUpdate) -> Void]
        {
            var changed = recorded
            change(&changed)
            var batch = update
            batch.events = [.progressRecorded(year: 2026, code: "A1", changed)]
            altered.append(batch)
        }
        var otherYear = update
        otherYear.events = [.progressRecorded(year: 2027, code: "A1", recorded)]
        altered.append(otherYear)

        for batch in altered {
            #expect(!batch.eventsArePlain, "\(batch.events)")
            #expect(state.verify(batch)?.hasPrefix("its events are not what its command decides") == true)
        }
    }

    @Test("A plain record that could not have been written is refused as deciding it again refuses it")
    func refusedAlike() throws {
        let state = try network()
        let position = try state.decide(Self.stance, context: Fixture.context(Fixture.unicef))
        let update = try state.decide(Self.progress, context: Fixture.context(Fixture.secretariat))
        // Allowed now: both halves accept.
        for batch in [position, update] {
            #expect(state.verify(batch, eventsArePlain: true) == nil)
            #expect(state.verify(batch) == nil)
        }
        // The same records against states where they could not have been written, and progress
        // past 100 % whose event says what its command says.
        var closed = state
        try closed.execute(.withdrawItem("UNMN/2026/001", statement: "Overtaken"), context: Fixture.context(Fixture.chair))
        var tooMuch = update
        tooMuch.command = .recordProgress(year: 2026, code: "A1", percent: 150, status: .onTrack, note: "")
        tooMuch.events = [
            .progressRecorded(
                year: 2026, code: "A1", .recorded(150, .onTrack, "", by: Fixture.secretariat, on: Fixture.now.tashkentDate))
        ]
        #expect(tooMuch.eventsArePlain)
        let cases: [(NetworkState, EventBatch)] = [
            (closed, position), (Fixture.founded(), position), (Fixture.founded(), update), (state, tooMuch),
        ]
        for (against, batch) in cases {
            let full = against.verify(batch)
            #expect(full != nil)
            #expect(against.verify(batch, eventsArePlain: true) == full)
        }
        // Someone who may not record it at all.
        var viewers = position
        viewers.operator = Fixture.viewer
        if case .positionRecorded(let item, var record) = viewers.events[0] {
            record.recordedBy = Fixture.viewer.name
            viewers.events = [.positionRecorded(item: item, record)]
        }
        #expect(viewers.eventsArePlain)
        #expect(state.verify(viewers) != nil)
        #expect(state.verify(viewers, eventsArePlain: true) == state.verify(viewers))
    }

    @Test("Attendance is plain: its event is its command's; altered, it is not; recorded where it could not be, refused alike")
    func attendanceIsPlain() throws {
        var state = Fixture.founded()
        try state.execute(
            .scheduleMeeting(
                MeetingDraft(kind: .regular, date: LocalDate(year: 2026, month: 9, day: 16)!, startMinute: 600, location: "UN House")),
            context: Fixture.context(Fixture.secretariat, on: LocalDate(year: 2026, month: 9, day: 1)!))
        let command = Command.recordAttendance(meeting: "MTG/2026/01", entity: "ILO", .apologies)
        let recorded = try state.decide(command, context: Fixture.context(Fixture.secretariat))
        #expect(recorded.eventsArePlain && EventBatch.hasPlainEvent(command))
        #expect(recorded.plainEvent == recorded.events.first)
        #expect(state.verify(recorded, eventsArePlain: true) == nil && state.verify(recorded) == nil)
        // Another entity, meeting or attendance in the event than in the command: not plain, refused.
        for event in [
            Event.attendanceRecorded(meeting: "MTG/2026/01", entity: "IOM", .apologies),
            .attendanceRecorded(meeting: "MTG/2026/02", entity: "ILO", .apologies),
            .attendanceRecorded(meeting: "MTG/2026/01", entity: "ILO", .absent),
            .attendanceRecorded(meeting: "MTG/2026/01", entity: "ILO", nil),
        ] {
            var altered = recorded
            altered.events = [event]
            #expect(!altered.eventsArePlain && state.verify(altered) != nil)
        }
        // Against states where it could not have been written: the two halves refuse it alike.
        var again = state
        again.apply(recorded)
        for (against, batch) in [(Fixture.founded(), recorded), (again, recorded)] {
            let full = against.verify(batch)
            #expect(full != nil)
            #expect(against.verify(batch, eventsArePlain: true) == full)
        }
        // Held by its command alone, it applies as the listed batch does.
        let following = EventBatch(plainEventOf: command, operator: recorded.operator, at: recorded.at, summary: recorded.summary)
        var (appliedFollowing, appliedListed) = (state, state)
        appliedFollowing.apply(following)
        appliedListed.apply(recorded)
        #expect(following == recorded && appliedFollowing == appliedListed)
    }

    @Test("A batch whose event follows from its command is the batch listing it: its events, equality, hash, JSON and state applied")
    func eventsFollowingTheCommand() throws {
        let state = try network()
        let ilo = Operator(name: "Дилноза Каримова", entity: "ILO", role: .member)
        let commands: [(Command, Operator)] = [
            (Self.stance, Fixture.unicef),
            (.recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .object(reason: " Not yet \n"), source: .email), Fixture.secretariat),
            (.recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .agree, source: .meeting, basedOn: 3), Fixture.secretariat),
            (Self.progress, Fixture.secretariat),
            (.recordProgress(year: 2026, code: "A1", percent: 100, status: .completed, note: "🌸 Done"), Fixture.unicef),
        ]
        for (command, op) in commands {
            let listed = try state.decide(command, context: Fixture.context(op))
            let following = EventBatch(
                plainEventOf: command, operator: op, at: listed.at, summary: listed.summary, isUndo: listed.isUndo, login: listed.login)
            #expect(following.eventsFollowCommand && !listed.eventsFollowCommand)
            #expect(following.events == listed.events && following.plainEvent == listed.events.first)
            #expect(following == listed && following.hashValue == listed.hashValue)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            #expect(try encoder.encode(following) == encoder.encode(listed))
            var (appliedFollowing, appliedListed) = (state, state)
            appliedFollowing.apply(following)
            appliedListed.apply(listed)
            #expect(appliedFollowing == appliedListed)
            #expect(appliedFollowing.changes.all == appliedListed.changes.all)
            // Whatever it followed from changes, its events stay what they were.
            for change: (inout EventBatch) -> Void in [
                { $0.operator = ilo }, { $0.at = Instant(secondsSinceEpoch: Fixture.now.secondsSinceEpoch + 172_800) },
                { $0.command = nil },
            ] {
                var changed = following
                change(&changed)
                #expect(changed.events == listed.events && !changed.eventsFollowCommand)
            }
        }
        let cancelling = Command.recordProgress(year: 2026, code: "A1", percent: 40, status: .cancelled, note: "Dropped")
        #expect(EventBatch.hasPlainEvent(Self.stance) && !EventBatch.hasPlainEvent(cancelling))
        #expect(!EventBatch.hasPlainEvent(.addAgendaItem(meeting: "MTG/2026/01", title: "x")))
    }

    @Test("A position or note is recorded as given exactly when deciding would record it unchanged")
    func recordedAsGiven() {
        let reasons: [String] = ["", " ", "Outside our mandate", " Outside", "mandate\n", "Oʻzbekiston 🌸", "\u{00A0}Oʻz", "🌸\u{2003}"]
        var positions: [Position?] = [nil, .agree, .standAside(reason: nil)]
        positions += reasons.flatMap { [Position.standAside(reason: $0), .object(reason: $0)] }
        for position in positions {
            #expect(
                (position?.isRecordedAsGiven ?? true) == (PositionRecord.recorded(position) == position), "\(String(describing: position))")
        }
        // A note is as given exactly when deciding records it unchanged.
        for note in reasons {
            let recorded = KeyAction.ProgressUpdate.recorded(40, .onTrack, note, by: Fixture.secretariat, on: Fixture.today).note
            #expect(KeyAction.ProgressUpdate.isRecordedAsGiven(note: note) == (recorded == note), "\(note)")
        }
        #expect(reasons.filter(KeyAction.ProgressUpdate.isRecordedAsGiven(note:)) == ["", "Outside our mandate", "Oʻzbekiston 🌸"])
        #expect(positions.filter { $0?.isRecordedAsGiven ?? true }.count == 8)
    }

    /// A position record holds its position as an enum of its own (no optional field, for the
    /// optimizer's sake): it must read, change, compare and write exactly as the optional did.
    @Test("A position record's position reads, changes, compares and is written as given")
    func positionRecordHoldsItsPosition() throws {
        let given: [Position?] = [
            nil, .agree, .standAside(reason: nil), .standAside(reason: "Outside our mandate"), .object(reason: "Cost"),
        ]
        let written = [
            #"{"at":{"secondsSinceEpoch":1796000000},"entity":"UNICEF","recordedBy":"Ўлмас","source":"email"}"#,
            #"{"at":{"secondsSinceEpoch":1796000000},"entity":"UNICEF","position":{"agree":{}},"recordedBy":"Ўлмас","source":"email"}"#,
            #"{"at":{"secondsSinceEpoch":1796000000},"entity":"UNICEF","position":{"standAside":{}},"recordedBy":"Ўлмас","source":"email"}"#,
            #"{"at":{"secondsSinceEpoch":1796000000},"entity":"UNICEF","position":{"standAside":{"reason":"Outside our mandate"}},"#
                + #""recordedBy":"Ўлмас","source":"email"}"#,
            #"{"at":{"secondsSinceEpoch":1796000000},"entity":"UNICEF","position":{"object":{"reason":"Cost"}},"recordedBy":"Ўлмас","#
                + #""source":"email"}"#,
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (position, json) in zip(given, written) {
            let record = PositionRecord(
                entity: "UNICEF", position: position, source: .email, recordedBy: "Ўлмас", at: Instant(secondsSinceEpoch: 1_796_000_000))
            #expect(record.position == position && record.hasPosition == (position != nil))
            #expect(String(decoding: try encoder.encode(record), as: UTF8.self) == json)
            #expect(try JSONDecoder().decode(PositionRecord.self, from: Data(json.utf8)) == record)
            for other in given {
                var changed = record
                changed.position = other
                #expect(changed.position == other && changed.hasPosition == (other != nil))
                #expect((changed == record) == (other == position))
                #expect((changed.hashValue == record.hashValue) || other != position)
            }
        }
    }

    struct Unexpected: Error {}
}
