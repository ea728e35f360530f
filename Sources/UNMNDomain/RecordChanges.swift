import Synchronization

/// One record of the network, as versions, edits and conflicts name it.
public enum RecordKey: Hashable, Sendable, Codable, CustomStringConvertible {
    case entity(EntityCode)
    case focalPoint(FocalPointID)
    case meeting(MeetingReference)
    case actionPoint(ActionPointID)
    case plan(year: Int)
    case keyAction(year: Int, code: String)
    case item(ItemReference)

    public var description: String {
        switch self {
        case .entity(let code): return code.rawValue
        case .focalPoint(let id): return id.rawValue
        case .meeting(let reference): return reference.rawValue
        case .actionPoint(let id): return id.rawValue
        case .plan(let year): return "the \(year) work plan"
        case .keyAction(_, let code): return code
        case .item(let reference): return reference.rawValue
        }
    }

    /// Records named by an identifier are filed under its kept hash, each kind with a seed of
    /// its own (the change log looks one up for every replayed record); a key action under its
    /// code's hash and its year, a plan under its year.
    public func _rawHashValue(seed: Int) -> Int {
        switch self {
        case .entity(let code): return code._rawHashValue(seed: seed &+ 1)
        case .focalPoint(let id): return id._rawHashValue(seed: seed &+ 2)
        case .meeting(let reference): return reference._rawHashValue(seed: seed &+ 3)
        case .actionPoint(let id): return id._rawHashValue(seed: seed &+ 4)
        case .item(let reference): return reference._rawHashValue(seed: seed &+ 5)
        case .keyAction(let year, let code): return code._rawHashValue(seed: seed &+ 6 &+ year &* 8)
        case .plan(let year): return HashedString.mixed(year, seed: seed &+ 7)
        }
    }
}

/// The last change to one field of a record: the journal sequence that made it (the field's
/// version), who, and when.
public struct FieldChange: Hashable, Sendable, Codable {
    public var version: Int
    public var by: String
    public var entity: EntityCode
    public var at: Instant
}

typealias DraftFieldTitle = (name: String, title: String)

/// One stored property of a record, by the name edits and conflicts use, with a test of whether
/// two versions of the record differ in it.
struct RecordField<Record>: Sendable {
    /// Hashed once; numbered once, as the change log keeps it.
    let name: HashedString
    let number: FieldNames.Number
    let differs: @Sendable (Record, Record) -> Bool

    init<Value: Equatable & SendableMetatype>(_ name: HashedString, _ value: @escaping @Sendable (Record) -> Value) {
        self.name = name
        number = FieldNames.shared.number(name)
        differs = { value($0) != value($1) }
    }
}

/// A record whose fields are tracked one by one. The list is written out (reflection cost a
/// fifth of every replayed record and appended command); a test holds it to the type's stored
/// properties, in order, so a new property cannot be left out.
protocol FieldListed {
    static var recordFields: [RecordField<Self>] { get }
}

/// The fields of a record as edits and conflicts name them.
enum RecordFields {
    /// The fields whose values differ between two versions of a record (all of them for a new
    /// record), by their numbers in the change log.
    static func changed<Record: FieldListed>(from old: Record?, to new: Record) -> [FieldNames.Number] {
        guard let old else { return Record.recordFields.map(\.number) }
        return Record.recordFields.compactMap { $0.differs(old, new) ? $0.number : nil }
    }

    /// The same fields by their names.
    static func changedNames<Record: FieldListed>(from old: Record?, to new: Record) -> [String] {
        guard let old else { return Record.recordFields.map(\.name.text) }
        return Record.recordFields.compactMap { $0.differs(old, new) ? $0.name.text : nil }
    }
}

extension MemberEntity: FieldListed {
    static let recordFields: [RecordField<Self>] = [
        .init("code") { $0.code }, .init("fullName") { $0.fullName }, .init("role") { $0.role }, .init("status") { $0.status },
        .init("functions") { $0.functions }, .init("memberSince") { $0.memberSince }, .init("admittedBy") { $0.admittedBy },
        .init("withdrawnOn") { $0.withdrawnOn },
    ]
}

extension FocalPoint: FieldListed {
    static let recordFields: [RecordField<Self>] = [
        .init("id") { $0.id }, .init("entity") { $0.entity }, .init("name") { $0.name }, .init("position") { $0.position },
        .init("level") { $0.level }, .init("email") { $0.email }, .init("isOnMailingList") { $0.isOnMailingList },
        .init("emailException") { $0.emailException }, .init("retiredOn") { $0.retiredOn },
        .init("isRCOFocalPoint") { $0.isRCOFocalPoint }, .init("familyName") { $0.familyName },
    ]
}

extension Meeting: FieldListed {
    static let recordFields: [RecordField<Self>] = [
        .init("reference") { $0.reference }, .init("kind") { $0.kind }, .init("date") { $0.date },
        .init("startMinute") { $0.startMinute }, .init("durationMinutes") { $0.durationMinutes },
        .init("location") { $0.location }, .init("mode") { $0.mode }, .init("modeReason") { $0.modeReason },
        .init("attendance") { $0.attendance }, .init("agenda") { $0.agenda }, .init("decisions") { $0.decisions },
        .init("status") { $0.status }, .init("amendments") { $0.amendments }, .init("cancellation") { $0.cancellation },
        .init("postponements") { $0.postponements }, .init("guests") { $0.guests }, .init("sequence") { $0.sequence },
        .init("lastModified") { $0.lastModified },
    ]
}

extension MeetingDraft: FieldListed {
    static let recordFields: [RecordField<Self>] = [
        .init("kind") { $0.kind }, .init("date") { $0.date }, .init("startMinute") { $0.startMinute },
        .init("durationMinutes") { $0.durationMinutes }, .init("location") { $0.location }, .init("mode") { $0.mode },
        .init("modeReason") { $0.modeReason },
    ]
}

extension ActionPoint: FieldListed {
    static let recordFields: [RecordField<Self>] = [
        .init("id") { $0.id }, .init("meeting") { $0.meeting }, .init("text") { $0.text },
        .init("responsible") { $0.responsible }, .init("due") { $0.due }, .init("status") { $0.status },
        .init("notes") { $0.notes }, .init("implements") { $0.implements },
    ]
}

extension KeyAction: FieldListed {
    static let recordFields: [RecordField<Self>] = [
        .init("code") { $0.code }, .init("title") { $0.title }, .init("description") { $0.description },
        .init("lead") { $0.lead }, .init("participants") { $0.participants }, .init("starts") { $0.starts },
        .init("ends") { $0.ends }, .init("budgetRequired") { $0.budgetRequired }, .init("budgetFunded") { $0.budgetFunded },
        .init("fundingSource") { $0.fundingSource }, .init("gcmObjectives") { $0.gcmObjectives },
        .init("sdgTargets") { $0.sdgTargets }, .init("cooperationFrameworkOutcome") { $0.cooperationFrameworkOutcome },
        .init("status") { $0.status }, .init("progress") { $0.progress }, .init("history") { $0.history },
    ]
}

extension KeyActionDraft: FieldListed {
    static let recordFields: [RecordField<Self>] = [
        .init("code") { $0.code }, .init("title") { $0.title }, .init("description") { $0.description },
        .init("lead") { $0.lead }, .init("participants") { $0.participants }, .init("starts") { $0.starts },
        .init("ends") { $0.ends }, .init("budgetRequired") { $0.budgetRequired }, .init("budgetFunded") { $0.budgetFunded },
        .init("fundingSource") { $0.fundingSource }, .init("gcmObjectives") { $0.gcmObjectives },
        .init("sdgTargets") { $0.sdgTargets }, .init("cooperationFrameworkOutcome") { $0.cooperationFrameworkOutcome },
        .init("acceptsOverfunding") { $0.acceptsOverfunding },
    ]
}

extension ConsensusItem: FieldListed {
    static let recordFields: [RecordField<Self>] = [
        .init("reference") { $0.reference }, .init("title") { $0.title }, .init("text") { $0.text }, .init("kind") { $0.kind },
        .init("raisedAt") { $0.raisedAt }, .init("deadline") { $0.deadline }, .init("openedOn") { $0.openedOn },
        .init("status") { $0.status }, .init("positions") { $0.positions }, .init("history") { $0.history },
        .init("closure") { $0.closure }, .init("deferrals") { $0.deferrals }, .init("underSilence") { $0.underSilence },
        .init("consultedActions") { $0.consultedActions }, .init("reopenings") { $0.reopenings },
    ]
}

/// The fields that events change, numbered once (literals were hashed at every record).
private enum Field {
    static let actions = FieldNames.shared.number("actions")
    static let agenda = FieldNames.shared.number("agenda")
    static let amendments = FieldNames.shared.number("amendments")
    static let cancellation = FieldNames.shared.number("cancellation")
    static let closure = FieldNames.shared.number("closure")
    static let consultedActions = FieldNames.shared.number("consultedActions")
    static let date = FieldNames.shared.number("date")
    static let deadline = FieldNames.shared.number("deadline")
    static let decisions = FieldNames.shared.number("decisions")
    static let deferrals = FieldNames.shared.number("deferrals")
    static let guests = FieldNames.shared.number("guests")
    static let history = FieldNames.shared.number("history")
    static let isOnMailingList = FieldNames.shared.number("isOnMailingList")
    static let notes = FieldNames.shared.number("notes")
    static let postponements = FieldNames.shared.number("postponements")
    static let progress = FieldNames.shared.number("progress")
    static let revisions = FieldNames.shared.number("revisions")
    static let status = FieldNames.shared.number("status")
    static let progressStatusHistory = [progress, status, history]
}

extension NetworkState {
    /// The version of a record: the journal sequence of the last change to any of its fields
    /// (0 for a record that does not exist).
    public func version(of record: RecordKey) -> Int {
        changes[record]?.values.map(\.version).max() ?? 0
    }

    /// When a record last changed (any field), if it exists: a vCard's REV.
    public func lastChanged(_ record: RecordKey) -> Instant? { changes[record]?.values.map(\.at).max() }

    /// The last change to a field of a record, if it was ever changed.
    public func lastChange(of record: RecordKey, field: String) -> FieldChange? { changes[record, HashedString(field)] }

    /// The fields of a record changed after `version`, with who changed them, newest first.
    public func changes(to record: RecordKey, after version: Int) -> [(field: String, change: FieldChange)] {
        (changes[record] ?? [:]).filter { $0.value.version > version }.map { ($0.key.text, $0.value) }.sorted {
            $0.1.version > $1.1.version
        }
    }

    /// Records which fields of which records an event changes, as `change`: decided against the
    /// state before it (so asked before the event is applied). Noted as they are found, with no
    /// list of them made first (two lists and their release were a tenth of applying a record).
    mutating func recordChanges(of event: Event, as change: ChangeLog.Stamp) {
        func note(_ record: RecordKey, _ fields: [FieldNames.Number]) { noteChange(change, of: record, fields: fields) }
        func note(_ record: RecordKey, _ field: FieldNames.Number) { noteChange(change, of: record, fields: CollectionOfOne(field)) }
        switch event {
        case .networkFounded(let entities): for entity in entities { note(.entity(entity.code), Field.status) }
        case .sandboxDeclared, .accessGranted, .accessRevoked: break
        case .entityApplied(let entity): note(.entity(entity.code), RecordFields.changed(from: self.entity(entity.code), to: entity))
        case .entityAdmitted(let code, _, _), .entityWithdrew(let code, _, _): note(.entity(code), Field.status)
        case .focalPointAdded(let point): note(.focalPoint(point.id), RecordFields.changed(from: nil, to: point))
        case .focalPointChanged(let point): note(.focalPoint(point.id), RecordFields.changed(from: focalPoint(point.id), to: point))
        case .mailingListChanged(let change): note(.focalPoint(change.focalPointID), Field.isOnMailingList)
        case .mailingListRequestSent: break
        case .meetingScheduled(let meeting): note(.meeting(meeting.reference), RecordFields.changed(from: nil, to: meeting))
        case .meetingCancelled(let reference, _): note(.meeting(reference), Field.cancellation)
        case .meetingPostponed(let reference, _): note(.meeting(reference), [Field.date, Field.postponements])
        case .meetingRescheduled(let reference, let draft):
            guard let old = meeting(reference) else { return }
            note(.meeting(reference), RecordFields.changed(from: MeetingDraft(old), to: draft))
        case .attendanceRecorded(let reference, let entity, _):
            note(.meeting(reference), Self.fieldNames.attendanceNumbered(of: entity).number)
        case .agendaItemAdded(let reference, _): note(.meeting(reference), Field.agenda)
        case .guestAdded(let reference, _), .guestRemoved(let reference, _): note(.meeting(reference), Field.guests)
        case .minutesWritten(let reference, let item, _):
            note(.meeting(reference), FieldNames.shared.number(HashedString(Self.minutesField(item))))
        case .meetingDecisionRecorded(let reference, _): note(.meeting(reference), Field.decisions)
        case .minutesFinalised(let reference, _), .minutesShared(let reference, _): note(.meeting(reference), Field.status)
        case .minutesAmended(let reference, _): note(.meeting(reference), Field.amendments)
        case .actionPointAdded(let point): note(.actionPoint(point.id), RecordFields.changed(from: nil, to: point))
        case .actionPointUpdated(let id, _, _): note(.actionPoint(id), [Field.status, Field.notes])
        case .workPlanDrafted(let year), .workPlanEndorsed(let year, _, _), .workPlanClosed(let year, _):
            note(.plan(year: year), Field.status)
        case .keyActionAdded(let year, let action):
            note(.keyAction(year: year, code: action.code), RecordFields.changed(from: nil, to: action))
            note(.plan(year: year), Field.actions)
        case .keyActionChanged(let year, let action):
            let old = workPlans[year]?.actions.first { $0.code == action.code }
            note(.keyAction(year: year, code: action.code), RecordFields.changed(from: old, to: action))
            note(.plan(year: year), Field.actions)
        case .progressRecorded(let year, let code, _): noteProgress(year, code, as: change)
        case .workPlanRevised(let year, _), .workPlanRevisionsEndorsed(let year, _): note(.plan(year: year), Field.revisions)
        case .reportSentToUNCT: break
        case .consultationReopened(let reference, _, _, _):
            // Every position is reset: a position recorded against the old consultation conflicts.
            note(
                .item(reference),
                [Field.consultedActions, Field.deadline, Field.status]
                    + entities.map { Self.fieldNames.positionNumbered(of: $0.code).number })
        case .itemOpened(let item): note(.item(item.reference), RecordFields.changed(from: nil, to: item))
        case .positionRecorded(let reference, let record): notePosition(reference, record.entity, as: change)
        case .itemClosed(let reference, _, _): note(.item(reference), [Field.status, Field.closure])
        case .itemDeferred(let reference, _, _): note(.item(reference), [Field.status, Field.deadline, Field.deferrals])
        }
    }

    /// A field as people call it: "email", "mailing list", "minutes of item 2".
    public static func title(ofField field: String, in record: RecordKey) -> String {
        let titles: [DraftFieldTitle]
        switch record {
        case .focalPoint: titles = FocalPointDraft.fields.map { ($0.name, $0.title) }
        case .meeting: titles = MeetingDraft.fields.map { ($0.name, $0.title) }
        case .keyAction: titles = KeyActionDraft.fields.map { ($0.name, $0.title) }
        default: titles = []
        }
        return titles.first { $0.name == field }?.title ?? field
    }

    /// Field names for the parts of a record that change one at a time.
    public static func attendanceField(_ entity: EntityCode) -> String { "attendance of \(entity)" }
    public static func minutesField(_ item: Int) -> String { "minutes of item \(item + 1)" }
    public static func positionField(_ entity: EntityCode) -> String { "position of \(entity)" }

    /// The names of the fields each member has in items and meetings, made once for each member
    /// (building and hashing "position of UNDP" was a tenth of applying a position).
    static let fieldNames = MemberFieldNames()

    /// Stamps the fields of a record changed.
    mutating func noteChange(_ change: ChangeLog.Stamp, of record: RecordKey, fields: some Collection<FieldNames.Number>) {
        changes.set(change, of: record, numbers: fields, expected: expectedFields(record, fields.count))
    }

    /// What a position recorded changes: the entity's position on the item.
    mutating func notePosition(_ reference: ItemReference, _ code: EntityCode, as change: ChangeLog.Stamp) {
        noteChange(change, of: .item(reference), fields: CollectionOfOne(Self.fieldNames.positionNumbered(of: code).number))
    }

    /// What progress recorded changes: the key action's progress, status and history.
    mutating func noteProgress(_ year: Int, _ code: String, as change: ChangeLog.Stamp) {
        noteChange(change, of: .keyAction(year: year, code: code), fields: Field.progressStatusHistory)
    }

    /// Room for the fields of a record first seen: an item's fields are followed by every
    /// member's position.
    private func expectedFields(_ record: RecordKey, _ count: Int) -> Int {
        if case .item = record { return count + entities.count }
        return count
    }
}

extension MeetingDraft {
    /// The schedulable part of a meeting, as it stands.
    public init(_ meeting: Meeting) {
        self.init(
            kind: meeting.kind, date: meeting.date, startMinute: meeting.startMinute, durationMinutes: meeting.durationMinutes,
            location: meeting.location, mode: meeting.mode, modeReason: meeting.modeReason)
    }
}

/// Field names made once for each member entity (see `NetworkState.fieldNames`), with their
/// numbers in change logs (`FieldNames`).
final class MemberFieldNames: Sendable {
    struct Name {
        var text: HashedString
        var number: FieldNames.Number
    }

    private struct Made {
        var positions: [EntityCode: Name] = [:]
        var attendances: [EntityCode: Name] = [:]
    }
    private let made = Mutex(Made())

    func positionNumbered(of entity: EntityCode) -> Name {
        made.withLock { Self.name(in: &$0.positions, of: entity, NetworkState.positionField) }
    }

    func attendanceNumbered(of entity: EntityCode) -> Name {
        made.withLock { Self.name(in: &$0.attendances, of: entity, NetworkState.attendanceField) }
    }

    // The table is passed itself, not through a key path: with a key path (and a tuple for a
    // value) the runtime looked up the table's type at every call.
    private static func name(in table: inout [EntityCode: Name], of entity: EntityCode, _ text: (EntityCode) -> String) -> Name {
        if let known = table[entity] { return known }
        let name = numbered(text(entity))
        table[entity] = name
        return name
    }

    private static func numbered(_ text: String) -> Name {
        let name = HashedString(text)
        return Name(text: name, number: FieldNames.shared.number(name))
    }
}
