import Foundation
import TerminalUI
import UNMNApp
import UNMNDomain
import UNMNJournal

/// The console's effects in the real world: commands decided against the journal and appended
/// durably, files written in the working directory, the operator remembered in the config
/// directory, text edited in `$EDITOR` with the terminal handed over meanwhile.
public final class JournalEffects<T: Terminal>: EffectPerformer {
    private let journal: any JournalStore
    private let memory: OperatorMemory
    private let terminal: T
    private let editor: any TextEditing
    private let workingDirectory: String
    private let now: () -> Instant

    public init(
        journal: any JournalStore, memory: OperatorMemory, terminal: T, editor: any TextEditing, workingDirectory: String,
        now: @escaping () -> Instant = { .now }
    ) {
        self.journal = journal
        self.memory = memory
        self.terminal = terminal
        self.editor = editor
        self.workingDirectory = workingDirectory
        self.now = now
    }

    public func perform(_ effect: Effect) -> Message? {
        switch effect {
        case .rememberOperator(let op):
            do {
                try memory.save(op)
                return .operatorRemembered(op, failure: nil)
            } catch {
                return .operatorRemembered(op, failure: "\(error)")
            }
        case .execute(let command, let op):
            do {
                let batch = try journal.commit(command, context: CommandContext(operator: op, now: now()))
                return .committed(journal.state, summary: batch.summary)
            } catch {
                if case .conflicted(let rejection) = error { return .commitConflicted(rejection, journal.state) }
                return .commitFailed(error.description, readOnly: !journal.isWritable)
            }
        case .externalEdit(let text, let title, let purpose):
            switch terminal.suspend({ editor.edit(text) }) {
            case .success(let edited): return .externalEditFinished(text: edited, title: title, purpose: purpose, failure: nil)
            case .failure(let problem):
                return .externalEditFinished(text: text, title: title, purpose: purpose, failure: problem.description)
            }
        case .loadAsOf(let day):
            // The journal read again from its start, up to the first record written after that day.
            do {
                return .asOfLoaded(day, try journal.state(asOf: day))
            } catch {
                return .unavailable("Could not read the journal as of \(day): \(error.description)")
            }
        case .writeFile(let name, let contents):
            // An export never replaces a file: the first free name of name, name-2, name-3….
            for candidate in FreshFileName.candidates(for: name) {
                do {
                    try DurableFile.create(path: workingDirectory + "/" + candidate, contents: Data(contents.utf8), permissions: 0o600)
                    return .fileWritten(path: candidate, failure: nil)
                } catch  where error.code == EEXIST {
                    continue
                } catch {
                    return .fileWritten(path: candidate, failure: "\(error)")
                }
            }
            return .fileWritten(path: name, failure: "\(FreshFileName.attempts) files of that name are already there; move some away")
        case .quit:
            return nil
        }
    }

    public var pollMilliseconds: Int { journal.pollMilliseconds }

    /// What the last look said of the journal's reachability (a database server).
    private var reportedUnreachable: String?

    /// What others appended since the last look, as a message for the status line; or that the
    /// journal's database went away or came back.
    public func poll() -> Message? {
        let records = try? journal.refresh()
        if journal.unreachable != reportedUnreachable {
            reportedUnreachable = journal.unreachable
            return .journalReachability(unreachable: journal.unreachable, note: journal.takeSettlement(), journal.state)
        }
        guard let records, let last = records.last else { return nil }
        let who = "\(last.batch.operator.name) (\(last.batch.operator.entity) \(last.batch.operator.role.rawValue))"
        let more = records.count > 1 ? " and \(records.count - 1) more change\(records.count == 2 ? "" : "s")" : ""
        return .journalChanged(journal.state, summary: "\(who): \(last.batch.summary)\(more)".endingSentence)
    }
}
