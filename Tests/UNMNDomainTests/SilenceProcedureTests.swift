import Foundation
import Testing

@testable import UNMNDomain

/// ToR: the network "may adopt any additional working methods". The silence procedure, common in
/// the UN system: after the deadline a member that did not answer counts as not objecting; an
/// objection still blocks. Consensus stays "based on consultations with all its Members".
@Suite("The silence procedure and decisions' follow-up")
struct SilenceProcedureTests {
    static let deadline = LocalDate(year: 2026, month: 12, day: 15)!

    @Test("ToR \"additional working methods\": before the deadline everyone must answer; after it, silence counts as no objection")
    func silenceNotBroken() throws {
        var state = try Fixture.withOpenItem(deadline: Self.deadline, underSilence: true)
        #expect(state.items[0].isUnderSilence)
        try Fixture.answerAll(&state, except: ["UNDRR", "WB"])
        let item = state.items[0]
        #expect(
            state.adoptionBlockers(item, on: Self.deadline) == [
                "UNDRR and WB have not answered (under silence until 2026-12-15: from the day after, no answer counts as no objection)"
            ])
        #expect(state.group(of: item, on: Self.deadline) == .pending)
        let after = Self.deadline.adding(days: 1)
        #expect(state.adoptionBlockers(item, on: after).isEmpty)
        #expect(state.group(of: item, on: after) == .readyToAdopt)
        try state.execute(
            .adoptItem("UNMN/2026/001", statement: "Adopted under silence."), context: Fixture.context(Fixture.chair, on: after))
        #expect(state.items[0].status == .adopted(decisionNumber: "2026/01"))
        #expect(state.items[0].closure?.silent == ["UNDRR", "WB"])
        #expect(state.items[0].closure?.wasDecidedUnderSilence == true)
    }

    @Test("An item not under silence still needs every answer after its deadline")
    func withoutSilence() throws {
        var state = try Fixture.withOpenItem(deadline: Self.deadline)
        try Fixture.answerAll(&state, except: ["UNDRR"])
        let after = Self.deadline.adding(days: 1)
        #expect(state.adoptionBlockers(state.items[0], on: after) == ["UNDRR has not answered"])
        #expect(state.group(of: state.items[0], on: after) == .held)
        #expect(refusal(.adoptItem("UNMN/2026/001", statement: "Adopted."), Fixture.chair, in: state, on: after) != nil)
        try Fixture.answerAll(&state, except: Set(state.members.map(\.code)).subtracting(["UNDRR"]))
        try state.execute(.adoptItem("UNMN/2026/001", statement: "Adopted."), context: Fixture.context(Fixture.chair, on: after))
        #expect(state.items[0].closure?.silent == nil)
    }

    @Test("An objection breaks the silence: it still blocks after the deadline, and says who broke it and when")
    func silenceBroken() throws {
        var state = try Fixture.withOpenItem(deadline: Self.deadline, underSilence: true)
        try Fixture.answerAll(&state, except: ["UNDRR", "WB", "ILO"])
        try state.execute(
            .recordPosition(item: "UNMN/2026/001", entity: "ILO", .object(reason: "cite Conventions 97 and 143"), source: .email),
            context: Fixture.context(Fixture.secretariat, on: LocalDate(year: 2026, month: 12, day: 12)!))
        let after = Self.deadline.adding(days: 1)
        #expect(
            state.adoptionBlockers(state.items[0], on: after) == ["silence broken by ILO on 2026-12-12: cite Conventions 97 and 143"])
        #expect(state.group(of: state.items[0], on: after) == .held)
        #expect(
            refusal(.adoptItem("UNMN/2026/001", statement: "Adopted."), Fixture.chair, in: state, on: after)?.description
                == "Cannot adopt UNMN/2026/001: silence broken by ILO on 2026-12-12: cite Conventions 97 and 143.")
    }

    @Test("Admissions can never be under silence: unanimous approval needs every member's agree")
    func noAdmissionUnderSilence() throws {
        let state = Fixture.founded()
        let draft = ConsensusItemDraft(
            title: "Admission of UNOPS", text: "UNOPS asks to join.", kind: .admission("UNOPS", fullName: "UNOPS"),
            raisedAt: .writtenConsultation, deadline: Self.deadline, underSilence: true)
        #expect(
            refusal(.openItem(draft), Fixture.secretariat, in: state)?.reasons.contains(
                "an admission needs every member to agree, so it cannot be decided under silence") == true)
        // Nor through Members: an admission is proposed without a silence option, and stays unanimous.
        var proposed = state
        try proposed.execute(
            .proposeAdmission(
                code: "UNOPS", fullName: "United Nations Office for Project Services", text: "UNOPS asks to join.",
                deadline: Self.deadline, raisedAt: .writtenConsultation), context: Fixture.context(Fixture.secretariat))
        #expect(proposed.items[0].isUnderSilence == false)
    }

    @Test("An action point can implement an adopted decision; the decision lists its follow-up")
    func followUp() throws {
        var state = try Fixture.withOpenItem(deadline: Self.deadline)
        try state.execute(
            .scheduleMeeting(
                MeetingDraft(kind: .regular, date: Fixture.today, startMinute: 600, location: "UN House", mode: .inPerson)),
            context: Fixture.context(Fixture.secretariat))
        let meeting = try #require(state.meetings.first).reference
        let due = Fixture.today.adding(days: 30)
        #expect(
            refusal(
                .addActionPoint(
                    meeting: meeting, text: "Publish the statement", responsible: ["IOM"], due: due, implements: "UNMN/2026/001"),
                Fixture.secretariat, in: state)?.reasons == ["UNMN/2026/001 is open, not an adopted decision"])
        try Fixture.answerAll(&state)
        try state.execute(.adoptItem("UNMN/2026/001", statement: "Adopted."), context: Fixture.context(Fixture.chair))
        try state.execute(
            .addActionPoint(meeting: meeting, text: "Publish the statement", responsible: ["IOM"], due: due, implements: "UNMN/2026/001"),
            context: Fixture.context(Fixture.secretariat))
        #expect(state.actionPoints(implementing: "UNMN/2026/001").map(\.text) == ["Publish the statement"])
        #expect(
            refusal(
                .addActionPoint(meeting: meeting, text: "x", responsible: ["IOM"], due: due, implements: "UNMN/2026/099"),
                Fixture.secretariat, in: state)?.reasons == ["there is no consensus item UNMN/2026/099"])
    }
}
