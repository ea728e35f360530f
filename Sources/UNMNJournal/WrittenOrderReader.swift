import Foundation
import UNMNDomain

/// Reads the records a network writes most — a member's position on an item, progress on a key
/// action, attendance, an item opened and closed, an agenda and its minutes, a plan drafted and
/// its key actions added: most of a network's records — in one pass over their bytes, in the
/// order the journal writes them, without a tape. A position's or progress's event and summary,
/// which repeat its command, are compared with the command's bytes rather than read (see
/// `plainEvent` and `plainSummary`).
///
/// The journal writes every record the same way (`JournalJSONEncoder`: no spaces, members in
/// sorted order, slashes unescaped), so a reader can expect each member's name, and the
/// punctuation around it, at the very bytes where it comes and compare them as constants; the
/// tape (`JSONTape`), which finds every value of any JSON text first, was half of what reading a
/// record cost. Anything else — another command or event, a member out of order, a space, a
/// control character in a string, a number with a fraction — makes this reader step aside
/// (nil), and the record is read through the tape as before, which also says what is wrong.
/// What this reader accepts is therefore valid JSON that the tape reader reads to the same
/// record; the tests hold it to that on every sample record and on damaged variants of them.
///
/// A value of the reader is made for one record's body and used once.
struct WrittenOrderReader {
    private let bytes: UnsafeRawBufferPointer
    private let base: UnsafeRawPointer
    private let end: Int
    private let recent: RecentValues
    private var offset = 0
    /// Whether a position's, progress's or attendance's event is compared where it lies with the
    /// command read before it (see `plainEvent`), rather than read.
    private let comparesPlainEvents: Bool
    /// Where the fields of the command just read lie, when it is a position, progress or attendance.
    private var plainFields: PlainFields?
    /// The record read holds its command's plain event, compared where it was written.
    private(set) var eventsArePlain = false

    /// (Not failable: an optional reader was copied out of its optional, 150 bytes a record. An
    /// empty body, which has no address, is read as one byte of nothing: no record.)
    init(_ bytes: UnsafeRawBufferPointer, recent: RecentValues, comparesPlainEvents: Bool = true) {
        (self.bytes, base, end, self.recent) = (bytes, bytes.baseAddress ?? Self.nothing, bytes.count, recent)
        self.comparesPlainEvents = comparesPlainEvents
    }

    /// Where an empty body is read from: one byte, never read past `end`, kept for the process.
    private nonisolated(unsafe) static let nothing = UnsafeRawPointer(UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1))

    /// Reads the record into `slot` (uninitialised, and left so when it returns false), or
    /// returns false when its body is not one this reader takes (see above): made where it will
    /// stay, a record of 226 bytes is not copied out through each caller.
    mutating func record(sequence: UInt64, into slot: UnsafeMutablePointer<JournalRecord>) -> Bool {
        guard literal(#"{"batch":{"at":"#), case let atStart = offset, let at = instant() else { return false }
        let atBytes = Span(start: atStart, end: offset)
        // The command is held unwrapped (a placeholder when there is none), lent to what compares
        // it and moved into the batch: unwrapping an optional copied it, and each copy retained
        // (and its end released) every string it holds, twice a record.
        var command = Command.undo
        let hasCommand = literal(#","command":"#)
        if hasCommand {
            guard let read = self.command() else { return false }
            command = read
        }
        guard literal(#","events":["#) else { return false }
        var events: [Event] = []
        let eventsStart = offset
        // Who recorded the plain event (and for whom), to compare with the operator once read.
        var plainBy: (name: Span?, entity: Span?)?
        if comparesPlainEvents, let fields = plainFields {
            plainBy = plainEvent(fields, at: at, written: atBytes)
            if plainBy == nil { offset = eventsStart }
        }
        if plainBy == nil && !literal("]") {
            // Most batches hold one event: a list made for it, not grown to it.
            events.reserveCapacity(1)
            repeat {
                guard let event = self.event() else { return false }
                events.append(event)
            } while literal(",")
            guard literal("]") else { return false }
        }
        guard literal(#","isUndo":"#), let isUndo = bool() else { return false }
        var login: String?
        if literal(#","login":"#) {
            guard let read = string() else { return false }
            login = read
        }
        guard literal(#","operator":"#), let op = operatorValue(), literal(#","summary":"#) else { return false }
        // A plain record's summary is mostly the one deciding writes for its command: compared
        // where it lies, and not kept (nil) when it is.
        var summary: String?
        if plainBy == nil || !hasCommand || !(plainFields.map { plainSummary(of: command, $0) } ?? false) {
            guard let read = string() else { return false }
            summary = read
        }
        guard literal(#"},"osUser":"#), let osUser = string(), literal("}"), offset == end else { return false }
        if let plainBy {
            // Recorded by someone else, or for another entity: read the event as it is written.
            guard plainBy.name.map({ same($0, as: op.name) }) ?? true, plainBy.entity.map({ same($0, as: op.entity.rawValue) }) ?? true,
                hasCommand, EventBatch.hasPlainEvent(command)
            else {
                var reader = WrittenOrderReader(bytes, recent: recent, comparesPlainEvents: false)
                return reader.record(sequence: sequence, into: slot)
            }
            eventsArePlain = true
            slot.initialize(
                to: JournalRecord(
                    sequence: sequence, osUser: osUser,
                    batch: EventBatch(plainEventOf: consume command, operator: op, at: at, summary: summary, isUndo: isUndo, login: login)))
            return true
        }
        guard let summary else { return false }
        slot.initialize(
            to: JournalRecord(
                sequence: sequence, osUser: osUser,
                batch: EventBatch(
                    operator: op, at: at, events: events, summary: summary, isUndo: isUndo,
                    command: hasCommand ? consume command : nil, login: login)))
        return true
    }

    /// Whether the string here (at its opening quote) is the summary deciding writes for the
    /// plain command just read (`EventBatch.plainSummaryPieces`), compared piece by piece where
    /// it lies — its values with the command's own bytes: the offset moves past it when it is,
    /// and stays when it is not.
    private mutating func plainSummary(of command: Command, _ fields: PlainFields) -> Bool {
        let start = offset
        guard let pieces = EventBatch.plainSummaryPieces(of: command), literal("\"") else { return false }
        // The values' bytes inside their quotes (the percentage has none).
        let none = Span(start: 0, end: 0)
        let (code, item, percent, status): (Span, Span, Span, Span)
        switch fields {
        case .position(let entity, let reference, _, _): (code, item, percent, status) = (entity.inside, reference.inside, none, none)
        case .progress(let action, _, let digits, let word, _): (code, item, percent, status) = (action.inside, none, digits, word.inside)
        case .attendance:
            offset = start
            return false
        }
        for piece in pieces {
            let matched: Bool
            switch piece {
            case .words(let words): matched = same(UnsafeRawBufferPointer(start: words.utf8Start, count: words.utf8CodeUnitCount))
            case .code: matched = same(code)
            case .item: matched = same(item)
            case .percent: matched = same(percent)
            case .status: matched = same(status)
            case .position:
                guard case .recordPosition(_, _, let position, _, _) = command else { return false }
                matched = same(Position.summaryTitle(position))
            }
            guard matched else {
                offset = start
                return false
            }
        }
        guard literal("\"") else {
            offset = start
            return false
        }
        return true
    }

    /// Whether the bytes of `text` come next (compared, then passed).
    private mutating func same(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { same(UnsafeRawBufferPointer($0)) } ?? false
    }

    /// Whether these bytes come next (compared, then passed).
    @inline(__always) private mutating func same(_ expected: UnsafeRawBufferPointer) -> Bool {
        let count = expected.count
        guard offset + count <= end, count == 0 || equalBytes(expected.baseAddress!, base + offset, count: count) else { return false }
        offset += count
        return true
    }

    /// Where a position's, progress's or attendance's command keeps each field its event repeats:
    /// the bytes of each value as written (a string's with its quotes).
    private enum PlainFields {
        case position(entity: Span, item: Span, position: Span?, source: Span)
        case progress(code: Span, note: Span, percent: Span, status: Span, year: Span)
        case attendance(attendance: Span?, entity: Span, meeting: Span)
    }

    /// Where a value's bytes lie in the record's (a range's two bounds, kept plain to copy).
    private struct Span {
        var start: Int
        var end: Int
        /// A string's bytes inside its quotes.
        var inside: Span { Span(start: start + 1, end: end - 1) }
    }

    /// Reads the events list (after its opening bracket) when it holds just the command's plain
    /// event (`EventBatch.plainEvent`), comparing each field where it is written with the
    /// command's bytes instead of making a value of it: the same encoder wrote both, so the same
    /// value has the same bytes. Returns where the name of who recorded it lies (and the entity,
    /// for progress; neither for attendance), which must be the operator's; nil when anything differs (a reason with
    /// spaces trimmed, an escape, another event), and the list is then read as written.
    private mutating func plainEvent(_ fields: PlainFields, at: Instant, written atBytes: Span) -> (name: Span?, entity: Span?)? {
        switch fields {
        case .attendance(let attendance, let entity, let meeting):
            // Attendance names no one: nothing to compare with the operator.
            guard literal(#"{"attendanceRecorded":{"#) else { return nil }
            if let attendance {
                guard literal(#""_2":"#), same(attendance), literal(",") else { return nil }
            }
            guard literal(#""entity":"#), same(entity), literal(#","meeting":"#), same(meeting), literal("}}]") else { return nil }
            return (nil, nil)
        case .position(let entity, let item, let position, let source):
            guard literal(#"{"positionRecorded":{"_1":{"at":"#), same(atBytes), literal(#","entity":"#), same(entity) else {
                return nil
            }
            if let position {
                guard literal(#","position":"#), same(position) else { return nil }
            }
            guard literal(#","recordedBy":"#), let (name, escaped) = stringBytes(), !escaped, literal(#","source":"#), same(source),
                literal(#"},"item":"#), same(item), literal("}}]")
            else { return nil }
            return (Span(start: name.lowerBound, end: name.upperBound), nil)
        case .progress(let code, let note, let percent, let status, let year):
            guard literal(#"{"progressRecorded":{"_2":{"by":"#), let (name, nameEscaped) = stringBytes(), !nameEscaped,
                literal(#","entity":"#), let (entity, entityEscaped) = stringBytes(), !entityEscaped, literal(#","note":"#), same(note),
                literal(#","on":"#), date() == at.tashkentDate, literal(#","percent":"#), same(percent), literal(#","status":"#),
                same(status), literal(#"},"code":"#), same(code), literal(#","year":"#), same(year), literal("}}]")
            else { return nil }
            return (Span(start: name.lowerBound, end: name.upperBound), Span(start: entity.lowerBound, end: entity.upperBound))
        }
    }

    /// Whether the bytes at `earlier` come next (compared, then passed).
    @inline(__always) private mutating func same(_ earlier: Span) -> Bool {
        same(UnsafeRawBufferPointer(start: base + earlier.start, count: earlier.end - earlier.start))
    }

    /// Whether the bytes `written` (a string's, without escapes) are the text `text`.
    private func same(_ written: Span, as text: String) -> Bool {
        var text = text
        return text.withUTF8 { sameBytes(UnsafeRawBufferPointer($0), UnsafeRawBufferPointer(rebasing: bytes[written.start..<written.end])) }
    }

    /// Who wrote the record. One person writes record after record: when the bytes here begin
    /// with the whole of the operator last read (its closing brace included), it is that one.
    private mutating func operatorValue() -> Operator? {
        if let (known, count) = recent.operator(at: base + offset, available: end - offset) {
            offset += count
            return known
        }
        let start = offset
        guard literal(#"{"entity":"#), let entity = text(as: EntityCode.self), literal(#","name":"#), let name = string(),
            literal(#","role":"#), let role = word(in: roles), literal("}")
        else { return nil }
        let value = Operator(name: name, entity: entity, role: role)
        recent.remember(operator: value, written: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
        return value
    }

    // MARK: Commands and events

    private mutating func command() -> Command? {
        if literal(#"{"recordPosition":{"#) {
            var (position, positionBytes): (Position?, Span?) = (nil, nil)
            if literal(#""_2":"#) {
                let start = offset
                guard let read = self.position() else { return nil }
                (position, positionBytes) = (read, Span(start: start, end: offset))
                guard literal(",") else { return nil }
            }
            let basedOn = self.basedOn()
            guard let basedOn, literal(#""entity":"#), case let entityStart = offset, let entity = text(as: EntityCode.self),
                case let entityEnd = offset, literal(#","item":"#), case let itemStart = offset, let item = text(as: ItemReference.self),
                case let itemEnd = offset, literal(#","source":"#), case let sourceStart = offset, let source = word(in: sources),
                case let sourceEnd = offset, literal("}}")
            else { return nil }
            // A reason with spaces around it is recorded trimmed: the event's bytes then differ.
            guard position?.isRecordedAsGiven ?? true else {
                return .recordPosition(item: item, entity: entity, position, source: source, basedOn: basedOn)
            }
            plainFields = .position(
                entity: Span(start: entityStart, end: entityEnd), item: Span(start: itemStart, end: itemEnd), position: positionBytes,
                source: Span(start: sourceStart, end: sourceEnd))
            return .recordPosition(item: item, entity: entity, position, source: source, basedOn: basedOn)
        }
        if literal(#"{"recordProgress":{"#) {
            guard let basedOn = self.basedOn(), literal(#""code":"#), case let codeStart = offset, let code = string(),
                case let codeEnd = offset, literal(#","note":"#), case let noteStart = offset, let note = string(),
                case let noteEnd = offset, literal(#","percent":"#), case let percentStart = offset, let percent = integer(),
                case let percentEnd = offset, literal(#","status":"#), case let statusStart = offset,
                let status = word(in: statuses), case let statusEnd = offset, literal(#","year":"#), case let yearStart = offset,
                let year = integer(), case let yearEnd = offset, literal("}}")
            else { return nil }
            if status != .cancelled && KeyAction.ProgressUpdate.isRecordedAsGiven(note: note) {
                plainFields = .progress(
                    code: Span(start: codeStart, end: codeEnd), note: Span(start: noteStart, end: noteEnd),
                    percent: Span(start: percentStart, end: percentEnd), status: Span(start: statusStart, end: statusEnd),
                    year: Span(start: yearStart, end: yearEnd))
            }
            return .recordProgress(year: year, code: code, percent: percent, status: status, note: note, basedOn: basedOn)
        }
        if literal(#"{"recordAttendance":{"#) {
            var (attendance, attendanceBytes): (Meeting.Attendance?, Span?) = (nil, nil)
            if literal(#""_2":"#) {
                let start = offset
                guard let read = self.attendance() else { return nil }
                (attendance, attendanceBytes) = (read, Span(start: start, end: offset))
                guard literal(",") else { return nil }
            }
            guard let basedOn = self.basedOn(), literal(#""entity":"#), case let entityStart = offset,
                let entity = text(as: EntityCode.self), case let entityEnd = offset, literal(#","meeting":"#),
                case let meetingStart = offset, let meeting = text(as: MeetingReference.self), case let meetingEnd = offset,
                literal("}}")
            else { return nil }
            plainFields = .attendance(
                attendance: attendanceBytes, entity: Span(start: entityStart, end: entityEnd),
                meeting: Span(start: meetingStart, end: meetingEnd))
            return .recordAttendance(meeting: meeting, entity: entity, attendance, basedOn: basedOn)
        }
        if literal(#"{"openItem":{"_0":"#) {
            guard let draft = itemDraft(), literal("}}") else { return nil }
            return .openItem(draft)
        }
        if literal(#"{"addAgendaItem":{"meeting":"#) {
            guard let meeting = text(as: MeetingReference.self), literal(#","title":"#), let title = string(), literal("}}") else {
                return nil
            }
            return .addAgendaItem(meeting: meeting, title: title)
        }
        if literal(#"{"writeMinutes":{"#) {
            guard let basedOn = self.basedOn(), literal(#""item":"#), let item = integer(), literal(#","meeting":"#),
                let meeting = text(as: MeetingReference.self), literal(#","text":"#), let text = string(), literal("}}")
            else { return nil }
            return .writeMinutes(meeting: meeting, item: item, text: text, basedOn: basedOn)
        }
        if literal(#"{"finaliseMinutes":{"_0":"#) {
            guard let meeting = text(as: MeetingReference.self), literal("}}") else { return nil }
            return .finaliseMinutes(meeting)
        }
        if literal(#"{"shareMinutesWithRCO":{"_0":"#) { return meetingOn().map { .shareMinutesWithRCO($0, on: $1) } }
        if literal(#"{"draftWorkPlan":{"year":"#) {
            guard let year = integer(), literal("}}") else { return nil }
            return .draftWorkPlan(year: year)
        }
        if literal(#"{"addKeyAction":{"_1":"#) {
            guard let draft = keyActionFields(added: false) else { return nil }
            var revision: String?
            if literal(#","revision":"#) {
                guard let read = string() else { return nil }
                revision = read
            }
            guard literal(#","year":"#), let year = integer(), literal("}}") else { return nil }
            return .addKeyAction(year: year, draft, revision: revision)
        }
        if literal(#"{"adoptItem":{"_0":"#) { return closing().map { .adoptItem($0, statement: $1) } }
        if literal(#"{"rejectItem":{"_0":"#) { return closing().map { .rejectItem($0, statement: $1) } }
        if literal(#"{"withdrawItem":{"_0":"#) { return closing().map { .withdrawItem($0, statement: $1) } }
        return nil
    }

    /// A meeting's reference and a date (`{"_0":…,"on":{…}}`, the opening brace read).
    private mutating func meetingOn() -> (MeetingReference, LocalDate)? {
        guard let meeting = text(as: MeetingReference.self), literal(#","on":"#), let on = date(), literal("}}") else { return nil }
        return (meeting, on)
    }

    /// An item's reference and the outcome statement of a command that closes it.
    private mutating func closing() -> (ItemReference, String)? {
        guard let item = text(as: ItemReference.self), literal(#","statement":"#), let statement = string(), literal("}}") else {
            return nil
        }
        return (item, statement)
    }

    /// An item as proposed (`openItem`): its members in order, whether it goes under the silence
    /// procedure last when it is said.
    private mutating func itemDraft() -> ConsensusItemDraft? {
        guard literal(#"{"deadline":"#), let deadline = date(), literal(#","kind":"#), let kind = itemKind(), literal(#","raisedAt":"#),
            let raisedAt = raisedAt(), literal(#","text":"#), let text = string(), literal(#","title":"#), let title = string()
        else { return nil }
        var draft = ConsensusItemDraft(title: title, text: text, kind: kind, raisedAt: raisedAt, deadline: deadline)
        if literal(#","underSilence":"#) {
            guard let underSilence = bool() else { return nil }
            draft.underSilence = underSilence
        }
        guard literal("}") else { return nil }
        return draft
    }

    /// A command's `basedOn` member and the comma after it: `.some(nil)` when it is absent, nil
    /// when it is there but not a number.
    private mutating func basedOn() -> Int?? {
        guard literal(#""basedOn":"#) else { return .some(nil) }
        guard let version = integer(), literal(",") else { return nil }
        return .some(version)
    }

    private mutating func event() -> Event? {
        if literal(#"{"positionRecorded":{"_1":{"at":"#) {
            guard let at = instant(), literal(#","entity":"#), let entity = text(as: EntityCode.self) else { return nil }
            var position: Position?
            if literal(#","position":"#) {
                guard let read = self.position() else { return nil }
                position = read
            }
            guard literal(#","recordedBy":"#), let recordedBy = string(), literal(#","source":"#),
                let source = word(in: sources), literal(#"},"item":"#), let item = text(as: ItemReference.self),
                literal("}}")
            else { return nil }
            return .positionRecorded(
                item: item, PositionRecord(entity: entity, position: position, source: source, recordedBy: recordedBy, at: at))
        }
        if literal(#"{"progressRecorded":{"_2":{"by":"#) {
            guard let by = string(), literal(#","entity":"#), let entity = text(as: EntityCode.self), literal(#","note":"#),
                let note = string(), literal(#","on":"#), let on = date(), literal(#","percent":"#), let percent = integer(),
                literal(#","status":"#), let status = word(in: statuses), literal(#"},"code":"#), let code = string(),
                literal(#","year":"#), let year = integer(), literal("}}")
            else { return nil }
            return .progressRecorded(
                year: year, code: code,
                KeyAction.ProgressUpdate(on: on, by: by, entity: entity, percent: percent, status: status, note: note))
        }
        if literal(#"{"attendanceRecorded":{"#) {
            var attendance: Meeting.Attendance?
            if literal(#""_2":"#) {
                guard let read = self.attendance(), literal(",") else { return nil }
                attendance = read
            }
            guard literal(#""entity":"#), let entity = text(as: EntityCode.self), literal(#","meeting":"#),
                let meeting = text(as: MeetingReference.self), literal("}}")
            else { return nil }
            return .attendanceRecorded(meeting: meeting, entity: entity, attendance)
        }
        if literal(#"{"agendaItemAdded":{"meeting":"#) {
            guard let meeting = text(as: MeetingReference.self), literal(#","title":"#), let title = string(), literal("}}") else {
                return nil
            }
            return .agendaItemAdded(meeting: meeting, title: title)
        }
        if literal(#"{"minutesWritten":{"item":"#) {
            guard let item = integer(), literal(#","meeting":"#), let meeting = text(as: MeetingReference.self), literal(#","text":"#),
                let text = string(), literal("}}")
            else { return nil }
            return .minutesWritten(meeting: meeting, item: item, text: text)
        }
        if literal(#"{"minutesFinalised":{"_0":"#) { return meetingOn().map { .minutesFinalised($0, on: $1) } }
        if literal(#"{"minutesShared":{"_0":"#) { return meetingOn().map { .minutesShared($0, on: $1) } }
        if literal(#"{"workPlanDrafted":{"year":"#) {
            guard let year = integer(), literal("}}") else { return nil }
            return .workPlanDrafted(year: year)
        }
        // A key action as it is added: no progress, history or status of its own yet.
        if literal(#"{"keyActionAdded":{"_1":"#) {
            guard let draft = keyActionFields(added: true), literal(#","year":"#), let year = integer(), literal("}}") else { return nil }
            return .keyActionAdded(year: year, KeyAction(added: draft))
        }
        // An item as it is opened: nothing recorded on it yet (an item with more goes the tape's way).
        if literal(#"{"itemOpened":{"_0":{"deadline":"#) {
            guard let deadline = date(), literal(#","deferrals":[],"history":[],"kind":"#), let kind = itemKind(),
                literal(#","openedOn":"#), let openedOn = date(), literal(#","positions":[],"raisedAt":"#), let raisedAt = raisedAt(),
                literal(#","reference":"#), let reference = text(as: ItemReference.self), literal(#","status":{"open":{}},"text":"#),
                let text = string(), literal(#","title":"#), let title = string()
            else { return nil }
            var underSilence: Bool?
            if literal(#","underSilence":"#) {
                guard let read = bool() else { return nil }
                underSilence = read
            }
            guard literal("}}}") else { return nil }
            return .itemOpened(
                ConsensusItem(
                    opened: reference, title: title, text: text, kind: kind, raisedAt: raisedAt, deadline: deadline, openedOn: openedOn,
                    underSilence: underSilence))
        }
        if literal(#"{"itemClosed":{"_0":"#) {
            guard let item = text(as: ItemReference.self), literal(#","_1":"#), let status = itemStatus(),
                literal(#","_2":{"at":"#), let at = instant(), literal(#","by":"#), let by = string(), literal(#","entity":"#),
                let entity = text(as: EntityCode.self)
            else { return nil }
            var silent: [EntityCode]?
            if literal(#","silent":"#) {
                guard let codes = array({ $0.text(as: EntityCode.self) }) else { return nil }
                silent = codes
            }
            guard literal(#","statement":"#), let statement = string(), literal("}}}") else { return nil }
            return .itemClosed(item, status, ConsensusItem.Closure(by: by, entity: entity, at: at, statement: statement, silent: silent))
        }
        return nil
    }

    // MARK: Values

    /// A key action's fields, what an action and its draft share, in the order they are written:
    /// a draft's with whether it accepts overfunding first; an action just added with its history
    /// (none), progress (0) and status (not started) in their places, and no overfunding.
    private mutating func keyActionFields(added: Bool) -> KeyActionDraft? {
        var acceptsOverfunding = false
        if added {
            guard literal(#"{"budgetFunded":"#) else { return nil }
        } else {
            guard literal(#"{"acceptsOverfunding":"#), let accepts = bool(), literal(#","budgetFunded":"#) else { return nil }
            acceptsOverfunding = accepts
        }
        guard let funded = amount(), literal(#","budgetRequired":"#), let required = amount(), literal(#","code":"#), let code = string()
        else { return nil }
        var outcome: String?
        if literal(#","cooperationFrameworkOutcome":"#) {
            guard let read = string() else { return nil }
            outcome = read
        }
        guard literal(#","description":"#), let description = string(), literal(#","ends":"#), let ends = date(),
            literal(#","fundingSource":"#), let source = fundingSource(), literal(#","gcmObjectives":"#),
            let objectives = array({ $0.integer() }), !added || literal(#","history":[]"#), literal(#","lead":"#),
            let lead = text(as: EntityCode.self), literal(#","participants":"#), let participants = array({ $0.text(as: EntityCode.self) }),
            !added || literal(#","progress":0"#), literal(#","sdgTargets":"#), let targets = array({ $0.string() }),
            literal(#","starts":"#), let starts = date(), !added || literal(#","status":"not started""#), literal(#","title":"#),
            let title = string(), literal("}")
        else { return nil }
        return KeyActionDraft(
            code: code, title: title, description: description, lead: lead, participants: participants, starts: starts, ends: ends,
            budgetRequired: required, budgetFunded: funded, fundingSource: source, gcmObjectives: Set(objectives), sdgTargets: targets,
            cooperationFrameworkOutcome: outcome, acceptsOverfunding: acceptsOverfunding)
    }

    /// An amount written as a whole number (one with a fraction goes the tape's way), read as the
    /// tape reads any amount.
    private mutating func amount() -> Decimal? {
        let start = offset
        guard integer() != nil else { return nil }
        return Decimal(amount: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
    }

    private mutating func fundingSource() -> KeyAction.FundingSource? {
        if literal(#"{"coreFunds":{}}"#) { return .coreFunds }
        if literal(#"{"migrationMPTF":{}}"#) { return .migrationMPTF }
        if literal(#"{"unfunded":{}}"#) { return .unfunded }
        guard literal(#"{"donor":{"_0":"#), let donor = string(), literal("}}") else { return nil }
        return .donor(donor)
    }

    /// A position as Swift writes the enum: {"agree":{}}, {"standAside":{}},
    /// {"standAside":{"reason":…}} or {"object":{"reason":…}}.
    private mutating func position() -> Position? {
        if literal(#"{"agree":{}}"#) { return .agree }
        if literal(#"{"standAside":{}}"#) { return .standAside(reason: nil) }
        if literal(#"{"standAside":{"reason":"#) {
            guard let reason = string(), literal("}}") else { return nil }
            return .standAside(reason: reason)
        }
        if literal(#"{"object":{"reason":"#) {
            guard let reason = string(), literal("}}") else { return nil }
            return .object(reason: reason)
        }
        return nil
    }

    /// An item's kind, but a work plan's endorsement (whose item carries the actions consulted
    /// on: the tape's way).
    private mutating func itemKind() -> ConsensusItem.Kind? {
        if literal(#"{"general":{}}"#) { return .general }
        if literal(#"{"jointStatement":{}}"#) { return .jointStatement }
        if literal(#"{"workingMethod":{}}"#) { return .workingMethod }
        guard literal(#"{"admission":{"_0":"#), let code = text(as: EntityCode.self), literal(#","fullName":"#),
            let fullName = string(), literal("}}")
        else { return nil }
        return .admission(code, fullName: fullName)
    }

    private mutating func raisedAt() -> ConsensusItem.RaisedAt? {
        if literal(#"{"writtenConsultation":{}}"#) { return .writtenConsultation }
        guard literal(#"{"meeting":{"_0":"#), let meeting = text(as: MeetingReference.self), literal("}}") else { return nil }
        return .meeting(meeting)
    }

    private mutating func itemStatus() -> ConsensusItem.Status? {
        if literal(#"{"adopted":{"decisionNumber":"#) {
            guard let number = string(), literal("}}") else { return nil }
            return .adopted(decisionNumber: number)
        }
        if literal(#"{"notAdopted":{}}"#) { return .notAdopted }
        if literal(#"{"withdrawn":{}}"#) { return .withdrawn }
        if literal(#"{"deferred":{}}"#) { return .deferred }
        if literal(#"{"open":{}}"#) { return .open }
        return nil
    }

    private mutating func attendance() -> Meeting.Attendance? {
        if literal(#"{"apologies":{}}"#) { return .apologies }
        if literal(#"{"absent":{}}"#) { return .absent }
        guard literal(#"{"present":{"focalPoints":"#), let focalPoints = array({ $0.text(as: FocalPointID.self) }), literal("}}") else {
            return nil
        }
        return .present(focalPoints: focalPoints)
    }

    /// A list, each element read by `element`.
    private mutating func array<Element>(_ element: (inout WrittenOrderReader) -> Element?) -> [Element]? {
        guard literal("[") else { return nil }
        var elements: [Element] = []
        if literal("]") { return elements }
        repeat {
            guard let read = element(&self) else { return nil }
            elements.append(read)
        } while literal(",")
        guard literal("]") else { return nil }
        return elements
    }

    private mutating func instant() -> Instant? {
        guard literal(#"{"secondsSinceEpoch":"#), let seconds = integer(), literal("}") else { return nil }
        return Instant(secondsSinceEpoch: Int64(seconds))
    }

    private mutating func date() -> LocalDate? {
        guard literal(#"{"day":"#), let day = integer(), literal(#","month":"#), let month = integer(), literal(#","year":"#),
            let year = integer(), literal("}")
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    private mutating func bool() -> Bool? {
        if literal("false") { return false }
        if literal("true") { return true }
        return nil
    }

    /// A whole number of up to eighteen digits (which cannot overflow), without a leading zero.
    /// What follows is not looked at here: a fraction or an exponent is not the punctuation the
    /// next `literal` expects, so the record steps aside.
    @inline(__always) private mutating func integer() -> Int? {
        var at = offset
        let negative = at < end && base.load(fromByteOffset: at, as: UInt8.self) == UInt8(ascii: "-")
        if negative { at += 1 }
        let first = at
        var magnitude = 0
        while at < end {
            let digit = base.load(fromByteOffset: at, as: UInt8.self) &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            magnitude = magnitude &* 10 &+ Int(digit)
            at += 1
        }
        let count = at - first
        guard count > 0, count <= 18, count == 1 || base.load(fromByteOffset: first, as: UInt8.self) != UInt8(ascii: "0") else {
            return nil
        }
        offset = at
        return negative ? -magnitude : magnitude
    }

    /// Where the string starting at the current offset (at its opening quote) lies: the bytes
    /// inside its quotes, and whether they hold an escape. Nil when it holds a control character
    /// or does not end (the tape reader then says so). The offset moves past it.
    @inline(__always) private mutating func stringBytes() -> (bytes: Range<Int>, escaped: Bool)? {
        guard offset < end, base.load(fromByteOffset: offset, as: UInt8.self) == UInt8(ascii: "\"") else { return nil }
        let start = offset + 1
        var (at, escaped) = (start, false)
        while true {
            // Eight bytes at a time to the first quote, backslash or control character.
            while at + 8 <= end {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                let found = JSONTape.firstQuoteBackslashOrControl(word)
                if found != 0 {
                    at += found.trailingZeroBitCount / 8
                    break
                }
                at += 8
            }
            while at < end {
                let byte = base.load(fromByteOffset: at, as: UInt8.self)
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                at += 1
            }
            guard at < end else { return nil }
            switch base.load(fromByteOffset: at, as: UInt8.self) {
            case UInt8(ascii: "\""):
                offset = at + 1
                return (start..<at, escaped)
            case UInt8(ascii: "\\"):
                // The escaped byte is skipped (a quote or backslash among them); the escape itself
                // is checked when the string is made.
                escaped = true
                at += 2
            default:
                return nil
            }
        }
    }

    private mutating func string() -> String? {
        guard let (range, escaped) = stringBytes() else { return nil }
        guard !escaped else { return unescapedString(UnsafeRawBufferPointer(rebasing: bytes[range])) }
        return plainString(bytes, from: range.lowerBound, to: range.upperBound, recent: recent)
    }

    private mutating func text<Text: HashedText>(as type: Text.Type) -> Text? {
        guard let (range, escaped) = stringBytes() else { return nil }
        guard !escaped else { return unescapedString(UnsafeRawBufferPointer(rebasing: bytes[range])).map { Text(HashedString($0)) } }
        return plainHashedText(bytes, from: range.lowerBound, to: range.upperBound, recent: recent, as: Text.self)
    }

    /// One of a closed set of words (a role, a source, a status), found by its bytes.
    private mutating func word<Word>(in words: WrittenWords<Word>) -> Word? {
        guard let (word, count) = words.word(at: base + offset, available: end - offset) else { return nil }
        offset += count
        return word
    }

    /// Whether these bytes come next; the offset moves past them when they do. Inlined, so
    /// that each is compared as the constant it is, a word or two at once.
    @inline(__always) private mutating func literal(_ expected: StaticString) -> Bool {
        let count = expected.utf8CodeUnitCount
        guard offset + count <= end, equalBytes(expected.utf8Start, base + offset, count: count) else { return false }
        offset += count
        return true
    }
}

private let roles = WrittenWords<Operator.Role>()
private let sources = WrittenWords<PositionRecord.Source>()
private let statuses = WrittenWords<KeyAction.Status>()

/// The words of a closed set (a role, a source, a status) as the journal writes them, in their
/// quotes: a word read is found by comparing bytes, instead of being made a string and compared
/// with each word's string, which cost as much as the rest of reading a position. A word written
/// with an escape is not found, and the record is read the tape's way.
struct WrittenWords<Word: Sendable>: Sendable {
    /// Every word's bytes, quotes included, one after the other; each word's end and value.
    private let bytes: [UInt8]
    private let words: [(end: Int, value: Word)]

    init() where Word: RawRepresentable & CaseIterable, Word.RawValue == String {
        var (bytes, words): ([UInt8], [(end: Int, value: Word)]) = ([], [])
        for word in Word.allCases {
            bytes += Array("\"\(word.rawValue)\"".utf8)
            words.append((bytes.count, word))
        }
        (self.bytes, self.words) = (bytes, words)
    }

    /// The word whose bytes start at `pointer` (with `available` bytes there), and how many
    /// bytes it takes.
    func word(at pointer: UnsafeRawPointer, available: Int) -> (Word, Int)? {
        bytes.withUnsafeBytes { all in
            var start = 0
            for (end, value) in words {
                let count = end - start
                if count <= available && equalBytes(all.baseAddress! + start, pointer, count: count) { return (value, count) }
                start = end
            }
            return nil
        }
    }
}
