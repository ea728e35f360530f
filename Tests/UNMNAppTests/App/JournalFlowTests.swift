import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

@Suite("Undo and journal changes in the console")
struct JournalFlowTests {
    /// The sample network, as ILO's focal point sees it.
    func sampleState() throws -> AppState {
        var network = NetworkState(emailPolicy: emailPolicy)
        for batch in try SampleNetwork.batches(entities: annexI, emailPolicy: emailPolicy) { network.apply(batch) }
        var state = makeState(width: 120, height: 40, operator: Operator(name: "Azizbek Rahimov", entity: "ILO", role: .member))
        state.network = network
        state.entities = network.entities
        return state
    }

    @Test("u shows what will be undone and asks; yes asks the runtime to undo in the journal")
    func undo() throws {
        var state = try sampleState()
        press([.character("u")], &state)
        guard case .confirm(let dialog, _, _)? = state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(
            dialog.message
                == "Undo your last change: Recorded ILO's position on UNMN/2026/006: object? The change stays in the journal's "
                + "history; undoing adds a correction."
        )
        #expect(press([.character("y")], &state) == [.execute(.undo, by: Operator(name: "Azizbek Rahimov", entity: "ILO", role: .member))])
    }

    @Test("A change that cannot be undone says why, without asking")
    func impossible() throws {
        var state = try sampleState()
        state.currentOperator = SampleNetwork.secretariat
        try state.network!.execute(
            .addAgendaItem(meeting: "MTG/2026/04", title: "Preparing the 2027 work plan"),
            context: CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: state.today, hour: 9)))
        press([.character("u")], &state)
        #expect(state.overlay == nil)
        #expect(
            state.status.text
                == "Cannot undo \"Added \"Preparing the 2027 work plan\" to the agenda of MTG/2026/04\": agenda items are kept; "
                + "rename it or leave its minutes empty."
        )
    }

    @Test("Saved and failed commits show in the status line; a failure that stops the journal makes the console read-only")
    func commits() throws {
        var state = try sampleState()
        _ = AppUpdate.update(&state, .committed(state.network!, summary: "Undid: Recorded ILO's position on UNMN/2026/006: object"))
        #expect(state.status == StatusMessage("Saved: Undid: Recorded ILO's position on UNMN/2026/006: object.", kind: .success))
        _ = AppUpdate.update(
            &state, .commitFailed("Saving failed (writing the journal failed: No space left on device); nothing was saved.", readOnly: true)
        )
        #expect(state.isReadOnly)
        #expect(screen(state)[38].hasSuffix("READ-ONLY"))
        press([.character("u")], &state)
        #expect(state.status.text == "Cannot undo: the console is read-only.")
    }

    @Test("The overview reads the journal: next meeting, the quarterly rule, overdue action points, held items, plan progress")
    func overview() throws {
        let state = try sampleState()
        let lines = screen(state)
        // The mailing list against the ToR: everyone's entity on it, the expired exception, the RCO's focal point.
        #expect(
            Array(lines[5...8]) == [
                "  Mailing list       19 people · every member entity on it",
                "  Email exceptions   1 expired: Zarina Olimova (UNFPA), ended 2025-04-10",
                "  RCO focal point    Shahnoza Gʻulomova, receives the minutes",
                "  Journal            ~/.local/share/unmn/journal",
            ])
        #expect(lines[11] == "  Next meeting       MTG/2026/04 on Wed 9 Dec 2026 at 10:00, UN House, Tashkent (in person)  (3)")
        #expect(lines[12] == "  2026 quarters      Q1 met · Q2 met · Q3 met · Q4 scheduled")
        #expect(lines[15] == "  Action points      2 overdue (AP/2026/002, AP/2026/003) · 3 open")
        #expect(lines[16] == "  Consensus items    2 pending · 0 ready to adopt · 1 held  (5)")
        // ToR: "reported to UNCT on regular basis": when the last report went, and which is due.
        #expect(lines[17] == "  UNCT report        2026 Q2 sent 2026-07-08 · 2026 Q3 due")
        #expect(lines[18] == "  Work plan 2026     endorsed 2026-03-11, revised · 45 % overall · funded USD 905,000 of USD 1,305,000  (4)")
    }

    @Test("Another console's change updates the members and says who did what")
    func journalChanged() throws {
        var state = makeState()
        var network = foundedNetwork
        try network.execute(
            .proposeAdmission(
                code: "UNOPS", fullName: "United Nations Office for Project Services", text: "Join",
                deadline: LocalDate(year: 2026, month: 12, day: 20)!,
                raisedAt: .writtenConsultation),
            context: CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: state.today)))
        _ = AppUpdate.update(&state, .journalChanged(network, summary: "Dilnoza Yusupova (IOM secretariat): Opened UNMN/2026/001."))
        #expect(state.entities.count == 17)
        #expect(state.status.text == "Dilnoza Yusupova (IOM secretariat): Opened UNMN/2026/001.")
    }
}

@Suite("Overview lines open their pane at the record")
struct OverviewNavigationTests {
    @Test("↓ selects a line, Enter opens it: the next meeting, the action points, the first pending item, the plan")
    func navigation() {
        var s = sampleState(.overview)
        press([.character("j"), .enter], &s)
        #expect(s.pane == .meetings && s.meetings.opened == "MTG/2026/04")
        s.pane = .overview
        press([.character("j"), .enter], &s)
        #expect(s.pane == .meetings && s.meetings.showsActionPoints)
        s.pane = .overview
        press([.character("j"), .enter], &s)
        #expect(s.pane == .decisions && s.decisions.review?.item == "UNMN/2026/005")
        s.pane = .overview
        press([.character("j"), .character("j"), .enter], &s)
        #expect(s.pane == .workplan)
        s.pane = .overview
        press([.home, .enter], &s)
        #expect(s.pane == .members)
    }

    @Test("The selected line's label is drawn reversed, even when a long value wraps")
    func highlight() {
        var s = sampleState(.overview)
        press([.character("j"), .character("j"), .character("j"), .character("j")], &s)
        let buffer = AppView.render(s)
        let row = buffer.lines.firstIndex { $0.hasPrefix("  Work plan 2026") }!
        #expect(buffer[2, row].style.attributes.contains(.reverse))
        #expect(!buffer[2, row - 1].style.attributes.contains(.reverse))
    }
}
