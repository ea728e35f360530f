import Foundation
import UNMNJournal

/// Edits text somewhere outside the console: the user's own editor, or a test's script.
public protocol TextEditing {
    /// The edited text, or why the text is as it was.
    func edit(_ text: String) -> Result<String, EditingProblem>
}

public struct EditingProblem: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Editing text in the user's own editor, as git and tig do: a private temporary file,
/// `$VISUAL` (else `$EDITOR`, else `vi`) run through the shell, the file read back.
public struct ExternalEditor: TextEditing {
    public var environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    public func edit(_ text: String) -> Result<String, EditingProblem> {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let path = NSTemporaryDirectory() + "unmn-edit-\(getpid())-\(UUID().uuidString.prefix(8)).md"
        defer { unlink(path) }
        do {
            try DurableFile.replace(path: path, contents: Data(text.utf8), permissions: 0o600)
        } catch {
            return .failure(EditingProblem("Could not prepare the text for \(editor): \(error)"))
        }
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let status = system("\(editor) \(quoted)")
        guard status == 0 else {
            return .failure(EditingProblem("\(editor) exited with status \(status >> 8); the text is as it was before."))
        }
        guard let edited = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .failure(EditingProblem("Could not read back what \(editor) saved; the text is as it was before."))
        }
        // Editors add a final newline; the minutes do not need it.
        return .success(edited.hasSuffix("\n") ? String(edited.dropLast()) : edited)
    }
}
