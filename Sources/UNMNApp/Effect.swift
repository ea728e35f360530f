import UNMNDomain

/// Work `update` asks the runtime to do: anything that touches the world outside the state.
public enum Effect: Sendable, Hashable {
    case quit
    /// Keep this operator for the next start (in the config directory).
    case rememberOperator(Operator)
    /// Write a file in the current directory (a reminder list, an export): nothing is printed
    /// while curses has the screen. Answered with `fileWritten`.
    case writeFile(name: String, contents: String)
    /// Leave the screen to edit `text` in `$VISUAL`/`$EDITOR`, then come back to the editor.
    case externalEdit(text: String, title: String, purpose: EditorPurpose)
    /// Decide this command against the journal and append it; answered with `committed` or `commitFailed`.
    case execute(Command, by: Operator)
}
