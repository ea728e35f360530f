import Testing

@testable import UNMNDomain

/// Issue 13: two people editing one record never lose each other's work. Edits carry the
/// fields the operator changed and the version their form was opened on; the latest record
/// decides whether they merge or conflict.
@Suite("Concurrent edits and undo")
struct ConcurrentEditTests {
    static let gulnora = Operator(name: "Gulnora Karimova", entity: "UNICEF", role: .member)
    static let laura = Operator(name: "Laura Bianchi", entity: "IOM", role: .chair)

    /// A founded network with ILO's focal point FP-0001 on the mailing list.
    func withFocalPoint() throws -> NetworkState {
        var state = Fixture.founded()
        try state.execute(
            .addFocalPoint(Fixture.draft("Azizbek Rahimov", "ILO", "rahimov@ilo.org")), context: Fixture.context(Fixture.secretariat))
        return state
    }

    func edit(_ state: NetworkState, basedOn: Int, _ change: (inout FocalPointDraft) -> Void) -> Command {
        let original = FocalPointDraft(state.focalPoint("FP-0001")!)
        var values = original
        change(&values)
        return .editFocalPoint(id: "FP-0001", Edit(from: original, to: values, basedOn: basedOn))
    }

    @Test("Two edits of different fields from the same version both survive, and the second says whose change it joined")
    func merge() throws {
        var state = try withFocalPoint()
        let opened = state.version(of: .focalPoint("FP-0001"))
        let first = edit(state, basedOn: opened) { $0.position = "Senior Programme Officer" }
        let second = edit(state, basedOn: opened) { $0.email = "a.rahimov@ilo.org" }
        try state.execute(first, context: Fixture.context(Fixture.secretariat, hour: 10))
        try state.execute(second, context: Fixture.context(Self.laura, hour: 11))
        let point = try #require(state.focalPoint("FP-0001"))
        #expect(point.position == "Senior Programme Officer")
        #expect(point.email == "a.rahimov@ilo.org")
        #expect(state.lastChange(of: .focalPoint("FP-0001"), field: "email")?.by == "Laura Bianchi")
        #expect(state.lastChange(of: .focalPoint("FP-0001"), field: "position")?.by == "Dilnoza Yusupova")
        #expect(state.version(of: .focalPoint("FP-0001")) == state.batchCount)
    }

    @Test("Two edits of the same field: the second is a conflict naming who, when, theirs and yours; nothing is written")
    func conflict() throws {
        var state = try withFocalPoint()
        let opened = state.version(of: .focalPoint("FP-0001"))
        try state.execute(
            edit(state, basedOn: opened) { $0.position = "Senior Programme Officer" }, context: Fixture.context(Fixture.secretariat))
        let stale = edit(state, basedOn: opened) { $0.position = "Project Coordinator" }
        let before = state
        let rejection = try #require(refusal(stale, Self.laura, in: state))
        #expect(rejection.conflicts.count == 1)
        #expect(rejection.conflicts[0].field == "position")
        #expect(rejection.conflicts[0].theirs == "Senior Programme Officer")
        #expect(rejection.conflicts[0].yours == "Project Coordinator")
        #expect(
            rejection.description
                == "Cannot edit focal point FP-0001: Dilnoza Yusupova (IOM) changed the position of FP-0001 to \"Senior "
                + "Programme Officer\" "
                + "at 10:00 on 2026-11-29, after you opened it; yours is \"Project Coordinator\".")
        #expect(state == before)
        // Seen and kept: based on the current version, the same edit overwrites knowingly.
        var rebased = stale
        if case .editFocalPoint(let id, var edit) = stale {
            edit.basedOn = state.version(of: .focalPoint(id))
            rebased = .editFocalPoint(id: id, edit)
        }
        try state.execute(rebased, context: Fixture.context(Self.laura))
        #expect(state.focalPoint("FP-0001")?.position == "Project Coordinator")
    }

    @Test("The same value entered twice is not a conflict")
    func sameValue() throws {
        var state = try withFocalPoint()
        let opened = state.version(of: .focalPoint("FP-0001"))
        try state.execute(
            edit(state, basedOn: opened) { $0.position = "Senior Programme Officer" }, context: Fixture.context(Fixture.secretariat))
        let again = edit(state, basedOn: opened) {
            $0.position = "Senior Programme Officer"
            $0.level = .deputyHead
        }
        // Built from the current record, only the level differs; built from the stale one, both do.
        #expect(refusal(again, Self.laura, in: state) == nil)
    }

    @Test("Minutes written in two consoles: the later save is a text conflict carrying both texts whole")
    func textConflict() throws {
        var state = Fixture.founded()
        let draft = MeetingDraft(kind: .regular, date: Fixture.today, startMinute: 600, location: "UN House")
        try state.execute(.scheduleMeeting(draft), context: Fixture.context(Fixture.secretariat))
        try state.execute(.addAgendaItem(meeting: "MTG/2026/01", title: "Returns"), context: Fixture.context(Fixture.secretariat))
        let opened = state.version(of: .meeting("MTG/2026/01"))
        let theirs = "IOM and UNICEF agreed a joint approach.\nILO will send comments."
        try state.execute(
            .writeMinutes(meeting: "MTG/2026/01", item: 0, text: theirs, basedOn: opened), context: Fixture.context(Self.laura))
        let rejection = try #require(
            refusal(
                .writeMinutes(meeting: "MTG/2026/01", item: 0, text: "Members discussed returns.", basedOn: opened), Fixture.secretariat,
                in: state))
        #expect(rejection.conflicts.first?.theirs == theirs)
        #expect(rejection.conflicts.first?.yours == "Members discussed returns.")
        // Another agenda item's minutes, or attendance, changed meanwhile: no conflict.
        try state.execute(.addAgendaItem(meeting: "MTG/2026/01", title: "AOB"), context: Fixture.context(Self.laura))
        #expect(
            refusal(.writeMinutes(meeting: "MTG/2026/01", item: 1, text: "None.", basedOn: opened), Fixture.secretariat, in: state) == nil)
    }

    @Test("A position someone else recorded after the form opened is a conflict, not a silent replacement")
    func positionConflict() throws {
        var state = try Fixture.withOpenItem()
        let opened = state.version(of: .item("UNMN/2026/001"))
        try state.execute(
            .recordPosition(
                item: "UNMN/2026/001", entity: "UNICEF", .object(reason: "Needs legal review"), source: .console, basedOn: opened),
            context: Fixture.context(Self.gulnora))
        let rejection = try #require(
            refusal(
                .recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .agree, source: .email, basedOn: opened), Fixture.secretariat,
                in: state))
        #expect(rejection.conflicts.first?.change.by == "Gulnora Karimova")
        // Another member's position recorded meanwhile does not stand in the way.
        #expect(
            refusal(
                .recordPosition(item: "UNMN/2026/001", entity: "FAO", .agree, source: .email, basedOn: opened), Fixture.secretariat,
                in: state) == nil)
    }

    @Test("Undo is refused when someone else changed the same field after it, and says so")
    func undoAfterAnotherChange() throws {
        var state = try withFocalPoint()
        let opened = state.version(of: .focalPoint("FP-0001"))
        try state.execute(
            edit(state, basedOn: opened) { $0.position = "Senior Programme Officer" }, context: Fixture.context(Fixture.secretariat))
        let later = state.version(of: .focalPoint("FP-0001"))
        try state.execute(edit(state, basedOn: later) { $0.position = "Head of Office" }, context: Fixture.context(Self.laura))
        #expect(
            refusal(.undo, Fixture.secretariat, in: state)?.description
                == "Cannot undo \"Edited Azizbek Rahimov (FP-0001)\": Laura Bianchi (IOM) changed the position of FP-0001 after "
                + "your change; "
                + "undo would overwrite it.")
    }

    @Test("Undo keeps another person's later change to other fields")
    func undoKeepsOthers() throws {
        var state = try withFocalPoint()
        let opened = state.version(of: .focalPoint("FP-0001"))
        try state.execute(
            edit(state, basedOn: opened) { $0.position = "Senior Programme Officer" }, context: Fixture.context(Fixture.secretariat))
        let later = state.version(of: .focalPoint("FP-0001"))
        try state.execute(edit(state, basedOn: later) { $0.email = "a.rahimov@ilo.org" }, context: Fixture.context(Self.laura))
        try state.execute(.undo, context: Fixture.context(Fixture.secretariat, hour: 15))
        let point = try #require(state.focalPoint("FP-0001"))
        #expect(point.position == "Programme Officer")
        #expect(point.email == "a.rahimov@ilo.org")
        #expect(state.mailingList.map(\.email) == ["a.rahimov@ilo.org"])
    }

    @Test("Undo obeys today's rules: a member's objection on an item closed since stays, and the item says why")
    func undoOnClosedItem() throws {
        var state = try Fixture.withOpenItem()
        try state.execute(
            .recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .object(reason: "Not in our mandate"), source: .console),
            context: Fixture.context(Self.gulnora))
        try state.execute(.rejectItem("UNMN/2026/001", statement: "UNICEF objects."), context: Fixture.context(Fixture.chair))
        let rejection = try #require(refusal(.undo, Self.gulnora, in: state))
        #expect(
            rejection.description.hasPrefix(
                "Cannot undo \"Recorded UNICEF's position on UNMN/2026/001: object\": UNMN/2026/001 was not adopted by"))
        #expect(state.item("UNMN/2026/001")?.positions["UNICEF"]?.position == .object(reason: "Not in our mandate"))
    }

    @Test("Undo obeys today's rules: attendance and minutes are locked once the minutes are finalised")
    func undoOnFinalisedMinutes() throws {
        var state = Fixture.founded()
        try state.execute(
            .scheduleMeeting(MeetingDraft(kind: .regular, date: Fixture.today, startMinute: 600, location: "UN House", mode: .inPerson)),
            context: Fixture.context(Fixture.secretariat))
        for member in state.members {
            try state.execute(.recordAttendance(meeting: "MTG/2026/01", entity: member.code, .absent), context: Fixture.context(Self.laura))
        }
        try state.execute(.finaliseMinutes("MTG/2026/01"), context: Fixture.context(Fixture.secretariat))
        #expect(refusal(.undo, Self.laura, in: state)?.reasons.first?.hasPrefix("the minutes of MTG/2026/01 were finalised") == true)
    }

    @Test("Undo obeys today's rules: a key action's progress once its plan is closed")
    func undoOnClosedPlan() throws {
        var state = Fixture.founded()
        let secretariat = Fixture.context(Fixture.secretariat)
        try state.execute(.draftWorkPlan(year: 2026), context: secretariat)
        try state.execute(
            .addKeyAction(
                year: 2026,
                KeyActionDraft(code: "A", title: "A", lead: "UNICEF", starts: Fixture.today, ends: Fixture.today, gcmObjectives: [7])),
            context: secretariat)
        try state.execute(
            .recordProgress(year: 2026, code: "A", percent: 40, status: .onTrack, note: ""), context: Fixture.context(Self.gulnora))
        try state.execute(
            .scheduleMeeting(MeetingDraft(kind: .regular, date: Fixture.today, startMinute: 600, location: "UN House")),
            context: secretariat)
        try state.execute(
            .recordMeetingDecision(meeting: "MTG/2026/01", Meeting.Decision(text: "The members endorse the 2026 work plan.")),
            context: secretariat)
        try state.execute(.endorseWorkPlan(year: 2026, on: Fixture.today, reference: "MTG/2026/01"), context: secretariat)
        try state.execute(.closeWorkPlan(year: 2026, on: Fixture.today), context: secretariat)
        #expect(refusal(.undo, Self.gulnora, in: state)?.reasons == ["the 2026 plan was closed on 2026-11-29"])
    }

    @Test("An undo is dated when it happens, not when the change was made")
    func undoDatedNow() throws {
        var state = try Fixture.withOpenItem()
        try state.execute(
            .recordPosition(item: "UNMN/2026/001", entity: "FAO", .agree, source: .email),
            context: Fixture.context(Fixture.secretariat, hour: 9))
        let later = Fixture.context(Fixture.secretariat, on: Fixture.today.adding(days: 2), hour: 16)
        let batch = try state.execute(.undo, context: later)
        #expect(batch.at == later.now)
        #expect(state.item("UNMN/2026/001")?.history.last?.at == later.now)
        #expect(state.item("UNMN/2026/001")?.positions["FAO"] == nil)
    }
}
