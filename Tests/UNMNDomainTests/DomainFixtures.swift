import Foundation
import UNMNResources

@testable import UNMNDomain

enum Fixture {
    static let entities = try! AnnexI.parse(ShippedData.annexIMembers)
    static let policy = EmailPolicy.parse(ShippedData.corporateEmailDomains)
    static let today = LocalDate(year: 2026, month: 11, day: 29)!
    static let now = Instant(tashkent: today, hour: 10)

    static let secretariat = Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)
    static let chair = Operator(name: "Chief of Mission", entity: "IOM", role: .chair)
    static let coChair = Operator(name: "Resident Coordinator", entity: "UNRC", role: .coChair)
    static let unicef = Operator(name: "Gulnora Karimova", entity: "UNICEF", role: .member)
    static let viewer = Operator(name: "RCO archivist", entity: "UNRC", role: .viewer)

    static func context(_ op: Operator, on day: LocalDate = today, hour: Int = 10) -> CommandContext {
        CommandContext(operator: op, now: Instant(tashkent: day, hour: hour))
    }

    static func founded() -> NetworkState {
        NetworkState.founding(
            entities: entities, emailPolicy: policy, by: secretariat,
            at: Instant(tashkent: LocalDate(year: 2025, month: 1, day: 6)!, hour: 9)
        ).state
    }

    /// A founded network with one open general item, UNMN/2026/001.
    static func withOpenItem(deadline: LocalDate = LocalDate(year: 2026, month: 12, day: 15)!, underSilence: Bool = false) throws
        -> NetworkState
    {
        var state = founded()
        try state.execute(
            .openItem(
                ConsensusItemDraft(
                    title: "Joint statement on International Migrants Day", text: "The network will issue…",
                    kind: .jointStatement, raisedAt: .writtenConsultation, deadline: deadline, underSilence: underSilence)),
            context: context(secretariat))
        return state
    }

    /// Records `position` for every member except those in `except`.
    static func answerAll(
        _ state: inout NetworkState, item: ItemReference = "UNMN/2026/001", _ position: Position = .agree, except: Set<EntityCode> = []
    ) throws {
        for member in state.members where !except.contains(member.code) {
            try state.execute(.recordPosition(item: item, entity: member.code, position, source: .email), context: context(secretariat))
        }
    }

    static func draft(_ name: String, _ entity: EntityCode, _ email: String, list: Bool = true, reason: String? = nil) -> FocalPointDraft {
        FocalPointDraft(
            entity: entity, name: name, position: "Programme Officer", level: .projectManager, email: email, isOnMailingList: list,
            exceptionReason: reason)
    }
}

/// The refusal a command meets, or nil when it is accepted.
func refusal(_ command: Command, _ op: Operator, in state: NetworkState, on day: LocalDate = Fixture.today) -> CommandRejection? {
    do {
        _ = try state.decide(command, context: Fixture.context(op, on: day))
        return nil
    } catch {
        return error
    }
}
