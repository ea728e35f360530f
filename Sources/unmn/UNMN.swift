import ArgumentParser

/// `unmn`: the console by default, and the subcommands of DESIGN.md section 7.
@main
struct UNMN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmn",
        abstract: "The secretariat console of the UN Network on Migration in Uzbekistan.",
        discussion: """
            Without a subcommand, unmn opens the full-screen console (press ? inside for every key).
            Console options: --journal PATH, --as ENTITY:ROLE, --name NAME, --read-only, --demo
            (see 'unmn console --help').
            Environment: UNMN_JOURNAL, UNMN_OPERATOR (ENTITY:ROLE[:NAME]), XDG_DATA_HOME, XDG_CONFIG_HOME, NO_COLOR.
            """,
        version: UNMNVersion.current,
        subcommands: [
            ConsoleCommand.self, InitCommand.self, CheckCommand.self, RepairCommand.self, CompactCommand.self,
            ExportCommand.self, ReportCommand.self, AccessCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}
