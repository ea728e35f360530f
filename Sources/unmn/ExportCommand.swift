import ArgumentParser

/// `unmn export …`: files in standard formats for the RCO, calendars, the IT unit and the UNCT.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export minutes, calendar invitations, the work plan, the mailing list or the decisions log.",
        subcommands: [Minutes.self, Calendar.self, Workplan.self, MailingList.self, Decisions.self]
    )

    struct Output: ParsableArguments {
        @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE")) var output: String?
    }

    struct Minutes: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "minutes", abstract: "The complete minutes of a meeting, ready to archive with the RCO.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("The meeting's reference, or its date (YYYY-MM-DD).", valueName: "REF")) var meeting: String
        @Option(help: "md or txt.") var format: TextFormat = .md
        @OptionGroup var output: Output
        enum TextFormat: String, ExpressibleByArgument, CaseIterable { case md, txt }
        func run() throws { throw NotYetAvailable.fail("Exporting minutes") }
    }

    struct Calendar: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ics", abstract: "An iCalendar (RFC 5545) file of meetings.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("One meeting, by reference or date.", valueName: "REF")) var meeting: String?
        @Flag(help: "Every meeting from today on.") var upcoming = false
        @Flag(help: "Every meeting.") var all = false
        @OptionGroup var output: Output
        func validate() throws {
            guard [meeting != nil, upcoming, all].filter({ $0 }).count == 1 else {
                throw ValidationError("Give exactly one of --meeting REF, --upcoming or --all.")
            }
        }
        func run() throws { throw NotYetAvailable.fail("Exporting calendar invitations") }
    }

    struct Workplan: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "workplan", abstract: "The annual work plan's key actions as CSV or Markdown.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("The plan's year.", valueName: "YYYY")) var year: Int
        @Option(help: "csv or md.") var format: TableFormat = .csv
        @OptionGroup var output: Output
        enum TableFormat: String, ExpressibleByArgument, CaseIterable { case csv, md }
        func run() throws { throw NotYetAvailable.fail("Exporting the work plan") }
    }

    struct MailingList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "mailing-list", abstract: "The mailing list for the IT unit, or the changes since a date.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("Only the additions and removals since this date.", valueName: "YYYY-MM-DD")) var changesSince: String?
        @Option(help: "csv or vcf.") var format: ContactFormat = .csv
        @OptionGroup var output: Output
        enum ContactFormat: String, ExpressibleByArgument, CaseIterable { case csv, vcf }
        func run() throws { throw NotYetAvailable.fail("Exporting the mailing list") }
    }

    struct Decisions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decisions", abstract: "The numbered log of adopted decisions.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("Only this year's decisions.", valueName: "YYYY")) var year: Int?
        @Option(help: "md or csv.") var format: LogFormat = .md
        @OptionGroup var output: Output
        enum LogFormat: String, ExpressibleByArgument, CaseIterable { case md, csv }
        func run() throws { throw NotYetAvailable.fail("Exporting the decisions log") }
    }
}
