import ArgumentParser
import UNMNConsole
import UNMNDomain
import UNMNReports

/// `unmn report`: the Markdown progress report to the UN Country Team.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "A Markdown progress report to the UN Country Team for a quarter or a year.")
    @OptionGroup var journal: JournalOption
    @Option(help: ArgumentHelp("The quarter, e.g. 2026Q3.", valueName: "YYYYQn")) var quarter: String?
    @Option(help: ArgumentHelp("The year, e.g. 2026.", valueName: "YYYY")) var year: Int?
    @Option(name: .short, help: ArgumentHelp("Write to this file (- or none: standard output).", valueName: "FILE")) var output: String?
    @Flag(help: "From a damaged journal, report on the records before the damage (and say so) instead of refusing.")
    var allowDamaged = false

    func validate() throws {
        guard (quarter == nil) != (year == nil) else { throw ValidationError("Give either --quarter YYYYQn or --year YYYY.") }
        if let quarter, quarter.wholeMatch(of: /[0-9]{4}Q[1-4]/) == nil {
            throw ValidationError("--quarter must look like 2026Q3 (a year, Q, and 1 to 4).")
        }
    }

    func run() throws {
        let setup = try JournalSetup(flag: journal.journal)
        let (network, damage) = try ExportSource.network(journal.journal, allowDamaged: allowDamaged)
        let period: ProgressReport.Period = quarter.flatMap(ProgressReport.quarter) ?? .year(year ?? 0)
        try ExportSource.emit(
            ProgressReport.render(network: network, period: period, today: Instant.now.tashkentDate, objectives: setup.network.objectives),
            to: output, journal: journal.journal, damage: damage)
    }
}
