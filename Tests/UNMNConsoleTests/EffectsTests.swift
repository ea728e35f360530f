import Foundation
import TerminalUI
import Testing
import UNMNApp
import UNMNDomain
import UNMNJournal
import UNMNResources

@testable import UNMNConsole

/// "Key → effect → journal → `.committed` → screen", in-process: the runtime over the test
/// terminal, with the real journal performer on a temporary journal, and with the in-memory one.
@Suite("Effects performed", .serialized)
struct EffectsTests {
    static let annexI = try! AnnexI.parse(ShippedData.annexIMembers)
    static let policy = EmailPolicy.parse(ShippedData.corporateEmailDomains)
    static let secretariat = Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)
    static let today = LocalDate(year: 2026, month: 11, day: 29)!
    static let now = Instant(tashkent: today, hour: 11)

    /// A journal of the founded network in a fresh directory.
    func foundedJournal(readOnly: Bool = false) throws -> (path: String, journal: Journal) {
        let directory = NSTemporaryDirectory() + "unmn-effects-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/journal"
        let founding = NetworkState.founding(
            entities: Self.annexI, emailPolicy: Self.policy, by: Self.secretariat, at: Instant(tashkent: Self.today, hour: 9))
        try Journal.create(at: path, batches: [founding.batch], osUser: "test")
        return (path, try Journal(path: path, emailPolicy: Self.policy, osUser: "test", readOnly: readOnly))
    }

    func state(_ network: NetworkState, readOnly: Bool = false) -> AppState {
        var state = AppState(
            width: 80, height: 24, today: Self.today, currentOperator: Self.secretariat, isReadOnly: readOnly, journalPath: "journal",
            entities: network.entities, gcmObjectives: [])
        state.network = network
        return state
    }

    func keys(_ text: String) -> [InputEvent] { text.map { .key(.character($0)) } }

    @Test("Scheduling a meeting from the keys reaches the journal on disk, and the screen says it was saved")
    func commitThroughTheJournal() throws {
        let (path, journal) = try foundedJournal()
        let terminal = TestTerminal(width: 80, height: 24)
        let directory = (path as NSString).deletingLastPathComponent
        let effects = JournalEffects(
            journal: journal, memory: OperatorMemory(directory: directory), terminal: terminal, editor: ExternalEditor(environment: [:]),
            workingDirectory: directory, now: { Self.now })
        let runtime = AppRuntime(state: state(journal.state), terminal: terminal, today: { Self.today }, performer: effects)
        // Schedule: the location is the only field without a default.
        terminal.enqueue(keys("3n") + Array(repeating: .key(.tab), count: 5) + keys("UN House, Tashkent") + [.key(.enter)])
        runtime.run()
        #expect(runtime.state.status == StatusMessage("Saved: Scheduled MTG/2026/01 on 2026-12-13.", kind: .success))
        #expect(terminal.frames.last?.lines[22] == " ✓ Saved: Scheduled MTG/2026/01 on 2026-12-13.")
        let reopened = try Journal(path: path, emailPolicy: Self.policy, osUser: "test", readOnly: true)
        #expect(reopened.state.meeting("MTG/2026/01")?.location == "UN House, Tashkent")
    }

    @Test("A command the rules refuse comes back with every reason, and the console stays writable")
    func refusedWithReasons() throws {
        let (_, journal) = try foundedJournal()
        let terminal = TestTerminal(width: 80, height: 24)
        let effects = JournalEffects(
            journal: journal, memory: OperatorMemory(directory: NSTemporaryDirectory()), terminal: terminal,
            editor: ExternalEditor(environment: [:]), workingDirectory: NSTemporaryDirectory(), now: { Self.now })
        let runtime = AppRuntime(state: state(journal.state), terminal: terminal, today: { Self.today }, performer: effects)
        let draft = MeetingDraft(kind: .requested(by: []), date: Self.today, startMinute: 600, durationMinutes: 5, location: " ")
        runtime.send(.perform(.execute(.scheduleMeeting(draft), by: Self.secretariat)))
        #expect(
            runtime.state.status
                == StatusMessage(
                    "Cannot schedule a meeting on 2026-11-29: a meeting lasts between 15 minutes and 12 hours; say where the meeting takes "
                        + "place (a room, or the video link); a requested meeting names who requested it.", kind: .error))
        #expect(!runtime.state.isReadOnly)
        #expect(journal.state.meetings.isEmpty)
    }

    @Test("A journal that does not accept changes makes the console read-only and says why")
    func readOnlyJournal() throws {
        let (_, journal) = try foundedJournal(readOnly: true)
        let terminal = TestTerminal(width: 80, height: 24)
        let effects = JournalEffects(
            journal: journal, memory: OperatorMemory(directory: NSTemporaryDirectory()), terminal: terminal,
            editor: ExternalEditor(environment: [:]), workingDirectory: NSTemporaryDirectory(), now: { Self.now })
        let runtime = AppRuntime(state: state(journal.state), terminal: terminal, today: { Self.today }, performer: effects)
        runtime.send(.perform(.execute(.draftWorkPlan(year: 2027), by: Self.secretariat)))
        #expect(runtime.state.status == StatusMessage("Read-only: opened with --read-only", kind: .error))
        #expect(runtime.state.isReadOnly)
    }

    @Test("Files written and the operator remembered land where they belong, with the answers the screen shows")
    func filesAndOperator() throws {
        let (path, journal) = try foundedJournal()
        let directory = (path as NSString).deletingLastPathComponent
        let terminal = TestTerminal(width: 80, height: 24)
        let effects = JournalEffects(
            journal: journal, memory: OperatorMemory(directory: directory + "/config"), terminal: terminal,
            editor: ExternalEditor(environment: [:]), workingDirectory: directory, now: { Self.now })
        #expect(effects.perform(.writeFile(name: "report.md", contents: "# Report\n")) == .fileWritten(path: "report.md", failure: nil))
        #expect(try String(contentsOfFile: directory + "/report.md", encoding: .utf8) == "# Report\n")
        // A second export of the same name never replaces the first (issue 17): it takes the next free name.
        #expect(effects.perform(.writeFile(name: "report.md", contents: "# Again\n")) == .fileWritten(path: "report-2.md", failure: nil))
        #expect(effects.perform(.writeFile(name: "report.md", contents: "# Third\n")) == .fileWritten(path: "report-3.md", failure: nil))
        #expect(try String(contentsOfFile: directory + "/report.md", encoding: .utf8) == "# Report\n")
        #expect(try String(contentsOfFile: directory + "/report-2.md", encoding: .utf8) == "# Again\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        #expect(effects.perform(.rememberOperator(Self.secretariat)) == .operatorRemembered(Self.secretariat, failure: nil))
        #expect(try OperatorMemory(directory: directory + "/config").load() == Self.secretariat)
        #expect(effects.poll() == nil)
    }

    @Test("@ on a real journal: the journal is replayed up to the end of the day asked for")
    func asOfOnJournal() throws {
        let directory = NSTemporaryDirectory() + "unmn-effects-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/journal"
        let batches = try SampleNetwork.batches(entities: Self.annexI, emailPolicy: Self.policy)
        try Journal.create(at: path, batches: batches, osUser: "test")
        let journal = try Journal(path: path, emailPolicy: Self.policy, osUser: "test")
        let effects = JournalEffects(
            journal: journal, memory: OperatorMemory(directory: directory), terminal: TestTerminal(width: 80, height: 24),
            editor: ExternalEditor(environment: [:]), workingDirectory: directory, now: { Self.now })
        let day = LocalDate(year: 2025, month: 9, day: 30)!
        guard case .asOfLoaded(day, let network)? = effects.perform(.loadAsOf(day)) else {
            Issue.record("not loaded")
            return
        }
        #expect(network == NetworkState.asOf(day, batches: batches, emailPolicy: Self.policy))
        #expect(network.meeting("MTG/2025/04") == nil)
        #expect(network.quarterlyCadence(year: 2025, today: day.adding(days: 1))[2].state == .met)
    }

    @Test("$EDITOR runs with the terminal handed over, and its text comes back to the minutes editor")
    func externalEditor() throws {
        let (path, journal) = try foundedJournal()
        let directory = (path as NSString).deletingLastPathComponent
        let script = directory + "/editor.sh"
        try "printf 'Edited in vi\\n' > \"$1\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        // Run by sh rather than executed itself: a script just written can be "busy" (ETXTBSY) while
        // a test running in parallel forks with the file still open.
        let effects = JournalEffects(
            journal: journal, memory: OperatorMemory(directory: directory), terminal: TestTerminal(width: 80, height: 24),
            editor: ExternalEditor(environment: ["VISUAL": "sh '\(script)'"]), workingDirectory: directory, now: { Self.now })
        let purpose = EditorPurpose.minutes(meeting: "MTG/2026/01", item: 0)
        #expect(
            effects.perform(.externalEdit(text: "draft", title: "T", purpose: purpose))
                == .externalEditFinished(text: "Edited in vi", title: "T", purpose: purpose, failure: nil))
        let failing = JournalEffects(
            journal: journal, memory: OperatorMemory(directory: directory), terminal: TestTerminal(width: 80, height: 24),
            editor: ExternalEditor(environment: ["VISUAL": "false"]), workingDirectory: directory, now: { Self.now })
        #expect(
            failing.perform(.externalEdit(text: "draft", title: "T", purpose: purpose))
                == .externalEditFinished(
                    text: "draft", title: "T", purpose: purpose, failure: "false exited with status 1; the text is as it was before."))
    }

    @Test("Fresh names keep the extension and the dots in a name; a name without one gets the number at the end")
    func freshNames() {
        #expect(
            FreshFileName.candidates(for: "decisions-2026-11-29.md").prefix(3) == [
                "decisions-2026-11-29.md", "decisions-2026-11-29-2.md", "decisions-2026-11-29-3.md",
            ])
        #expect(FreshFileName.candidates(for: "unmn.members.csv")[1] == "unmn.members-2.csv")
        #expect(FreshFileName.candidates(for: "README")[1] == "README-2")
        #expect(FreshFileName.candidates(for: ".hidden")[1] == ".hidden-2")
        #expect(FreshFileName.candidates(for: "x.md").count == FreshFileName.attempts)
    }

    @Test("The in-memory double: commits, refusals, a failed write that stops further changes, files and outside changes")
    func inMemory() {
        let founded = NetworkState.founding(entities: Self.annexI, emailPolicy: Self.policy, by: Self.secretariat, at: Self.now).state
        let effects = InMemoryEffects(network: founded, now: { Self.now })
        let runtime = AppRuntime(
            state: state(founded), terminal: TestTerminal(width: 80, height: 24), today: { Self.today }, performer: effects)
        runtime.send(.perform(.execute(.draftWorkPlan(year: 2027), by: Self.secretariat)))
        #expect(runtime.state.status.text == "Saved: Drafted the 2027 work plan.")
        #expect(runtime.state.network?.workPlans[2027] != nil)
        runtime.send(.perform(.execute(.draftWorkPlan(year: 2027), by: Self.secretariat)))
        #expect(runtime.state.status.text == "Cannot draft the 2027 work plan: the 2027 work plan already exists (draft).")
        effects.failingWrite = "No space left on device"
        runtime.send(.perform(.execute(.draftWorkPlan(year: 2028), by: Self.secretariat)))
        #expect(runtime.state.isReadOnly)
        #expect(runtime.state.status == StatusMessage("Saving failed (No space left on device); nothing was saved.", kind: .error))
        #expect(effects.network.workPlans[2028] == nil)
        runtime.send(.exportScreen)
        #expect(effects.files.keys.sorted() == ["unmn-report-2026Q4.md"])
        var changed = effects.network
        changed.apply(
            EventBatch(
                operator: Self.secretariat, at: Self.now, events: [.workPlanDrafted(year: 2029)], summary: "Drafted the 2029 work plan"))
        effects.pendingOutsideChange = (changed, "Laura Bianchi (IOM chair): Drafted the 2029 work plan.")
        runtime.handle(.tick)
        #expect(runtime.state.status.text == "Laura Bianchi (IOM chair): Drafted the 2029 work plan.")
        #expect(runtime.state.network?.workPlans[2029] != nil)
    }
}
