import ArgumentParser
import Foundation
import UNMNConsole
import UNMNDomain
import UNMNJournal
import UNMNPostgres

/// `unmn access`: who may act, kept in the journal as grants; and the SSH gateway's keys.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access", abstract: "Grant, revoke and list who may act; print the SSH gateway's authorized_keys lines.",
        subcommands: [Grant.self, Revoke.self, List.self, AuthorizedKeys.self])

    /// Commits a roster change as the invoking login's grant.
    static func commit(_ command: Command, setup: JournalSetup) throws {
        let journal: any JournalStore
        do { journal = try setup.openStore(readOnly: false, login: JournalSetup.osUser) } catch {
            CommandLineOutput.error("\(error)")
            throw ExitCode.failure
        }
        // In PostgreSQL the login is the database role the server stamps on the record.
        let login = (journal as? PostgresJournal)?.login ?? JournalSetup.osUser
        guard let grant = journal.state.grants[login] else {
            let reason =
                journal.state.grants.isEmpty
                ? "this journal has no roster yet; open the console once as the account that owns it, to become its first secretariat"
                : "\(login) has no access to this network; only the secretariat or the chair grants access"
            CommandLineOutput.error(reason.prefix(1).uppercased() + reason.dropFirst() + ".")
            throw ExitCode(77)
        }
        let batch: EventBatch
        do {
            batch = try journal.commit(command, context: CommandContext(operator: grant.operator, now: .now))
        } catch {
            CommandLineOutput.error(error.description)
            throw ExitCode(error.description.contains("only the chair") || error.description.contains("secretariat's to do") ? 77 : 1)
        }
        try CommandLineOutput.line("\(batch.summary).")
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grant a login access as a person: chair only for IOM, co-chair only for UNRC, secretariat only for IOM staff.")
        @OptionGroup var journal: JournalOption
        @Argument(help: ArgumentHelp("The OS account, or the name the SSH key goes by.", valueName: "LOGIN")) var login: String
        @Option(help: "The person's name.") var name: String
        @Option(help: ArgumentHelp("The person's entity, e.g. UNICEF.", valueName: "ENTITY")) var entity: String
        @Option(help: ArgumentHelp("secretariat, chair, co-chair, member or viewer.", valueName: "ROLE")) var role: String
        @Option(help: ArgumentHelp("Their SSH public key, for the gateway.", valueName: "'ssh-ed25519 …'")) var key: String?

        func run() throws {
            let setup = try JournalSetup(flag: journal.journal)
            guard let role = Operator.Role(rawValue: role) else {
                throw ValidationError("\"\(role)\" is not a role; use secretariat, chair, co-chair, member or viewer.")
            }
            guard let code = setup.network.entities.first(where: { $0.code.normalized == EntityCode(entity).normalized })?.code else {
                throw ValidationError("\"\(entity)\" is not an Annex I entity.")
            }
            let grant = UNMNDomain.Grant(login: login, name: name, entity: code, role: role, key: key)
            try AccessCommand.commit(.grantAccess(grant), setup: setup)
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a login's access (its history stays).")
        @OptionGroup var journal: JournalOption
        @Argument(help: ArgumentHelp("The login.", valueName: "LOGIN")) var login: String

        func run() throws {
            try AccessCommand.commit(.revokeAccess(login: login), setup: try JournalSetup(flag: journal.journal))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who may act: login, name, entity, role, and whether a key is on file.")
        @OptionGroup var journal: JournalOption

        func run() throws {
            let setup = try JournalSetup(flag: journal.journal)
            let journal = try setup.openStore(readOnly: true, login: JournalSetup.osUser)
            let grants = journal.state.grants.values.sorted { $0.login < $1.login }
            if journal.state.isSandbox { try CommandLineOutput.line("A sandbox (created with --demo): anyone may take any role.") }
            if grants.isEmpty { try CommandLineOutput.line("No grants yet.") }
            for grant in grants {
                let key =
                    grant.key.map {
                        " · key \($0.split(separator: " ").prefix(1).joined()) "
                            + "\($0.split(separator: " ").dropFirst(2).joined(separator: " "))"
                    } ?? ""
                try CommandLineOutput.line("\(grant.login)\t\(grant.name)\t\(grant.entity) \(grant.role.rawValue)\(key)")
            }
        }
    }

    struct AuthorizedKeys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "authorized-keys",
            abstract: "Print the service account's authorized_keys: one forced-command line per grant with a key.")
        @OptionGroup var journal: JournalOption
        @Option(help: ArgumentHelp("The unmn the gateway runs (default: this one).", valueName: "PATH")) var binary: String?

        func run() throws {
            let setup = try JournalSetup(flag: journal.journal)
            // The gateway serves a journal file on its host; PostgreSQL has roles of its own.
            try setup.requireFile(for: "access authorized-keys")
            let journal = try setup.open(readOnly: true)
            let executable =
                binary ?? (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
            for grant in journal.state.grants.values.sorted(by: { $0.login < $1.login }) {
                guard let key = grant.key else { continue }
                let command = "\(quoted(executable)) --journal \(quoted(setup.path)) --login \(quoted(grant.login))"
                let escaped = command.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                try CommandLineOutput.line(
                    "command=\"\(escaped)\",no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-user-rc \(key)")
            }
        }

        private func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    }
}
