import Testing
import UNMNDomain
import UNMNResources

@Suite("Operator designation (--as, UNMN_OPERATOR)")
struct OperatorDesignationTests {
    let entities = try! AnnexI.parse(ShippedData.annexIMembers)

    @Test("ENTITY:ROLE[:NAME] with the code matched loosely")
    func parses() throws {
        let plain = try OperatorDesignation.parse("IOM:secretariat", entities: entities)
        #expect(plain.entity == "IOM" && plain.role == .secretariat && plain.name == nil)
        let loose = try OperatorDesignation.parse("un-women:Member:Гулнора Каримова", entities: entities)
        #expect(loose.entity == "UN Women" && loose.role == .member && loose.name == "Гулнора Каримова")
        #expect(try OperatorDesignation.parse("UNRC:co-chair", entities: entities).role == .coChair)
    }

    @Test(
        "Errors say what is wrong in words",
        arguments: [
            ("IOM", "\"IOM\" is not ENTITY:ROLE (for example IOM:secretariat or UNICEF:member)."),
            ("IOM:boss", "\"boss\" is not a role; use one of secretariat, chair, co-chair, member, viewer."),
        ])
    func errors(text: String, message: String) {
        #expect(throws: (any Error).self) { try OperatorDesignation.parse(text, entities: entities) }
        do {
            _ = try OperatorDesignation.parse(text, entities: entities)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("An unknown entity lists the known ones")
    func unknownEntity() {
        do {
            _ = try OperatorDesignation.parse("UNOPS:member", entities: entities)
            Issue.record("UNOPS is not a member")
        } catch {
            #expect(error.description.hasPrefix("\"UNOPS\" is not a member entity; known: IOM, UNRC, FAO"))
        }
    }
}
