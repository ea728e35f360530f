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
}
