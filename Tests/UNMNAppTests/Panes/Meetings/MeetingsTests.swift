import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

@Suite("Meetings pane")
struct MeetingsTests {
    func state(_ op: Operator = SampleNetwork.secretariat) -> AppState { sampleState(.meetings, op) }

    @Test("Meetings by year and quarter, newest first, with the quarterly rule visible")
    func list() {
        let lines = screen(state())
        #expect(
            Array(lines[2...7]) == [
                " 2026: Q1 met · Q2 met · Q3 met · Q4 scheduled · next MTG/2026/04 on Wed 9 Dec…",
                " Meeting      Date             Kind           Mode      Present Minutes",
                " 2026 Q4 — quarterly meeting: scheduled",
                " MTG/2026/04  2026-12-09 10:00 regular        in person 0/16    draft",
                " 2026 Q3 — quarterly meeting: met by MTG/2026/03 (regular)",
                " MTG/2026/03  2026-09-16 10:00 regular        in person 14/16   finalised",
            ])
        // ToR: "meets one time per quarter, or upon request by its member(s)": a requested meeting meets the quarter.
        #expect(lines.contains(" 2025 Q3 — quarterly meeting: met by MTG/2025/03 (requested by ILO, UNICEF)"))
    }

    @Test("Enter opens a meeting; Space cycles the selected entity's attendance; f asks the journal to finalise")
    func attendance() {
        var s = state()
        press([.enter], &s)
        #expect(s.meetings.opened == "MTG/2026/04")
        #expect(screen(s)[10] == " IOM       —")
        let op = SampleNetwork.secretariat
        let version = s.network!.version(of: .meeting("MTG/2026/04"))
        #expect(
            press([.character(" ")], &s) == [
                .execute(
                    .recordAttendance(
                        meeting: "MTG/2026/04", entity: "IOM", .present(focalPoints: ["FP-0001", "FP-0002"]), basedOn: version), by: op)
            ])
        press([.character("j")], &s)
        #expect(
            press([.character("a")], &s) == [
                .execute(.recordAttendance(meeting: "MTG/2026/04", entity: "UNRC", .apologies, basedOn: version), by: op)
            ])
        #expect(press([.character("f")], &s) == [.execute(.finaliseMinutes("MTG/2026/04"), by: op)])
        press([.escape], &s)
        #expect(s.meetings.opened == nil)
    }

    @Test("The footer shows the list's keys, and an opened meeting's own keys once it is open")
    func footer() {
        var s = state()
        #expect(screen(s)[23] == "Enter Open  n Schedule  t Action points  1-5 Panes  ? Help  q Quit")
        press([.enter], &s)
        #expect(screen(s)[23] == "Space Attendance  f Finalise  A Action point  w Minutes  v Record  Esc Back")
    }

    @Test("Finalised minutes: attendance keys say that corrections are amendments")
    func locked() {
        var s = state()
        press([.character("j"), .enter, .character(" ")], &s)
        #expect(s.meetings.opened == "MTG/2026/03")
        #expect(s.status.text == "The minutes of MTG/2026/03 are finalised; corrections are amendments.")
    }

    @Test("Scheduling validates the time and who requested a requested meeting")
    func schedule() {
        var s = state()
        press([.character("n")], &s)
        press([.right, .tab, .tab, .tab, .control("u")], &s)
        type("25:00", &s)
        press([.tab, .tab], &s)
        type("Zoom", &s)
        press([.enter], &s)
        guard case .form(let form, .meetings(.schedule))? = s.overlay else {
            Issue.record("form closed")
            return
        }
        #expect(form.errors["time"] == "A time of day written HH:MM, e.g. 10:00.")
        #expect(form.errors["requestedBy"] == "Tick the members who requested the meeting.")
    }

    @Test("After scheduling, the new meeting is the one selected; its length is asked as Length (min) (issue 17)")
    func scheduledIsSelected() throws {
        var s = state()
        press([.character("j"), .character("j")], &s)
        press([.character("n")], &s)
        #expect(screen(s).contains { $0.contains("Length (min)") })
        #expect(!screen(s).contains { $0.contains("Minutes*") })
        press([.tab, .tab, .tab, .tab, .tab], &s)
        type("UN House, Tashkent", &s)
        let effects = press([.enter], &s)
        guard case .execute(let command, let op)? = effects.first else {
            Issue.record("not saved: \(effects) \(String(describing: s.overlay))")
            return
        }
        var network = try #require(s.network)
        try network.execute(command, context: CommandContext(operator: op, now: Instant(tashkent: s.today, hour: 9)))
        let new = try #require(network.meetings.last)
        #expect(new.date == LocalDate(year: 2026, month: 12, day: 13))
        _ = AppUpdate.update(&s, .committed(network, summary: "Scheduled \(new.reference) on \(new.date)"))
        let selectedRow = try #require(screen(s).firstIndex { $0.contains(new.reference.rawValue) })
        #expect(styleMask(s)[selectedRow].dropFirst().hasPrefix("R"))
        press([.enter], &s)
        #expect(s.meetings.opened == new.reference)
    }

    @Test("Finalising asks first, says what it locks and warns of agenda items without minutes (issue 17)")
    func finaliseAsks() throws {
        var s = state()
        s.today = LocalDate(year: 2026, month: 12, day: 10)!
        var network = try #require(s.network)
        let context = CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9))
        for member in network.members {
            try network.execute(.recordAttendance(meeting: "MTG/2026/04", entity: member.code, .apologies), context: context)
        }
        try network.execute(.writeMinutes(meeting: "MTG/2026/04", item: 0, text: "The statement was agreed."), context: context)
        s.network = network
        press([.enter], &s)
        #expect(s.meetings.opened == "MTG/2026/04")
        #expect(press([.character("f")], &s).isEmpty)
        guard case .confirm(let dialog, let then, _)? = s.overlay else {
            Issue.record("finalised without asking")
            return
        }
        #expect(dialog.title == "Finalise MTG/2026/04")
        #expect(
            dialog.message.hasPrefix(
                "Finalise the minutes of MTG/2026/04 (2026-12-09)? This locks the attendance (0 present of 16 recorded), the "
                    + "minutes of 3 agenda items"
            ))
        #expect(
            dialog.message.hasSuffix(
                "\n\nWarning: no minutes for item 2, \"Admission of UNOPS\"; item 3, \"Preparing the 2027 work plan\"."))
        #expect(then == .perform(.execute(.finaliseMinutes("MTG/2026/04"), by: SampleNetwork.secretariat)))
        #expect(screen(s).contains { $0.contains("Warning: no minutes for item 2") })
        press([.character("n")], &s)
        #expect(s.overlay == nil)
    }

    @Test("ToR footnote: finalising a virtual meeting without saying why asks the secretariat to confirm, with a warning")
    func modeReasonWarning() throws {
        var s = state()
        s.today = LocalDate(year: 2026, month: 12, day: 10)!
        var network = try #require(s.network)
        let context = CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9))
        try network.execute(
            .rescheduleMeeting(
                "MTG/2026/04",
                Edit(
                    from: MeetingDraft(try #require(network.meeting("MTG/2026/04"))),
                    to: MeetingDraft(
                        kind: .regular, date: LocalDate(year: 2026, month: 12, day: 9)!, startMinute: 600, location: "Zoom",
                        mode: .virtual), basedOn: network.batchCount)), context: context)
        for member in network.members {
            try network.execute(.recordAttendance(meeting: "MTG/2026/04", entity: member.code, .present(focalPoints: [])), context: context)
        }
        s.network = network
        press([.enter, .character("f")], &s)
        guard case .confirm(let dialog, _, _)? = s.overlay else {
            Issue.record("finalised without the warning")
            return
        }
        #expect(
            dialog.message.contains(
                "Warning: the meeting was virtual, and the minutes do not say why meeting in person was not feasible (the Terms of "
                    + "Reference name security, health, absence from the duty station, force majeure). e records why."))
    }

    @Test("+ records a guest who is not a member's focal point, and - takes one off; the record shows them")
    func guests() throws {
        var s = state()
        press([.enter, .character("+")], &s)
        type("Нилуфар Рашидова", &s)
        press([.tab], &s)
        type("Agency for External Labour Migration", &s)
        press([.tab], &s)
        type("speaker", &s)
        let guest = Meeting.Guest(name: "Нилуфар Рашидова", organisation: "Agency for External Labour Migration", role: "speaker")
        #expect(press([.enter], &s) == [.execute(.addGuest(meeting: "MTG/2026/04", guest), by: SampleNetwork.secretariat)])
        var network = try #require(s.network)
        try network.execute(
            .addGuest(meeting: "MTG/2026/04", guest),
            context: CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9)))
        _ = AppUpdate.update(&s, .committed(network, summary: "Added a guest"))
        #expect(screen(s).contains(" Guests    Нилуфар Рашидова (Agency for External Labour Migration, speaker)"))
        press([.character("-")], &s)
        #expect(press([.enter], &s) == [.execute(.removeGuest(meeting: "MTG/2026/04", guest), by: SampleNetwork.secretariat)])
        // A member's operator is told who records guests.
        var member = state(Operator(name: "Azizbek Rahimov", entity: "ILO", role: .member))
        press([.enter, .character("+")], &member)
        #expect(member.overlay == nil)
        #expect(member.status.text.contains("secretariat"))
    }

    @Test("e changes a scheduled meeting: the form holds the meeting, and only what changed is saved (issue 17)")
    func editMeeting() throws {
        var s = state()
        let network = try #require(s.network)
        let meeting = try #require(network.meeting("MTG/2026/04"))
        press([.character("e")], &s)
        guard case .form(let form, .meetings(.edit("MTG/2026/04", let original, let basedOn)))? = s.overlay else {
            Issue.record("no edit form")
            return
        }
        #expect(original == MeetingDraft(meeting))
        #expect(basedOn == network.version(of: .meeting("MTG/2026/04")))
        #expect(form.title == "Change MTG/2026/04")
        #expect(form.values.text(MeetingForms.ScheduleField.location) == "UN House, Tashkent")
        #expect(form.values.text(MeetingForms.ScheduleField.date) == "2026-12-09")
        #expect(form.values.choice(MeetingForms.ScheduleField.mode) == 1)
        // Postponed by a week; mode set to hybrid, with the reason.
        press([.tab, .tab, .control("u")], &s)
        type("2026-12-16", &s)
        press([.tab, .tab, .tab, .tab, .right, .right, .tab], &s)
        type("Some members join from the regions", &s)
        var postponed = original
        postponed.date = LocalDate(year: 2026, month: 12, day: 16)!
        postponed.mode = .hybrid
        postponed.modeReason = "Some members join from the regions"
        let effects = press([.enter], &s)
        #expect(
            effects == [
                .execute(
                    .rescheduleMeeting("MTG/2026/04", Edit(from: original, to: postponed, basedOn: basedOn)), by: SampleNetwork.secretariat)
            ])
        guard case .execute(.rescheduleMeeting(_, let edit), _)? = effects.first else { return }
        #expect(edit.changed == ["date", "mode", "modeReason"])
        // The same key in an opened meeting; a finalised meeting says why it cannot change.
        press([.character("j"), .character("j"), .enter, .character("e")], &s)
        #expect(s.overlay == nil)
        #expect(s.status.text.contains("finalised"))
    }

    @Test("An opened meeting says when the RCO's copy is out of date, and S shares the amended version (issue 17)")
    func amendedSinceShared() throws {
        var s = state()
        var network = try #require(s.network)
        let shared = try #require(network.meetings.last { if case .shared = $0.status { true } else { false } })
        guard case .shared(_, let sharedOn) = shared.status else { return }
        let context = CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9))
        s.meetings.opened = shared.reference
        #expect(screen(s).contains { $0.contains("· shared with the RCO on \(sharedOn)") })
        try network.execute(.amendMinutes(shared.reference, text: "UNAIDS sent apologies."), context: context)
        s.network = network
        let text = screen(s).joined(separator: " ")
        #expect(text.contains("1 amendment · amended since shared on"))
        #expect(text.contains("\(sharedOn): the RCO's copy is out of date (S shares the amended"))
        #expect(
            press([.character("S")], &s) == [.execute(.shareMinutesWithRCO(shared.reference, on: s.today), by: SampleNetwork.secretariat)])
    }

    @Test("v shows an opened meeting's whole record: minutes text, action points with who is responsible; it scrolls (issue 17)")
    func wholeRecord() throws {
        var s = state()
        let network = try #require(s.network)
        let meeting = try #require(network.meeting("MTG/2026/01"))
        let point = try #require(network.actionPoints.first { $0.meeting == "MTG/2026/01" })
        s.meetings.opened = meeting.reference
        press([.character("v")], &s)
        #expect(s.meetings.showsRecord)
        var text = screen(s).joined(separator: "\n")
        #expect(text.contains("MTG/2026/01 · regular · the whole record (v or Esc: back to attendance)"))
        #expect(text.contains("Item 1      \(meeting.agenda[0].title)"))
        #expect(text.contains(String(meeting.agenda[0].minutes.prefix(40))))
        #expect(screen(s)[23].hasPrefix("v Attendance  Esc Back"))
        press([.end], &s)
        text = screen(s).joined(separator: "\n")
        #expect(text.contains("\(point.id) \(point.text)"))
        #expect(text.contains("IOM (International Organization for Migration)"))
        #expect(s.meetings.recordOffset > 0)
        press([.home], &s)
        #expect(s.meetings.recordOffset == 0)
        press([.escape], &s)
        #expect(!s.meetings.showsRecord && s.meetings.opened == "MTG/2026/01")
    }

    @Test("A requested meeting's record names the members who requested it")
    func requestedBy() throws {
        var s = state()
        let network = try #require(s.network)
        let requested = try #require(network.meetings.first { if case .requested = $0.kind { true } else { false } })
        guard case .requested(let by) = requested.kind, let first = by.first else { return }
        s.meetings.opened = requested.reference
        press([.character("v")], &s)
        #expect(screen(s).contains { $0.hasPrefix(" Requested   by \(first) (") })
    }

    @Test("C cancels a meeting with its reason; it stays in the list as cancelled and nothing more is recorded for it (issue 17)")
    func cancelMeeting() throws {
        var s = state()
        press([.character("C")], &s)
        guard case .form(let form, .meetings(.cancel("MTG/2026/04")))? = s.overlay else {
            Issue.record("no cancel form")
            return
        }
        #expect(form.title == "Cancel MTG/2026/04 of 2026-12-09 (stays in the record as cancelled)")
        press([.enter], &s)
        guard case .form(let empty, _)? = s.overlay else {
            Issue.record("cancelled without a reason")
            return
        }
        #expect(empty.errors["reason"] == "Reason is required.")
        type("The chair is at the Global Forum", &s)
        let command = Command.cancelMeeting("MTG/2026/04", reason: "The chair is at the Global Forum")
        #expect(press([.enter], &s) == [.execute(command, by: SampleNetwork.secretariat)])
        var network = try #require(s.network)
        let context = CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9))
        let batch = try network.execute(command, context: context)
        #expect(batch.summary == "Cancelled MTG/2026/04: The chair is at the Global Forum")
        _ = AppUpdate.update(&s, .committed(network, summary: batch.summary))
        #expect(screen(s).contains { $0.hasPrefix(" MTG/2026/04  2026-12-09 10:00 regular") && $0.hasSuffix("cancelled") })
        #expect(network.nextMeeting(from: s.today) == nil)
        #expect(network.quarterlyCadence(year: 2026, today: s.today)[3].state == .due)
        press([.character("e")], &s)
        #expect(s.overlay == nil)
        #expect(s.status.text == "MTG/2026/04 was cancelled on 2026-11-29.")
        do {
            _ = try network.decide(.recordAttendance(meeting: "MTG/2026/04", entity: "ILO", .apologies), context: context)
            Issue.record("attendance recorded for a cancelled meeting")
        } catch {
            #expect(error.reasons == ["MTG/2026/04 was cancelled on 2026-11-29: The chair is at the Global Forum"])
        }
        #expect(network.undoPlan(for: SampleNetwork.secretariat).map { if case .impossible = $0 { true } else { false } } == true)
    }

    @Test("P postpones a meeting to a later date with its reason; it keeps its reference and the record says from when (issue 17)")
    func postponeMeeting() throws {
        var s = state()
        press([.character("P")], &s)
        guard case .form(let form, .meetings(.postpone("MTG/2026/04")))? = s.overlay else {
            Issue.record("no postpone form")
            return
        }
        #expect(form.title == "Postpone MTG/2026/04 from 2026-12-09 (keeps its reference)")
        press([.control("u")], &s)
        type("2026-12-01", &s)
        press([.tab], &s)
        type("Too close to the Global Forum", &s)
        press([.enter], &s)
        guard case .form(let early, _)? = s.overlay else {
            Issue.record("an earlier date was accepted")
            return
        }
        #expect(early.errors["date"] == "A postponement moves the meeting later than 2026-12-09.")
        press([.control("u")], &s)  // the form comes back on the field in error
        type("2026-12-16", &s)
        let command = Command.postponeMeeting(
            "MTG/2026/04", to: LocalDate(year: 2026, month: 12, day: 16)!, reason: "Too close to the Global Forum")
        #expect(press([.enter], &s) == [.execute(command, by: SampleNetwork.secretariat)])
        var network = try #require(s.network)
        let batch = try network.execute(
            command, context: CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9)))
        #expect(batch.summary == "Postponed MTG/2026/04 to 2026-12-16: Too close to the Global Forum")
        let moved = try #require(network.meeting("MTG/2026/04"))
        #expect(moved.date == LocalDate(year: 2026, month: 12, day: 16))
        #expect(moved.postponements?.map(\.from) == [LocalDate(year: 2026, month: 12, day: 9)!])
        _ = AppUpdate.update(&s, .committed(network, summary: batch.summary))
        s.meetings.opened = "MTG/2026/04"
        press([.character("v")], &s)
        #expect(screen(s).contains { $0.contains("Postponed   from 2026-12-09 to 2026-12-16 on 2026-11-29 by Dilnoza") })
    }

    @Test("A viewer opens meetings but changes nothing")
    func viewer() {
        var s = state(Operator(name: "RCO", entity: "UNRC", role: .viewer))
        press([.enter, .character(" ")], &s)
        #expect(s.meetings.opened == "MTG/2026/04")
        #expect(s.status.text == "Cannot record attendance: a viewer only reads.")
    }
}

@Suite("Action points across meetings")
struct ActionPointsViewTests {
    func state(_ op: Operator = SampleNetwork.secretariat) -> AppState { sampleState(.meetings, op) }

    @Test("t lists open ones first by due date, overdue marked; D asks for a note and marks it done")
    func list() {
        var s = state()
        press([.character("t")], &s)
        let lines = screen(s)
        #expect(lines[2] == " Action points: 3 open, 2 overdue, 6 done or dropped · D done · X dropped · Es…")
        #expect(lines[4] == " AP/2026/002  Map migration d… IOM, UNDP, WB  2026-06-30 ! overdue  MTG/2026/01")
        #expect(lines[4].contains("! overdue"))
        press([.character("D")], &s)
        guard case .form(_, .meetings(.updateActionPoint("AP/2026/002", .done, _)))? = s.overlay else {
            Issue.record("no form")
            return
        }
        type("Inventory shared on the UNCT SharePoint.", &s)
        #expect(
            press([.enter], &s) == [
                .execute(
                    .updateActionPoint(
                        "AP/2026/002", status: .done, note: "Inventory shared on the UNCT SharePoint.",
                        basedOn: s.network!.version(of: .actionPoint("AP/2026/002"))),
                    by: SampleNetwork.secretariat)
            ])
    }

    @Test("Dropping needs a reason; a member updates only action points its entity is responsible for")
    func dropAndMember() {
        var s = state()
        press([.character("t"), .character("X"), .enter], &s)
        guard case .form(let form, _)? = s.overlay else {
            Issue.record("dropped without a reason")
            return
        }
        #expect(form.errors["note"] == "Note is required.")
        var member = state(Operator(name: "Gulnora Karimova", entity: "UNICEF", role: .member))
        press([.character("t"), .character("D")], &member)
        #expect(member.status.text == "Cannot mark done AP/2026/002: UNICEF is not responsible for AP/2026/002 (IOM, UNDP and WB are).")
    }
}

@Suite("/ filters every list")
struct FilterEverywhereTests {
    @Test("Meetings, Workplan and Decisions filter as you type, ignoring case and Latin/Cyrillic spelling; Esc clears")
    func everywhere() {
        var s = sampleState(.meetings)
        press([.character("/")], &s)
        type("virtual", &s)
        #expect(screen(s)[23].hasPrefix("/ virtual"))
        #expect(screen(s)[23].hasSuffix("3 of 9"))
        press([.enter], &s)
        #expect(screen(s).contains { $0.hasPrefix(" MTG/2025/04") })
        #expect(!screen(s).contains { $0.hasPrefix(" MTG/2026/04") })
        press([.escape], &s)
        #expect(s.meetings.list.filterText.isEmpty)

        s.pane = .workplan
        press([.character("/")], &s)
        type("ЮНИСЕФ unicef", &s)
        press([.control("u")], &s)
        type("unicef", &s)
        press([.enter], &s)
        #expect(screen(s)[2].hasPrefix(" AWP 2026 2 of 12 actions"))

        s.pane = .decisions
        press([.character("/")], &s)
        type("admission", &s)
        press([.enter], &s)
        #expect(screen(s)[4].hasPrefix(" UNMN/2026/005 Admission of UNOPS"))
        #expect(screen(s)[22].hasSuffix("filter \"admission\": 1 of 9"))
    }
}

@Suite("Minutes in the editor")
struct MinutesEditorTests {
    @Test("w asks which item, opens the editor with its minutes, Ctrl-S saves them to the journal")
    func minutes() {
        var s = sampleState(.meetings)
        press([.enter, .character("w")], &s)
        guard case .form(_, .meetings(.chooseAgendaItem(meeting: "MTG/2026/04")))? = s.overlay else {
            Issue.record("no item choice")
            return
        }
        press([.right, .enter], &s)
        guard case .editor(_, let title, .minutes("MTG/2026/04", 1, _))? = s.overlay else {
            Issue.record("no editor")
            return
        }
        #expect(title == "Minutes of MTG/2026/04, item 2: Admission of UNOPS")
        type("All members but three agreed.", &s)
        press([.enter], &s)
        type("Ўзбекистон supports it.", &s)
        #expect(s.hasUnsavedInput)
        #expect(
            press([.control("s")], &s) == [
                .execute(
                    .writeMinutes(
                        meeting: "MTG/2026/04", item: 1, text: "All members but three agreed.\nЎзбекистон supports it.",
                        basedOn: s.network!.version(of: .meeting("MTG/2026/04"))),
                    by: SampleNetwork.secretariat)
            ])
        #expect(s.overlay == nil)
    }

    @Test("Ctrl-O hands the text to $EDITOR and the editor comes back with what it saved")
    func external() {
        var s = sampleState(.meetings)
        press([.enter, .character("w"), .enter], &s)
        type("draft", &s)
        let effects = press([.control("o")], &s)
        #expect(
            effects == [
                .externalEdit(
                    text: "draft", title: "Minutes of MTG/2026/04, item 1: Joint statement for International Migrants Day",
                    purpose: .minutes(meeting: "MTG/2026/04", item: 0, basedOn: s.network!.version(of: .meeting("MTG/2026/04"))))
            ])
        _ = AppUpdate.update(
            &s, .externalEditFinished(text: "from vi", title: "T", purpose: .minutes(meeting: "MTG/2026/04", item: 0), failure: nil))
        guard case .editor(let editor, _, _)? = s.overlay else {
            Issue.record("editor not back")
            return
        }
        #expect(editor.text == "from vi")
    }

    @Test("Finalised minutes are amended, not rewritten: w says so, M opens an amendment below the minutes it corrects")
    func amendment() throws {
        var s = sampleState(.meetings)
        press([.character("j"), .enter, .character("w")], &s)
        #expect(s.status.text == "The minutes of MTG/2026/03 are finalised; corrections are amendments.")
        press([.character("M")], &s)
        // The finalised minutes are above the amendment, read-only, to quote from (issue 17).
        let meeting = try #require(s.network?.meeting("MTG/2026/03"))
        let firstItem = try #require(meeting.agenda.first)
        let lines = screen(s)
        let heading = try #require(lines.firstIndex { $0.contains("The finalised minutes of MTG/2026/03 (read-only):") })
        #expect(lines[heading + 1].contains("1. \(firstItem.title)"))
        #expect(lines.contains { $0.contains("Yours:") })
        type("UNAIDS sent apologies.", &s)
        #expect(
            press([.control("s")], &s) == [
                .execute(.amendMinutes("MTG/2026/03", text: "UNAIDS sent apologies."), by: SampleNetwork.secretariat)
            ])
    }

    @Test("Esc with unsaved text asks before discarding; no returns to the editor")
    func discard() {
        var s = sampleState(.meetings)
        press([.enter, .character("w"), .enter], &s)
        type("x", &s)
        press([.escape], &s)
        guard case .confirm? = s.overlay else {
            Issue.record("no question")
            return
        }
        press([.character("n")], &s)
        guard case .editor(let editor, _, _)? = s.overlay else {
            Issue.record("editor lost")
            return
        }
        #expect(editor.text.hasSuffix("x"))
    }
}
