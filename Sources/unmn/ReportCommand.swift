import ArgumentParser
import UNMNConsole
import UNMNDomain
import UNMNJournal
import UNMNReports

/// `unmn report`: the Markdown progress report to the UN Country Team, computed from the journal
/// as it stood at the end of the period (or of `--as-of`), so a past quarter's report never changes.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A Markdown progress report to the UN Country Team for a quarter or a year, as of its end.",
        discussion: """
            The report is computed from the journal as it stood at the end of the period (Asia/Tashkent), \
            replaying the records up to then: regenerating a past quarter gives the same text, whatever was \
            recorded since. A period still under way is reported as of today. --as-of DATE reports as of \
            the end of that day instead (alone, it reports that day's quarter).
            """)
    @OptionGroup var journal: JournalOption
    @Option(help: ArgumentHelp("The quarter, e.g. 2026Q3.", valueName: "YYYYQn")) var quarter: String?
    @Option(help: ArgumentHelp("The year, e.g. 2026.", valueName: "YYYY")) var year: Int?
    @Option(help: ArgumentHelp("Report the record as it stood at the end of this day.", valueName: "YYYY-MM-DD")) var asOf: String?
    @Option(name: .short, help: ArgumentHelp("Write to this file (- or none: standard output).", valueName: "FILE")) var output: String?
    @Flag(help: "From a damaged journal, report on the records before the damage (and say so) instead of refusing.")
    var allowDamaged = false

    func validate() throws {
        guard quarter == nil || year == nil else { throw ValidationError("Give either --quarter YYYYQn or --year YYYY, not both.") }
        guard quarter != nil || year != nil || asOf != nil else {
            throw ValidationError("Give --quarter YYYYQn, --year YYYY or --as-of YYYY-MM-DD.")
        }
        if let quarter, quarter.wholeMatch(of: /[0-9]{4}Q[1-4]/) == nil {
            throw ValidationError("--quarter must look like 2026Q3 (a year, Q, and 1 to 4).")
        }
        if let asOf, LocalDate(iso: asOf) == nil { throw ValidationError("--as-of must be a date, YYYY-MM-DD (e.g. 2025-09-30).") }
        if let period = try? period(), let day = asOf.flatMap(LocalDate.init(iso:)), day < period.first {
            throw ValidationError("--as-of \(day) is before the period \(period.title) begins (\(period.first)).")
        }
    }

    func period() throws -> ProgressReport.Period {
        if let quarter { return ReportingPeriod(quarter)! }
        if let year { return .year(year) }
        let day = LocalDate(iso: asOf ?? "")!
        return .quarter(year: day.year, quarter: day.quarter)
    }

    func run() throws {
        let setup = try JournalSetup(flag: journal.journal)
        let (_, damage) = try ExportSource.network(journal.journal, allowDamaged: allowDamaged)
        let period = try period()
        let today = Instant.now.tashkentDate
        let day = min(asOf.flatMap(LocalDate.init(iso:)) ?? period.last, period.last, today)
        let network: NetworkState
        do {
            network = try setup.openStore(readOnly: true, login: JournalSetup.osUser).state(asOf: day)
        } catch let error as JournalError {
            CommandLineOutput.error(error.description)
            throw ExitCode(error.exitCode)
        }
        try ExportSource.emit(
            ProgressReport.render(network: network, period: period, asOf: day, objectives: setup.network.objectives),
            to: output, journal: journal.journal, damage: damage)
    }
}
