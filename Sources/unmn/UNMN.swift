import ArgumentParser
import Foundation

/// `unmn`: the console by default, and the subcommands of DESIGN.md section 7.
@main
struct UNMN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmn",
        abstract: "The secretariat console of the UN Network on Migration in Uzbekistan.",
        discussion: """
            Without a subcommand, unmn opens the full-screen console (press ? inside for every key).
            Console options: --journal PATH or postgres://user@host/db?network=uz, --as ENTITY:ROLE, --name NAME, --read-only, --demo
            (see 'unmn console --help').
            Environment: UNMN_JOURNAL, UNMN_OPERATOR (ENTITY:ROLE[:NAME]), XDG_DATA_HOME, XDG_CONFIG_HOME, NO_COLOR.
            """,
        version: UNMNVersion.current,
        subcommands: [
            ConsoleCommand.self, InitCommand.self, CheckCommand.self, RepairCommand.self, CompactCommand.self,
            ExportCommand.self, ReportCommand.self, AccessCommand.self, DatabaseCommand.self, JournalCopyCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )

    /// The console is the default subcommand, so ArgumentParser would read a mistyped command
    /// (`unmn frobnicate`) as the console's argument and print the console's usage; name the
    /// commands there are instead.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownCommandMessage(first) {
            CommandLineOutput.error(message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }

    static func unknownCommandMessage(_ word: String) -> String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !word.hasPrefix("-"), !names.contains(word), word != "help" else { return nil }
        let list = configuration.subcommands.map { command in
            let name = command.configuration.commandName ?? ""
            return "  \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(command.configuration.abstract)"
        }
        return (["unknown command \"\(word)\". The commands are:"] + list + ["Run 'unmn help COMMAND' for its options."])
            .joined(separator: "\n")
    }
}
