import UNMNApp
import UNMNDomain

/// The effects without the world, for tests: commands decided and applied to a network in
/// memory (or failing as a full disk would), files and the remembered operator kept in
/// properties, and an editor that answers with a script.
public final class InMemoryEffects: EffectPerformer {
    public private(set) var network: NetworkState
    public private(set) var files: [String: String] = [:]
    public private(set) var remembered: Operator?
    public private(set) var performed: [Effect] = []
    /// Every batch applied, the founding one first when given: what a look at a past day replays.
    public private(set) var history: [EventBatch]
    /// When set, the next commit fails with this reason and the journal turns read-only.
    public var failingWrite: String?
    /// What `$EDITOR` answers.
    public var editorAnswer: Result<String, EditingProblem> = .failure(EditingProblem("no editor in this test"))
    /// Changes another console made, delivered on the next poll.
    public var pendingOutsideChange: (NetworkState, String)?
    private var isReadOnly = false
    private let now: () -> Instant

    public init(network: NetworkState, history: [EventBatch] = [], now: @escaping () -> Instant) {
        self.network = network
        self.history = history
        self.now = now
    }

    public func perform(_ effect: Effect) -> Message? {
        performed.append(effect)
        switch effect {
        case .rememberOperator(let op):
            remembered = op
            return .operatorRemembered(op, failure: nil)
        case .execute(let command, let op):
            if isReadOnly { return .commitFailed("Read-only: an earlier write failed.", readOnly: true) }
            if let reason = failingWrite {
                failingWrite = nil
                isReadOnly = true
                return .commitFailed("Saving failed (\(reason)); nothing was saved.", readOnly: true)
            }
            do {
                let batch = try network.decide(command, context: CommandContext(operator: op, now: now()))
                network.apply(batch)
                history.append(batch)
                return .committed(network, summary: batch.summary)
            } catch {
                if !error.conflicts.isEmpty { return .commitConflicted(error, network) }
                return .commitFailed(error.description, readOnly: false)
            }
        case .externalEdit(let text, let title, let purpose):
            switch editorAnswer {
            case .success(let edited): return .externalEditFinished(text: edited, title: title, purpose: purpose, failure: nil)
            case .failure(let problem):
                return .externalEditFinished(text: text, title: title, purpose: purpose, failure: problem.description)
            }
        case .writeFile(let name, let contents):
            guard let candidate = FreshFileName.candidates(for: name).first(where: { files[$0] == nil }) else {
                return .fileWritten(path: name, failure: "\(FreshFileName.attempts) files of that name are already there; move some away")
            }
            files[candidate] = contents
            return .fileWritten(path: candidate, failure: nil)
        case .loadAsOf(let day):
            guard !history.isEmpty else { return .unavailable("No history is kept here to look at a past day.") }
            return .asOfLoaded(day, NetworkState.asOf(day, batches: history, emailPolicy: network.emailPolicy))
        case .quit:
            return nil
        }
    }

    public func poll() -> Message? {
        guard let (changed, summary) = pendingOutsideChange else { return nil }
        pendingOutsideChange = nil
        network = changed
        return .journalChanged(changed, summary: summary)
    }
}
