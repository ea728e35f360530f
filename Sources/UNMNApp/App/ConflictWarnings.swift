import TerminalUI
import UNMNDomain

/// What the console does when someone else's change meets the operator's: a save refused as a
/// conflict brings the form or editor back with both values, and a change behind an open form
/// is said at once.
enum ConflictWarnings {
    /// A save refused as a conflict: the form comes back with the operator's input and, under
    /// each field someone else changed, their value; the editor comes back with their text
    /// above. Nothing is lost, and nothing is written until the operator chooses.
    static func bringBack(_ rejection: CommandRejection, _ state: inout AppState) {
        defer { state.awaitingSave = nil }
        guard let network = state.network else { return }
        switch state.awaitingSave {
        case .form(var form, let purpose)?:
            var problems: [String: String] = [:]
            for conflict in rejection.conflicts {
                guard let field = purpose.formField(forConflict: conflict.field) else { continue }
                problems[field] =
                    "\(conflict.change.by) (\(conflict.change.entity)) changed this at \(conflict.change.at.tashkentTime) to "
                    + "\(shown(conflict.theirs))."
            }
            form.show(problems: problems)
            state.overlay = .form(form, purpose: purpose.rebased(on: network))
            state.formConflicts = rejection.conflicts
            state.status = StatusMessage(
                "Not saved: " + rejection.reasons.joined(separator: "; ") + ". Enter saves yours over theirs, Ctrl-T takes theirs, "
                    + "Esc leaves the form.", kind: .error)
        case .editor(let editor, let title, let purpose)?:
            if let conflict = rejection.conflicts.first {
                state.editorTheirs = TheirText(
                    by: "\(conflict.change.by) (\(conflict.change.entity))", at: conflict.change.at, text: conflict.theirs)
            }
            state.overlay = .editor(editor, title: title, purpose: purpose.rebased(on: network))
            let who =
                rejection.conflicts.first.map { "\($0.change.by) saved the \($0.title) at \($0.change.at.tashkentTime)" }
                ?? "Someone saved it"
            state.status = StatusMessage(
                "Not saved: \(who) while you wrote yours; theirs is shown above. Ctrl-S saves yours in its place, Esc leaves "
                    + "yours unsaved.",
                kind: .error)
        case nil:
            state.status = StatusMessage(rejection.description, kind: .error)
        }
    }

    /// When another console changed the record behind the open form or editor: who changed
    /// what, said without touching the operator's input.
    static func changedBehindOpenForm(_ state: AppState) -> StatusMessage? {
        guard let network = state.network else { return nil }
        let edited: (record: RecordKey, basedOn: Int)?
        switch state.overlay {
        case .form(_, let purpose)?: edited = purpose.editedRecord
        case .editor(_, _, let purpose)?: edited = purpose.editedRecord
        default: edited = nil
        }
        guard let (record, basedOn) = edited, let latest = network.changes(to: record, after: basedOn).first else { return nil }
        let fields = Set(network.changes(to: record, after: basedOn).map { NetworkState.title(ofField: $0.field, in: record) }).sorted()
        let named = fields.count > 1 ? fields.dropLast().joined(separator: ", ") + " and " + fields.last! : fields.joined()
        return StatusMessage(
            "While your form is open, \(latest.change.by) (\(latest.change.entity)) changed the \(named) of \(record) "
                + "at \(latest.change.at.tashkentTime). Saving keeps both, unless you changed the same field.", kind: .warning)
    }

    private static func shown(_ text: String) -> String {
        text.isEmpty ? "(empty)" : "\"" + (text.count > 50 ? String(text.prefix(49)) + "…" : text) + "\""
    }
}
