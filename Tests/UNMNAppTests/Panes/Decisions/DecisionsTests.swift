import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

@Suite("Decisions pane")
struct DecisionsTests {
    static let sample: NetworkState = {
        var network = NetworkState(emailPolicy: emailPolicy)
        for batch in try! SampleNetwork.batches(entities: annexI, emailPolicy: emailPolicy) { network.apply(batch) }
        return network
    }()

    func state(_ op: Operator = SampleNetwork.chair, width: Int = 80, height: Int = 24) -> AppState {
        sampleState(.decisions, op, width: width, height: height)
    }

    @Test("The grouped list at 80×24")
    func list80() {
        #expect(
            screen(state()) == [
                " unmn · UNMN Uzbekistan              Laura Bianchi · IOM chair  Sun 29 Nov 2026",
                " 1 Overview │ 2 Members │ 3 Meetings │ 4 Workplan │ 5 Decisions",
                " Reference     Title                            Deadline          Tally ✓~✗?",
                " Pending: open for consultation",
                " UNMN/2026/005 Admission of UNOPS (United Nati… 16 days left      6✓ 0~ 0✗ 10?",
                " UNMN/2026/004 Common messages on labour migra… 61 days left      2✓ 0~ 0✗ 14?",
                " Held: an objection stands, or the deadline passed unanswered",
                " UNMN/2026/006 Joint statement for Internation… 6 days left       12✓ 0~ 1✗ 3?",
                " Closed",
                " UNMN/2026/007 Network input to the UNCT's Com… closed 2026-11-26 adopted 2026…",
                " UNMN/2026/003 Network retreat in Samarkand     closed 2026-07-01 withdrawn",
                " UNMN/2026/002 Joint mapping of migration data… closed 2026-06-17 adopted 2026…",
                " UNMN/2026/001 Endorsement of the 2026 annual … closed 2026-03-11 adopted 2026…",
                " UNMN/2025/002 Rotating the meeting venue amon… closed 2025-11-17 not adopted",
                " UNMN/2025/001 Endorsement of the 2025 annual … closed 2025-03-12 adopted 2025…",
                "", "", "", "", "", "", "", "",
                "r/Enter Review  n New item  l Log  1-5 Panes  ? Help  q Quit",
            ])
    }

    @Test("The grouped list at 120×40 shows the kind")
    func list120() {
        let lines = screen(state(width: 120, height: 40))
        #expect(
            lines[2]
                == " Reference     Title                                                   Kind             Deadline          Tally ✓~✗?")
        #expect(
            lines[7]
                == " UNMN/2026/006 Joint statement for International Migrants Day 2026     joint statement  6 days left       12✓ 0~ 1✗ 3?")
    }

    @Test("Review mode at 80×24: text, deadline, tally bar, what blocks adoption, the member grid")
    func review80() {
        var s = state()
        press([.character("j"), .character("j"), .enter], &s)
        #expect(s.decisions.review?.item == "UNMN/2026/006")
        #expect(
            Array(screen(s)[2...13]) == [
                " Review 3 of 3 · UNMN/2026/006 · joint statement · by written consultation",
                " Joint statement for International Migrants Day 2026",
                " On 18 December the network will call for safe, orderly and regular pathways",
                " for Uzbek migrant workers and their families.",
                " Deadline 2026-12-05 (6 days left) · status open",
                " ████████████████████░░···· 12 agree · 0 stand aside · 1 object · 3 no answer",
                // Wrapped, never cut; the objection's own full stop ends the sentence (issue 17).
                " Blocks adoption: UNESCO, UNDRR and WB have not answered; ILO objects: The text",
                " should cite ILO Conventions 97 and 143 on migrant workers.",
                " Member    Position    Reason                                When       Source",
                " IOM       agree                                             2026-11-18 email",
                " UNRC      agree                                             2026-11-18 email",
                " FAO       agree                                             2026-11-18 email",
            ])
        #expect(screen(s)[14] == " ILO       object      The text should cite ILO Conventions… 2026-11-20 console")
    }

    @Test("Review mode at 120×40 shows source and who recorded")
    func review120() {
        var s = state(width: 120, height: 40)
        press([.character("r"), .character("]"), .character("]")], &s)
        #expect(
            screen(s)[14]
                == " ILO       object      The text should cite ILO Conventions 97 and 143 on migran… 2026-11-20 console Azizbek Rahimov")
    }

    @Test("Stepping stops at the ends and says so")
    func stepping() {
        var s = state()
        press([.character("r"), .character("[")], &s)
        #expect(s.decisions.review?.item == "UNMN/2026/005")
        #expect(s.status.text == "This is the first pending item.")
        press([.right, .right, .right], &s)
        #expect(s.decisions.review?.item == "UNMN/2026/006")
        press([.escape], &s)
        #expect(s.decisions.review == nil && s.decisions.list.selection == 2)
    }

    @Test("Adopt is refused with exactly what blocks it; with nothing blocking, it asks for the outcome")
    func adopt() throws {
        var s = state()
        press([.character("j"), .character("j"), .character("r"), .character("a")], &s)
        #expect(s.overlay == nil)
        #expect(
            s.status
                == StatusMessage(
                    "Cannot adopt UNMN/2026/006: UNESCO, UNDRR and WB have not answered; ILO objects: The text should cite ILO "
                        + "Conventions 97 and 143 on migrant workers.",
                    kind: .error))
        // At 80 columns the refusal wraps onto more status rows rather than being cut.
        #expect(
            Array(screen(s)[21...22]) == [
                " ✗ Cannot adopt UNMN/2026/006: UNESCO, UNDRR and WB have not answered; ILO",
                " objects: The text should cite ILO Conventions 97 and 143 on migrant workers.",
            ])
        var network = Self.sample
        let ctx = CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9))
        for code: EntityCode in ["UNESCO", "UNDRR", "WB"] {
            try network.execute(.recordPosition(item: "UNMN/2026/006", entity: code, .agree, source: .email), context: ctx)
        }
        try network.execute(.recordPosition(item: "UNMN/2026/006", entity: "ILO", .standAside(reason: nil), source: .phone), context: ctx)
        s.network = network
        press([.character("a")], &s)
        guard case .form(_, .decisions(.closeItem("UNMN/2026/006", .adopt)))? = s.overlay else {
            Issue.record("no outcome form")
            return
        }
        press([.enter], &s)
        guard case .form(let form, _)? = s.overlay else {
            Issue.record("form closed without a statement")
            return
        }
        #expect(form.errors["statement"] == "Outcome is required.")
        type("Adopted; ILO stands aside.", &s)
        #expect(
            press([.enter], &s) == [.execute(.adoptItem("UNMN/2026/006", statement: "Adopted; ILO stands aside."), by: SampleNetwork.chair)]
        )
    }

    @Test("The secretariat records a position for the selected member, with its source; an objection needs a reason")
    func position() {
        var s = state(SampleNetwork.secretariat)
        press([.character("r"), .character("j"), .character("j"), .character("j"), .character("p")], &s)
        guard case .form(_, .decisions(.recordPosition("UNMN/2026/005", "ILO", _, _)))? = s.overlay else {
            Issue.record("no form for ILO")
            return
        }
        press([.right, .right, .enter], &s)
        guard case .form(let form, _)? = s.overlay else {
            Issue.record("objection accepted without reason")
            return
        }
        #expect(form.errors["reason"] == "An objection needs a reason: say what the member objects to.")
        type("Needs a mandate review", &s)
        press([.tab, .right], &s)
        #expect(
            press([.enter], &s) == [
                .execute(
                    .recordPosition(
                        item: "UNMN/2026/005", entity: "ILO", .object(reason: "Needs a mandate review"), source: .meeting,
                        basedOn: s.network!.version(of: .item("UNMN/2026/005"))),
                    by: SampleNetwork.secretariat)
            ])
    }

    @Test("A reason typed for standing aside is kept in the command, the record and the review grid (issue 17)")
    func standAsideReason() throws {
        var s = state(SampleNetwork.secretariat)
        press([.character("r"), .character("j"), .character("j"), .character("j"), .character("p")], &s)
        press([.right, .tab], &s)
        type("No mandate on labour mobility", &s)
        let basedOn = s.network!.version(of: .item("UNMN/2026/005"))
        let command = Command.recordPosition(
            item: "UNMN/2026/005", entity: "ILO", .standAside(reason: "No mandate on labour mobility"), source: .email,
            basedOn: basedOn)
        #expect(press([.enter], &s) == [.execute(command, by: SampleNetwork.secretariat)])
        var network = s.network!
        try network.execute(command, context: CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9)))
        #expect(network.item("UNMN/2026/005")?.positions["ILO"]?.position == .standAside(reason: "No mandate on labour mobility"))
        s.network = network
        #expect(screen(s).contains { $0.contains("ILO") && $0.contains("stand aside") && $0.contains("No mandate on labour") })
    }

    @Test("A member records only its own entity's position, from the console; the chair's keys are off for it")
    func member() {
        var s = state(Operator(name: "Gulnora Karimova", entity: "UNICEF", role: .member))
        press([.character("r"), .character("p")], &s)
        guard case .form(_, .decisions(.recordPosition(_, "UNICEF", _, _)))? = s.overlay else {
            Issue.record("not UNICEF's own form")
            return
        }
        #expect(
            press([.enter], &s) == [
                .execute(
                    .recordPosition(
                        item: "UNMN/2026/005", entity: "UNICEF", .agree, source: .console,
                        basedOn: s.network!.version(of: .item("UNMN/2026/005"))),
                    by: Operator(name: "Gulnora Karimova", entity: "UNICEF", role: .member))
            ])
        press([.character("a")], &s)
        #expect(s.status.text == "Cannot adopt the item: only the chair or co-chair closes consensus items (you are a member).")
        press([.escape, .character("n")], &s)
        #expect(s.status.text == "Cannot open a consensus item: this is the secretariat's to do (you are a member).")
    }

    @Test("A viewer only reads")
    func viewer() {
        var s = state(Operator(name: "RCO", entity: "UNRC", role: .viewer))
        press([.character("r"), .character("p")], &s)
        #expect(s.overlay == nil && s.status.text == "Cannot record a position: a viewer only reads.")
    }

    @Test("m writes the unanswered members' focal-point emails, with the reference and deadline")
    func reminder() {
        var s = state()
        press([.character("r"), .character("]")], &s)
        let effects = press([.character("m")], &s)
        guard case .writeFile(let name, let contents)? = effects.first else {
            Issue.record("no file")
            return
        }
        #expect(name == "reminder-UNMN-2026-004.txt")
        #expect(
            contents.hasPrefix("To: Samuel Okoro <samuel.okoro@un.org>, Shahnoza Gʻulomova <shahnoza.gulomova@un.org>, Bekzod Tursunov"))
        #expect(!contents.contains("dyusupova@iom.int"))
        #expect(
            contents.contains(
                "Subject: Reminder: UNMN/2026/004 Common messages on labour migration to the Republic of Korea (deadline 2027-01-29)"))
        #expect(!contents.contains("rahimov@ilo.org"))
        // Signed by whoever prepared it (issue 17), not "the secretariat".
        #expect(contents.contains("\nKind regards,\n\(SampleNetwork.chair.name)\n\(SampleNetwork.chair.entity), for the secretariat"))
    }

    @Test("A focal point off the mailing list is not written to; a member left with none is named for a direct reminder")
    func reminderSkipsUnlisted() throws {
        var s = state()
        var network = try #require(s.network)
        let samuel = try #require(network.focalPoints.first { $0.name == "Samuel Okoro" })
        try network.execute(
            .setMailingList(focalPoint: samuel.id, on: false),
            context: CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9)))
        s.network = network
        press([.character("r"), .character("]")], &s)
        guard case .writeFile(_, let contents)? = press([.character("m")], &s).first else {
            Issue.record("no file")
            return
        }
        #expect(!contents.contains("samuel.okoro@un.org"))
        #expect(contents.hasPrefix("To: Shahnoza Gʻulomova <shahnoza.gulomova@un.org>"))
        #expect(!contents.contains("(Not sent to UNRC"))
        // With UNRC's other focal point off the list too, nobody of UNRC is written to, and the reminder says so.
        let shahnoza = try #require(network.focalPoints.first { $0.name == "Shahnoza Gʻulomova" })
        try network.execute(
            .setMailingList(focalPoint: shahnoza.id, on: false),
            context: CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9)))
        s.network = network
        guard case .writeFile(_, let again)? = press([.character("m")], &s).first else {
            Issue.record("no file")
            return
        }
        #expect(!again.contains("shahnoza.gulomova@un.org"))
        #expect(again.contains("(Not sent to UNRC"))
    }

    @Test("The secretariat opens a new item through a validated form")
    func newItem() {
        var s = state(SampleNetwork.secretariat)
        press([.character("n")], &s)
        press([.right, .tab], &s)
        type("Statement on World Refugee Day", &s)
        press([.tab], &s)
        type("Text", &s)
        press([.tab, .control("u")], &s)
        type("2026-11-01", &s)
        press([.enter], &s)
        guard case .form(let form, .decisions(.openItem))? = s.overlay else {
            Issue.record("form closed")
            return
        }
        #expect(form.errors["deadline"] == "The deadline has already passed; choose 2026-11-29 or later.")
        press([.control("u")], &s)
        type("2026-12-20", &s)
        // The silence procedure is chosen when the item opens.
        press([.tab, .tab, .right], &s)
        let effects = press([.enter], &s)
        #expect(
            effects == [
                .execute(
                    .openItem(
                        ConsensusItemDraft(
                            title: "Statement on World Refugee Day", text: "Text", kind: .jointStatement,
                            raisedAt: .writtenConsultation, deadline: LocalDate(year: 2026, month: 12, day: 20)!, underSilence: true)),
                    by: SampleNetwork.secretariat)
            ])
    }

    @Test("An endorsement whose plan changed is not ready: the verdict says what changed, R re-opens the consultation")
    func reopenConsultation() throws {
        var s = state(SampleNetwork.secretariat, width: 120, height: 40)
        var network = try #require(s.network)
        let context = CommandContext(operator: SampleNetwork.secretariat, now: Instant(tashkent: s.today, hour: 9))
        try network.execute(
            .openItem(
                ConsensusItemDraft(
                    title: "Endorsement of the revised 2026 annual work plan", text: "The later start of 2026-09.",
                    kind: .workPlanEndorsement(year: 2026), raisedAt: .writtenConsultation, deadline: s.today.adding(days: 14))),
            context: context)
        let study = try #require(network.workPlans[2026]?.actions.first { $0.code == "2026-09" })
        var shorter = KeyActionDraft(study)
        shorter.ends = LocalDate(year: 2026, month: 12, day: 20)!
        try network.execute(
            .editKeyAction(
                year: 2026, code: "2026-09", Edit(from: KeyActionDraft(study), to: shorter, basedOn: network.batchCount),
                revision: "The report is due before the holidays."), context: context)
        s.network = network
        s.decisions.review = ReviewState(item: "UNMN/2026/008")
        #expect(
            screen(s).contains {
                $0.contains("2026-09 changed after the consultation opened on Sun 29 Nov 2026; re-open the consultation")
            })
        press([.character("R")], &s)
        guard case .form(_, .decisions(.reopenConsultation("UNMN/2026/008")))? = s.overlay else {
            Issue.record("no re-open form")
            return
        }
        #expect(
            press([.enter], &s) == [
                .execute(.reopenConsultation("UNMN/2026/008", deadline: s.today.adding(days: 14)), by: SampleNetwork.secretariat)
            ])
        // A member is told who re-opens consultations.
        s.currentOperator = Operator(name: "Azizbek Rahimov", entity: "ILO", role: .member)
        press([.character("R")], &s)
        #expect(s.status.text.contains("secretariat"))
    }

    @Test("Review of an item decided under silence says so and marks who stayed silent")
    func silenceInReview() {
        var s = state(width: 120, height: 40)
        press([.character("l"), .character("G"), .enter], &s)
        #expect(s.decisions.review?.item == "UNMN/2026/007")
        let lines = screen(s)
        #expect(lines[6].hasSuffix("status adopted (decision 2026/03) · under silence"))
        #expect(
            Array(lines[8...9]) == [
                " Closed: Adopted under silence: the secretariat sends the note to the RCO. — decided under silence; silent: UNESCO,",
                " UNDRR, UNODC and WB.",
            ])
        #expect(lines.contains { $0.hasPrefix(" UNDRR     silent") })
        #expect(lines.contains { $0.hasPrefix(" ILO       agree") })
    }

    @Test("l shows the decisions log in number order with outcomes")
    func log() {
        var s = state(width: 120, height: 40)
        press([.character("l")], &s)
        let lines = screen(s)
        #expect(lines[2] == " Decisions log: 4 adopted items (all years, all kinds), in number order · y year · t kind · Esc back")
        #expect(lines[5].hasPrefix(" 2025/01   2025-03-12 UNMN/2025/001 Endorsement of the 2025 annual work plan — The m"))
        #expect(lines[7].hasPrefix(" 2026/02   2026-06-17 UNMN/2026/002 Joint mapping"))
        // Its follow-up, and a decision taken under silence with who stayed silent.
        #expect(lines[7].hasSuffix(" 1 open (1 late)"))
        #expect(lines[8].hasPrefix(" 2026/03   2026-11-26 UNMN/2026/007 (silence) Network input to the UNCT"))
        #expect(lines[8].contains(" UNESCO, UNDRR, … "))
        press([.character("y"), .character("y")], &s)
        #expect(screen(s)[2].hasPrefix(" Decisions log: 3 adopted items (year 2026, all kinds)"))
        press([.character("t")], &s)
        #expect(screen(s)[2].hasPrefix(" Decisions log: 1 adopted item (year 2026, AWP endorsement)"))
        press([.character("y"), .character("t"), .character("t")], &s)
        #expect(screen(s)[2].hasPrefix(" Decisions log: 4 adopted items (all years, all kinds)"))
        press([.escape], &s)
        #expect(!s.decisions.showsLog)
    }
}
