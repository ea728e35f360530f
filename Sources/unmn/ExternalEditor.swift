import Foundation
import UNMNJournal

/// Editing text in the user's own editor, as git and tig do: a private temporary file,
/// `$VISUAL` (else `$EDITOR`, else `vi`) run through the shell, the file read back.
enum ExternalEditor {
    struct Problem: Error, CustomStringConvertible { var description: String }

    static func edit(_ text: String, environment: [String: String]) -> Result<String, Problem> {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let path = NSTemporaryDirectory() + "unmn-edit-\(getpid())-\(UUID().uuidString.prefix(8)).md"
        defer { unlink(path) }
        do {
            try DurableFile.replace(path: path, contents: Data(text.utf8), permissions: 0o600)
        } catch {
            return .failure(Problem(description: "Could not prepare the text for \(editor): \(error)"))
        }
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let status = system("\(editor) \(quoted)")
        guard status == 0 else { return .failure(Problem(description: "\(editor) exited with status \(status >> 8); the text is as it was before.")) }
        guard let edited = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .failure(Problem(description: "Could not read back what \(editor) saved; the text is as it was before."))
        }
        // Editors add a final newline; the minutes do not need it.
        return .success(edited.hasSuffix("\n") ? String(edited.dropLast()) : edited)
    }
}
