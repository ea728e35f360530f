import ArgumentParser
import Foundation
import UNMNDomain
import UNMNJournal

/// `unmn init`: creates a journal holding the Annex I members (and the sample network with --demo).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a journal holding the Annex I members; --demo adds a realistic sample network.")
    @OptionGroup var journal: JournalOption
    @Flag(help: "Add the sample network (2025–2026 meetings, work plans, consensus items): a sandbox, where anyone may take any role.")
    var demo = false
    @Option(help: ArgumentHelp("Your name: you become the network's first secretariat (asked when not given).", valueName: "NAME"))
    var name: String?

    func run() throws {
        let setup = try JournalSetup(flag: journal.journal)
        if setup.isPostgres { return try DatabaseInit.run(setup, demo: demo, name: name) }
        let founder = demo ? "" : try NamePrompt.ask("You will be the network's first secretariat. Your name:", given: name)
        do {
            try setup.create(demo: demo, founder: founder)
        } catch {
            CommandLineOutput.error("\(error)")
            throw ExitCode.failure
        }
        let scan = try JournalMaintenance.check(path: setup.path)
        try CommandLineOutput.line(
            "Created \(setup.displayPath): the \(setup.network.entities.count) Annex I "
                + "members\(demo ? " and the sample network" : "") in \(scan.records.count) record\(scan.records.count == 1 ? "" : "s")."
        )
    }
}

/// `unmn check`: exit 0 intact, 1 torn tail (recoverable), 2 damaged (or unreadable).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify the journal: exit 0 intact, 1 torn tail (recoverable), 2 damaged.")
    @OptionGroup var journal: JournalOption

    func run() throws {
        let setup = try JournalSetup(flag: journal.journal)
        if setup.isPostgres { return try DatabaseCheck.run(setup) }
        let scan: JournalScan
        let unverified: Int
        let snapshot: JournalMaintenance.SnapshotCheck
        do {
            (scan, _, unverified, snapshot) = try JournalMaintenance.verify(path: setup.path, emailPolicy: setup.emailPolicy)
        } catch {
            CommandLineOutput.error(error.description)
            throw ExitCode(error.exitCode)
        }
        let intact = "\(scan.records.count) intact record\(scan.records.count == 1 ? "" : "s") (\(scan.validLength) bytes)"
        if unverified > 0 {
            try CommandLineOutput.line(
                "\(unverified) record\(unverified == 1 ? " was" : "s were") written before verification (no command to decide again).")
        }
        if snapshot == .differs || snapshot == .unreadable {
            unlink(setup.path + ".snapshot")
            let what =
                snapshot == .differs ? "differs from what replaying the journal gives (edited, or another journal's)" : "is unreadable"
            try CommandLineOutput.line(
                "\(setup.displayPath).snapshot \(what); it was discarded (the journal is the record; the next start writes a fresh one).")
            if snapshot == .differs && scan.problem == nil {
                try CommandLineOutput.line("\(setup.displayPath): \(intact), but its snapshot lied.")
                throw ExitCode(2)
            }
        }
        switch scan.problem {
        case nil:
            let last = scan.records.last.map { ", the last at \($0.batch.at) by \($0.batch.operator.name)" } ?? ""
            try CommandLineOutput.line("\(setup.displayPath): intact, \(intact)\(last).")
        case .tornTail?:
            try CommandLineOutput.line(
                "\(setup.displayPath): \(intact), then a torn tail: \(scan.problem!). Opening the console, or `unmn repair`, "
                    + "cuts it after keeping a copy."
            )
            throw ExitCode(1)
        case .damaged?:
            try CommandLineOutput.line(
                "\(setup.displayPath): \(intact), then \(scan.problem!). The console opens it read-only; `unmn repair` keeps a "
                    + "backup and cuts the journal there."
            )
            throw ExitCode(2)
        case .newer?:
            try CommandLineOutput.line(
                "\(setup.displayPath): \(intact), then \(scan.problem!). The console opens it read-only; nothing is ever cut there.")
            throw ExitCode(2)
        case .missing?:
            try CommandLineOutput.line(
                "\(setup.displayPath): \(intact), but \(scan.problem!): records were lost since. Restore the journal from a backup; "
                    + "the console opens it read-only.")
            throw ExitCode(2)
        }
    }
}

/// `unmn repair`: shows what it will cut, keeps a byte-identical backup, then cuts.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair", abstract: "Keep a backup, then cut the journal at the first bad record.")
    @OptionGroup var journal: JournalOption
    @Flag(help: "Do not ask before cutting.") var yes = false

    func run() throws {
        let setup = try JournalSetup(flag: journal.journal)
        try setup.requireFile(for: "repair")
        do {
            guard let plan = try JournalMaintenance.plan(path: setup.path, emailPolicy: setup.emailPolicy) else {
                try CommandLineOutput.line("\(setup.displayPath) is intact; nothing to repair.")
                return
            }
            try CommandLineOutput.line("\(setup.displayPath): \(plan.problem).")
            try CommandLineOutput.line(
                "Repair keeps the first \(plan.keptRecords) record\(plan.keptRecords == 1 ? "" : "s") and cuts "
                    + "\(plan.removedBytes) bytes from byte \(plan.cutAt), after saving a byte-identical backup."
            )
            if !yes {
                guard isatty(STDIN_FILENO) != 0 else {
                    CommandLineOutput.error("not cutting without confirmation; run `unmn repair --yes` to cut without asking.")
                    throw ExitCode.failure
                }
                try StandardOutput.write("Cut the journal? [y/N] ")
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    try CommandLineOutput.line("Nothing was changed.")
                    return
                }
            }
            let backup = try JournalMaintenance.repair(path: setup.path, emailPolicy: setup.emailPolicy)
            try CommandLineOutput.line("Backup kept in \(backup); the journal now ends after record \(plan.keptRecords).")
        } catch let error as JournalError {
            CommandLineOutput.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}

/// `unmn compact`: writes a fresh snapshot; the journal itself is never rewritten.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact", abstract: "Write a fresh snapshot (the journal itself is never rewritten).")
    @OptionGroup var journal: JournalOption

    func run() throws {
        let setup = try JournalSetup(flag: journal.journal)
        try setup.requireFile(for: "compact")
        do {
            let opened = try setup.open(readOnly: false)
            if case .readOnly(let reason) = opened.mode {
                CommandLineOutput.error("not writing a snapshot: \(reason).")
                throw ExitCode.failure
            }
            try opened.writeSnapshot()
            try CommandLineOutput.line(
                "Snapshot written: \(opened.lastSequence) records, \(opened.offset) bytes of journal, in \(opened.snapshotPath).")
        } catch let error as JournalError {
            CommandLineOutput.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
