import TerminalUI
import Testing
import UNMNApp
import UNMNDomain
import UNMNResources

@testable import UNMNConsole

/// Issue 13's reproductions, in-process: two consoles on one record through the same performer,
/// the second working from a screen that has not refreshed yet.
@Suite("Two consoles, one record")
struct ConflictFlowTests {
    static let annexI = try! AnnexI.parse(ShippedData.annexIMembers)
    static let policy = EmailPolicy.parse(ShippedData.corporateEmailDomains)
    static let today = LocalDate(year: 2026, month: 11, day: 29)!
    static let sample: NetworkState = {
        var network = NetworkState(emailPolicy: policy)
        for batch in try! SampleNetwork.batches(entities: annexI, emailPolicy: policy) { network.apply(batch) }
        return network
    }()
    static let laura = SampleNetwork.chair

    final class Console {
        let runtime: AppRuntime<TestTerminal>
        init(_ op: Operator, effects: InMemoryEffects, network: NetworkState) {
            var state = AppState(
                width: 120, height: 40, today: ConflictFlowTests.today, currentOperator: op, journalPath: "journal",
                entities: network.entities,
                gcmObjectives: [])
            state.network = network
            runtime = AppRuntime(
                state: state, terminal: TestTerminal(width: 120, height: 40), today: { ConflictFlowTests.today }, performer: effects)
        }
        func press(_ keys: Key...) { for key in keys { runtime.handle(.key(key)) } }
        func type(_ text: String) { for character in text { runtime.handle(.key(.character(character))) } }
        var state: AppState { runtime.state }
        var screen: [String] { AppView.render(runtime.state).lines }
    }

    func twoConsoles() -> (InMemoryEffects, Console, Console) {
        let effects = InMemoryEffects(network: Self.sample, now: { Instant(tashkent: Self.today, hour: 10) })
        return (
            effects, Console(SampleNetwork.secretariat, effects: effects, network: Self.sample),
            Console(Self.laura, effects: effects, network: Self.sample)
        )
    }

    /// Opens ILO's focal point Azizbek Rahimov in the edit form.
    func openEditForm(_ console: Console) {
        console.press(.character("2"), .character("j"), .character("j"), .character("j"), .enter, .character("e"))
    }

    func field(_ id: String, of console: Console) -> FormValue? {
        if case .form(let form, _)? = console.state.overlay { return form.values[id] }
        return nil
    }

    @Test("One changes the position, the other (from the old screen) the email: both survive, and the second says whose it joined")
    func mergeDifferentFields() {
        let (effects, dilnoza, laura) = twoConsoles()
        openEditForm(dilnoza)
        openEditForm(laura)
        dilnoza.press(.tab, .control("u"))
        dilnoza.type("Senior Programme Officer")
        dilnoza.press(.enter)
        #expect(dilnoza.state.status.text == "Saved: Edited Azizbek Rahimov (FP-0006).")
        laura.press(.tab, .tab, .tab, .control("u"))
        laura.type("a.rahimov@ilo.org")
        laura.press(.enter)
        #expect(laura.state.status.text == "Saved: Edited Azizbek Rahimov (FP-0006).")
        let point = effects.network.focalPoint("FP-0006")
        #expect(point?.position == "Senior Programme Officer")
        #expect(point?.email == "a.rahimov@ilo.org")
    }

    @Test("Both change the position: the second save is refused, the form comes back with its input and theirs shown; Enter keeps yours")
    func conflictKeepYours() {
        let (effects, dilnoza, laura) = twoConsoles()
        openEditForm(dilnoza)
        openEditForm(laura)
        dilnoza.press(.tab, .control("u"))
        dilnoza.type("Senior Programme Officer")
        dilnoza.press(.enter)
        laura.press(.tab, .control("u"))
        laura.type("Project Coordinator")
        laura.press(.enter)
        #expect(field("position", of: laura) == .text("Project Coordinator"))
        #expect(laura.state.status.kind == .error)
        #expect(
            laura.state.status.text.hasPrefix(
                "Not saved: Dilnoza Yusupova (IOM) changed the position of FP-0006 to \"Senior Programme Officer\" at 10:00 on 2026-11-29"))
        #expect(laura.screen.contains { $0.contains("! Dilnoza Yusupova (IOM) changed this at 10:00 to") })
        #expect(laura.screen.contains { $0.contains("\"Senior Programme Officer\".") })
        #expect(effects.network.focalPoint("FP-0006")?.position == "Senior Programme Officer")
        laura.press(.enter)
        #expect(laura.state.status.text == "Saved: Edited Azizbek Rahimov (FP-0006).")
        #expect(effects.network.focalPoint("FP-0006")?.position == "Project Coordinator")
    }

    @Test("Ctrl-T takes their value into the form, keeping the rest of yours")
    func conflictTakeTheirs() {
        let (effects, dilnoza, laura) = twoConsoles()
        openEditForm(dilnoza)
        openEditForm(laura)
        dilnoza.press(.tab, .control("u"))
        dilnoza.type("Senior Programme Officer")
        dilnoza.press(.enter)
        laura.press(.tab, .control("u"))
        laura.type("Project Coordinator")
        laura.press(.tab, .left)  // and the level, which nobody else touched
        laura.press(.enter)
        laura.press(.control("t"))
        #expect(field("position", of: laura) == .text("Senior Programme Officer"))
        laura.press(.enter)
        #expect(laura.state.status.text == "Saved: Edited Azizbek Rahimov (FP-0006).")
        #expect(effects.network.focalPoint("FP-0006")?.position == "Senior Programme Officer")
        #expect(effects.network.focalPoint("FP-0006")?.level == .seniorProgrammeManager)
    }

    @Test("Minutes written in two consoles: the later save brings the editor back with theirs above, and Ctrl-S keeps yours")
    func minutesConflict() {
        let (effects, dilnoza, laura) = twoConsoles()
        for console in [dilnoza, laura] { console.press(.character("3"), .enter, .character("w"), .enter) }
        dilnoza.type(" Agreed.")
        dilnoza.press(.control("s"))
        #expect(dilnoza.state.status.text.hasPrefix("Saved: Wrote the minutes of item 1"))
        laura.type(" ILO to comment.")
        laura.press(.control("s"))
        guard case .editor(let editor, _, _)? = laura.state.overlay else {
            Issue.record("the editor closed and the text was lost")
            return
        }
        #expect(editor.text.hasSuffix(" ILO to comment."))
        #expect(laura.screen.contains { $0.contains("Saved by Dilnoza Yusupova (IOM) at 10:00 (theirs, read-only):") })
        #expect(laura.screen.contains { $0.contains("Agreed.") })
        laura.press(.control("s"))
        #expect(laura.state.status.text.hasPrefix("Saved: Wrote the minutes of item 1"))
        #expect(effects.network.meeting("MTG/2026/04")?.agenda[0].minutes.hasSuffix(" ILO to comment.") == true)
    }

    @Test("A change behind an open form is said at once, and the input is untouched")
    func warnsBehindOpenForm() {
        let (effects, dilnoza, laura) = twoConsoles()
        openEditForm(laura)
        laura.press(.tab, .control("u"))
        laura.type("Project Coordinator")
        openEditForm(dilnoza)
        dilnoza.press(.tab, .tab, .tab, .control("u"))
        dilnoza.type("a.rahimov@ilo.org")
        dilnoza.press(.enter)
        effects.pendingOutsideChange = (effects.network, "Dilnoza Yusupova (IOM secretariat): Edited Azizbek Rahimov (FP-0006).")
        laura.runtime.handle(.tick)
        #expect(
            laura.state.status.text
                == "While your form is open, Dilnoza Yusupova (IOM) changed the email and mailing list of FP-0006 at 10:00. Saving keeps "
                + "both, unless you changed the same field.")
        #expect(field("position", of: laura) == .text("Project Coordinator"))
    }
}
