import ArgumentParser
import Foundation
import UNMNDomain
import UNMNJournal
import UNMNPostgres

/// `unmn db`: the journal in PostgreSQL (docs/DEPLOYMENT.md).
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Keep a network's journal in PostgreSQL: create the schema and the network.",
        subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the schema (or bring it up to date), the roles' grants and the network; never touches an existing network.")
        @Argument(help: ArgumentHelp("The network's address, e.g. postgres://admin@db.example.org/unmn?network=uz", valueName: "URL"))
        var url: String
        @Flag(help: "Add the sample network: a sandbox, where anyone may take any role.") var demo = false
        @Option(help: ArgumentHelp("The first secretariat's name (asked when not given).", valueName: "NAME")) var name: String?
        @Option(
            help: ArgumentHelp(
                "The database role the first secretariat logs in as (default: the address's user).", valueName: "ROLE"))
        var login: String?

        func run() throws {
            guard PostgresAddress.isPostgres(url) else {
                CommandLineOutput.error("`unmn db init` takes a postgres:// address; for a journal file, `unmn init --journal PATH`.")
                throw ExitCode.validationFailure
            }
            try DatabaseInit.run(try JournalSetup(flag: url), demo: demo, name: name, login: login)
        }
    }
}

enum DatabaseInit {
    static func run(_ setup: JournalSetup, demo: Bool, name: String?, login: String? = nil) throws {
        let address = try setup.postgresAddress()
        let founder = demo ? "" : try NamePrompt.ask("You will be the network's first secretariat. Your name:", given: name)
        let role = login ?? address.user
        do {
            let batches = try setup.initialBatches(demo: demo, founder: founder, now: .now, login: role)
            try PostgresJournal.create(at: address, batches: batches, osUser: JournalSetup.osUser)
            try CommandLineOutput.line(
                "Created network \(address.network) in \(address): the \(setup.network.entities.count) Annex I members"
                    + (demo ? " and the sample network" : ", with \(founder) (database role \(role)) as its first secretariat")
                    + " in \(batches.count) records.")
            if !demo {
                try CommandLineOutput.line(
                    "Consoles log in as roles in unmn_member (may add records) or unmn_reader (may only read); see docs/DEPLOYMENT.md.")
            }
        } catch let error as JournalError {
            CommandLineOutput.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}

/// `unmn check --journal postgres://…`: every record read, checksummed, in sequence and
/// verified by replay, and who wrote how many.
enum DatabaseCheck {
    static func run(_ setup: JournalSetup) throws {
        let address = try setup.postgresAddress()
        let stored: (lines: [UInt8], writers: [(role: String, records: Int)])
        do { stored = try PostgresJournal.lines(at: address) } catch {
            CommandLineOutput.error(error.description)
            throw ExitCode(error.exitCode)
        }
        let scan = JournalScan.replayed(stored.lines, emailPolicy: setup.emailPolicy).scan
        let intact = "\(scan.records.count) intact record\(scan.records.count == 1 ? "" : "s")"
        let writers = stored.writers.map { "\($0.role) \($0.records)" }.joined(separator: ", ")
        if let problem = scan.problem {
            try CommandLineOutput.line("\(address): \(intact), then \(problem). Nothing was changed; the consoles open it read-only.")
            throw ExitCode(2)
        }
        let last = scan.records.last.map { ", the last at \($0.batch.at) by \($0.batch.operator.name)" } ?? ""
        try CommandLineOutput.line("\(address): intact, \(intact)\(last). Written by database roles: \(writers).")
    }
}

/// `unmn journal push|pull`: a file journal copied into PostgreSQL, or out of it.
struct JournalCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "Copy a journal file into PostgreSQL (push) or out of it (pull), every record verified.",
        subcommands: [Push.self, Pull.self])

    /// The network's address among the arguments, or a usage error saying which argument.
    static func database(_ url: String, argument: String) throws -> (JournalSetup, PostgresAddress) {
        let setup = try JournalSetup(flag: url)
        guard setup.isPostgres else {
            CommandLineOutput.error("the \(argument) argument must be a postgres:// address.")
            throw ExitCode.validationFailure
        }
        return (setup, try setup.postgresAddress())
    }

    struct Push: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a journal file into a new network in PostgreSQL, record for record, after verifying every one.")
        @Argument(help: ArgumentHelp("The journal file.", valueName: "FILE")) var file: String
        @Argument(help: ArgumentHelp("The new network's address (postgres://…?network=…).", valueName: "URL")) var url: String

        func run() throws {
            let (setup, address) = try JournalCopyCommand.database(url, argument: "second")
            do {
                let lines = try JournalMaintenance.readRecords(path: file)
                try PostgresJournal.create(at: address, lines: lines, emailPolicy: setup.emailPolicy)
                let count = lines.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                try CommandLineOutput.line("Copied \(count) records from \(file) into network \(address.network) at \(address).")
            } catch let error as JournalError {
                CommandLineOutput.error(error.description)
                throw ExitCode(error.exitCode)
            }
        }
    }

    struct Pull: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a network's journal from PostgreSQL to a new file (for auditors, backups, a laptop copy opened --read-only).")
        @Argument(help: ArgumentHelp("The network's address.", valueName: "URL")) var url: String
        @Argument(help: ArgumentHelp("The file to create (never one that exists).", valueName: "FILE")) var file: String

        func run() throws {
            let (setup, address) = try JournalCopyCommand.database(url, argument: "first")
            do {
                let stored = try PostgresJournal.lines(at: address)
                let scan = JournalScan.replayed(stored.lines, emailPolicy: setup.emailPolicy).scan
                if let problem = scan.problem {
                    CommandLineOutput.error("the network's records are not sound: \(problem); no file was written. Run `unmn check`.")
                    throw ExitCode(2)
                }
                try Journal.create(at: file, lines: stored.lines)
                try CommandLineOutput.line("Wrote \(scan.records.count) records of network \(address.network) to \(file).")
            } catch let error as JournalError {
                CommandLineOutput.error(error.description)
                throw ExitCode(error.exitCode)
            }
        }
    }
}
