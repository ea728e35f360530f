import Testing
import UNMNResources

@testable import UNMNDomain

@Suite("Annex I membership")
struct AnnexITests {
    @Test("The shipped Annex I lists the 16 initial members with full names and roles")
    func shipped() throws {
        let entities = try AnnexI.parse(ShippedData.annexIMembers)
        #expect(
            entities.map(\.code.rawValue) == [
                "IOM", "UNRC", "FAO", "ILO", "UNAIDS", "OHCHR", "UNICEF", "UNDP", "UNESCO",
                "UN Women", "UNHCR", "UNDRR", "UNODC", "UNFPA", "WB", "WHO",
            ])
        #expect(entities.first { $0.code == "UNESCO" }?.fullName == "United Nations Educational, Scientific and Cultural Organization")
        #expect(entities.filter { $0.role == .chair }.map(\.code) == ["IOM"])
        #expect(entities.filter { $0.role == .coChair }.map(\.code) == ["UNRC"])
        #expect(entities.allSatisfy { $0.status == .member })
        #expect(entities.first?.functions == "chair, coordinator and secretariat")
    }

    @Test("A malformed line, an unknown role or a repeated code is refused with its line")
    func errors() {
        #expect(throws: AnnexI.ParseError.malformedLine(number: 2, text: "IOM only")) {
            try AnnexI.parse("# comment\nIOM only")
        }
        #expect(throws: AnnexI.ParseError.unknownRole(number: 1, role: "observer")) {
            try AnnexI.parse("X\tSomething\tobserver")
        }
        #expect(throws: AnnexI.ParseError.duplicateCode("un women")) {
            try AnnexI.parse("UN Women\tA\tmember\nun women\tB\tmember")
        }
    }

    @Test("The shipped GCM objectives are the 23, in order")
    func gcm() throws {
        let objectives = try GCMObjective.parseList(ShippedData.gcmObjectives)
        #expect(objectives.map(\.number) == Array(1...23))
        #expect(
            objectives[22].title == "Strengthen international cooperation and global partnerships for safe, orderly and regular migration")
        #expect(throws: GCMObjective.ListError(lineNumber: 1)) { try GCMObjective.parseList("24\tToo many") }
    }
}
