import TerminalUI
import Testing
import UNMNDomain

@testable import UNMNApp

@Suite("Members pane: focal points and the mailing list")
struct MembersTests {
    func state() -> AppState { sampleState(.members) }

    @Test("Adding a focal point: a non-corporate address needs the recorded exception")
    func addFocalPoint() {
        var s = state()
        press([.character("j"), .character("j"), .character("j"), .character("n")], &s)
        guard case .form(_, .members(.addFocalPoint("ILO")))? = s.overlay else {
            Issue.record("no form for ILO")
            return
        }
        type("Шаҳло Каримова", &s)
        press([.tab], &s)
        type("Labour Migration Officer", &s)
        press([.tab, .tab], &s)
        type("shahlo@gmail.com", &s)
        press([.enter], &s)
        guard case .form(let form, _)? = s.overlay else {
            Issue.record("accepted a private address")
            return
        }
        #expect(
            form.errors["reason"]
                == "shahlo@gmail.com is not a corporate address: record why the exception is needed, or use the corporate account.")
        type("Corporate account being created; verified by phone", &s)
        let effects = press([.enter], &s)
        #expect(
            effects == [
                .execute(
                    .addFocalPoint(
                        FocalPointDraft(
                            entity: "ILO", name: "Шаҳло Каримова", position: "Labour Migration Officer", level: .deputyHead,
                            email: "shahlo@gmail.com", isOnMailingList: true,
                            exceptionReason: "Corporate account being created; verified by phone")), by: SampleNetwork.secretariat)
            ])
    }

    @Test("In an entity's record, ↓ selects a focal point and m takes it off the mailing list")
    func mailingList() {
        var s = state()
        press([.character("j"), .character("j"), .character("j"), .character("j"), .character("j"), .character("j"), .enter], &s)
        #expect(s.selectedEntity?.code == "UNICEF")
        press([.down], &s)
        #expect(screen(s).contains { $0.hasPrefix("  ▶ Ўлмас Жўраев, Social Policy Officer") })
        #expect(
            press([.character("m")], &s) == [.execute(.setMailingList(focalPoint: "FP-0010", on: false), by: SampleNetwork.secretariat)])
    }

    @Test("L lists the changes since the last request to the IT unit; x writes that request; s asks, then marks it sent")
    func changes() {
        var s = state()
        press([.character("L")], &s)
        let lines = screen(s)
        #expect(lines[2] == "  Mailing list changes since the last request to the IT unit (2025-01-13)")
        #expect(lines.contains("  add          Иброҳим Раҳимов <ibrokhim.rakhimov@undrr.org> · 2026-10-06"))
        #expect(lines.contains("  remove       Kamola Ergasheva <kamola.ergasheva@undrr.org> · 2026-10-05"))
        // x writes the change request the IT unit acts on, not the whole list (issue 17).
        guard case .writeFile(let name, let contents)? = press([.character("x")], &s).first else {
            Issue.record("nothing written")
            return
        }
        #expect(name == "unmn-mailing-list-changes-2026-11-29.csv")
        let rows = contents.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "action,name,entity,organisation,title,email,email_exception")
        #expect(rows.contains { $0.hasPrefix("add,Иброҳим Раҳимов,UNDRR,") && $0.hasSuffix(",ibrokhim.rakhimov@undrr.org,") })
        #expect(rows.contains { $0.hasPrefix("remove,Kamola Ergasheva,UNDRR,") })
        #expect(!rows.contains { $0.hasPrefix("member,") })
        // s asks before it marks the request sent (issue 17).
        #expect(press([.character("s")], &s).isEmpty)
        guard case .confirm(let dialog, let then, _)? = s.overlay else {
            Issue.record("marked without asking")
            return
        }
        #expect(dialog.message.hasPrefix("Was the request to add "))
        #expect(then == .perform(.execute(.markMailingListRequestSent, by: SampleNetwork.secretariat)))
        press([.character("n")], &s)
        press([.escape], &s)
        #expect(!s.members.showsMailingListChanges)
        #expect(
            press([.character("x")], &s).first.map { if case .writeFile("unmn-mailing-list.csv", _) = $0 { true } else { false } } == true)
    }

    @Test("A proposed admission goes to the journal as an admission item")
    func admission() {
        var s = state()
        press([.character("A")], &s)
        type("UNIDO", &s)
        press([.tab], &s)
        type("United Nations Industrial Development Organization", &s)
        press([.tab], &s)
        type("UNIDO asks to join.", &s)
        let effects = press([.enter], &s)
        #expect(
            effects == [
                .execute(
                    .proposeAdmission(
                        code: "UNIDO", fullName: "United Nations Industrial Development Organization", text: "UNIDO asks to join.",
                        deadline: LocalDate(year: 2026, month: 12, day: 20)!, raisedAt: .writtenConsultation), by: SampleNetwork.secretariat
                )
            ])
    }
}

@Suite("Editing focal points; decisions and action points from a meeting")
struct MoreWorkflowTests {
    @Test("e edits the selected focal point with its values filled in")
    func editFocalPoint() {
        var s = sampleState(.members)
        press([.character("j"), .character("j"), .character("j"), .enter, .character("e")], &s)
        guard case .form(let form, .members(.editFocalPoint("FP-0006", _, let basedOn)))? = s.overlay else {
            Issue.record("no edit form")
            return
        }
        #expect(form.values["email"] == .text("rahimov@ilo.org"))
        press([.tab, .control("u")], &s)
        type("Senior Programme Officer", &s)
        let effects = press([.enter], &s)
        #expect(
            effects == [
                .execute(
                    .editFocalPoint(
                        id: "FP-0006",
                        Edit(
                            FocalPointDraft(
                                entity: "ILO", name: "Azizbek Rahimov", position: "Senior Programme Officer",
                                level: .projectManager, email: "rahimov@ilo.org", isOnMailingList: true),
                            changed: ["position"], basedOn: basedOn)),
                    by: SampleNetwork.secretariat)
            ])
    }

    @Test("In a meeting, d records a decision linked to an item and A an action point with who and when")
    func meetingRecords() {
        var s = sampleState(.meetings)
        press([.enter, .character("d")], &s)
        type("The network supports the joint statement.", &s)
        press([.tab, .right, .right], &s)
        #expect(
            press([.enter], &s) == [
                .execute(
                    .recordMeetingDecision(
                        meeting: "MTG/2026/04", Meeting.Decision(text: "The network supports the joint statement.", item: "UNMN/2026/006")),
                    by: SampleNetwork.secretariat)
            ])
        press([.character("A")], &s)
        type("Circulate the statement", &s)
        press([.enter], &s)
        guard case .form(let form, .meetings(.addActionPoint(meeting: "MTG/2026/04", _, _)))? = s.overlay else {
            Issue.record("accepted without anyone responsible")
            return
        }
        #expect(form.errors["responsible"] == "Choose at least one responsible.")
        press([.character(" ")], &s)
        #expect(
            press([.enter], &s) == [
                .execute(
                    .addActionPoint(
                        meeting: "MTG/2026/04", text: "Circulate the statement", responsible: ["IOM"],
                        due: LocalDate(year: 2027, month: 1, day: 8)!), by: SampleNetwork.secretariat)
            ])
    }
}
