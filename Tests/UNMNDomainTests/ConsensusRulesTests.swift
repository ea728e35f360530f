import Foundation
import Testing

@testable import UNMNDomain

@Suite("Consensus items")
struct ConsensusRulesTests {
    @Test("Adoption is refused with every reason: who has not answered, who objects and why")
    func adoptionBlockers() throws {
        var state = try Fixture.withOpenItem()
        try Fixture.answerAll(&state, except: ["UNDRR", "WB", "ILO"])
        try state.execute(
            .recordPosition(
                item: "UNMN/2026/001", entity: "ILO", .object(reason: "the text pre-empts the ILO Governing Body"), source: .email),
            context: Fixture.context(Fixture.secretariat))
        let rejection = refusal(.adoptItem("UNMN/2026/001", statement: "Adopted."), Fixture.chair, in: state)
        #expect(
            rejection?.description
                == "Cannot adopt UNMN/2026/001: UNDRR and WB have not answered; ILO objects: the text pre-empts the ILO Governing Body.")
    }

    @Test("Once all answered and the objection becomes stand aside, the chair adopts")
    func adoption() throws {
        var state = try Fixture.withOpenItem()
        try Fixture.answerAll(&state, except: ["ILO"])
        try state.execute(
            .recordPosition(item: "UNMN/2026/001", entity: "ILO", .object(reason: "wording"), source: .meeting),
            context: Fixture.context(Fixture.secretariat))
        #expect(state.group(of: state.items[0], on: Fixture.today) == .held)
        try state.execute(
            .recordPosition(item: "UNMN/2026/001", entity: "ILO", .standAside(reason: nil), source: .phone),
            context: Fixture.context(Fixture.secretariat))
        #expect(state.group(of: state.items[0], on: Fixture.today) == .readyToAdopt)
        try state.execute(
            .adoptItem("UNMN/2026/001", statement: "Adopted by consensus; ILO stands aside."), context: Fixture.context(Fixture.chair))
        #expect(state.items[0].status == .adopted(decisionNumber: "2026/01"))
        #expect(state.items[0].history.count == 17)
        #expect(state.decisionsLog().map(\.number) == ["2026/01"])
    }

    @Test("Only the chair or co-chair closes items")
    func onlyChairCloses() throws {
        var state = try Fixture.withOpenItem()
        try Fixture.answerAll(&state)
        #expect(
            refusal(.adoptItem("UNMN/2026/001", statement: "ok"), Fixture.secretariat, in: state)?.description
                == "Cannot adopt UNMN/2026/001: only the chair or co-chair closes consensus items (you are the secretariat).")
        #expect(refusal(.adoptItem("UNMN/2026/001", statement: "ok"), Fixture.coChair, in: state) == nil)
    }

    @Test("Every closing asks for an outcome statement")
    func statementRequired() throws {
        let state = try Fixture.withOpenItem()
        for command: Command in [
            .rejectItem("UNMN/2026/001", statement: " "), .withdrawItem("UNMN/2026/001", statement: ""),
            .deferItem("UNMN/2026/001", newDeadline: LocalDate(year: 2027, month: 1, day: 31)!, statement: ""),
        ] {
            #expect(refusal(command, Fixture.chair, in: state)?.reasons == ["give an outcome statement"])
        }
    }

    @Test("An objection needs a reason")
    func objectionReason() throws {
        let state = try Fixture.withOpenItem()
        #expect(
            refusal(
                .recordPosition(item: "UNMN/2026/001", entity: "FAO", .object(reason: "  "), source: .email), Fixture.secretariat, in: state
            )?.reasons
                == ["an objection needs a reason"])
    }

    @Test("A position on a closed item is refused with who closed it and when")
    func closedItem() throws {
        var state = try Fixture.withOpenItem()
        try state.execute(.withdrawItem("UNMN/2026/001", statement: "Overtaken by events."), context: Fixture.context(Fixture.chair))
        #expect(
            refusal(.recordPosition(item: "UNMN/2026/001", entity: "FAO", .agree, source: .email), Fixture.secretariat, in: state)?
                .description
                == "Cannot record FAO's position on UNMN/2026/001: UNMN/2026/001 was withdrawn by Chief of Mission (IOM) on 2026-11-29.")
        #expect(
            refusal(.adoptItem("UNMN/2026/001", statement: "x"), Fixture.coChair, in: state)?.description
                == "Cannot adopt UNMN/2026/001: UNMN/2026/001 was already withdrawn by Chief of Mission (IOM) on 2026-11-29.")
    }

    @Test("Earlier positions are kept as history; the current one counts")
    func history() throws {
        var state = try Fixture.withOpenItem()
        for position: Position in [.agree, .object(reason: "late"), .standAside(reason: nil)] {
            try state.execute(
                .recordPosition(item: "UNMN/2026/001", entity: "WHO", position, source: .email),
                context: Fixture.context(Fixture.secretariat))
        }
        #expect(state.items[0].history.map(\.position) == [.agree, .object(reason: "late"), .standAside(reason: nil)])
        #expect(state.items[0].positions["WHO"]?.position == .standAside(reason: nil))
        #expect(state.tally(state.items[0]) == ItemTally(standAside: 1, noAnswer: 15))
    }

    @Test("Deferring sets a new deadline and consultation continues")
    func deferral() throws {
        var state = try Fixture.withOpenItem()
        let later = LocalDate(year: 2027, month: 1, day: 31)!
        #expect(
            refusal(.deferItem("UNMN/2026/001", newDeadline: Fixture.today, statement: "Later"), Fixture.chair, in: state)?.reasons
                == ["the new deadline must be after today (2026-11-29)"])
        try state.execute(
            .deferItem("UNMN/2026/001", newDeadline: later, statement: "Deferred to January."), context: Fixture.context(Fixture.chair))
        #expect(state.items[0].status == .deferred && state.items[0].deadline == later)
        #expect(
            refusal(.recordPosition(item: "UNMN/2026/001", entity: "FAO", .agree, source: .email), Fixture.secretariat, in: state) == nil)
    }

    @Test("Past the deadline with members unanswered, an item is held")
    func heldAfterDeadline() throws {
        var state = try Fixture.withOpenItem(deadline: Fixture.today)
        try Fixture.answerAll(&state, except: ["WB"])
        #expect(state.group(of: state.items[0], on: Fixture.today) == .pending)
        #expect(state.group(of: state.items[0], on: Fixture.today.adding(days: 1)) == .held)
    }

    @Test("Items are numbered UNMN/YYYY/NNN; a deadline in the past is refused")
    func numbering() throws {
        var state = try Fixture.withOpenItem()
        try state.execute(
            .openItem(
                ConsensusItemDraft(title: "Second", text: "t", kind: .general, raisedAt: .writtenConsultation, deadline: Fixture.today)),
            context: Fixture.context(Fixture.secretariat))
        #expect(state.items.map(\.reference) == ["UNMN/2026/001", "UNMN/2026/002"])
        #expect(
            refusal(
                .openItem(
                    ConsensusItemDraft(
                        title: "Old", text: "t", kind: .general, raisedAt: .meeting("MTG/2026/09"), deadline: Fixture.today.adding(days: -1)
                    )),
                Fixture.secretariat, in: state)?.reasons == [
                    "the deadline 2026-11-28 has already passed", "there is no meeting MTG/2026/09",
                ])
    }
}

@Suite("Admission of new members")
struct AdmissionTests {
    func proposed() throws -> NetworkState {
        var state = Fixture.founded()
        try state.execute(
            .proposeAdmission(
                code: "UNOPS", fullName: "United Nations Office for Project Services", text: "UNOPS asks to join.",
                deadline: LocalDate(year: 2026, month: 12, day: 20)!, raisedAt: .writtenConsultation),
            context: Fixture.context(Fixture.secretariat))
        return state
    }

    @Test("Proposing records the applicant and opens an admission item")
    func proposing() throws {
        let state = try proposed()
        #expect(state.entity("UNOPS")?.status == .applicant)
        #expect(state.items[0].kind == .admission("UNOPS", fullName: "United Nations Office for Project Services"))
        #expect(state.members.count == 16)
        #expect(
            refusal(
                .proposeAdmission(code: "ILO", fullName: "x", text: "x", deadline: Fixture.today, raisedAt: .writtenConsultation),
                Fixture.secretariat, in: state)?.reasons
                == ["ILO is already a member"])
        #expect(
            refusal(
                .openItem(
                    ConsensusItemDraft(
                        title: "t", text: "t", kind: .admission("X", fullName: "X"), raisedAt: .writtenConsultation, deadline: Fixture.today
                    )),
                Fixture.secretariat, in: state)?.reasons == ["propose an admission from Members, so that the applicant is recorded"])
    }

    @Test("Standing aside blocks an admission: it needs every member to agree")
    func unanimity() throws {
        var state = try proposed()
        try Fixture.answerAll(&state, except: ["WHO"])
        try state.execute(
            .recordPosition(item: "UNMN/2026/001", entity: "WHO", .standAside(reason: nil), source: .email),
            context: Fixture.context(Fixture.secretariat))
        #expect(
            refusal(.adoptItem("UNMN/2026/001", statement: "Admitted"), Fixture.chair, in: state)?.reasons
                == ["WHO stands aside, and an admission needs every member to agree"])
    }

    @Test("Unanimous agreement admits the entity, which is then consulted on open items")
    func admitted() throws {
        var state = try proposed()
        try state.execute(
            .openItem(
                ConsensusItemDraft(
                    title: "Other", text: "t", kind: .general, raisedAt: .writtenConsultation,
                    deadline: LocalDate(year: 2026, month: 12, day: 31)!)),
            context: Fixture.context(Fixture.secretariat))
        try Fixture.answerAll(&state)
        try state.execute(.adoptItem("UNMN/2026/001", statement: "UNOPS is admitted."), context: Fixture.context(Fixture.chair))
        let unops = try #require(state.entity("UNOPS"))
        #expect(unops.status == .member && unops.admittedBy == "UNMN/2026/001" && unops.memberSince == Fixture.today)
        #expect(state.members.count == 17)
        #expect(state.tally(state.items[1]).noAnswer == 17)
    }

    @Test("A withdrawn entity keeps its history but is no longer consulted")
    func withdrawal() throws {
        var state = try Fixture.withOpenItem()
        try state.execute(
            .addFocalPoint(Fixture.draft("Bobur Toshmatov", "UNDRR", "bobur.toshmatov@undrr.org")),
            context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .recordPosition(item: "UNMN/2026/001", entity: "UNDRR", .object(reason: "out of mandate"), source: .email),
            context: Fixture.context(Fixture.secretariat))
        try state.execute(
            .recordWithdrawal("UNDRR", on: Fixture.today, note: "No longer present in Uzbekistan."),
            context: Fixture.context(Fixture.secretariat))
        #expect(state.entity("UNDRR")?.status == .withdrawn)
        #expect(state.items[0].positions["UNDRR"] != nil)
        #expect(state.tally(state.items[0]) == ItemTally(noAnswer: 15))
        #expect(state.mailingList.isEmpty)
        #expect(state.focalPoint("FP-0001")?.entity == "UNDRR")
        try Fixture.answerAll(&state)
        #expect(state.adoptionBlockers(state.items[0], on: Fixture.today).isEmpty)
        #expect(
            refusal(.recordWithdrawal("IOM", on: Fixture.today, note: "x"), Fixture.secretariat, in: state)?.reasons
                == ["IOM is the network's chair under the Terms of Reference and cannot withdraw"])
    }
}

@Suite("Stand-aside reasons")
struct StandAsideReasonTests {
    @Test("A stand-aside recorded before reasons were kept still reads, as a stand-aside with none; a reason round-trips")
    func compatibility() throws {
        let old = try JSONDecoder().decode(Position.self, from: Data(#"{"standAside":{}}"#.utf8))
        #expect(old == .standAside(reason: nil))
        let kept = Position.standAside(reason: "No mandate")
        #expect(try JSONDecoder().decode(Position.self, from: JSONEncoder().encode(kept)) == kept)
        #expect(String(decoding: try JSONEncoder().encode(Position.standAside(reason: nil)), as: UTF8.self) == #"{"standAside":{}}"#)
    }
}
