import UNMNDomain

/// Work `update` asks the runtime to do: anything that touches the world outside the state.
/// An `EffectPerformer` does it and answers with a message.
public enum Effect: Sendable, Hashable {
    case quit
    /// Keep this operator for the next start (in the config directory). Answered with `operatorRemembered`.
    case rememberOperator(Operator)
    /// Write a file in the current directory (a reminder, an export): nothing is printed
    /// while curses has the screen. Answered with `fileWritten`.
    case writeFile(name: String, contents: String)
    /// Leave the screen to edit `text` in `$VISUAL`/`$EDITOR`, then come back to the editor.
    /// Answered with `externalEditFinished`.
    case externalEdit(text: String, title: String, purpose: EditorPurpose)
    /// Decide this command against the journal and append it; answered with `committed` or `commitFailed`.
    case execute(Command, by: Operator)
    /// Replay the journal up to the end of a day, to look at the network as it stood then.
    /// Answered with `asOfLoaded` (or `unavailable`, saying why).
    case loadAsOf(LocalDate)
}

/// Performs effects for the runtime: the journal, files, the operator's memory, `$EDITOR`.
/// The console's performer does real I/O; tests use one that keeps everything in memory.
public protocol EffectPerformer: AnyObject {
    /// Performs an effect other than quitting; may answer with a message.
    func perform(_ effect: Effect) -> Message?
    /// What changed outside since the last call (another console's appends), asked about every
    /// `pollMilliseconds`.
    func poll() -> Message?
    /// How long the console waits for a key before asking `poll` again.
    var pollMilliseconds: Int { get }
}

extension EffectPerformer {
    public var pollMilliseconds: Int { 1000 }
}
