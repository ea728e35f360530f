import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

/// Issue 17: what a new user found, each as the test that would have caught it.
@Suite("The new-user trial")
struct NewUserTrialTests {
    @Test("Below 80×24 keys do not reach the hidden form; q asks first, on the small screen, and n keeps the input")
    func tooSmall() {
        var s = sampleState(.members)
        press([.enter, .character("n")], &s)
        type("Jasur", &s)
        _ = AppUpdate.update(&s, .resize(width: 50, height: 12))
        press([.character("x"), .character("q")], &s)
        guard case .confirm(_, .quit, .form(let form, _)?)? = s.overlay else {
            Issue.record("q did not ask")
            return
        }
        #expect(form.values["name"] == .text("Jasur"))
        #expect(screen(s).contains { $0.contains("Quit and lose it?") })
        press([.character("n")], &s)
        #expect(!s.isQuitting)
        _ = AppUpdate.update(&s, .resize(width: 80, height: 24))
        guard case .form(let kept, _)? = s.overlay else {
            Issue.record("the form was lost")
            return
        }
        #expect(kept.values["name"] == .text("Jasur"))
    }

    @Test("Ctrl-C and Ctrl-Q in the minutes editor with unsaved text ask before quitting")
    func editorQuit() {
        for key in [Key.control("c"), .control("q")] {
            var s = sampleState(.meetings)
            press([.enter, .character("w"), .enter], &s)
            type("Unsaved", &s)
            let effects = press([key], &s)
            #expect(effects.isEmpty)
            guard case .confirm(_, .quit, .editor?)? = s.overlay else {
                Issue.record("\(key) quit without asking")
                continue
            }
        }
    }

    @Test("Enter on an action point opens it whole; the meeting's keys are not there")
    func actionPointDetail() {
        var s = sampleState(.meetings)
        press([.character("t"), .enter], &s)
        let lines = screen(s)
        #expect(lines[2] == "  AP/2026/002 · overdue")
        #expect(lines[3] == "  Map migration data sources held by each agency")
        #expect(lines[5] == "  Responsible  IOM (International Organization for Migration), UNDP (United")
        #expect(lines[8] == "  From         MTG/2026/01, Wed 11 Mar 2026")
        press([.character(" ")], &s)
        #expect(s.status.text == "Space does nothing here; press ? to see every key.")
        press([.escape], &s)
        #expect(!s.meetings.showsActionPointDetail && s.meetings.showsActionPoints)
    }

    @Test("Enter in the decisions log opens the item of the selected line")
    func logEntry() {
        var s = sampleState(.decisions)
        press([.character("l"), .character("G"), .character("k"), .enter], &s)
        #expect(s.decisions.review?.item == "UNMN/2026/002")
        press([.escape], &s)
        #expect(s.decisions.review == nil && s.decisions.showsLog)
    }

    @Test("In review, N closes as not adopted and x exports, as everywhere")
    func oneKeyOneMeaning() {
        var s = sampleState(.decisions, SampleNetwork.chair)
        press([.character("r"), .character("N")], &s)
        guard case .form(_, .decisions(.closeItem(_, .reject)))? = s.overlay else {
            Issue.record("N did not close as not adopted")
            return
        }
        var other = sampleState(.decisions, SampleNetwork.secretariat)
        press([.character("r")], &other)
        let effects = press([.character("x")], &other)
        guard case .writeFile(let name, _)? = effects.first else {
            Issue.record("x did not export in review")
            return
        }
        #expect(name.hasPrefix("unmn-"))
    }

    @Test("? opens at the keys of the pane on screen")
    func helpAtPane() {
        var s = sampleState(.workplan)
        press([.character("?")], &s)
        #expect(screen(s)[2].contains("4 Workplan"))
    }
}

@Suite("No message cut short")
struct LongStatusTests {
    static let missing = (1...30).map { "ENTITY\($0)" }.joined(separator: ", ")
    static let refusal = "Cannot finalise the minutes of MTG/2026/04: attendance is not recorded for " + missing + ", WHO."

    @Test("A message longer than three status rows says there is more, and ! shows it whole until Esc (issue 17)")
    func wholeMessage() throws {
        var s = makeState()
        s.status = StatusMessage(Self.refusal, kind: .error)
        #expect(s.statusIsCut)
        let lines = screen(s)
        #expect(lines[22].hasSuffix("(more: !)"))
        #expect(!lines.joined().contains("WHO."))
        press([.character("!")], &s)
        guard case .message(let panel)? = s.overlay else {
            Issue.record("no panel")
            return
        }
        #expect(panel.text == Self.refusal)
        let shown = screen(s).joined(separator: "\n")
        #expect(shown.contains("Message — refused"))
        #expect(shown.contains("ENTITY30, WHO."))
        #expect(screen(s)[23].hasPrefix("↑/↓ Scroll  Esc Close"))
        press([.escape], &s)
        #expect(s.overlay == nil)
    }

    @Test("A message that fits has nothing more to show: ! says so")
    func shortMessage() {
        var s = makeState()
        s.status = StatusMessage("Saved: Scheduled MTG/2026/01 on 2026-12-13.", kind: .success)
        #expect(!s.statusIsCut)
        press([.character("!")], &s)
        #expect(s.overlay == nil)
        #expect(s.status.text == "The status line already shows the whole message.")
    }
}
