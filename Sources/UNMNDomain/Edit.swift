import Foundation

/// An edit of a record: the values as the operator left them, the fields they changed, and the
/// record's version when their form was opened. It is decided against the latest record:
/// changed fields nobody else touched since merge onto it; a field someone else changed since
/// is a conflict, refused with both values, so nobody's saved work is overwritten unseen.
public struct Edit<Draft: EditableDraft>: Hashable, Sendable, Codable {
    public var values: Draft
    /// The names of the fields the operator changed (see `Draft.fields`).
    public var changed: Set<String>
    /// The record's version the form was opened on; nil decides without checking (scripts).
    public var basedOn: Int?

    public init(_ values: Draft, changed: Set<String>, basedOn: Int?) {
        self.values = values
        self.changed = changed
        self.basedOn = basedOn
    }

    /// An edit from the record as the form opened (`original`) to what the operator left.
    public init(from original: Draft, to values: Draft, basedOn: Int?) {
        self.init(values, changed: original.changedFields(to: values), basedOn: basedOn)
    }
}

/// A record's editable values, field by field.
public protocol EditableDraft: Hashable, Sendable, Codable {
    static var fields: [DraftField<Self>] { get }
}

extension EditableDraft {
    /// The names of the fields where `other` differs from these values.
    public func changedFields(to other: Self) -> Set<String> {
        Set(Self.fields.filter { $0.differs(self, other) }.map(\.name))
    }

    static func field(named name: String) -> DraftField<Self>? { fields.first { $0.name == name } }
}

/// One editable field: the record field it sets (by the stored property's name, as versions
/// are kept), how people call it, and how its value reads in a conflict.
public struct DraftField<Draft> {
    public let name: String
    public let title: String
    let copy: (inout Draft, Draft) -> Void
    let differs: (Draft, Draft) -> Bool
    let text: (Draft) -> String

    public init<Value: Equatable>(
        _ name: String, _ title: String, _ keyPath: WritableKeyPath<Draft, Value>, text: @escaping (Value) -> String
    ) {
        self.name = name
        self.title = title
        copy = { $0[keyPath: keyPath] = $1[keyPath: keyPath] }
        differs = { $0[keyPath: keyPath] != $1[keyPath: keyPath] }
        self.text = { text($0[keyPath: keyPath]) }
    }

    public init<Value: Equatable & CustomStringConvertible>(_ name: String, _ title: String, _ keyPath: WritableKeyPath<Draft, Value>) {
        self.init(name, title, keyPath) { $0.description }
    }
}

/// A field someone else changed after the operator's form was opened, with both values.
public struct Conflict: Hashable, Sendable, Codable, CustomStringConvertible {
    public var record: RecordKey
    /// The field's name (see `DraftField.name`), and as people call it.
    public var field: String
    public var title: String
    public var theirs: String
    public var yours: String
    public var change: FieldChange

    /// "Gulnora Karimova (UNICEF) changed the email of FP-0009 to "g@unicef.org" at 10:42 on
    /// 2026-11-29, after you opened it; yours is "gk@unicef.org""
    public var description: String {
        "\(change.by) (\(change.entity)) changed the \(title) of \(record) to \(quoted(theirs)) at \(change.at.tashkentTime) on "
            + "\(change.at.tashkentDate), after you opened it; yours is \(quoted(yours))"
    }

    private func quoted(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return "\"" + (line.count > 60 ? String(line.prefix(59)) + "…" : line) + "\""
    }
}

extension Instant {
    /// `10:42`, in Asia/Tashkent.
    public var tashkentTime: String {
        let seconds = (secondsSinceEpoch + Self.tashkentOffset) % 86_400
        let minutes = (seconds + 86_400) % 86_400 / 60
        return padded(Int(minutes / 60), to: 2) + ":" + padded(Int(minutes % 60), to: 2)
    }
}

extension NetworkState {
    /// Merges an edit onto the record's current values: the fields the operator changed are
    /// taken from the edit, the rest stay as they are now. Throws the conflicts when someone
    /// else changed one of those fields since the edit's version (to another value than theirs).
    /// Returns the merged values and the other people's changes it was merged with.
    func merge<Draft: EditableDraft>(_ edit: Edit<Draft>, onto current: Draft, record: RecordKey, attempted: Attempt)
        throws(CommandRejection) -> (
            values: Draft, mergedWith: [FieldChange]
        )
    {
        var merged = current
        var conflicts: [Conflict] = []
        for name in edit.changed.sorted() {
            guard let field = Draft.field(named: name) else { continue }
            if let basedOn = edit.basedOn, let last = lastChange(of: record, field: name), last.version > basedOn,
                field.differs(current, edit.values)
            {
                conflicts.append(
                    Conflict(
                        record: record, field: name, title: field.title, theirs: field.text(current), yours: field.text(edit.values),
                        change: last))
                continue
            }
            field.copy(&merged, edit.values)
        }
        if !conflicts.isEmpty { throw CommandRejection(attempted, conflicts: conflicts) }
        let others =
            edit.basedOn.map { basedOn in changes(to: record, after: basedOn).filter { !edit.changed.contains($0.field) }.map(\.change) }
            ?? []
        return (merged, others)
    }

    /// One field that is not a form (a position, attendance, minutes, progress): refused when
    /// someone else changed it since `basedOn`, unless the value is already the one asked for.
    /// (The words are built only when they are needed: every replayed record is decided again,
    /// most without a version to check.)
    func checkUnchanged(
        _ record: RecordKey, field: @autoclosure () -> String, title: @autoclosure () -> String, since basedOn: Int?,
        theirs: @autoclosure () -> String, yours: @autoclosure () -> String, attempted: @autoclosure () -> Attempt
    ) throws(CommandRejection) {
        guard let basedOn else { return }
        let field = field()
        guard let last = lastChange(of: record, field: field), last.version > basedOn else { return }
        let (theirs, yours) = (theirs(), yours())
        guard theirs != yours else { return }
        throw CommandRejection(
            attempted(), conflicts: [Conflict(record: record, field: field, title: title(), theirs: theirs, yours: yours, change: last)])
    }
}

extension FocalPointDraft: EditableDraft {
    public static var fields: [DraftField<FocalPointDraft>] {
        [
            DraftField("name", "name", \.name) { $0 },
            DraftField("familyName", "family name", \.familyName) { $0 ?? "the name's last word" },
            DraftField("position", "position", \.position) { $0 },
            DraftField("level", "participation level", \.level) { $0.rawValue },
            DraftField("email", "email", \.email) { $0 },
            DraftField("isOnMailingList", "mailing list", \.isOnMailingList) { $0 ? "on the list" : "not on the list" },
            DraftField("emailException", "email exception", \.exceptionReason) { $0 ?? "none" },
            DraftField("exceptionUntil", "end of the email exception", \.exceptionUntil) { $0?.description ?? "none" },
            DraftField("isRCOFocalPoint", "RCO focal point", \.isRCOFocalPoint) { $0 == true ? "yes" : "no" },
        ]
    }

    /// The editable values of a focal point as it stands.
    public init(_ point: FocalPoint) {
        self.init(
            entity: point.entity, name: point.name, position: point.position, level: point.level, email: point.email,
            isOnMailingList: point.isOnMailingList, exceptionReason: point.emailException?.reason,
            exceptionUntil: point.emailException?.until, isRCOFocalPoint: point.isRCOFocalPoint == true, familyName: point.familyName)
    }
}

extension MeetingDraft: EditableDraft {
    public static var fields: [DraftField<MeetingDraft>] {
        [
            DraftField("kind", "kind", \.kind) { $0.title },
            DraftField("date", "date", \.date),
            DraftField("startMinute", "time", \.startMinute) { padded($0 / 60, to: 2) + ":" + padded($0 % 60, to: 2) },
            DraftField("durationMinutes", "length", \.durationMinutes) { "\($0) minutes" },
            DraftField("location", "place", \.location) { $0 },
            DraftField("mode", "mode", \.mode) { $0?.rawValue ?? "not decided" },
            DraftField("modeReason", "reason for the mode", \.modeReason) { $0 ?? "none" },
        ]
    }
}

extension KeyActionDraft: EditableDraft {
    public static var fields: [DraftField<KeyActionDraft>] {
        [
            DraftField("title", "title", \.title) { $0 },
            DraftField("description", "description", \.description) { $0 },
            DraftField("lead", "lead", \.lead),
            DraftField("participants", "participants", \.participants) { $0.map(\.rawValue).joined(separator: ", ") },
            DraftField("starts", "start", \.starts),
            DraftField("ends", "end", \.ends),
            DraftField("budgetRequired", "budget required", \.budgetRequired) { usd($0) },
            DraftField("budgetFunded", "budget funded", \.budgetFunded) { usd($0) },
            DraftField("fundingSource", "funding source", \.fundingSource) { $0.title },
            DraftField("gcmObjectives", "GCM objectives", \.gcmObjectives) { $0.sorted().map(String.init).joined(separator: ", ") },
            DraftField("sdgTargets", "SDG targets", \.sdgTargets) { $0.joined(separator: ", ") },
            DraftField("cooperationFrameworkOutcome", "Cooperation Framework outcome", \.cooperationFrameworkOutcome) { $0 ?? "none" },
        ]
    }

    /// The editable values of a key action as it stands.
    public init(_ action: KeyAction) {
        self.init(
            code: action.code, title: action.title, description: action.description, lead: action.lead, participants: action.participants,
            starts: action.starts, ends: action.ends, budgetRequired: action.budgetRequired, budgetFunded: action.budgetFunded,
            fundingSource: action.fundingSource, gcmObjectives: action.gcmObjectives, sdgTargets: action.sdgTargets,
            cooperationFrameworkOutcome: action.cooperationFrameworkOutcome, acceptsOverfunding: true)
    }
}
