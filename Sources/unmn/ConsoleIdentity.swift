import ArgumentParser
import Foundation
import UNMNConsole
import UNMNDomain
import UNMNJournal

/// Who the console acts as, from the system and the journal's roster.
struct ConsoleIdentity {
    var login: String
    var designation: String?
    var name: String?
    var environment: [String: String]
    var memory: OperatorMemory

    /// The operator asked for by `--as`/`--name`, else `UNMN_OPERATOR`; nil when neither.
    func asked(entities: [MemberEntity]) throws -> (entity: EntityCode, role: Operator.Role, name: String?)? {
        let source: (text: String, origin: String)?
        if let designation {
            source = (designation, "--as")
        } else if let fromEnvironment = environment["UNMN_OPERATOR"], !fromEnvironment.isEmpty {
            source = (fromEnvironment, "UNMN_OPERATOR")
        } else {
            source = nil
        }
        guard let source else { return nil }
        do {
            let parsed = try OperatorDesignation.parse(source.text, entities: entities)
            return (parsed.entity, parsed.role, name ?? parsed.name)
        } catch {
            throw ValidationError(CommandLineOutput.safe("\(source.origin): \(error.description)"))
        }
    }

    /// The operator of a sandbox, where anyone may take any role: `--as` (with `--name`), else
    /// `UNMN_OPERATOR`, else the operator remembered from an earlier start; nil means ask in the
    /// console.
    func sandboxOperator(entities: [MemberEntity]) throws -> Operator? {
        let remembered: Operator?
        do {
            remembered = try memory.load()
        } catch {
            CommandLineOutput.error(error.description)
            remembered = nil
        }
        guard let asked = try asked(entities: entities) else {
            guard let name, var remembered else { return remembered }
            remembered.name = name
            return remembered
        }
        let chosenName = asked.name ?? remembered?.name ?? environment["USER"] ?? NSUserName()
        return Operator(name: chosenName, entity: asked.entity, role: asked.role)
    }

    /// The operator of a real journal: the login's grant, narrowed as asked. A remembered
    /// operator that is not the grant's is ignored; an asked one is refused (exit 77).
    func resolve(in network: NetworkState) throws -> (operator: Operator?, readOnlyReason: String?) {
        var asked = try asked(entities: network.members)
        if asked == nil, let remembered = try? memory.load(), let grant = network.grants[login],
            remembered.entity == grant.entity && (remembered.role == grant.role || remembered.role == .viewer)
        {
            asked = (remembered.entity, remembered.role, nil)
        }
        switch Identity.resolve(login: login, asked: asked, in: network) {
        case .act(let op): return (op, nil)
        case .readOnly(let reason): return (nil, reason)
        case .refused(let reason):
            CommandLineOutput.error(reason.prefix(1).uppercased() + reason.dropFirst() + ".")
            throw ExitCode(77)
        }
    }
}

/// Asks for a person's name on the terminal, before the console takes it over.
enum NamePrompt {
    static func ask(_ question: String, given: String?) throws -> String {
        if let given, !given.trimmingCharacters(in: .whitespaces).isEmpty { return given }
        guard isatty(STDIN_FILENO) != 0 else { throw ValidationError("\(question) Give it with --name NAME.") }
        FileHandle.standardError.write(Data((question + " ").utf8))
        guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("A name is needed; give it with --name NAME.")
        }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
