import Testing

@testable import UNMNDomain

@Suite("Permission matrix")
struct PermissionMatrixTests {
    static let day = LocalDate(year: 2026, month: 12, day: 1)!
    static let draft = FocalPointDraft(entity: "ILO", name: "A", position: "B", level: .other, email: "a@ilo.org")
    static let meeting = MeetingDraft(kind: .regular, date: day, startMinute: 600, location: "UN House")
    static let action = KeyActionDraft(code: "X", title: "X", lead: "ILO", starts: day, ends: day, gcmObjectives: [1])
    static let item = ConsensusItemDraft(title: "t", text: "t", kind: .general, raisedAt: .writtenConsultation, deadline: day)

    /// One instance of every command, named.
    static let commands: [(String, Command)] = [
        ("add focal point", .addFocalPoint(draft)),
        ("edit focal point", .editFocalPoint(id: "FP-0001", Edit(draft, changed: ["name"], basedOn: nil))),
        ("retire focal point", .retireFocalPoint(id: "FP-0001", on: day)),
        ("mailing list", .setMailingList(focalPoint: "FP-0001", on: true)),
        ("request sent", .markMailingListRequestSent),
        (
            "propose admission",
            .proposeAdmission(code: "UNOPS", fullName: "UNOPS", text: "t", deadline: day, raisedAt: .writtenConsultation)
        ),
        ("withdrawal", .recordWithdrawal("WB", on: day, note: "n")), ("schedule", .scheduleMeeting(meeting)),
        ("reschedule", .rescheduleMeeting("MTG/2026/01", Edit(meeting, changed: ["location"], basedOn: nil))),
        ("attendance", .recordAttendance(meeting: "MTG/2026/01", entity: "ILO", .absent)),
        ("agenda", .addAgendaItem(meeting: "MTG/2026/01", title: "t")),
        ("minutes", .writeMinutes(meeting: "MTG/2026/01", item: 0, text: "t")),
        ("meeting decision", .recordMeetingDecision(meeting: "MTG/2026/01", Meeting.Decision(text: "t"))),
        ("finalise", .finaliseMinutes("MTG/2026/01")),
        ("amend", .amendMinutes("MTG/2026/01", text: "t")), ("share", .shareMinutesWithRCO("MTG/2026/01", on: day)),
        ("action point", .addActionPoint(meeting: "MTG/2026/01", text: "t", responsible: ["ILO"], due: day)),
        ("update ILO's action point", .updateActionPoint("AP/2026/001", status: .done, note: "")),
        ("update UNICEF's action point", .updateActionPoint("AP/2026/002", status: .done, note: "")),
        ("draft plan", .draftWorkPlan(year: 2027)),
        ("add key action", .addKeyAction(year: 2026, action)),
        ("edit key action", .editKeyAction(year: 2026, code: "UNICEF-1", Edit(action, changed: ["title"], basedOn: nil))),
        ("progress on UNICEF's action", .recordProgress(year: 2026, code: "UNICEF-1", percent: 10, status: .onTrack, note: "")),
        ("progress on ILO's action", .recordProgress(year: 2026, code: "ILO-1", percent: 10, status: .onTrack, note: "")),
        ("endorse plan", .endorseWorkPlan(year: 2026, on: day, reference: "MTG/2026/01")),
        ("close plan", .closeWorkPlan(year: 2026, on: day)),
        ("open item", .openItem(item)),
        ("UNICEF's position", .recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .agree, source: .console)),
        ("ILO's position", .recordPosition(item: "UNMN/2026/001", entity: "ILO", .agree, source: .email)),
        ("adopt", .adoptItem("UNMN/2026/001", statement: "s")), ("not adopted", .rejectItem("UNMN/2026/001", statement: "s")),
        ("defer", .deferItem("UNMN/2026/001", newDeadline: day, statement: "s")),
        ("withdraw item", .withdrawItem("UNMN/2026/001", statement: "s")),
        ("undo", .undo),
    ]

    static let closing: Set<String> = ["adopt", "not adopted", "defer", "withdraw item"]
    static let memberMay: Set<String> = ["progress on UNICEF's action", "UNICEF's position", "update UNICEF's action point", "undo"]

    func state() throws -> NetworkState {
        var state = Fixture.founded()
        try state.execute(.draftWorkPlan(year: 2026), context: Fixture.context(Fixture.secretariat))
        try state.execute(.scheduleMeeting(Self.meeting), context: Fixture.context(Fixture.secretariat))
        for code: EntityCode in ["ILO", "UNICEF"] {
            try state.execute(
                .addActionPoint(meeting: "MTG/2026/01", text: "t", responsible: [code], due: Self.day),
                context: Fixture.context(Fixture.secretariat))
        }
        for (code, lead, participants) in [("UNICEF-1", EntityCode("UNICEF"), [EntityCode]()), ("ILO-1", "ILO", ["WHO"])] {
            try state.execute(
                .addKeyAction(
                    year: 2026,
                    KeyActionDraft(
                        code: code, title: code, lead: lead, participants: participants,
                        starts: Self.day, ends: Self.day, gcmObjectives: [6])), context: Fixture.context(Fixture.secretariat))
        }
        return state
    }

    @Test("Each role × each command", arguments: [Operator.Role.secretariat, .chair, .coChair, .member, .viewer])
    func matrix(role: Operator.Role) throws {
        let state = try state()
        let op = Operator(name: "Someone", entity: role == .member ? "UNICEF" : "IOM", role: role)
        for (name, command) in Self.commands {
            let allowed = Permissions.refusal(for: command, by: Fixture.context(op), in: state) == nil
            let expected: Bool
            switch role {
            case .chair, .coChair: expected = true
            case .secretariat: expected = !Self.closing.contains(name)
            case .member: expected = Self.memberMay.contains(name)
            case .viewer: expected = false
            }
            #expect(allowed == expected, "\(role.rawValue) × \(name)")
        }
    }

    @Test("Refusals say why, in words")
    func wording() throws {
        let state = try state()
        let member = Operator(name: "Gulnora", entity: "UNICEF", role: .member)
        #expect(
            refusal(.recordPosition(item: "UNMN/2026/001", entity: "ILO", .agree, source: .console), member, in: state)?.description
                == "Cannot record ILO's position on UNMN/2026/001: a member records only its own entity's position (you are "
                + "UNICEF, not ILO)."
        )
        #expect(
            refusal(.recordProgress(year: 2026, code: "ILO-1", percent: 5, status: .onTrack, note: ""), member, in: state)?.description
                == "Cannot record progress on ILO-1: UNICEF neither leads nor takes part in ILO-1 (lead ILO, with WHO).")
        #expect(
            refusal(.scheduleMeeting(Self.meeting), Fixture.viewer, in: state)?.description
                == "Cannot schedule a meeting on 2026-12-01: a viewer only reads.")
        #expect(refusal(.draftWorkPlan(year: 2027), member, in: state)?.reasons == ["this is the secretariat's to do (you are a member)"])
        #expect(
            refusal(.updateActionPoint("AP/2026/001", status: .done, note: ""), member, in: state)?.reasons == [
                "UNICEF is not responsible for AP/2026/001 (ILO is)"
            ])
    }

    @Test("A member updates progress on an action its entity takes part in")
    func participant() throws {
        var state = try state()
        let who = Operator(name: "Jasur Ergashev", entity: "WHO", role: .member)
        try state.execute(
            .recordProgress(year: 2026, code: "ILO-1", percent: 30, status: .onTrack, note: "Clinics mapped."),
            context: Fixture.context(who))
        #expect(state.workPlans[2026]?.actions[1].history.last?.entity == "WHO")
    }
}
