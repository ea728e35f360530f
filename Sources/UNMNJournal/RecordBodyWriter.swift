import UNMNDomain

/// Writes a record's JSON body — `{"batch":{…},"osUser":"…"}` — straight into bytes, member by
/// member in the order `JSONEncoder` sorts them, where `JournalJSONEncoder` goes through
/// `Codable`: a keyed container for each object (a boxed generic whose metadata the runtime looks
/// up) and a tree of every value, sorted afterwards. That was more than half of an append's
/// instructions.
///
/// Written here: the envelope every record has (the batch, its time, its operator) and the
/// commands a network appends most, with their events — a position, progress, a line of minutes,
/// an agenda item, a focal point added. Any other command or event goes through
/// `JournalJSONEncoder`. The tests hold the bytes to `JSONEncoder`'s on every record of the sample
/// network and on random records of each command written here, and fail when a type written here
/// gains a stored property: it must then be written here too, or its value would be lost.
struct RecordBodyWriter {
    private(set) var bytes: [UInt8] = []
    /// Nothing written yet in the object just opened: its first member takes no comma.
    private var atObjectStart = false

    /// The body of a record of `batch`, written by `osUser`.
    static func body(osUser: String, batch: EventBatch) throws -> [UInt8] {
        var writer = RecordBodyWriter()
        writer.bytes.reserveCapacity(1024)
        try writer.write(batch, osUser: osUser)
        return writer.bytes
    }

    private mutating func write(_ batch: EventBatch, osUser: String) throws {
        open()
        key("batch")
        open()
        member("at", batch.at)
        if let command = batch.command {
            key("command")
            try write(command)
        }
        key("events")
        put("[")
        for (index, event) in batch.events.enumerated() {
            if index > 0 { put(",") }
            try write(event)
        }
        put("]")
        member("isUndo", batch.isUndo)
        member("login", batch.login)
        key("operator")
        open()
        member("entity", batch.operator.entity.rawValue)
        member("name", batch.operator.name)
        member("role", batch.operator.role.rawValue)
        close()
        member("summary", batch.summary)
        close()
        member("osUser", osUser)
        close()
    }

    // MARK: Commands and events

    private mutating func write(_ command: Command) throws {
        switch command {
        case .recordPosition(let item, let entity, let position, let source, let basedOn):
            enumCase("recordPosition")
            if let position {
                key("_2")
                write(position)
            }
            member("basedOn", basedOn)
            member("entity", entity.rawValue)
            member("item", item.rawValue)
            member("source", source.rawValue)
        case .recordProgress(let year, let code, let percent, let status, let note, let basedOn):
            enumCase("recordProgress")
            member("basedOn", basedOn)
            member("code", code)
            member("note", note)
            member("percent", percent)
            member("status", status.rawValue)
            member("year", year)
        case .writeMinutes(let meeting, let item, let text, let basedOn):
            enumCase("writeMinutes")
            member("basedOn", basedOn)
            member("item", item)
            member("meeting", meeting.rawValue)
            member("text", text)
        case .addAgendaItem(let meeting, let title):
            enumCase("addAgendaItem")
            member("meeting", meeting.rawValue)
            member("title", title)
        case .addFocalPoint(let draft):
            enumCase("addFocalPoint")
            key("_0")
            write(draft)
        default:
            return try encoded(command)
        }
        close()
        close()
    }

    private mutating func write(_ event: Event) throws {
        switch event {
        case .positionRecorded(let item, let record):
            enumCase("positionRecorded")
            key("_1")
            open()
            member("at", record.at)
            member("entity", record.entity.rawValue)
            if let position = record.position {
                key("position")
                write(position)
            }
            member("recordedBy", record.recordedBy)
            member("source", record.source.rawValue)
            close()
            member("item", item.rawValue)
        case .progressRecorded(let year, let code, let update):
            enumCase("progressRecorded")
            key("_2")
            open()
            member("by", update.by)
            member("entity", update.entity.rawValue)
            member("note", update.note)
            member("on", update.on)
            member("percent", update.percent)
            member("status", update.status.rawValue)
            close()
            member("code", code)
            member("year", year)
        case .minutesWritten(let meeting, let item, let text):
            enumCase("minutesWritten")
            member("item", item)
            member("meeting", meeting.rawValue)
            member("text", text)
        case .agendaItemAdded(let meeting, let title):
            enumCase("agendaItemAdded")
            member("meeting", meeting.rawValue)
            member("title", title)
        case .focalPointAdded(let point):
            enumCase("focalPointAdded")
            key("_0")
            write(point)
        case .mailingListChanged(let change):
            enumCase("mailingListChanged")
            key("_0")
            open()
            member("added", change.added)
            member("at", change.at)
            member("email", change.email)
            member("focalPointID", change.focalPointID.rawValue)
            member("name", change.name)
            close()
        default:
            return try encoded(event)
        }
        close()
        close()
    }

    /// `{"agree":{}}`, `{"standAside":{"reason":"…"}}` (or `{}` without one), `{"object":{"reason":"…"}}`.
    private mutating func write(_ position: Position) {
        switch position {
        case .agree:
            enumCase("agree")
        case .standAside(let reason):
            enumCase("standAside")
            member("reason", reason)
        case .object(let reason):
            enumCase("object")
            member("reason", reason)
        }
        close()
        close()
    }

    private mutating func write(_ draft: FocalPointDraft) {
        open()
        member("email", draft.email)
        member("entity", draft.entity.rawValue)
        member("exceptionReason", draft.exceptionReason)
        member("exceptionUntil", draft.exceptionUntil)
        member("familyName", draft.familyName)
        member("isOnMailingList", draft.isOnMailingList)
        member("isRCOFocalPoint", draft.isRCOFocalPoint)
        member("level", draft.level.rawValue)
        member("name", draft.name)
        member("position", draft.position)
        close()
    }

    private mutating func write(_ point: FocalPoint) {
        open()
        member("email", point.email)
        if let exception = point.emailException {
            key("emailException")
            open()
            member("reason", exception.reason)
            member("until", exception.until)
            member("verifiedBy", exception.verifiedBy)
            close()
        }
        member("entity", point.entity.rawValue)
        member("familyName", point.familyName)
        member("id", point.id.rawValue)
        member("isOnMailingList", point.isOnMailingList)
        member("isRCOFocalPoint", point.isRCOFocalPoint)
        member("level", point.level.rawValue)
        member("name", point.name)
        member("position", point.position)
        member("retiredOn", point.retiredOn)
        close()
    }

    // MARK: Values

    /// Opens an enum case's two objects, `{"name":{`, as `Codable` writes a case: its associated
    /// values (by label, or `_0`, `_1`… by place) are the members of the inner one.
    private mutating func enumCase(_ name: StaticString) {
        open()
        key(name)
        open()
    }

    private mutating func open() {
        put("{")
        atObjectStart = true
    }

    private mutating func close() {
        put("}")
        atObjectStart = false
    }

    /// A member's name (and the comma before it, unless it is its object's first).
    private mutating func key(_ name: StaticString) {
        if !atObjectStart { put(",") }
        atObjectStart = false
        put("\"")
        put(name)
        put("\":")
    }

    // A member and its value; an optional one is left out when nil, as `encodeIfPresent` does.

    private mutating func member(_ name: StaticString, _ text: String) {
        key(name)
        var text = text
        text.withUTF8 { JournalJSONEncoder.appendQuoted($0, to: &bytes) }
    }

    private mutating func member(_ name: StaticString, _ value: some BinaryInteger) {
        key(name)
        bytes += String(value).utf8
    }

    private mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        put(value ? "true" : "false")
    }

    /// `{"secondsSinceEpoch":N}`.
    private mutating func member(_ name: StaticString, _ instant: Instant) {
        key(name)
        open()
        member("secondsSinceEpoch", instant.secondsSinceEpoch)
        close()
    }

    /// `{"day":D,"month":M,"year":Y}`.
    private mutating func member(_ name: StaticString, _ date: LocalDate) {
        key(name)
        open()
        member("day", date.day)
        member("month", date.month)
        member("year", date.year)
        close()
    }

    private mutating func member(_ name: StaticString, _ text: String?) { if let text { member(name, text) } }
    private mutating func member(_ name: StaticString, _ value: Int?) { if let value { member(name, value) } }
    private mutating func member(_ name: StaticString, _ value: Bool?) { if let value { member(name, value) } }
    private mutating func member(_ name: StaticString, _ date: LocalDate?) { if let date { member(name, date) } }

    /// A value written through `Codable`.
    private mutating func encoded(_ value: some Encodable) throws {
        bytes += try JournalJSONEncoder().encode(value)
        atObjectStart = false
    }

    private mutating func put(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
