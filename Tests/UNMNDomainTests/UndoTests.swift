import Testing

@testable import UNMNDomain

@Suite("Undo")
struct UndoTests {
    @Test("Undoing a position restores the previous one and keeps both in the history")
    func position() throws {
        var state = try Fixture.withOpenItem()
        try state.execute(
            .recordPosition(item: "UNMN/2026/001", entity: "FAO", .agree, source: .email), context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .recordPosition(item: "UNMN/2026/001", entity: "FAO", .object(reason: "typo"), source: .email),
            context: Fixture.context(Fixture.secretariat))
        guard case .inverse(let summary, _)? = state.undoPlan(for: Fixture.secretariat) else {
            Issue.record("no plan")
            return
        }
        #expect(summary == "Recorded FAO's position on UNMN/2026/001: object")
        let batch = try state.execute(.undo, context: Fixture.context(Fixture.secretariat))
        #expect(batch.isUndo && batch.summary == "Undid: Recorded FAO's position on UNMN/2026/001: object")
        #expect(state.items[0].positions["FAO"]?.position == .agree)
        #expect(state.items[0].history.count == 3)
        #expect(
            refusal(.undo, Fixture.secretariat, in: state)?.description
                == "Cannot undo \"Undid: Recorded FAO's position on UNMN/2026/001: object\": your last change was itself an undo.")
    }

    @Test("Undoing a first answer returns to no answer")
    func firstAnswer() throws {
        var state = try Fixture.withOpenItem()
        try state.execute(
            .recordPosition(item: "UNMN/2026/001", entity: "FAO", .agree, source: .email),
            context: Fixture.context(Fixture.unicef.with(role: .secretariat)))
        try state.execute(.undo, context: Fixture.context(Fixture.unicef.with(role: .secretariat)))
        #expect(state.items[0].positions["FAO"] == nil)
    }

    @Test("An adoption cannot be undone, and says why")
    func adoption() throws {
        var state = try Fixture.withOpenItem()
        try Fixture.answerAll(&state)
        try state.execute(.adoptItem("UNMN/2026/001", statement: "Adopted."), context: Fixture.context(Fixture.chair))
        #expect(
            refusal(.undo, Fixture.chair, in: state)?.description
                == "Cannot undo \"Adopted UNMN/2026/001 as decision 2026/01\": an adopted decision stands; open a new item to revisit it.")
    }

    @Test("Each operator undoes only their own last change")
    func perOperator() throws {
        var state = Fixture.founded()
        try state.execute(.addFocalPoint(Fixture.draft("Aziz", "ILO", "aziz@ilo.org")), context: Fixture.context(Fixture.secretariat))
        #expect(refusal(.undo, Fixture.chair, in: state)?.reasons == ["you have made no change to undo"])
        try state.execute(.undo, context: Fixture.context(Fixture.secretariat))
        #expect(state.focalPoints[0].retiredOn == Fixture.today)
        #expect(state.mailingList.isEmpty)
        #expect(state.mailingListChanges.map(\.added) == [true, false])
    }

    @Test("Undoing progress puts the percentage and status back, with a note")
    func progress() throws {
        var state = Fixture.founded()
        try state.execute(.draftWorkPlan(year: 2026), context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .addKeyAction(
                year: 2026,
                KeyActionDraft(code: "A", title: "A", lead: "UNICEF", starts: Fixture.today, ends: Fixture.today, gcmObjectives: [7])),
            context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .recordProgress(year: 2026, code: "A", percent: 80, status: .onTrack, note: "typo: meant 8"),
            context: Fixture.context(Fixture.unicef))
        try state.execute(.undo, context: Fixture.context(Fixture.unicef))
        let action = try #require(state.workPlans[2026]?.actions.first)
        #expect(action.progress == 0 && action.status == .notStarted)
        #expect(action.history.last?.note == "Undone: back to 0 %.")
    }
}

extension Operator {
    func with(role: Role) -> Operator { Operator(name: name, entity: entity, role: role) }
}
