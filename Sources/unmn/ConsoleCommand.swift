import ArgumentParser
import CursesBackend
import Foundation
import TerminalUI
import UNMNApp
import UNMNConsole
import UNMNDomain
import UNMNJournal

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

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let setup = try JournalSetup(flag: journal.journal)
        let memory = OperatorMemory(directory: JournalLocation.configDirectory(environment: environment))
        let chosen = try OperatorResolution(
            designation: designation, name: name, environment: environment, entities: setup.network.entities, memory: memory
        ).resolve()
        let clock = TashkentClock()

        let (journal, displayPath, demoDirectory, createdNotice) = try openJournal(setup)
        // Keep start-up fast: past the threshold, a fresh snapshot (a cache; the journal stays whole).
        // A snapshot that did not match is rebuilt at once.
        if journal.isWritable && (journal.replayedAtStart > Journal.snapshotThreshold || journal.snapshotWasIgnored) {
            try? journal.writeSnapshot()
        }
        defer { if let demoDirectory { try? FileManager.default.removeItem(atPath: demoDirectory) } }

        var state = AppState(
            width: 120, height: 40, today: clock.today(), currentOperator: chosen, isReadOnly: !journal.isWritable,
            journalPath: displayPath, entities: journal.state.entities, gcmObjectives: setup.network.objectives)
        state.network = journal.state
        var notices = journal.notices
        if let createdNotice { notices.insert(createdNotice, at: 0) }
        if case .readOnly(let reason) = journal.mode, !readOnly {
            state.status = StatusMessage("Read-only: \(reason).", kind: .error)
        } else if !notices.isEmpty {
            state.status = StatusMessage(notices.joined(separator: " "), kind: .warning)
        }
        if chosen == nil { _ = AppUpdate.update(&state, .chooseOperator) }

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

    /// Opens the journal: a throw-away copy of the sample network with --demo; the journal at
    /// its path, created with the Annex I membership on the first run.
    private func openJournal(_ setup: JournalSetup) throws -> (Journal, String, String?, String?) {
        do {
            if demo {
                let directory = NSTemporaryDirectory() + "unmn-demo-\(getpid())-\(UUID().uuidString.prefix(8))"
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                let path = directory + "/journal"
                try setup.create(demo: true, at: path)
                return (
                    try setup.open(path: path, readOnly: false), "sample network (a throw-away copy)", directory,
                    "This is a throw-away copy of the sample network: changes vanish when you quit."
                )
            }
            var created: String?
            if FileManager.default.fileExists(atPath: setup.path) == false {
                guard !readOnly else { throw JournalError.missing(path: setup.path) }
                try setup.create(demo: false)
                created = "Created a new journal at \(setup.displayPath) with the \(setup.network.entities.count) Annex I members."
            }
            return (try setup.open(readOnly: readOnly), setup.displayPath, nil, created)
        } catch let error as JournalError {
            CommandLineOutput.error(error.description)
            throw ExitCode.failure
        }
    }
}
