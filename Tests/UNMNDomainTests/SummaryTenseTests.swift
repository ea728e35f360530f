import Testing

@testable import UNMNDomain

/// Every status message and journal summary says what was done, in the past tense (issue 17:
/// "Saved: Mark AP/2026/002 done." beside "Saved: Adopted …").
@Suite("Summaries in the past tense")
struct SummaryTenseTests {
    static let irregular: Set<Substring> = ["Wrote", "Withdrew", "Undid"]

    func isPastTense(_ summary: String) -> Bool {
        guard let verb = summary.split(separator: " ").first else { return false }
        return verb.hasSuffix("ed") || Self.irregular.contains(verb)
    }

    @Test("Every batch of the sample network is summarised in the past tense")
    func sample() throws {
        let batches = try #require(SampleNetworkTests.batches)
        let present = batches.map(\.summary).filter { !isPastTense($0) }
        #expect(present.isEmpty)
    }

    @Test("Every command whose summary does not come from its events is in the past tense")
    func everyCommand() throws {
        let batches = try #require(SampleNetworkTests.batches)
        var network = NetworkState(emailPolicy: Fixture.policy)
        for batch in batches { network.apply(batch) }
        let meeting = try #require(network.meetings.first)
        let point = try #require(network.focalPoints.first)
        let plan = try #require(network.workPlans.values.first { !$0.actions.isEmpty })
        let action = try #require(plan.actions.first)
        let day = LocalDate(year: 2026, month: 11, day: 29)!
        let commands: [Command] = [
            .editFocalPoint(id: point.id, Edit(FocalPointDraft(point), changed: ["name"], basedOn: nil)),
            .retireFocalPoint(id: point.id, on: day),
            .setMailingList(focalPoint: point.id, on: true),
            .setMailingList(focalPoint: point.id, on: false),
            .markMailingListRequestSent,
            .recordWithdrawal("WB", on: day, note: "closing its office"),
            .rescheduleMeeting(meeting.reference, Edit(MeetingDraft(meeting), changed: ["date"], basedOn: nil)),
            .cancelMeeting(meeting.reference, reason: "The chair is away"),
            .postponeMeeting(meeting.reference, to: day, reason: "The chair is away"),
            .recordAttendance(meeting: meeting.reference, entity: "ILO", .present(focalPoints: [])),
            .addAgendaItem(meeting: meeting.reference, title: "AOB"),
            .writeMinutes(meeting: meeting.reference, item: 0, text: "Noted."),
            .recordMeetingDecision(meeting: meeting.reference, Meeting.Decision(text: "Agreed.")),
            .finaliseMinutes(meeting.reference),
            .amendMinutes(meeting.reference, text: "Corrected."),
            .shareMinutesWithRCO(meeting.reference, on: day),
            .updateActionPoint("AP/2026/001", status: .done, note: ""),
            .updateActionPoint("AP/2026/001", status: .open, note: ""),
            .updateActionPoint("AP/2026/001", status: .dropped, note: ""),
            .draftWorkPlan(year: 2027),
            .addKeyAction(year: plan.year, KeyActionDraft(action)),
            .editKeyAction(year: plan.year, code: action.code, Edit(KeyActionDraft(action), changed: ["title"], basedOn: nil)),
            .recordProgress(year: plan.year, code: action.code, percent: 50, status: .onTrack, note: ""),
            .endorseWorkPlan(year: plan.year, on: day, reference: "MTG/2026/01"),
            .closeWorkPlan(year: plan.year, on: day),
            .recordPosition(item: "UNMN/2026/001", entity: "ILO", .agree, source: .email),
            .rejectItem("UNMN/2026/001", statement: "No."),
            .deferItem("UNMN/2026/001", newDeadline: day, statement: "Later."),
            .withdrawItem("UNMN/2026/001", statement: "Withdrawn."),
            .found(entities: [], sandbox: false),
            .grantAccess(Grant(login: "dilnoza", name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)),
            .revokeAccess(login: "dilnoza"),
        ]
        for command in commands {
            let summary = NetworkState.summary(of: command, events: [])
            #expect(isPastTense(summary), "\(summary)")
        }
    }
}
