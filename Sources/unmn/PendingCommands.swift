import ArgumentParser

// Subcommands declared now so that scripts can rely on their names and flags; each says
// plainly that its capability arrives in a later version (exit status 1).

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "A Markdown progress report to the UN Country Team for a quarter or a year.")
    @OptionGroup var journal: JournalOption
    @Option(help: ArgumentHelp("The quarter, e.g. 2026Q3.", valueName: "YYYYQn")) var quarter: String?
    @Option(help: ArgumentHelp("The year, e.g. 2026.", valueName: "YYYY")) var year: Int?
    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE")) var output: String?

    func validate() throws {
        guard (quarter == nil) != (year == nil) else { throw ValidationError("Give either --quarter YYYYQn or --year YYYY.") }
        if let quarter, quarter.wholeMatch(of: /[0-9]{4}Q[1-4]/) == nil {
            throw ValidationError("--quarter must look like 2026Q3 (a year, Q, and 1 to 4).")
        }
    }

    func run() throws { throw NotYetAvailable.fail("The UNCT report (unmn report)") }
}
