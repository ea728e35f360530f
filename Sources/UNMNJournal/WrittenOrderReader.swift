import UNMNDomain

/// Reads the records a network writes most — a member's position on an item and progress on a
/// key action, nine in ten of a network's records — in one pass over their bytes, in the order
/// the journal writes them, without a tape.
///
/// The journal writes every record the same way (`JournalJSONEncoder`: no spaces, members in
/// sorted order, slashes unescaped), so a reader can expect each member's name, and the
/// punctuation around it, at the very bytes where it comes and compare them as constants; the
/// tape (`JSONTape`), which finds every value of any JSON text first, was half of what reading a
/// record cost. Anything else — another command or event, a member out of order, a space, an
/// escape in a string, a number with a fraction — makes this reader step aside (nil), and the
/// record is read through the tape as before, which also says what is wrong. What this reader
/// accepts is therefore valid JSON that the tape reader reads to the same record; the tests hold
/// it to that on every sample record and on damaged variants of them.
///
/// A value of the reader is made for one record's body and used once.
struct WrittenOrderReader {
    private let bytes: UnsafeRawBufferPointer
    private let base: UnsafeRawPointer
    private let end: Int
    private let recent: RecentValues
    private var offset = 0

    init?(_ bytes: UnsafeRawBufferPointer, recent: RecentValues) {
        guard let base = bytes.baseAddress else { return nil }
        (self.bytes, self.base, end, self.recent) = (bytes, base, bytes.count, recent)
    }

    /// The record, or nil when its body is not one this reader takes (see above).
    mutating func record(sequence: UInt64) -> JournalRecord? {
        guard literal(#"{"batch":{"at":"#), let at = instant() else { return nil }
        var command: Command?
        if literal(#","command":"#) {
            guard let read = self.command() else { return nil }
            command = read
        }
        guard literal(#","events":["#) else { return nil }
        var events: [Event] = []
        if !literal("]") {
            // Most batches hold one event: a list made for it, not grown to it.
            events.reserveCapacity(1)
            repeat {
                guard let event = self.event() else { return nil }
                events.append(event)
            } while literal(",")
            guard literal("]") else { return nil }
        }
        guard literal(#","isUndo":"#), let isUndo = bool() else { return nil }
        var login: String?
        if literal(#","login":"#) {
            guard let read = string() else { return nil }
            login = read
        }
        guard literal(#","operator":{"entity":"#), let entity = text(as: EntityCode.self), literal(#","name":"#),
            let name = string(), literal(#","role":"#), let role = word(in: roles), literal(#"},"summary":"#),
            let summary = string(), literal(#"},"osUser":"#), let osUser = string(), literal("}"), offset == end
        else { return nil }
        // Made where it is kept: a batch made first was copied into the record, then destroyed.
        return JournalRecord(
            sequence: sequence, osUser: osUser,
            batch: EventBatch(
                operator: Operator(name: name, entity: entity, role: role), at: at, events: events, summary: summary, isUndo: isUndo,
                command: command, login: login))
    }

    // MARK: Commands and events

    private mutating func command() -> Command? {
        if literal(#"{"recordPosition":{"#) {
            var position: Position?
            if literal(#""_2":"#) {
                guard let read = self.position(), literal(",") else { return nil }
                position = read
            }
            let basedOn = self.basedOn()
            guard let basedOn, literal(#""entity":"#), let entity = text(as: EntityCode.self), literal(#","item":"#),
                let item = text(as: ItemReference.self), literal(#","source":"#), let source = word(in: sources),
                literal("}}")
            else { return nil }
            return .recordPosition(item: item, entity: entity, position, source: source, basedOn: basedOn)
        }
        if literal(#"{"recordProgress":{"#) {
            guard let basedOn = self.basedOn(), literal(#""code":"#), let code = string(), literal(#","note":"#),
                let note = string(), literal(#","percent":"#), let percent = integer(), literal(#","status":"#),
                let status = word(in: statuses), literal(#","year":"#), let year = integer(), literal("}}")
            else { return nil }
            return .recordProgress(year: year, code: code, percent: percent, status: status, note: note, basedOn: basedOn)
        }
        return nil
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
        return nil
    }

    // MARK: Values

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
    private mutating func integer() -> Int? {
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

    /// Where the string starting at the current offset (at its opening quote) ends: the
    /// bytes inside its quotes. Nil when it has an escape or a control character (the tape
    /// reader resolves or refuses those) or does not end.
    @inline(__always) private mutating func plainStringBytes() -> Range<Int>? {
        guard offset < end, base.load(fromByteOffset: offset, as: UInt8.self) == UInt8(ascii: "\"") else { return nil }
        let start = offset + 1
        var at = start
        while at + 8 <= end {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            let found = JSONTape.firstQuoteBackslashOrControl(word)
            if found != 0 {
                at += found.trailingZeroBitCount / 8
                return closingQuote(at, from: start)
            }
            at += 8
        }
        while at < end {
            let byte = base.load(fromByteOffset: at, as: UInt8.self)
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return closingQuote(at, from: start) }
            at += 1
        }
        return nil
    }

    /// The string's bytes when the byte at `at` (the first quote, backslash or control
    /// character) is its closing quote; the offset moves past it.
    @inline(__always) private mutating func closingQuote(_ at: Int, from start: Int) -> Range<Int>? {
        guard base.load(fromByteOffset: at, as: UInt8.self) == UInt8(ascii: "\"") else { return nil }
        offset = at + 1
        return start..<at
    }

    private mutating func string() -> String? {
        guard let range = plainStringBytes() else { return nil }
        return plainString(bytes, from: range.lowerBound, to: range.upperBound, recent: recent)
    }

    private mutating func text<Text: HashedText>(as type: Text.Type) -> Text? {
        guard let range = plainStringBytes() else { return nil }
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
