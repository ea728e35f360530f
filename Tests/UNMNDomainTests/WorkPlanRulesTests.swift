import Foundation
import Testing

@testable import UNMNDomain

@Suite("Annual work plans")
struct WorkPlanRulesTests {
    func action(
        _ code: String, lead: EntityCode = "UNICEF", participants: [EntityCode] = [], required: Decimal = 100_000, funded: Decimal = 50_000,
        starts: LocalDate = LocalDate(year: 2026, month: 1, day: 1)!, ends: LocalDate = LocalDate(year: 2026, month: 6, day: 30)!,
        gcm: Set<Int> = [7]
    ) -> KeyActionDraft {
        KeyActionDraft(
            code: code, title: "Action \(code)", lead: lead, participants: participants, starts: starts, ends: ends,
            budgetRequired: required,
            budgetFunded: funded, fundingSource: .migrationMPTF, gcmObjectives: gcm)
    }

    func drafted() throws -> NetworkState {
        var state = Fixture.founded()
        try state.execute(.draftWorkPlan(year: 2026), context: Fixture.context(Fixture.secretariat))
        return state
    }

    @Test("Timeframe inside the year, budgets not negative, GCM 1–23, SDG targets well formed")
    func validation() throws {
        let state = try drafted()
        var bad = action(
            "A1", participants: ["UNICEF", "UNOPS"], required: -1, starts: LocalDate(year: 2026, month: 5, day: 1)!,
            ends: LocalDate(year: 2027, month: 1, day: 10)!, gcm: [0, 24])
        bad.sdgTargets = ["10.7", "ten"]
        #expect(
            refusal(.addKeyAction(year: 2026, bad), Fixture.secretariat, in: state)?.reasons == [
                "UNOPS is not a member", "UNICEF leads the action and is not also a participant", "its timeframe must lie within 2026",
                "budgets cannot be negative", "GCM objectives are numbered 1 to 23, not 0, 24", "SDG targets look like 10.7, not ten",
            ])
    }

    @Test("Funding above the requirement is never silent: it needs confirming")
    func overfunding() throws {
        var state = try drafted()
        var draft = action("A1", required: 100_000, funded: 120_000)
        #expect(
            refusal(.addKeyAction(year: 2026, draft), Fixture.secretariat, in: state)?.reasons
                == ["funded (USD 120,000) is above required (USD 100,000); confirm to accept it"])
        draft.acceptsOverfunding = true
        try state.execute(.addKeyAction(year: 2026, draft), context: Fixture.context(Fixture.secretariat))
        #expect(state.budget(year: 2026).fundedPercent == 120)
    }

    @Test("Progress is 0–100, dated, with who and a note; completed means 100 %")
    func progress() throws {
        var state = try drafted()
        try state.execute(.addKeyAction(year: 2026, action("A1")), context: Fixture.context(Fixture.secretariat))
        #expect(
            refusal(.recordProgress(year: 2026, code: "A1", percent: 101, status: .onTrack, note: ""), Fixture.secretariat, in: state)?
                .reasons
                == ["progress must be between 0 and 100 %, not 101"])
        #expect(
            refusal(.recordProgress(year: 2026, code: "A1", percent: 90, status: .completed, note: ""), Fixture.secretariat, in: state)?
                .reasons == ["a completed action is at 100 %"])
        try state.execute(
            .recordProgress(year: 2026, code: "A1", percent: 40, status: .atRisk, note: "Procurement slipped."),
            context: Fixture.context(Fixture.unicef))
        let recorded = try #require(state.workPlans[2026]?.actions[0])
        #expect(recorded.progress == 40 && recorded.status == .atRisk)
        #expect(
            recorded.history == [
                KeyAction.ProgressUpdate(
                    on: Fixture.today, by: "Gulnora Karimova", entity: "UNICEF", percent: 40, status: .atRisk, note: "Procurement slipped.")
            ])
    }

    @Test("Roll-up: budget-weighted mean, cancelled left out, stated with the number")
    func rollUp() throws {
        var state = try drafted()
        try state.execute(.addKeyAction(year: 2026, action("A1", required: 300_000)), context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .addKeyAction(year: 2026, action("A2", lead: "ILO", required: 100_000, gcm: [6, 7])),
            context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .addKeyAction(year: 2026, action("A3", lead: "ILO", required: 0, funded: 0)), context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .recordProgress(year: 2026, code: "A1", percent: 20, status: .onTrack, note: ""), context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .recordProgress(year: 2026, code: "A2", percent: 100, status: .completed, note: ""),
            context: Fixture.context(Fixture.secretariat))
        // weights 300k, 100k and the average 200k for the unbudgeted A3 (at 0 %): (60+100+0)/6 = 26.7 → 27
        #expect(state.workPlans[2026]?.progress.percent == 27)
        #expect(state.workPlans[2026]?.progress.actionCount == 3)
        #expect(state.progressByLead(year: 2026)["ILO"]?.percent == 50)  // A3 weighs as the group's average budget
        #expect(state.progressByObjective(year: 2026)[6]?.actionCount == 1)
        #expect(state.progressByObjective(year: 2026)[1]?.actionCount == 0)
        #expect(state.statusCounts(year: 2026) == [.onTrack: 1, .completed: 1, .notStarted: 1])
        #expect(state.progressByStatus(year: 2026)[.completed]?.percent == 100)
        #expect(state.progressByStatus(year: 2026)[.onTrack]?.percent == 20)
        try state.execute(
            .recordProgress(year: 2026, code: "A3", percent: 0, status: .cancelled, note: "Merged into A2"),
            context: Fixture.context(Fixture.secretariat))
        #expect(state.workPlans[2026]?.progress.percent == 40)
        #expect(ProgressRollUp.rule.contains("budget-weighted"))
    }

    @Test("Endorsed by an adopted AWP item, then closed; a closed plan takes no more progress")
    func lifecycle() throws {
        var state = try drafted()
        try state.execute(.addKeyAction(year: 2026, action("A1")), context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .openItem(
                ConsensusItemDraft(
                    title: "AWP 2026", text: "Endorse.", kind: .workPlanEndorsement(year: 2026), raisedAt: .writtenConsultation,
                    deadline: Fixture.today)), context: Fixture.context(Fixture.secretariat))
        #expect(
            refusal(.endorseWorkPlan(year: 2026, on: Fixture.today, reference: "UNMN/2026/001"), Fixture.secretariat, in: state)?.reasons
                == ["UNMN/2026/001 has not been adopted (open)"])
        try Fixture.answerAll(&state)
        try state.execute(
            .adoptItem("UNMN/2026/001", statement: "The members endorse the 2026 AWP."), context: Fixture.context(Fixture.chair))
        #expect(state.workPlans[2026]?.status == .endorsed(on: Fixture.today, reference: "UNMN/2026/001"))
        try state.execute(.closeWorkPlan(year: 2026, on: Fixture.today), context: Fixture.context(Fixture.secretariat))
        #expect(
            refusal(.recordProgress(year: 2026, code: "A1", percent: 50, status: .onTrack, note: ""), Fixture.secretariat, in: state)?
                .reasons
                == ["the 2026 plan was closed on 2026-11-29"])
    }

    /// A plan with actions A1 and A2 and its endorsement item open (everyone consulted on that version).
    func consulting() throws -> NetworkState {
        var state = try drafted()
        for code in ["A1", "A2"] {
            try state.execute(.addKeyAction(year: 2026, action(code)), context: Fixture.context(Fixture.secretariat))
        }
        try state.execute(
            .openItem(
                ConsensusItemDraft(
                    title: "AWP 2026", text: "Endorse.", kind: .workPlanEndorsement(year: 2026), raisedAt: .writtenConsultation,
                    deadline: LocalDate(year: 2026, month: 12, day: 15)!)), context: Fixture.context(Fixture.secretariat))
        return state
    }

    func endorsed() throws -> NetworkState {
        var state = try consulting()
        try Fixture.answerAll(&state)
        try state.execute(.adoptItem("UNMN/2026/001", statement: "Endorsed."), context: Fixture.context(Fixture.chair))
        return state
    }

    @Test(
        "ToR \"The AWPs shall be endorsed by the UNMN members\": the item records the version consulted on; a changed plan is not adopted")
    func consultedVersion() throws {
        var state = try consulting()
        #expect(state.items[0].consultedActions?.map(\.code) == ["A1", "A2"])
        try Fixture.answerAll(&state)
        var changed = action("A2")
        changed.budgetRequired = 150_000
        try state.execute(
            .editKeyAction(year: 2026, code: "A2", Edit(from: action("A2"), to: changed, basedOn: state.batchCount)),
            context: Fixture.context(Fixture.secretariat))
        let refusal = refusal(.adoptItem("UNMN/2026/001", statement: "Endorsed."), Fixture.chair, in: state)
        #expect(refusal?.reasons == ["A2 changed after the consultation opened on Sun 29 Nov 2026; re-open the consultation"])
        // Re-opening consults on the plan as it is now: positions reset, the history keeps them.
        let history = state.items[0].history.count
        try state.execute(
            .reopenConsultation("UNMN/2026/001", deadline: LocalDate(year: 2026, month: 12, day: 20)!),
            context: Fixture.context(Fixture.secretariat))
        #expect(state.items[0].positions.isEmpty)
        #expect(state.items[0].history.count == history)
        #expect(state.items[0].reopenings == [Fixture.today])
        #expect(state.items[0].consultedActions?.first { $0.code == "A2" }?.budgetRequired == 150_000)
        #expect(
            Self.refusalReasons(.reopenConsultation("UNMN/2026/001", deadline: LocalDate(year: 2026, month: 12, day: 20)!), in: state)
                == ["the 2026 plan has not changed since the consultation opened"])
        try Fixture.answerAll(&state)
        try state.execute(.adoptItem("UNMN/2026/001", statement: "Endorsed."), context: Fixture.context(Fixture.chair))
        #expect(state.workPlans[2026]?.isEndorsed == true)
    }

    static func refusalReasons(_ command: Command, in state: NetworkState) -> [String]? {
        refusal(command, Fixture.secretariat, in: state)?.reasons
    }

    @Test("An empty plan cannot be endorsed by any path: no item opens on it, and a meeting needs a decision naming the plan")
    func emptyPlan() throws {
        var state = try drafted()
        let open = Command.openItem(
            ConsensusItemDraft(
                title: "AWP 2026", text: "Endorse.", kind: .workPlanEndorsement(year: 2026), raisedAt: .writtenConsultation,
                deadline: Fixture.today))
        #expect(Self.refusalReasons(open, in: state) == ["the 2026 plan has no key actions to endorse"])
        #expect(
            Self.refusalReasons(.endorseWorkPlan(year: 2026, on: Fixture.today, reference: "MTG/2026/01"), in: state)?.contains(
                "the 2026 plan has no key actions") == true)
        try state.execute(.addKeyAction(year: 2026, action("A1")), context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .scheduleMeeting(MeetingDraft(kind: .regular, date: Fixture.today, startMinute: 600, location: "UN House", mode: .inPerson)),
            context: Fixture.context(Fixture.secretariat))
        #expect(
            Self.refusalReasons(.endorseWorkPlan(year: 2026, on: Fixture.today, reference: "MTG/2026/01"), in: state) == [
                "MTG/2026/01 recorded no decision naming the 2026 work plan; record it there first (d), or endorse by an item"
            ])
        try state.execute(
            .recordMeetingDecision(meeting: "MTG/2026/01", Meeting.Decision(text: "The members endorse the AWP 2026 by consensus.")),
            context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .endorseWorkPlan(year: 2026, on: Fixture.today, reference: "MTG/2026/01"), context: Fixture.context(Fixture.secretariat))
        #expect(state.workPlans[2026]?.isEndorsed == true)
    }

    @Test("An endorsed plan is frozen: a change is a revision with its reason; budgets, timeframes and new actions need endorsing")
    func revisions() throws {
        var state = try endorsed()
        var changed = action("A1")
        changed.budgetRequired = 120_000
        let edit = Edit(from: action("A1"), to: changed, basedOn: state.batchCount)
        #expect(
            Self.refusalReasons(.editKeyAction(year: 2026, code: "A1", edit), in: state) == [
                "the 2026 plan was endorsed on 2026-11-29 (UNMN/2026/001): a change now is a revision; say why it is revised"
            ])
        try state.execute(
            .editKeyAction(year: 2026, code: "A1", edit, revision: "The donor raised its grant."),
            context: Fixture.context(Fixture.secretariat))
        var retitled = action("A2")
        retitled.title = "Action A2, renamed"
        try state.execute(
            .editKeyAction(
                year: 2026, code: "A2", Edit(from: action("A2"), to: retitled, basedOn: state.batchCount), revision: "Clearer title."),
            context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .addKeyAction(year: 2026, action("A3"), revision: "A new request from the government."),
            context: Fixture.context(Fixture.secretariat))
        // Progress stays free; cancelling is a revision whose reason is the note.
        try state.execute(
            .recordProgress(year: 2026, code: "A2", percent: 30, status: .onTrack, note: ""), context: Fixture.context(Fixture.secretariat))
        #expect(
            Self.refusalReasons(.recordProgress(year: 2026, code: "A2", percent: 30, status: .cancelled, note: ""), in: state) == [
                "cancelling an action of the endorsed 2026 plan is a revision: say why in the note"
            ])
        try state.execute(
            .recordProgress(year: 2026, code: "A2", percent: 30, status: .cancelled, note: "Merged into A3."),
            context: Fixture.context(Fixture.secretariat))
        // A revision is history: undo does not take it back.
        #expect(
            refusal(.undo, Fixture.secretariat, in: state)?.reasons == [
                "a revision of the endorsed plan stays in its history; revise the action again to correct it"
            ])
        let plan = try #require(state.workPlans[2026])
        #expect(
            plan.revisions?.map(\.description) == [
                "A1 changed (budget required) on 2026-11-29: The donor raised its grant. — awaiting endorsement",
                "A2 changed (title) on 2026-11-29: Clearer title.",
                "A3 added on 2026-11-29: A new request from the government. — awaiting endorsement",
                "A2 cancelled on 2026-11-29: Merged into A3.",
            ])
        #expect(plan.statusDescription == "endorsed 2026-11-29 (UNMN/2026/001), revised after endorsement (4, 2 awaiting endorsement)")
        // The revisions awaiting endorsement get their own item; adopting it endorses them.
        try state.execute(
            .openItem(
                ConsensusItemDraft(
                    title: "Revised AWP 2026", text: "Endorse the revisions.", kind: .workPlanEndorsement(year: 2026),
                    raisedAt: .writtenConsultation, deadline: LocalDate(year: 2026, month: 12, day: 15)!)),
            context: Fixture.context(Fixture.secretariat))
        try Fixture.answerAll(&state, item: "UNMN/2026/002")
        try state.execute(.adoptItem("UNMN/2026/002", statement: "Revisions endorsed."), context: Fixture.context(Fixture.chair))
        #expect(state.workPlans[2026]?.revisionsAwaitingEndorsement.isEmpty == true)
        #expect(state.workPlans[2026]?.revisions?.first?.endorsedBy == "UNMN/2026/002")
    }
}

/// ToR: "implementation is to be monitored and reported to UNCT on regular basis".
@Suite("Reports to the UNCT")
struct ReportingTests {
    @Test("ToR \"reported to UNCT on regular basis\": the secretariat records a report sent; the last ended quarter's is due until then")
    func reportSent() throws {
        var state = Fixture.founded()
        let today = Fixture.today  // 2026-11-29: 2026 Q3 has ended, Q4 has not
        #expect(state.reporting(on: today).due == ReportingPeriod(year: 2026, quarter: 3))
        #expect(state.reporting(on: today).last == nil)
        #expect(
            refusal(.recordReportSent(period: "2026Q5", on: today), Fixture.secretariat, in: state)?.reasons == [
                "\"2026Q5\" is not a period: a quarter like 2026Q3, or a year like 2026"
            ])
        #expect(
            refusal(.recordReportSent(period: "2026q3", on: today.adding(days: 1)), Fixture.secretariat, in: state)?.reasons == [
                "2026-11-30 is in the future"
            ])
        #expect(refusal(.recordReportSent(period: "2026Q3", on: today), Fixture.unicef, in: state) != nil)
        try state.execute(.recordReportSent(period: "2026q3", on: today), context: Fixture.context(Fixture.secretariat))
        #expect(state.reportsSent == [ReportSent(period: "2026Q3", on: today, by: "Dilnoza Yusupova")])
        #expect(state.reporting(on: today).due == nil)
        // A new quarter ends: its report is due.
        #expect(state.reporting(on: LocalDate(year: 2027, month: 1, day: 5)!).due == ReportingPeriod(year: 2026, quarter: 4))
        #expect(refusal(.undo, Fixture.secretariat, in: state)?.reasons == ["the report has gone to the UNCT"])
    }

    @Test("Periods read and print as people write them")
    func periods() {
        #expect(ReportingPeriod("2026Q3")?.title == "2026 Q3")
        #expect(ReportingPeriod("2026")?.last == LocalDate(year: 2026, month: 12, day: 31))
        #expect(ReportingPeriod("2026Q1")?.previousQuarter.code == "2025Q4")
        #expect(ReportingPeriod("Q3") == nil && ReportingPeriod("2026Q") == nil && ReportingPeriod("26Q1") == nil)
    }
}

@Suite("SDG targets")
struct SDGTargetTests {
    @Test("Read over the bytes, a target is judged exactly as the pattern judges it")
    func sameAsThePattern() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["1", "10", "7", "a", "z", "A", ".", "..", "١", "1\u{301}", "é", " ", "100", "ab", "-", "8"]
        var examples = [
            "10.7", "8.a", "17.18", "1.b", "ten", "", ".", "10.", ".7", "100.1", "1.abc", "10.7 ", "١٠.٧", "1\u{301}.2", "10.A",
        ]
        for _ in 0..<5_000 {
            examples.append((0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for example in examples {
            #expect(KeyActionDraft.isSDGTarget(example) == (example.wholeMatch(of: /[0-9]{1,2}\.[0-9a-z]{1,2}/) != nil), "\(example)")
        }
    }
}
