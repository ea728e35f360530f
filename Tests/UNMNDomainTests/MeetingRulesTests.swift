import Testing

@testable import UNMNDomain

@Suite("Meetings and minutes")
struct MeetingRulesTests {
    let meetingDay = LocalDate(year: 2026, month: 9, day: 16)!

    func scheduled(mode: Meeting.Mode? = nil) throws -> NetworkState {
        var state = Fixture.founded()
        try state.execute(
            .scheduleMeeting(MeetingDraft(kind: .regular, date: meetingDay, startMinute: 600, location: "UN House, Tashkent", mode: mode)),
            context: Fixture.context(Fixture.secretariat, on: LocalDate(year: 2026, month: 9, day: 1)!))
        return state
    }

    @Test("Scheduling validates time, length, place and who requested it")
    func scheduling() {
        let state = Fixture.founded()
        let bad = MeetingDraft(kind: .requested(by: ["UNOPS"]), date: meetingDay, startMinute: 1500, durationMinutes: 5, location: "  ")
        #expect(
            refusal(.scheduleMeeting(bad), Fixture.secretariat, in: state)?.reasons == [
                "the start time must be between 00:00 and 23:59", "a meeting lasts between 15 minutes and 12 hours",
                "say where the meeting takes place (a room, or the video link)", "UNOPS is not a member",
            ])
        #expect(
            refusal(
                .scheduleMeeting(MeetingDraft(kind: .requested(by: []), date: meetingDay, startMinute: 600, location: "Zoom")),
                Fixture.secretariat, in: state)?.reasons
                == ["a requested meeting names who requested it"])
    }

    @Test("Minutes cannot be finalised without the mode and everyone's attendance")
    func finalising() throws {
        var state = try scheduled()
        try state.execute(
            .recordAttendance(meeting: "MTG/2026/01", entity: "IOM", .present(focalPoints: [])),
            context: Fixture.context(Fixture.secretariat))
        let rejection = refusal(.finaliseMinutes("MTG/2026/01"), Fixture.secretariat, in: state)
        #expect(
            rejection?.reasons.first
                == "the mode (in person, virtual or hybrid) is not recorded, and the Terms of Reference require it in the minutes")
        #expect(
            rejection?.reasons.last
                == "attendance is not recorded for UNRC, FAO, ILO, UNAIDS, OHCHR, UNICEF, UNDP, UNESCO, UN Women, UNHCR, UNDRR, "
                + "UNODC, UNFPA, WB and WHO"
        )
    }

    @Test("A meeting still to come cannot be finalised")
    func future() throws {
        var state = try scheduled(mode: .hybrid)
        for member in state.members {
            try state.execute(
                .recordAttendance(meeting: "MTG/2026/01", entity: member.code, .apologies), context: Fixture.context(Fixture.secretariat))
        }
        #expect(
            refusal(.finaliseMinutes("MTG/2026/01"), Fixture.secretariat, in: state, on: LocalDate(year: 2026, month: 9, day: 15)!)?.reasons
                == ["the meeting is on 2026-09-16, still to come"])
    }

    @Test("Finalised minutes are locked: corrections are amendments; then shared with the RCO")
    func locked() throws {
        var state = try scheduled(mode: .virtual)
        try state.execute(
            .addAgendaItem(meeting: "MTG/2026/01", title: "Work plan 2026 mid-year review"), context: Fixture.context(Fixture.secretariat))
        for member in state.members {
            try state.execute(
                .recordAttendance(meeting: "MTG/2026/01", entity: member.code, .absent), context: Fixture.context(Fixture.secretariat))
        }
        try state.execute(.finaliseMinutes("MTG/2026/01"), context: Fixture.context(Fixture.secretariat))
        #expect(
            refusal(.writeMinutes(meeting: "MTG/2026/01", item: 0, text: "x"), Fixture.secretariat, in: state)?.reasons
                == ["the minutes of MTG/2026/01 were finalised on 2026-11-29; record an amendment instead"])
        try state.execute(
            .amendMinutes("MTG/2026/01", text: "UNHCR sent apologies, not absent."), context: Fixture.context(Fixture.secretariat))
        #expect(state.meetings[0].amendments.first?.by == "Dilnoza Yusupova")
        #expect(
            refusal(.shareMinutesWithRCO("MTG/2026/01", on: Fixture.today.adding(days: 1)), Fixture.secretariat, in: state)?.reasons == [
                "2026-11-30 is in the future"
            ])
        try state.execute(.shareMinutesWithRCO("MTG/2026/01", on: Fixture.today), context: Fixture.context(Fixture.secretariat))
        #expect(state.meetings[0].status == .shared(finalisedOn: Fixture.today, sharedOn: Fixture.today))
    }

    @Test("Action points: overdue when past due and not done; dropping needs a reason")
    func actionPoints() throws {
        var state = try scheduled()
        try state.execute(
            .addActionPoint(
                meeting: "MTG/2026/01", text: "Circulate the draft joint statement", responsible: ["IOM", "UNHCR"],
                due: LocalDate(year: 2026, month: 10, day: 15)!),
            context: Fixture.context(Fixture.secretariat))
        #expect(state.actionPoints[0].id == "AP/2026/001")
        #expect(state.overdueActionPoints(on: Fixture.today).map(\.id) == ["AP/2026/001"])
        #expect(
            refusal(.updateActionPoint("AP/2026/001", status: .dropped, note: ""), Fixture.secretariat, in: state)?.reasons == [
                "say why the action point is dropped"
            ])
        try state.execute(
            .updateActionPoint("AP/2026/001", status: .done, note: "Sent on 20 Nov."), context: Fixture.context(Fixture.secretariat))
        #expect(state.overdueActionPoints(on: Fixture.today).isEmpty)
        #expect(
            refusal(
                .addActionPoint(meeting: "MTG/2026/01", text: "x", responsible: [], due: LocalDate(year: 2026, month: 1, day: 1)!),
                Fixture.secretariat, in: state)?.reasons
                == ["name at least one responsible entity", "the due date 2026-01-01 is before the meeting (2026-09-16)"])
    }

    @Test("Minutes amended after sharing may be shared again; unamended ones may not (issue 17)")
    func shareAgainAfterAmendment() throws {
        var state = NetworkState(emailPolicy: Fixture.policy)
        for batch in try #require(SampleNetworkTests.batches) { state.apply(batch) }
        let shared = try #require(state.meetings.first { if case .shared = $0.status { true } else { false } })
        guard case .shared(_, let sharedOn) = shared.status else { return }
        let today = LocalDate(year: 2026, month: 11, day: 29)!
        #expect(!state.isAmendedSinceShared(shared))
        #expect(
            refusal(.shareMinutesWithRCO(shared.reference, on: today), Fixture.secretariat, in: state, on: today)?.reasons == [
                "they were shared with the RCO on \(sharedOn) and have not been amended since"
            ])
        try state.execute(
            .amendMinutes(shared.reference, text: "UNAIDS sent apologies."), context: Fixture.context(Fixture.secretariat, on: today))
        #expect(state.isAmendedSinceShared(try #require(state.meeting(shared.reference))))
        try state.execute(.shareMinutesWithRCO(shared.reference, on: today), context: Fixture.context(Fixture.secretariat, on: today))
        let again = try #require(state.meeting(shared.reference))
        guard case .shared(_, let newShare) = again.status else {
            Issue.record("not shared")
            return
        }
        #expect(newShare == today)
        #expect(!state.isAmendedSinceShared(again))
    }

    @Test("Quarters that ended before the journal was founded are before the records, not missed (issue 17)")
    func beforeRecords() {
        let founded = NetworkState.founding(
            entities: Fixture.entities, emailPolicy: Fixture.policy, by: Fixture.secretariat,
            at: Instant(tashkent: LocalDate(year: 2026, month: 8, day: 10)!, hour: 9)
        ).state
        #expect(founded.foundedOn == LocalDate(year: 2026, month: 8, day: 10))
        #expect(
            founded.quarterlyCadence(year: 2026, today: LocalDate(year: 2026, month: 11, day: 29)!).map(\.state) == [
                .beforeRecords, .beforeRecords, .missed, .due,
            ])
        #expect(QuarterCadence.State.beforeRecords.rawValue == "before records began")
        #expect(
            founded.quarterlyCadence(year: 2025, today: LocalDate(year: 2026, month: 11, day: 29)!).allSatisfy {
                $0.state == .beforeRecords
            })
    }

    /// Records every member present (or the first `count`): the meeting is then held, on the record.
    func recordHeld(_ reference: MeetingReference, in state: inout NetworkState, on day: LocalDate) throws {
        for member in state.members(on: try #require(state.meeting(reference)).date) {
            try state.execute(
                .recordAttendance(meeting: reference, entity: member.code, .present(focalPoints: [])),
                context: Fixture.context(Fixture.secretariat, on: day))
        }
    }

    @Test("ToR \"meets one time per quarter, or upon request by its member(s)\": any meeting held meets the quarter, and says which")
    func cadence() throws {
        var state = Fixture.founded()
        let context = Fixture.context(Fixture.secretariat, on: LocalDate(year: 2026, month: 1, day: 5)!)
        try state.execute(
            .scheduleMeeting(
                MeetingDraft(kind: .regular, date: LocalDate(year: 2026, month: 3, day: 11)!, startMinute: 600, location: "UN House")),
            context: context)
        try state.execute(
            .scheduleMeeting(
                MeetingDraft(
                    kind: .requested(by: ["ILO", "UNICEF"]), date: LocalDate(year: 2026, month: 5, day: 20)!, startMinute: 600,
                    location: "Zoom")), context: context)
        try state.execute(
            .scheduleMeeting(
                MeetingDraft(kind: .regular, date: LocalDate(year: 2026, month: 12, day: 9)!, startMinute: 600, location: "UN House")),
            context: context)
        try recordHeld("MTG/2026/01", in: &state, on: LocalDate(year: 2026, month: 3, day: 11)!)
        try recordHeld("MTG/2026/02", in: &state, on: LocalDate(year: 2026, month: 5, day: 20)!)
        let cadence = state.quarterlyCadence(year: 2026, today: Fixture.today)
        #expect(cadence.map(\.state) == [.met, .met, .missed, .scheduled])
        #expect(cadence[1].requested == 1 && cadence[1].regular == 0)
        #expect(cadence[1].description == "met by MTG/2026/02 (requested by ILO, UNICEF)")
        #expect(
            state.quarterlyCadence(year: 2026, today: LocalDate(year: 2026, month: 8, day: 1)!).map(\.state) == [
                .met, .met, .due, .scheduled,
            ])
        #expect(state.quarterlyCadence(year: 2027, today: Fixture.today).map(\.state) == [.upcoming, .upcoming, .upcoming, .upcoming])
        #expect(state.nextMeeting(from: Fixture.today)?.reference == "MTG/2026/03")
    }

    @Test("A meeting counts as held only when its attendance was recorded: a past one without it is awaiting record, not met")
    func awaitingRecord() throws {
        var state = Fixture.founded()
        let day = LocalDate(year: 2026, month: 10, day: 14)!
        try state.execute(
            .scheduleMeeting(MeetingDraft(kind: .regular, date: day, startMinute: 600, location: "UN House")),
            context: Fixture.context(Fixture.secretariat, on: LocalDate(year: 2026, month: 10, day: 1)!))
        let meeting = try #require(state.meetings.first)
        #expect(state.quarterlyCadence(year: 2026, today: day)[3].state == .scheduled)
        let after = state.quarterlyCadence(year: 2026, today: day.adding(days: 1))[3]
        #expect(after.state == .awaitingRecord)
        #expect(after.description == "awaiting record of \(meeting.reference)")
        #expect(state.meeting(meeting.reference)?.isAwaitingRecord(on: day.adding(days: 1)) == true)
        // Apologies alone do not make a meeting: someone must have been there.
        try state.execute(
            .recordAttendance(meeting: meeting.reference, entity: "ILO", .apologies), context: Fixture.context(Fixture.secretariat, on: day)
        )
        #expect(state.quarterlyCadence(year: 2026, today: Fixture.today)[3].state == .awaitingRecord)
        try state.execute(
            .recordAttendance(meeting: meeting.reference, entity: "IOM", .present(focalPoints: [])),
            context: Fixture.context(Fixture.secretariat, on: day))
        #expect(state.quarterlyCadence(year: 2026, today: Fixture.today)[3].state == .met)
    }

    @Test("Attendance is judged against the membership on the meeting's date: an entity admitted later is not asked")
    func membershipOnTheMeetingsDate() throws {
        var state = Fixture.founded()
        let held = LocalDate(year: 2026, month: 3, day: 11)!
        try state.execute(
            .scheduleMeeting(MeetingDraft(kind: .regular, date: held, startMinute: 600, location: "UN House", mode: .inPerson)),
            context: Fixture.context(Fixture.secretariat, on: LocalDate(year: 2026, month: 2, day: 1)!))
        let admitted = LocalDate(year: 2026, month: 6, day: 1)!
        try state.execute(
            .proposeAdmission(
                code: "UNOPS", fullName: "United Nations Office for Project Services", text: "UNOPS asks to join.",
                deadline: admitted, raisedAt: .writtenConsultation), context: Fixture.context(Fixture.secretariat, on: held))
        for member in state.members {
            try state.execute(
                .recordPosition(item: "UNMN/2026/001", entity: member.code, .agree, source: .email),
                context: Fixture.context(Fixture.secretariat, on: admitted))
        }
        try state.execute(
            .adoptItem("UNMN/2026/001", statement: "UNOPS is admitted."), context: Fixture.context(Fixture.chair, on: admitted))
        #expect(state.entity("UNOPS")?.isMember == true)
        #expect(!state.members(on: held).contains { $0.code == "UNOPS" })
        #expect(state.members(on: admitted).contains { $0.code == "UNOPS" })
        #expect(
            refusal(.recordAttendance(meeting: "MTG/2026/01", entity: "UNOPS", .absent), Fixture.secretariat, in: state, on: admitted)?
                .reasons == ["UNOPS became a member on 2026-06-01, after the meeting"])
        try recordHeld("MTG/2026/01", in: &state, on: admitted)
        // Sixteen members then, not seventeen now: the minutes can be finalised without UNOPS.
        try state.execute(.finaliseMinutes("MTG/2026/01"), context: Fixture.context(Fixture.secretariat, on: admitted))
        #expect(state.meeting("MTG/2026/01")?.status == .finalised(on: admitted))
    }

    @Test("Guests (government, civil society, the RCO's officer, speakers) are recorded per meeting with name, organisation and role")
    func guests() throws {
        var state = Fixture.founded()
        let day = LocalDate(year: 2026, month: 12, day: 9)!
        try state.execute(
            .scheduleMeeting(MeetingDraft(kind: .regular, date: day, startMinute: 600, location: "UN House", mode: .inPerson)),
            context: Fixture.context(Fixture.secretariat))
        let guest = Meeting.Guest(name: " Dilshod Akbarov ", organisation: "Ministry of Employment", role: "speaker")
        try state.execute(.addGuest(meeting: "MTG/2026/01", guest), context: Fixture.context(Fixture.secretariat))
        let recorded = Meeting.Guest(name: "Dilshod Akbarov", organisation: "Ministry of Employment", role: "speaker")
        #expect(state.meeting("MTG/2026/01")?.guests == [recorded])
        #expect(
            refusal(.addGuest(meeting: "MTG/2026/01", recorded), Fixture.secretariat, in: state)?.reasons == [
                "Dilshod Akbarov of Ministry of Employment is already a guest"
            ])
        #expect(
            refusal(.addGuest(meeting: "MTG/2026/01", Meeting.Guest(name: "", organisation: "", role: "")), Fixture.secretariat, in: state)?
                .reasons == ["the guest has no name", "say which organisation the guest is from"])
        #expect(refusal(.addGuest(meeting: "MTG/2026/01", recorded), Fixture.unicef, in: state) != nil)
        // Undo takes the guest off again.
        let undo = try #require(state.undoPlan(for: Fixture.secretariat))
        #expect(
            undo
                == .inverse(
                    summary: "Added Dilshod Akbarov (Ministry of Employment, speaker) as a guest of MTG/2026/01",
                    commands: [
                        .removeGuest(meeting: "MTG/2026/01", recorded)
                    ]))
        try state.execute(.removeGuest(meeting: "MTG/2026/01", recorded), context: Fixture.context(Fixture.secretariat))
        #expect(state.meeting("MTG/2026/01")?.guests == [])
    }
}
