import Testing
import TerminalUI
import UNMNDomain
@testable import UNMNApp

@Suite("Members pane: focal points and the mailing list")
struct MembersTests {
    func state() -> AppState { sampleState(.members) }

    @Test("Adding a focal point: a non-corporate address needs the recorded exception")
    func addFocalPoint() {
        var s = state()
        press([.character("j"), .character("j"), .character("j"), .character("n")], &s)
        guard case .form(_, .addFocalPoint("ILO"))? = s.overlay else { Issue.record("no form for ILO"); return }
        type("Шаҳло Каримова", &s)
        press([.tab], &s)
        type("Labour Migration Officer", &s)
        press([.tab, .tab], &s)
        type("shahlo@gmail.com", &s)
        press([.enter], &s)
        guard case .form(let form, _)? = s.overlay else { Issue.record("accepted a private address"); return }
        #expect(form.errors["reason"] == "shahlo@gmail.com is not a corporate address: record why the exception is needed, or use the corporate account.")
        type("Corporate account being created; verified by phone", &s)
        let effects = press([.enter], &s)
        #expect(effects == [.execute(.addFocalPoint(FocalPointDraft(entity: "ILO", name: "Шаҳло Каримова", position: "Labour Migration Officer", level: .deputyHead,
                                                                     email: "shahlo@gmail.com", isOnMailingList: true,
                                                                     exceptionReason: "Corporate account being created; verified by phone")), by: SampleNetwork.secretariat)])
    }

    @Test("In an entity's record, ↓ selects a focal point and m takes it off the mailing list")
    func mailingList() {
        var s = state()
        press([.character("j"), .character("j"), .character("j"), .character("j"), .character("j"), .character("j"), .enter], &s)
        #expect(s.selectedEntity?.code == "UNICEF")
        press([.down], &s)
        #expect(screen(s).contains { $0.hasPrefix("  ▶ Ўлмас Жўраев, Social Policy Officer") })
        #expect(press([.character("m")], &s) == [.execute(.setMailingList(focalPoint: "FP-0010", on: false), by: SampleNetwork.secretariat)])
    }

    @Test("L lists the changes since the last request to the IT unit; s marks it sent")
    func changes() {
        var s = state()
        press([.character("L")], &s)
        let lines = screen(s)
        #expect(lines[2] == "  Mailing list changes since the last request to the IT unit (2025-01-13)")
        #expect(lines.contains("  add          Иброҳим Раҳимов <ibrokhim.rakhimov@undrr.org> · 2026-10-06"))
        #expect(lines.contains("  remove       Kamola Ergasheva <kamola.ergasheva@undrr.org> · 2026-10-05"))
        #expect(press([.character("s")], &s) == [.execute(.markMailingListRequestSent, by: SampleNetwork.secretariat)])
        press([.escape], &s)
        #expect(!s.showsMailingListChanges)
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
        #expect(effects == [.execute(.proposeAdmission(code: "UNIDO", fullName: "United Nations Industrial Development Organization", text: "UNIDO asks to join.",
                                                       deadline: LocalDate(year: 2026, month: 12, day: 20)!, raisedAt: .writtenConsultation), by: SampleNetwork.secretariat)])
    }
}
