import UNMNDomain

/// Writes a record's JSON body — `{"batch":{…},"osUser":"…"}` — straight into bytes, member by
/// member in the order `JSONEncoder` sorts them, where `JournalJSONEncoder` goes through
/// `Codable`: a keyed container for each object (a boxed generic whose metadata the runtime looks
/// up) and a tree of every value, sorted afterwards. That was two thirds of an append's
/// instructions.
///
/// Written here: the envelope every record has (the batch, its time, its operator) and the
/// commands a network appends most, with their events — a position, progress, a line of minutes,
/// an agenda item, a focal point added. Any other command or event goes through
/// `JournalJSONEncoder`. The tests hold the bytes to `JSONEncoder`'s on every record of the sample
/// network and on random records of each command written here.
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
        key("at")
        instant(batch.at)
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
        key("isUndo")
        bool(batch.isUndo)
        if let login = batch.login {
            key("login")
            string(login)
        }
        key("operator")
        open()
        key("entity")
        string(batch.operator.entity.rawValue)
        key("name")
        string(batch.operator.name)
        key("role")
        string(batch.operator.role.rawValue)
        close()
        key("summary")
        string(batch.summary)
        close()
        key("osUser")
        string(osUser)
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
            if let basedOn {
                key("basedOn")
                integer(basedOn)
            }
            key("entity")
            string(entity.rawValue)
            key("item")
            string(item.rawValue)
            key("source")
            string(source.rawValue)
        case .recordProgress(let year, let code, let percent, let status, let note, let basedOn):
            enumCase("recordProgress")
            if let basedOn {
                key("basedOn")
                integer(basedOn)
            }
            key("code")
            string(code)
            key("note")
            string(note)
            key("percent")
            integer(percent)
            key("status")
            string(status.rawValue)
            key("year")
            integer(year)
        case .writeMinutes(let meeting, let item, let text, let basedOn):
            enumCase("writeMinutes")
            if let basedOn {
                key("basedOn")
                integer(basedOn)
            }
            key("item")
            integer(item)
            key("meeting")
            string(meeting.rawValue)
            key("text")
            string(text)
        case .addAgendaItem(let meeting, let title):
            enumCase("addAgendaItem")
            key("meeting")
            string(meeting.rawValue)
            key("title")
            string(title)
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
            key("at")
            instant(record.at)
            key("entity")
            string(record.entity.rawValue)
            if let position = record.position {
                key("position")
                write(position)
            }
            key("recordedBy")
            string(record.recordedBy)
            key("source")
            string(record.source.rawValue)
            close()
            key("item")
            string(item.rawValue)
        case .progressRecorded(let year, let code, let update):
            enumCase("progressRecorded")
            key("_2")
            open()
            key("by")
            string(update.by)
            key("entity")
            string(update.entity.rawValue)
            key("note")
            string(update.note)
            key("on")
            date(update.on)
            key("percent")
            integer(update.percent)
            key("status")
            string(update.status.rawValue)
            close()
            key("code")
            string(code)
            key("year")
            integer(year)
        case .minutesWritten(let meeting, let item, let text):
            enumCase("minutesWritten")
            key("item")
            integer(item)
            key("meeting")
            string(meeting.rawValue)
            key("text")
            string(text)
        case .agendaItemAdded(let meeting, let title):
            enumCase("agendaItemAdded")
            key("meeting")
            string(meeting.rawValue)
            key("title")
            string(title)
        case .focalPointAdded(let point):
            enumCase("focalPointAdded")
            key("_0")
            write(point)
        case .mailingListChanged(let change):
            enumCase("mailingListChanged")
            key("_0")
            open()
            key("added")
            bool(change.added)
            key("at")
            instant(change.at)
            key("email")
            string(change.email)
            key("focalPointID")
            string(change.focalPointID.rawValue)
            key("name")
            string(change.name)
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
            if let reason {
                key("reason")
                string(reason)
            }
        case .object(let reason):
            enumCase("object")
            key("reason")
            string(reason)
        }
        close()
        close()
    }

    private mutating func write(_ draft: FocalPointDraft) {
        open()
        key("email")
        string(draft.email)
        key("entity")
        string(draft.entity.rawValue)
        if let reason = draft.exceptionReason {
            key("exceptionReason")
            string(reason)
        }
        if let until = draft.exceptionUntil {
            key("exceptionUntil")
            date(until)
        }
        if let familyName = draft.familyName {
            key("familyName")
            string(familyName)
        }
        key("isOnMailingList")
        bool(draft.isOnMailingList)
        if let isRCOFocalPoint = draft.isRCOFocalPoint {
            key("isRCOFocalPoint")
            bool(isRCOFocalPoint)
        }
        key("level")
        string(draft.level.rawValue)
        key("name")
        string(draft.name)
        key("position")
        string(draft.position)
        close()
    }

    private mutating func write(_ point: FocalPoint) {
        open()
        key("email")
        string(point.email)
        if let exception = point.emailException {
            key("emailException")
            open()
            key("reason")
            string(exception.reason)
            if let until = exception.until {
                key("until")
                date(until)
            }
            key("verifiedBy")
            string(exception.verifiedBy)
            close()
        }
        key("entity")
        string(point.entity.rawValue)
        if let familyName = point.familyName {
            key("familyName")
            string(familyName)
        }
        key("id")
        string(point.id.rawValue)
        key("isOnMailingList")
        bool(point.isOnMailingList)
        if let isRCOFocalPoint = point.isRCOFocalPoint {
            key("isRCOFocalPoint")
            bool(isRCOFocalPoint)
        }
        key("level")
        string(point.level.rawValue)
        key("name")
        string(point.name)
        key("position")
        string(point.position)
        if let retiredOn = point.retiredOn {
            key("retiredOn")
            date(retiredOn)
        }
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

    private mutating func instant(_ instant: Instant) {
        open()
        key("secondsSinceEpoch")
        integer(instant.secondsSinceEpoch)
        close()
    }

    private mutating func date(_ date: LocalDate) {
        open()
        key("day")
        integer(date.day)
        key("month")
        integer(date.month)
        key("year")
        integer(date.year)
        close()
    }

    private mutating func bool(_ value: Bool) { put(value ? "true" : "false") }

    private mutating func integer(_ value: some BinaryInteger) { bytes += String(value).utf8 }

    /// A string in quotes, escaped as `JSONEncoder` escapes.
    private mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { JournalJSONEncoder.appendQuoted($0, to: &bytes) }
    }

    /// A value written through `Codable`.
    private mutating func encoded(_ value: some Encodable) throws {
        bytes += try JournalJSONEncoder().encode(value)
        atObjectStart = false
    }

    private mutating func put(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
