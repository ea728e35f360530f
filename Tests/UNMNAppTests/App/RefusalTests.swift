import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

/// Every key a role may not use, on every screen of every pane, for a member and a viewer: the
/// refusal names the action the key was for and gives the domain's reason, and nothing opens.
@Suite("Refusals by role")
struct RefusalTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pane: Pane
        /// Keys that bring the screen up.
        var setup: [Key]
        var key: Key
        /// What the key was for, as the refusal says it.
        var action: String
        /// Only the viewer is refused (a member may use the key on its own entity's records).
        var viewerOnly = false

        var testDescription: String { "\(pane.title) \(setup.map(\.description).joined()) \(key)" }
    }

    static let unicef = Operator(name: "Gulnora Karimova", entity: "UNICEF", role: .member)
    static let rco = Operator(name: "RCO archive", entity: "UNRC", role: .viewer)

    static let cases: [Case] = [
        Case(pane: .members, setup: [], key: .character("n"), action: "add a focal point"),
        Case(pane: .members, setup: [], key: .character("A"), action: "propose an admission"),
        Case(pane: .members, setup: [], key: .character("W"), action: "record a withdrawal"),
        Case(pane: .members, setup: [.enter], key: .character("n"), action: "add a focal point"),
        Case(pane: .members, setup: [.enter], key: .character("e"), action: "edit a focal point"),
        Case(pane: .members, setup: [.enter], key: .character("m"), action: "change who is on the mailing list"),
        Case(pane: .members, setup: [.enter], key: .character("R"), action: "retire a focal point"),
        Case(pane: .members, setup: [.character("L")], key: .character("s"), action: "mark the mailing-list request sent"),
        Case(pane: .members, setup: [.character("P")], key: .character("n"), action: "grant access"),
        Case(pane: .members, setup: [.character("P")], key: .character("X"), action: "revoke access"),
        Case(pane: .meetings, setup: [], key: .character("n"), action: "schedule a meeting"),
        Case(pane: .meetings, setup: [.enter], key: .character(" "), action: "record attendance"),
        Case(pane: .meetings, setup: [.enter], key: .character("p"), action: "record attendance"),
        Case(pane: .meetings, setup: [.enter], key: .character("a"), action: "record attendance"),
        Case(pane: .meetings, setup: [.enter], key: .character("b"), action: "record attendance"),
        Case(pane: .meetings, setup: [.enter], key: .character("i"), action: "add an agenda item"),
        Case(pane: .meetings, setup: [.enter], key: .character("f"), action: "finalise the minutes"),
        Case(pane: .meetings, setup: [.enter], key: .character("S"), action: "mark the minutes shared with the RCO"),
        Case(pane: .meetings, setup: [.enter], key: .character("d"), action: "record a decision"),
        Case(pane: .meetings, setup: [.enter], key: .character("A"), action: "add an action point"),
        Case(pane: .meetings, setup: [.enter], key: .character("w"), action: "write the minutes"),
        Case(pane: .meetings, setup: [.enter], key: .character("M"), action: "amend the minutes"),
        Case(pane: .meetings, setup: [.character("t")], key: .character("D"), action: "mark done AP/2026/002"),
        Case(pane: .meetings, setup: [.character("t")], key: .character("X"), action: "drop AP/2026/002"),
        Case(pane: .workplan, setup: [], key: .character("n"), action: "add a key action"),
        Case(pane: .workplan, setup: [], key: .character("e"), action: "edit a key action"),
        Case(pane: .workplan, setup: [], key: .character("D"), action: "draft a work plan"),
        Case(pane: .workplan, setup: [], key: .character("E"), action: "open the endorsement item"),
        Case(pane: .workplan, setup: [], key: .character("C"), action: "close the work plan"),
        Case(pane: .workplan, setup: [.enter], key: .character("e"), action: "edit a key action"),
        Case(
            pane: .workplan, setup: [.character("j"), .character("j")], key: .character("p"), action: "record progress on 2026-03",
            viewerOnly: true),
        Case(pane: .decisions, setup: [], key: .character("n"), action: "open a consensus item"),
        Case(pane: .decisions, setup: [.character("r")], key: .character("p"), action: "record a position", viewerOnly: true),
        Case(pane: .decisions, setup: [.character("r")], key: .character("a"), action: "adopt the item"),
        Case(pane: .decisions, setup: [.character("r")], key: .character("N"), action: "close the item as not adopted"),
        Case(pane: .decisions, setup: [.character("r")], key: .character("d"), action: "defer the item"),
        Case(pane: .decisions, setup: [.character("r")], key: .character("w"), action: "withdraw the item"),
        Case(pane: .overview, setup: [], key: .character("u"), action: "undo", viewerOnly: true),
    ]

    func refusal(_ testCase: Case, as op: Operator) -> (status: StatusMessage, state: AppState, effects: [Effect]) {
        var state = sampleState(testCase.pane, op)
        press(testCase.setup, &state)
        let effects = press([testCase.key], &state)
        return (state.status, state, effects)
    }

    @Test(
        "A member is told what the key was for and that it is the secretariat's or the chair's", arguments: cases.filter { !$0.viewerOnly })
    func member(_ testCase: Case) {
        let (status, state, effects) = refusal(testCase, as: Self.unicef)
        let isClosing = testCase.pane == .decisions && testCase.setup == [.character("r")]
        let reason =
            isClosing
            ? "only the chair or co-chair closes consensus items (you are a member)"
            : testCase.action.hasPrefix("mark done") || testCase.action.hasPrefix("drop")
                ? "UNICEF is not responsible for AP/2026/002 (IOM, UNDP and WB are)" : "this is the secretariat's to do (you are a member)"
        #expect(status == StatusMessage("Cannot \(testCase.action): \(reason).", kind: .warning))
        #expect(state.overlay == nil)
        #expect(effects.isEmpty)
    }

    @Test("A viewer is told what the key was for and that a viewer only reads", arguments: cases)
    func viewer(_ testCase: Case) {
        let (status, state, effects) = refusal(testCase, as: Self.rco)
        #expect(status == StatusMessage("Cannot \(testCase.action): a viewer only reads.", kind: .warning))
        #expect(state.overlay == nil)
        #expect(effects.isEmpty)
    }

    @Test("A member's Space in an opened meeting is refused about attendance, not the work plan")
    func attendanceNotWorkplan() {
        var state = sampleState(.meetings, Self.unicef)
        press([.enter, .character(" ")], &state)
        #expect(state.status.text == "Cannot record attendance: this is the secretariat's to do (you are a member).")
        #expect(!state.status.text.contains("work plan"))
    }

    @Test("Every key of every screen is in ? with its reason when it is off")
    func helpLists() {
        let state = sampleState(.meetings, Self.unicef)
        let entries = KeyBindings.helpSections(for: state).flatMap(\.entries)
        for binding in KeyBindings.all {
            #expect(
                entries.contains { $0.keys == binding.keyLabel && $0.description == binding.description },
                "\(binding.keyLabel) \(binding.label)")
        }
        #expect(entries.contains { $0.keys == "Space" && $0.disabledReason?.hasPrefix("Cannot record attendance") == true })
    }
}

@Suite("Key tables")
struct KeyTableTests {
    @Test("No pane's key shadows a key that works everywhere (moving, panes, help, quit)")
    func noShadowing() {
        let everywhere: [Key] =
            ["j", "k", "g", "G", "?", "q", "1", "2", "3", "4", "5", "u", "o"].map { Key.character($0) }
            + [.up, .down, .tab, .backTab, .pageUp, .pageDown, .home, .end]
        for pane in Pane.allCases {
            for group in pane.feature.keyGroups {
                for binding in group.bindings {
                    #expect(!binding.keys.contains(where: everywhere.contains), "\(group.title): \(binding.keyLabel) \(binding.label)")
                }
            }
        }
    }
}
