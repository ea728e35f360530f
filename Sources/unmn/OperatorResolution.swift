import ArgumentParser
import Foundation
import UNMNDomain
import UNMNJournal

/// Who is at the keyboard: `--as` (with `--name`), else `UNMN_OPERATOR`, else the operator
/// remembered from an earlier start; nil means ask in the console.
struct OperatorResolution {
    var designation: String?
    var name: String?
    var environment: [String: String]
    var entities: [MemberEntity]
    var memory: OperatorMemory

    func resolve() throws -> Operator? {
        let remembered: Operator?
        do {
            remembered = try memory.load()
        } catch {
            CommandLineOutput.error(error.description)
            remembered = nil
        }
        let source: (text: String, origin: String)?
        if let designation {
            source = (designation, "--as")
        } else if let fromEnvironment = environment["UNMN_OPERATOR"], !fromEnvironment.isEmpty {
            source = (fromEnvironment, "UNMN_OPERATOR")
        } else {
            source = nil
        }
        guard let source else {
            if let name, var remembered {
                remembered.name = name
                return remembered
            }
            return remembered
        }
        do {
            let parsed = try OperatorDesignation.parse(source.text, entities: entities)
            let chosenName = name ?? parsed.name ?? remembered?.name ?? environment["USER"] ?? NSUserName()
            return Operator(name: chosenName, entity: parsed.entity, role: parsed.role)
        } catch {
            throw ValidationError(CommandLineOutput.safe("\(source.origin): \(error.description)"))
        }
    }
}
