import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

@Suite("Workplan pane")
struct WorkplanTests {
    static let unicef = Operator(name: "Gulnora Karimova", entity: "UNICEF", role: .member)

    func state(_ op: Operator = unicef, width: Int = 80, height: Int = 24) -> AppState {
        sampleState(.workplan, op, width: width, height: height)
    }

    @Test("The table at 80×24: timeline with today's marker, progress, status that reads without colour")
    func table80() {
        let lines = screen(state())
        #expect(
            Array(lines[2...6]) == [
                " AWP 2026 12 of 12 actions · endorsed 2026-03-11, revised (2)",
                " Code    Title                  Lead     Q1 Q2 Q3 Q4  Progress    Status",
                " 2026-01 National protocol for… IOM      ■■■■■■■■■■│■ ███▌··  60% ● on track",
                " 2026-02 Pre-departure orienta… ILO      ·■■■■■■■■■│· ████▏·  70% ◆ delayed",
                " 2026-03 Child-sensitive retur… UNICEF   ■■■■■■■■■■│· ██····  35% ▲ at risk",
            ])
        #expect(lines[23] == "Enter Open  p Progress  m Mine  l Late  b Group  s Summary  1-5 Panes  ? Help")
    }

    @Test("The table at 120×40 shows the budget")
    func table120() {
        let lines = screen(state(width: 120, height: 40))
        #expect(
            lines[3]
                == " Code    Title                                              Lead     Q1 Q2 Q3 Q4  Progress    Status        Funded/Req."
        )
        #expect(
            lines[6]
                == " 2026-03 Child-sensitive return and reintegration services  UNICEF   ■■■■■■■■■■│· ██····  35% ▲ at risk     90k/180k")
    }

    @Test("A member finds its entity's late actions in three keystrokes")
    func lateActions() {
        var s = state()
        s.pane = .overview
        press([.character("4"), .character("m"), .character("l")], &s)
        let lines = screen(s)
        #expect(lines[2] == " AWP 2026 [my entity, overdue] 1 of 12 actions · endorsed 2026-03-11, revised …")
        #expect(lines[4] == " 2026-03 Child-sensitive retur… UNICEF   ■■■■■■■■■■│· ██····  35% ▲ at risk")
        press([.escape], &s)
        #expect(s.workplan.filters.isEmpty)
    }

    @Test("A member records progress on its own action; on an ILO-only action the key is off and says why")
    func memberProgress() {
        var s = state()
        press([.character("j")], &s)
        #expect(KeyBindings.footerHints(for: s).first { $0.keys == "p" }?.isEnabled == false)
        press([.character("p")], &s)
        #expect(s.overlay == nil)
        #expect(s.status.text == "Cannot record progress on 2026-02: UNICEF neither leads nor takes part in 2026-02 (lead ILO).")
        press([.character("j"), .character("p")], &s)
        guard case .form(_, .workplan(.recordProgress(2026, "2026-03", _)))? = s.overlay else {
            Issue.record("no progress form")
            return
        }
        press([.control("u")], &s)
        type("101", &s)
        press([.enter], &s)
        guard case .form(let form, _)? = s.overlay else {
            Issue.record("accepted 101")
            return
        }
        #expect(form.errors["percent"] == "Progress is a whole number from 0 to 100.")
        press([.control("u")], &s)
        type("50", &s)
        press([.tab, .left, .tab], &s)
        type("Case management started in Samarkand.", &s)
        // 2026-03 ended on 2026-11-20: on track is asked about first, then saved as typed.
        press([.enter], &s)
        guard case .confirm(let late, _, _)? = s.overlay else {
            Issue.record("on track past the end date was not asked about")
            return
        }
        #expect(late.title == "2026-03 is late")
        #expect(
            press([.character("y")], &s) == [
                .execute(
                    .recordProgress(
                        year: 2026, code: "2026-03", percent: 50, status: .onTrack, note: "Case management started in Samarkand.",
                        basedOn: s.network!.version(of: .keyAction(year: 2026, code: "2026-03"))),
                    by: Self.unicef)
            ])
    }

    @Test("On track on an action past its end date asks first; no returns to the form with the input (issue 17)")
    func lateOnTrack() throws {
        var s = state(SampleNetwork.secretariat)
        let network = try #require(s.network)
        let year = s.today.year
        let late = try #require(
            network.workPlans[year]?.actions.first { $0.ends < s.today && ![.completed, .cancelled, .onTrack].contains($0.status) })
        let basedOn = network.version(of: .keyAction(year: year, code: late.code))
        s.overlay = .form(WorkplanForms.progress(late), purpose: .workplan(.recordProgress(year: year, code: late.code, basedOn: basedOn)))
        // Status: on track (the second choice); a note saying why.
        press([.tab], &s)
        let current = try #require(KeyAction.Status.allCases.firstIndex(of: late.status))
        press(current == 0 ? [.right] : Array(repeating: .left, count: current - 1), &s)
        guard case .form(let chosen, _)? = s.overlay else { return }
        #expect(chosen.values.choice(WorkplanForms.ProgressField.status) == 1)
        press([.tab], &s)
        type("Extension agreed with the donor", &s)
        #expect(press([.enter], &s).isEmpty)
        guard case .confirm(let dialog, let then, .form?)? = s.overlay else {
            Issue.record("saved without asking")
            return
        }
        #expect(dialog.title == "\(late.code) is late")
        #expect(dialog.message.hasPrefix("\(late.code) was due to end on \(late.ends), and it is \(late.progress) % done."))
        press([.character("n")], &s)
        guard case .form(let back, _)? = s.overlay else {
            Issue.record("the form is gone")
            return
        }
        #expect(back.values.text(WorkplanForms.ProgressField.note) == "Extension agreed with the donor")
        press([.enter], &s)
        let effects = press([.character("y")], &s)
        guard case .perform(let save) = then,
            case .execute(.recordProgress(_, late.code, _, .onTrack, "Extension agreed with the donor", _), _) = save
        else {
            Issue.record("not the progress typed: \(then)")
            return
        }
        #expect(effects == [save])
        #expect(s.awaitingSave != nil)
    }

    @Test("Enter opens the action: objectives with titles, budget with source, history")
    func detail() {
        var s = state(width: 120, height: 40)
        press([.character("j"), .character("j"), .enter], &s)
        let lines = screen(s)
        #expect(lines[3] == " 2026-03 · Child-sensitive return and reintegration services")
        #expect(lines.contains(" Budget       funded USD 90,000 of USD 180,000 · donor: European Union"))
        #expect(
            lines.contains(
                " GCM 21       Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration"))
        #expect(lines.contains(" 2026-09-30   35 % · at risk · Gulnora Karimova (UNICEF) — Funding gap; partners consulted."))
        press([.escape], &s)
        #expect(s.workplan.screen == .table)
    }

    @Test("Summary: overall progress with its rule, budget, counts by status, and every GCM objective with gaps")
    func summary() {
        var s = state(width: 120, height: 40)
        press([.character("s")], &s)
        let lines = screen(s)
        #expect(
            Array(lines[4...5]) == [
                " Status                                       endorsed 2026-03-11 (UNMN/2026/001), revised after endorsement (2, 1",
                "                                              awaiting endorsement)",
            ])
        #expect(lines[6].hasPrefix(" Overall                                      45 % — budget-weighted mean"))
        // What changed since the members endorsed it, with why.
        #expect(lines.contains(" • 2026-11 cancelled on 2026-05-15: Cancelled for lack of funding; carried over."))
        #expect(
            lines.contains(" • 2026-09 changed (start) on 2026-07-20: The field survey waits for the end of the cotton harvest. — awaiting")
        )
        #expect(lines.contains(" Budget                                       funded USD 905,000 of USD 1,305,000 required (69 %)"))
        #expect(lines.contains(" 5. Enhance availability and flexibility of … — gap: no action"))
        #expect(lines.contains(" 20. Promote faster, safer and cheaper trans… 1 action · █████████ 100%"))
    }

    @Test("Grouping by lead entity puts headings between groups; GCM filter cycles through the objectives served")
    func grouping() {
        var s = state(width: 120, height: 40)
        press([.character("b"), .character("b")], &s)
        #expect(s.workplan.grouping == .lead)
        #expect(screen(s)[4] == " ILO (1)")
        press([.character("#")], &s)
        #expect(s.workplan.objective == 1)
        #expect(screen(s)[2].hasPrefix(" AWP 2026 [GCM 1] 1 of 12 actions · by lead entity"))
    }

    @Test("The secretariat adds an action through a validated form; the year changes with [ and ]")
    func secretariat() {
        var s = state(SampleNetwork.secretariat)
        press([.character("n")], &s)
        guard case .form(let form, .workplan(.addAction(2026, _)))? = s.overlay else {
            Issue.record("no form")
            return
        }
        // The 2026 plan is endorsed: adding to it is a revision, and the form asks why first.
        #expect(form.title == "Add a key action to the endorsed 2026 plan (a revision)")
        #expect(form.values["revision"] == .text(""))
        #expect(form.values["code"] == .text("2026-13"))
        type("A request from the Agency for External Labour Migration", &s)
        press([.tab, .tab], &s)
        type("Diaspora skills mapping", &s)
        for _ in 0..<7 { press([.tab], &s) }
        press([.control("u")], &s)
        type("50000", &s)
        press([.tab, .control("u")], &s)
        type("60000", &s)
        press([.enter], &s)
        guard case .form(let failed, _)? = s.overlay else {
            Issue.record("accepted")
            return
        }
        #expect(failed.errors["overfunding"] == "Funded is above required; choose confirmed to accept it.")
        #expect(failed.errors["gcm"] == "GCM objectives is required.")
        #expect(failed.errors["revision"] == nil)
        press([.escape, .character("y")], &s)
        press([.character("]")], &s)
        #expect(screen(s)[4] == "  No annual work plan for 2027")
        #expect(press([.character("D")], &s) == [.execute(.draftWorkPlan(year: 2027), by: SampleNetwork.secretariat)])
    }

    @Test("Editing an action of the endorsed plan is a revision: the form asks why, and the command carries it")
    func revision() {
        var s = state(SampleNetwork.secretariat)
        press([.character("e")], &s)
        guard case .form(let form, .workplan(.editAction(2026, "2026-01", _, _, _)))? = s.overlay else {
            Issue.record("no edit form")
            return
        }
        #expect(form.title == "Revise 2026-01")
        press([.tab, .tab, .control("u")], &s)
        type("National protocol for sharing labour-migration statistics", &s)
        press([.enter], &s)
        guard case .form(let refused, _)? = s.overlay else {
            Issue.record("saved without a reason")
            return
        }
        #expect(refused.errors["revision"] == "Revision is required.")
        // The form returns to its first problem: the reason is typed there.
        type("The Statistics Agency asked for the wider name.", &s)
        guard case .execute(.editKeyAction(2026, "2026-01", let edit, let revision), _)? = press([.enter], &s).first else {
            Issue.record("not saved")
            return
        }
        #expect(edit.changed == ["title"])
        #expect(revision == "The Statistics Agency asked for the wider name.")
    }

    @Test("A member cannot change the plan itself, and is told so")
    func memberCannotPlan() {
        var s = state()
        press([.character("n")], &s)
        #expect(s.status.text == "Cannot add a key action: this is the secretariat's to do (you are a member).")
    }

    @Test("x exports what is on screen to a file in the current directory")
    func export() {
        var s = state()
        guard case .writeFile(let name, let contents)? = press([.character("x")], &s).first else {
            Issue.record("no file")
            return
        }
        #expect(name == "unmn-workplan-2026.csv")
        #expect(contents.hasPrefix("code,title,description,lead,participants,starts,ends,"))
        s.pane = .members
        guard case .writeFile(let members, _)? = press([.character("x")], &s).first else {
            Issue.record("no file")
            return
        }
        #expect(members == "unmn-mailing-list.csv")
        _ = AppUpdate.update(&s, .fileWritten(path: members, failure: nil))
        #expect(s.status == StatusMessage("Wrote unmn-mailing-list.csv.", kind: .success))
    }
}
