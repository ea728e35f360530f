import ArgumentParser
import CursesBackend
import Foundation
import TerminalUI
import UNMNApp
import UNMNConsole
import UNMNDomain
import UNMNJournal
import UNMNPostgres

/// The full-screen console: the default subcommand.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Open the full-screen console (the default).")

    @OptionGroup var journal: JournalOption
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Act as this operator for this session, e.g. IOM:secretariat or UNICEF:member.", valueName: "ENTITY:ROLE"))
    var designation: String?
    @Option(help: ArgumentHelp("Your name, with --as.", valueName: "NAME")) var name: String?
    @Flag(help: "Open without changing anything.") var readOnly = false
    @Flag(help: "Open a throw-away copy of the sample network.") var demo = false

    @Option(
        help: ArgumentHelp(
            "Act as this login's grant: for the SSH gateway's forced command, honoured only for the account that owns the journal.",
            valueName: "LOGIN"))
    var login: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let setup = try JournalSetup(flag: journal.journal)
        let memory = OperatorMemory(directory: JournalLocation.configDirectory(environment: environment))
        let clock = TashkentClock()
        if login != nil && setup.isPostgres {
            CommandLineOutput.error("--login is for the SSH gateway on a journal file; in PostgreSQL you act as your database role.")
            throw ExitCode(77)
        }
        if login != nil && !JournalSetup.ownsFile(setup.path) {
            CommandLineOutput.error(
                "--login is for the SSH gateway: only the account that owns the journal may act for another login; you act as yourself.")
            throw ExitCode(77)
        }
        var actingLogin = login ?? JournalSetup.osUser
        if let login, let original = environment["SSH_ORIGINAL_COMMAND"], !original.isEmpty {
            try Gateway.run(original, journal: setup.path, login: login)
            return
        }

        let (journal, displayPath, demoDirectory, createdNotice) = try openJournal(setup, login: actingLogin)
        // Keep start-up fast: past the threshold, a fresh snapshot (a cache; the journal stays whole).
        // A snapshot that did not match is rebuilt at once.
        if journal.isWritable, journal.replayedAtStart > Journal.snapshotThreshold || (journal as? Journal)?.snapshotWasIgnored == true {
            try? journal.writeSnapshot()
        }
        // In PostgreSQL the login is the database role the server stamps on every record.
        if let database = journal as? PostgresJournal { actingLogin = database.login }
        defer { if let demoDirectory { try? FileManager.default.removeItem(atPath: demoDirectory) } }

        let (chosen, noAuthority) = try identity(journal, setup: setup, login: actingLogin, memory: memory, environment: environment)
        var state = AppState(
            width: 120, height: 40, today: clock.today(), currentOperator: chosen, isReadOnly: !journal.isWritable || noAuthority != nil,
            journalPath: displayPath, entities: journal.state.entities, gcmObjectives: setup.network.objectives)
        state.network = journal.state
        var notices = journal.notices
        if let createdNotice { notices.insert(createdNotice, at: 0) }
        if case .readOnly(let reason) = journal.mode, !readOnly {
            state.status = StatusMessage("Read-only: \(reason).", kind: .error)
        } else if let noAuthority {
            state.status = StatusMessage("Read-only: \(noAuthority).", kind: .warning)
        } else if !notices.isEmpty {
            state.status = StatusMessage(notices.joined(separator: " "), kind: .warning)
        }
        if chosen == nil && journal.state.isSandbox { _ = AppUpdate.update(&state, .chooseOperator) }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
        } catch {
            CommandLineOutput.error("\(error)")
            throw ExitCode.failure
        }
        defer { terminal.close() }
        let effects = JournalEffects(
            journal: journal, memory: memory, terminal: terminal, editor: ExternalEditor(environment: environment),
            workingDirectory: FileManager.default.currentDirectoryPath)
        let runtime = AppRuntime(state: state, terminal: terminal, today: clock.today, performer: effects)
        runtime.run()
    }

    /// Who acts: in a sandbox, whoever says so (`--as`, `UNMN_OPERATOR`, the remembered
    /// operator, or the first-start form); in a real journal, the login's grant, narrowed as
    /// asked. A journal from before the roster makes its owner the first secretariat. Returns
    /// the operator, or why the console is read-only.
    private func identity(
        _ journal: any JournalStore, setup: JournalSetup, login: String, memory: OperatorMemory, environment: [String: String]
    )
        throws -> (Operator?, String?)
    {
        let network = journal.state
        let identity = ConsoleIdentity(login: login, designation: designation, name: name, environment: environment, memory: memory)
        if network.isSandbox { return (try identity.sandboxOperator(entities: network.members), nil) }
        if network.grants.isEmpty {
            guard journal.isWritable, let file = journal as? Journal, JournalSetup.ownsFile(file.path) else {
                return (nil, "this journal has no roster yet; the account that owns it opens it first to become its secretariat")
            }
            let founderName = try NamePrompt.ask(
                "This journal has no roster yet. You own it, so you will be its first secretariat. Your name:", given: name)
            let founder = Operator(name: founderName, entity: "IOM", role: .secretariat)
            do {
                try journal.commit(
                    .grantAccess(Grant(login: login, name: founderName, entity: "IOM", role: .secretariat)),
                    context: CommandContext(operator: founder, now: .now))
            } catch {
                CommandLineOutput.error(error.description)
                throw ExitCode.failure
            }
        }
        let resolved = try identity.resolve(in: journal.state)
        return (resolved.operator, resolved.readOnlyReason)
    }

    /// Opens the journal: a throw-away copy of the sample network (a sandbox) with --demo; the
    /// journal at its path, created on the first run with its creator as the first secretariat.
    private func openJournal(_ setup: JournalSetup, login: String) throws -> (any JournalStore, String, String?, String?) {
        do {
            if demo {
                let directory = NSTemporaryDirectory() + "unmn-demo-\(getpid())-\(UUID().uuidString.prefix(8))"
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                let path = directory + "/journal"
                try setup.create(demo: true, at: path)
                return (
                    try setup.open(path: path, readOnly: false, login: login), "sample network (a throw-away copy)", directory,
                    "This is a throw-away copy of the sample network: changes vanish when you quit."
                )
            }
            if setup.isPostgres { return (try setup.openStore(readOnly: readOnly, login: login), setup.displayPath, nil, nil) }
            var created: String?
            if FileManager.default.fileExists(atPath: setup.path) == false {
                guard !readOnly else { throw JournalError.missing(path: setup.path) }
                let founder = try NamePrompt.ask(
                    "Creating a new journal at \(setup.displayPath); you will be its first secretariat. Your name:", given: name)
                try setup.create(demo: false, founder: founder)
                created = "Created a new journal at \(setup.displayPath) with the \(setup.network.entities.count) Annex I members."
            }
            return (try setup.open(readOnly: readOnly, login: login), setup.displayPath, nil, created)
        } catch let error as JournalError {
            CommandLineOutput.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
