import ArgumentParser
import CursesBackend
import Foundation
import TerminalUI
import UNMNApp
import UNMNDomain
import UNMNJournal

/// The full-screen console: the default subcommand.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Open the full-screen console (the default).")

    @OptionGroup var journal: JournalOption
    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this operator for this session, e.g. IOM:secretariat or UNICEF:member.", valueName: "ENTITY:ROLE"))
    var designation: String?
    @Option(help: ArgumentHelp("Your name, with --as.", valueName: "NAME")) var name: String?
    @Flag(help: "Open without changing anything.") var readOnly = false
    @Flag(help: "Open a throw-away copy of the sample network.") var demo = false

    func run() throws {
        if demo { throw NotYetAvailable.fail("The sample network (--demo)") }
        let environment = ProcessInfo.processInfo.environment
        let network = try ShippedNetwork.load()
        let memory = OperatorMemory(directory: JournalLocation.configDirectory(environment: environment))
        let chosen = try OperatorResolution(designation: designation, name: name, environment: environment, entities: network.entities, memory: memory).resolve()
        let location = JournalLocation.resolve(flag: journal.journal, environment: environment)
        let clock = TashkentClock()

        var state = AppState(width: 120, height: 40, today: clock.today(), currentOperator: chosen, isReadOnly: readOnly,
                             journalPath: location.abbreviated(environment: environment) + " (records are kept from a later version on)",
                             entities: network.entities, gcmObjectives: network.objectives)
        if chosen == nil { _ = AppUpdate.update(&state, .chooseOperator) }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
        } catch {
            CommandLineOutput.error("\(error)")
            throw ExitCode.failure
        }
        defer { terminal.close() }
        let runtime = AppRuntime(state: state, terminal: terminal, today: clock.today) { effect in
            switch effect {
            case .rememberOperator(let op):
                do {
                    try memory.save(op)
                    return .operatorRemembered(op, failure: nil)
                } catch {
                    return .operatorRemembered(op, failure: "\(error)")
                }
            case .quit:
                return nil
            }
        }
        runtime.run()
    }
}
