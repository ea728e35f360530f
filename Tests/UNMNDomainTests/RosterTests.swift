import Testing

@testable import UNMNDomain

/// Issue 14: who may act is granted in the journal, and roles follow the Terms of Reference.
@Suite("Roster and identity")
struct RosterTests {
    static let dilnoza = Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)

    func withRoster() throws -> NetworkState {
        var state = Fixture.founded()
        try state.execute(
            .grantAccess(Grant(login: "dilnoza", name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)),
            context: context(Self.dilnoza, "dilnoza"))
        return state
    }

    func context(_ op: Operator, _ login: String?) -> CommandContext { CommandContext(operator: op, now: Fixture.now, login: login) }

    @Test(
        "Roles are bound to entities as the ToR says: IOM chairs, UNRC co-chairs, IOM is the secretariat; members and viewers anywhere",
        arguments: [
            (Operator.Role.chair, EntityCode("IOM"), true), (.chair, "FAO", false), (.chair, "WB", false), (.coChair, "UNRC", true),
            (.coChair, "IOM", false), (.secretariat, "IOM", true), (.secretariat, "UNICEF", false), (.member, "UNICEF", true),
            (.member, "IOM", true), (.viewer, "UNRC", true),
        ])
    func binding(role: Operator.Role, entity: EntityCode, allowed: Bool) throws {
        let state = try withRoster()
        let grant = Grant(login: "someone", name: "Someone", entity: entity, role: role)
        let accepted = try? state.decide(.grantAccess(grant), context: context(Self.dilnoza, "dilnoza"))
        #expect((accepted != nil) == allowed)
    }

    @Test("Authority comes only from a grant: no grant, another person's name, another entity or role are refused; viewer is allowed")
    func authority() throws {
        var state = try withRoster()
        try state.execute(
            .grantAccess(Grant(login: "gulnora", name: "Gulnora Karimova", entity: "UNICEF", role: .member)),
            context: context(Self.dilnoza, "dilnoza"))
        let chair = Operator(name: "Gulnora Karimova", entity: "IOM", role: .chair)
        let draft = Command.draftWorkPlan(year: 2027)
        #expect(
            refusal(draft, chair, in: state, login: "gulnora")?.reasons == [
                "gulnora is Gulnora Karimova, UNICEF member; it cannot act as IOM chair"
            ])
        #expect(
            refusal(draft, Self.dilnoza, in: state, login: "mallory")?.reasons.first?.hasPrefix("mallory has no access to this network")
                == true)
        #expect(
            refusal(draft, Operator(name: "Mallory", entity: "IOM", role: .secretariat), in: state, login: "dilnoza")?.reasons == [
                "dilnoza is Dilnoza Yusupova, not Mallory"
            ])
        #expect(refusal(draft, Self.dilnoza, in: state, login: "dilnoza") == nil)
        let viewer = Operator(name: "Gulnora Karimova", entity: "UNICEF", role: .viewer)
        #expect(refusal(draft, viewer, in: state, login: "gulnora")?.reasons == ["a viewer only reads"])
    }

    @Test("Revoking takes the authority away; the last who may grant cannot be revoked")
    func revoke() throws {
        var state = try withRoster()
        try state.execute(
            .grantAccess(Grant(login: "gulnora", name: "Gulnora Karimova", entity: "UNICEF", role: .member)),
            context: context(Self.dilnoza, "dilnoza"))
        try state.execute(.revokeAccess(login: "gulnora"), context: context(Self.dilnoza, "dilnoza"))
        #expect(state.grants["gulnora"] == nil)
        #expect(
            refusal(.revokeAccess(login: "dilnoza"), Self.dilnoza, in: state, login: "dilnoza")?.reasons == [
                "dilnoza is the last who may grant access; grant someone else the secretariat or the chair first"
            ])
        let member = Operator(name: "Gulnora Karimova", entity: "UNICEF", role: .member)
        #expect(
            refusal(
                .recordPosition(item: "UNMN/2026/001", entity: "UNICEF", .agree, source: .console), member, in: state, login: "gulnora")?
                .reasons.first?.hasPrefix("gulnora has no access") == true)
    }

    @Test("A sandbox lets anyone take any role; a network is founded once")
    func sandbox() throws {
        let (sandbox, _) = NetworkState.founding(
            entities: Fixture.entities, emailPolicy: Fixture.policy, by: Self.dilnoza, at: Fixture.now, sandbox: true)
        #expect(sandbox.isSandbox)
        let anyone = Operator(name: "Trainee", entity: "IOM", role: .chair)
        #expect(refusal(.draftWorkPlan(year: 2027), anyone, in: sandbox, login: "nobody") == nil)
        #expect(
            refusal(.found(entities: Fixture.entities, sandbox: false), Self.dilnoza, in: sandbox)?.reasons == [
                "the network was founded already; a journal holds one network"
            ])
    }

    @Test("--as only chooses the login's grant or narrows it to a viewer")
    func narrowing() throws {
        let state = try withRoster()
        #expect(Identity.resolve(login: "dilnoza", asked: nil, in: state) == .act(Self.dilnoza))
        #expect(Identity.resolve(login: "dilnoza", asked: ("IOM", .secretariat, nil), in: state) == .act(Self.dilnoza))
        #expect(
            Identity.resolve(login: "dilnoza", asked: ("UNRC", .viewer, nil), in: state)
                == .act(Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .viewer)))
        guard case .refused(let reason) = Identity.resolve(login: "dilnoza", asked: ("IOM", .chair, "Mallory"), in: state) else {
            Issue.record("--as IOM:chair:Mallory was honoured")
            return
        }
        #expect(
            reason
                == "dilnoza is Dilnoza Yusupova, IOM secretariat; IOM:chair:Mallory is not theirs to act as (only "
                + "IOM:secretariat, or a viewer)"
        )
        guard case .readOnly(let why) = Identity.resolve(login: "guest", asked: nil, in: state) else {
            Issue.record("a login without a grant acts")
            return
        }
        #expect(
            why == "guest has no access to this network; ask the secretariat (Dilnoza Yusupova) to grant it with unmn access grant guest")
    }
}

extension RosterTests {
    func refusal(_ command: Command, _ op: Operator, in state: NetworkState, login: String? = nil) -> CommandRejection? {
        do {
            _ = try state.decide(command, context: CommandContext(operator: op, now: Fixture.now, login: login))
            return nil
        } catch {
            return error
        }
    }
}
