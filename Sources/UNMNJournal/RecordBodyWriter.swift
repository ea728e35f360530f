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
struct RecordBodyWriter: ~Copyable {
    private var bytes = ByteSink(capacity: 1024)
    /// Nothing written yet in the object just opened: its first member takes no comma.
    private var atObjectStart = false

    /// The body of a record of `batch`, written by `osUser`.
    static func body(osUser: String, batch: EventBatch) throws -> [UInt8] {
        var writer = RecordBodyWriter()
        try writer.write(batch, osUser: osUser)
        return writer.bytes.written(from: 0)
    }

    /// The record's whole line: `<sequence> <crc32c> <body>` and its newline. The checksum's
    /// place is kept while the body is written after it, then filled in: one buffer, copied once
    /// into the array returned.
    static func line(sequence: UInt64, osUser: String, batch: EventBatch) throws -> [UInt8] {
        var writer = RecordBodyWriter()
        writer.bytes.put(decimal: sequence)
        writer.bytes.put(UInt8(ascii: " "))
        let checksumAt = writer.bytes.count
        writer.bytes.put("00000000 ")
        let bodyAt = writer.bytes.count
        try writer.write(batch, osUser: osUser)
        let checksum = CRC32C.checksum(
            writer.bytes.region(bodyAt..<writer.bytes.count), seed: CRC32C.checksum(writer.bytes.region(0..<checksumAt)))
        writer.bytes.overwrite(hex: checksum, at: checksumAt)
        writer.bytes.put(UInt8(ascii: "\n"))
        return writer.bytes.written(from: 0)
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
        text.withUTF8 { bytes.put(quoted: $0) }
    }

    private mutating func member(_ name: StaticString, _ value: Int) {
        key(name)
        bytes.put(decimal: value)
    }

    private mutating func member(_ name: StaticString, _ value: Int64) {
        key(name)
        bytes.put(decimal: Int(value))
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
        let encoded = try JournalJSONEncoder().encode(value)
        encoded.withUnsafeBufferPointer { bytes.put($0) }
        atObjectStart = false
    }

    private mutating func put(_ literal: StaticString) { bytes.put(literal) }
}

/// Bytes written one piece after another into storage of our own: each piece is a capacity check
/// and a copy. Appending to an array checked its uniqueness and capacity through the standard
/// library for every piece (a record's body is two hundred of them), a fifth of an append's work.
struct ByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room for `more` bytes after those written.
    @inline(__always) private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let grown = max(capacity * 2, count + more)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        (base, capacity) = (larger, grown)
    }

    mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always) mutating func put(_ literal: StaticString) {
        put(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func put(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let start = piece.baseAddress, !piece.isEmpty else { return }
        reserve(piece.count)
        (base + count).initialize(from: start, count: piece.count)
        count += piece.count
    }

    /// `text` (UTF-8) in quotes, escaped as `JSONEncoder` escapes.
    mutating func put(quoted text: UnsafeBufferPointer<UInt8>) {
        // At most every byte as \u00XX, and the quotes.
        reserve(text.count * 6 + 2)
        count = (base + count).distance(to: JournalJSONEncoder.quoted(text, into: base + count)) + count
    }

    /// A whole number in decimal, as `String(_:)` writes it.
    mutating func put(decimal value: Int) {
        if value < 0 { put(UInt8(ascii: "-")) }
        put(decimal: value.magnitude)
    }

    mutating func put(decimal value: UInt) { put(decimal: UInt64(value)) }

    mutating func put(decimal value: UInt64) {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        reserve(digits)
        rest = value
        for place in stride(from: count + digits - 1, through: count, by: -1) {
            base[place] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }

    /// Eight lowercase hexadecimal digits of `value` over those at `offset`.
    mutating func overwrite(hex value: UInt32, at offset: Int) {
        precondition(offset + 8 <= count)
        let digits: StaticString = "0123456789abcdef"
        for place in 0..<8 {
            base[offset + place] = digits.utf8Start[Int((value >> (28 - 4 * UInt32(place))) & 0xF)]
        }
    }

    func region(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// The bytes written from `offset` on, as an array of their own.
    func written(from offset: Int) -> [UInt8] { Array(UnsafeBufferPointer(start: base + offset, count: count - offset)) }
}
