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
        subcommands: [Minutes.self, Calendar.self, Workplan.self, MailingList.self, Decisions.self, AuditTrail.self]
    )

    struct Output: ParsableArguments {
        @Option(name: .short, help: ArgumentHelp("Write to this file (- or none: standard output).", valueName: "FILE")) var output: String?
        @Flag(help: "From a damaged journal, export the records before the damage (and say so) instead of refusing.")
        var allowDamaged = false
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
            let (network, damage) = try ExportSource.network(journal.journal, allowDamaged: output.allowDamaged)
            guard let found = MinutesDocument.meeting(meeting, in: network) else {
                throw ExportSource.meetingNotFound(meeting, in: network)
            }
            try ExportSource.emit(
                MinutesDocument.render(found, network: network, format: format == .md ? .md : .txt), to: output.output,
                journal: journal.journal, damage: damage)
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
            let (network, damage) = try ExportSource.network(journal.journal, allowDamaged: output.allowDamaged)
            let meetings: [Meeting]
            if let meeting {
                guard let found = MinutesDocument.meeting(meeting, in: network) else {
                    throw ExportSource.meetingNotFound(meeting, in: network)
                }
                meetings = [found]
            } else if upcoming {
                let today = Instant.now.tashkentDate
                meetings = network.meetings.filter { $0.date >= today }
            } else {
                meetings = network.meetings
            }
            try ExportSource.emit(
                CalendarDocument.render(meetings, stamp: .now), to: output.output, journal: journal.journal, damage: damage)
        }
    }

    struct Workplan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workplan", abstract: "The annual work plan's key actions as CSV or Markdown.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("The plan's year.", valueName: "YYYY")) var year: Int
        @Option(help: "csv (for programs), xlsx (for people: Excel, LibreOffice), docx (a one-page landscape table) or md.")
        var format: TableFormat = .csv
        @OptionGroup var output: Output
        enum TableFormat: String, ExpressibleByArgument, CaseIterable { case csv, xlsx, docx, md }

        func run() throws {
            let setup = try JournalSetup(flag: journal.journal)
            let (network, damage) = try ExportSource.network(journal.journal, allowDamaged: output.allowDamaged)
            guard let plan = network.workPlans[year] else {
                throw ExportSource.failure(
                    "there is no \(year) work plan; plans exist for "
                        + "\(network.workPlans.keys.sorted().map(String.init).joined(separator: ", "))"
                )
            }
            if format == .xlsx {
                try ExportSource.emit(
                    binary: WorkplanDocument.workbook(plan, objectives: setup.network.objectives).bytes, kind: "an xlsx workbook",
                    to: output.output, journal: journal.journal)
                return
            }
            if format == .docx {
                try ExportSource.emit(
                    binary: WorkplanDocument.word(plan).bytes, kind: "a Word document", to: output.output, journal: journal.journal)
                return
            }
            try ExportSource.emit(
                WorkplanDocument.render(plan, objectives: setup.network.objectives, format: format == .csv ? .csv : .md), to: output.output,
                journal: journal.journal, damage: damage)
        }
    }

    struct MailingList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mailing-list", abstract: "The mailing list for the IT unit, or the changes since a date.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("Only the additions and removals since this date.", valueName: "YYYY-MM-DD")) var changesSince: String?
        @Option(help: "csv (for programs), xlsx (for people) or vcf (address books).") var format: ContactFormat = .csv
        @Option(
            name: .customLong("for"),
            help: ArgumentHelp("The columns a mail client imports: outlook or thunderbird (CSV of the whole list).", valueName: "CLIENT"))
        var client: MailingListDocument.MailClient?
        @OptionGroup var output: Output
        enum ContactFormat: String, ExpressibleByArgument, CaseIterable { case csv, xlsx, vcf }

        func validate() throws {
            if let changesSince, LocalDate(iso: changesSince) == nil {
                throw ValidationError("--changes-since must be a date written YYYY-MM-DD.")
            }
            if client != nil && (format != .csv || changesSince != nil) {
                throw ValidationError(
                    "--for writes the whole list as a mail client's CSV import; leave out --format vcf and --changes-since.")
            }
        }

        func run() throws {
            let (network, damage) = try ExportSource.network(journal.journal, allowDamaged: output.allowDamaged)
            if let client {
                try ExportSource.emit(
                    MailingListDocument.render(network: network, for: client), to: output.output, journal: journal.journal, damage: damage)
                return
            }
            if format == .xlsx {
                try ExportSource.emit(
                    binary: MailingListDocument.workbook(
                        network: network, changesSince: changesSince.flatMap { LocalDate(iso: $0) }, today: Instant.now.tashkentDate
                    ).bytes, kind: "an xlsx workbook", to: output.output, journal: journal.journal)
                return
            }
            try ExportSource.emit(
                MailingListDocument.render(
                    network: network, changesSince: changesSince.flatMap { LocalDate(iso: $0) },
                    format: format == .csv ? .csv : .vcf, today: Instant.now.tashkentDate), to: output.output, journal: journal.journal,
                damage: damage)
        }
    }

    struct AuditTrail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "journal",
            abstract: "The audit trail as JSON lines: every verified record with when, who, what it did in words, its command and events.")
        @OptionGroup var journal: JournalOption
        @OptionGroup var output: Output

        func run() throws {
            let setup = try JournalSetup(flag: journal.journal)
            try setup.requireFile(for: "export journal")
            let trail: (lines: String, problem: JournalScan.Problem?)
            do {
                trail = try JournalMaintenance.auditTrail(path: setup.path, emailPolicy: setup.emailPolicy)
            } catch {
                CommandLineOutput.error(error.description)
                throw ExitCode(error.exitCode)
            }
            if let problem = trail.problem {
                guard output.allowDamaged else {
                    throw ExportSource.failure(
                        "the journal is damaged: \(problem). Give --allow-damaged to export the records before the damage.")
                }
                CommandLineOutput.error("warning: \(problem); exporting only the records before the damage.")
            }
            try ExportSource.emit(trail.lines, to: output.output, journal: journal.journal)
        }
    }

    struct Decisions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decisions", abstract: "The numbered log of adopted decisions.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("Only this year's decisions.", valueName: "YYYY")) var year: Int?
        @Option(help: "md, csv or xlsx.") var format: LogFormat = .md
        @OptionGroup var output: Output
        enum LogFormat: String, ExpressibleByArgument, CaseIterable { case md, csv, xlsx }

        func run() throws {
            let (network, damage) = try ExportSource.network(journal.journal, allowDamaged: output.allowDamaged)
            if format == .xlsx {
                try ExportSource.emit(
                    binary: DecisionsDocument.workbook(network: network, year: year).bytes, kind: "an xlsx workbook", to: output.output,
                    journal: journal.journal)
                return
            }
            try ExportSource.emit(
                DecisionsDocument.render(network: network, year: year, format: format == .md ? .md : .csv), to: output.output,
                journal: journal.journal, damage: damage)
        }
    }
}

/// Reading the journal for an export (read-only, no lock) and writing the result.
extension MailingListDocument.MailClient: ExpressibleByArgument {}

enum ExportSource {
    /// The network the journal holds. A damaged journal is refused (exit 1) unless the records
    /// before the damage are asked for; then the damage is returned, to be said in the document.
    static func network(_ flag: String?, allowDamaged: Bool) throws -> (NetworkState, String?) {
        let setup = try JournalSetup(flag: flag)
        do {
            let journal = try setup.openStore(readOnly: true, login: JournalSetup.osUser)
            // Without --journal the reader may not know which file answered, and the default one
            // is often the empty journal of a first run: say which, and say when it holds nothing.
            if flag == nil { CommandLineOutput.error("reading the journal at \(setup.displayPath)") }
            if journal.state.holdsOnlyFoundingRecords {
                CommandLineOutput.error(
                    "warning: \(setup.displayPath) holds only the network's founding records: no meeting, focal point, item or "
                        + "work plan yet."
                )
            }
            if case .readOnly(let reason) = journal.mode, reason != "opened with --read-only" {
                guard allowDamaged else {
                    throw failure("the journal is damaged: \(reason). Give --allow-damaged to export the records before the damage.")
                }
                CommandLineOutput.error("warning: \(reason); exporting only the records before the damage.")
                return (journal.state, reason)
            }
            return (journal.state, nil)
        } catch let error as JournalError {
            CommandLineOutput.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }

    /// Why a meeting asked for by reference or by date was not found, naming what was asked.
    static func meetingNotFound(_ asked: String, in network: NetworkState) -> ExitCode {
        let recent = network.meetings.suffix(6).map(\.reference.rawValue).joined(separator: ", ")
        let known = "recent ones: \(recent.isEmpty ? "none" : recent)"
        if let date = LocalDate(iso: asked) {
            let onDate = network.meetings.filter { $0.date == date }.map(\.reference.rawValue)
            if onDate.count > 1 {
                return failure("there are \(onDate.count) meetings on \(date) (\(onDate.joined(separator: ", "))); give the reference")
            }
            return failure("there is no meeting on \(date); \(known)")
        }
        guard asked.uppercased().hasPrefix("MTG/") else {
            return failure("\"\(asked)\" is neither a meeting reference (MTG/2026/03) nor a date (YYYY-MM-DD); \(known)")
        }
        return failure("there is no meeting \(asked); \(known)")
    }

    static func failure(_ message: String) -> ExitCode {
        CommandLineOutput.error(message)
        return ExitCode.failure
    }

    /// To the file (private, written durably) or to standard output (no `-o`, or `-o -`). An
    /// output never destroys: the journal, its snapshot and its recovery copies are refused, and
    /// so is anything at the path that is not a regular file.
    static func emit(_ text: String, to path: String?, journal flag: String? = nil, damage: String? = nil) throws {
        var text = text
        if let damage, text.hasPrefix("#") {
            text = "> Exported from a damaged journal: only the records before the damage (\(damage)).\n\n" + text
        }
        try emit(bytes: Array(text.utf8), to: path, journal: flag)
    }

    /// A workbook or a document: bytes, never drawn on a terminal (they would only garble it).
    static func emit(binary bytes: [UInt8], kind: String, to path: String?, journal flag: String? = nil) throws {
        if path == nil || path == "-", isatty(STDOUT_FILENO) == 1 {
            throw failure("\(kind) is a binary file: give -o FILE (or pipe it to a program)")
        }
        try emit(bytes: bytes, to: path, journal: flag)
    }

    static func emit(bytes: [UInt8], to path: String?, journal flag: String?) throws {
        guard let path, path != "-" else {
            try StandardOutput.write(bytes: bytes)
            return
        }
        let journal = try JournalSetup(flag: flag).path
        if let refusal = OutputGuard.refusal(for: path, journal: journal) { throw failure(refusal) }
        do {
            try DurableFile.replace(path: path, contents: Data(bytes), permissions: 0o600)
        } catch {
            throw failure("cannot write \(path): \(error)")
        }
        CommandLineOutput.error("wrote \(path)")
    }
}

/// What `-o` may not write over.
enum OutputGuard {
    static func refusal(for path: String, journal: String) -> String? {
        let target = resolved(path)
        let journalPath = resolved(journal)
        let name = (target as NSString).lastPathComponent
        let journalName = (journalPath as NSString).lastPathComponent
        if (target as NSString).deletingLastPathComponent == (journalPath as NSString).deletingLastPathComponent,
            name == journalName || name.hasPrefix(journalName + ".snapshot") || name.hasPrefix(journalName + ".bak-")
                || name.hasPrefix(journalName + ".torn-")
        {
            return
                "-o \(path) is the journal or one of its files; unmn never writes an export over them. Choose another file, or "
                + "-o - for standard output."
        }
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            return "-o \(path) is not a regular file (a link, a directory or a device); nothing was written."
        }
        return nil
    }

    /// The path with its directory's links resolved, so that ./j and j name the same file.
    private static func resolved(_ path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let real =
            realpath(directory.isEmpty ? "." : directory, nil).map { pointer -> String in
                defer { free(pointer) }
                return String(cString: pointer)
            } ?? directory
        var file = (path as NSString).lastPathComponent
        // A link at the name itself: where it points counts.
        if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            file = (destination as NSString).lastPathComponent
            if destination.hasPrefix("/") { return resolved(destination) }
        }
        return (real as NSString).appendingPathComponent(file)
    }
}
