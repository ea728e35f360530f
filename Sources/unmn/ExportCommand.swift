import ArgumentParser
import Foundation
import UNMNConsole
import UNMNDomain
import UNMNJournal
import UNMNReports

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
        static let configuration = CommandConfiguration(
            commandName: "minutes", abstract: "The complete minutes of a meeting, ready to archive with the RCO.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("The meeting's reference (MTG/2026/03), or its date (YYYY-MM-DD).", valueName: "REF")) var meeting:
            String
        @Option(help: "md or txt.") var format: TextFormat = .md
        @OptionGroup var output: Output
        enum TextFormat: String, ExpressibleByArgument, CaseIterable { case md, txt }

        func run() throws {
            let network = try ExportSource.network(journal.journal)
            guard let found = MinutesDocument.meeting(meeting, in: network) else {
                let known = network.meetings.suffix(6).map(\.reference.rawValue).joined(separator: ", ")
                throw ExportSource.failure(
                    "there is no meeting \"\(meeting)\" (or more than one on that date); recent ones: \(known.isEmpty ? "none" : known)")
            }
            try ExportSource.emit(MinutesDocument.render(found, network: network, format: format == .md ? .md : .txt), to: output.output)
        }
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

        func run() throws {
            let network = try ExportSource.network(journal.journal)
            let meetings: [Meeting]
            if let meeting {
                guard let found = MinutesDocument.meeting(meeting, in: network) else {
                    throw ExportSource.failure("there is no meeting \"\(meeting)\"")
                }
                meetings = [found]
            } else if upcoming {
                let today = Instant.now.tashkentDate
                meetings = network.meetings.filter { $0.date >= today }
            } else {
                meetings = network.meetings
            }
            try ExportSource.emit(CalendarDocument.render(meetings, stamp: .now), to: output.output)
        }
    }

    struct Workplan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workplan", abstract: "The annual work plan's key actions as CSV or Markdown.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("The plan's year.", valueName: "YYYY")) var year: Int
        @Option(help: "csv or md.") var format: TableFormat = .csv
        @OptionGroup var output: Output
        enum TableFormat: String, ExpressibleByArgument, CaseIterable { case csv, md }

        func run() throws {
            let setup = try JournalSetup(flag: journal.journal)
            let network = try ExportSource.network(journal.journal)
            guard let plan = network.workPlans[year] else {
                throw ExportSource.failure(
                    "there is no \(year) work plan; plans exist for "
                        + "\(network.workPlans.keys.sorted().map(String.init).joined(separator: ", "))"
                )
            }
            try ExportSource.emit(
                WorkplanDocument.render(plan, objectives: setup.network.objectives, format: format == .csv ? .csv : .md), to: output.output)
        }
    }

    struct MailingList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mailing-list", abstract: "The mailing list for the IT unit, or the changes since a date.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("Only the additions and removals since this date.", valueName: "YYYY-MM-DD")) var changesSince: String?
        @Option(help: "csv or vcf.") var format: ContactFormat = .csv
        @OptionGroup var output: Output
        enum ContactFormat: String, ExpressibleByArgument, CaseIterable { case csv, vcf }

        func validate() throws {
            if let changesSince, LocalDate(iso: changesSince) == nil {
                throw ValidationError("--changes-since must be a date written YYYY-MM-DD.")
            }
        }

        func run() throws {
            let network = try ExportSource.network(journal.journal)
            try ExportSource.emit(
                MailingListDocument.render(
                    network: network, changesSince: changesSince.flatMap { LocalDate(iso: $0) },
                    format: format == .csv ? .csv : .vcf), to: output.output)
        }
    }

    struct Decisions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decisions", abstract: "The numbered log of adopted decisions.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("Only this year's decisions.", valueName: "YYYY")) var year: Int?
        @Option(help: "md or csv.") var format: LogFormat = .md
        @OptionGroup var output: Output
        enum LogFormat: String, ExpressibleByArgument, CaseIterable { case md, csv }

        func run() throws {
            let network = try ExportSource.network(journal.journal)
            try ExportSource.emit(
                DecisionsDocument.render(network: network, year: year, format: format == .md ? .md : .csv), to: output.output)
        }
    }
}

/// Reading the journal for an export (read-only, no lock) and writing the result.
enum ExportSource {
    static func network(_ flag: String?) throws -> NetworkState {
        let setup = try JournalSetup(flag: flag)
        do {
            let journal = try setup.open(readOnly: true)
            if case .readOnly(let reason) = journal.mode, reason != "opened with --read-only" {
                CommandLineOutput.error("warning: \(reason); exporting the intact records before the damage.")
            }
            return journal.state
        } catch let error as JournalError {
            throw failure(error.description)
        }
    }

    static func failure(_ message: String) -> ExitCode {
        CommandLineOutput.error(message)
        return ExitCode.failure
    }

    /// To the file (private, written durably) or to standard output.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            FileOutput(descriptor: STDOUT_FILENO).write(text)
            return
        }
        do {
            try DurableFile.replace(path: path, contents: Data(text.utf8), permissions: 0o600)
        } catch {
            throw failure("cannot write \(path): \(error)")
        }
        CommandLineOutput.error("wrote \(path)")
    }
}
