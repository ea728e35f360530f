import Foundation
import UNMNDomain

/// The short body of a plain record: a position, a progress or an attendance recorded whose one
/// event follows from its command (`EventBatch.hasPlainEvent`, `eventsArePlain`). Nine records in
/// ten are plain, and their JSON said everything twice (the command, then the event it makes) in
/// about 540 bytes that cost more to read than to apply; this body says it once, in about 120.
///
/// It stays one line of text behind the same frame and checksum (`<sequence> <crc32c> <body>`):
/// `P1`, then tab-separated fields, so `grep` still finds a member, an item or a person in the
/// journal, and `unmn export journal` writes every record as JSON. Fields, in order: when
/// (seconds since 1970), the operator's entity, role and name, the OS user, the login, whether
/// it is an undo (`0`/`1`), the summary (absent when it is the one deciding writes), then the
/// command: `position` item entity position reason source basedOn, `progress` year code
/// percent status note basedOn, or `attendance` meeting entity attendance basedOn and the focal
/// points present. A backslash, tab, line feed or carriage return in a field is written `\\`,
/// `\t`, `\n`, `\r`; an absent value is `\-`. Text with any other control character keeps the
/// JSON body (a PostgreSQL text column cannot hold some of them), as does any record this body
/// could not give back exactly (`encodedLine` checks).
///
/// A version of unmn from before this body finds the record whole and checksummed but unreadable,
/// and says a newer unmn wrote it (read-only, nothing cut): never damage.
enum CompactRecord {
    /// The first byte of a compact body (a JSON body's is `{`).
    static let marker = UInt8(ascii: "P")
    private static let tab: UInt8 = 0x09
    private static let backslash = UInt8(ascii: "\\")
    private static let absent: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "-")]

    // MARK: Writing

    /// The compact body of a plain record, or nil when it keeps the JSON body.
    static func body(osUser: String, batch: EventBatch) -> [UInt8]? {
        guard let command = batch.command, EventBatch.hasPlainEvent(command), batch.eventsArePlain else { return nil }
        var writer = Writer()
        writer.bytes = Array("P1".utf8)
        writer.field(String(batch.at.secondsSinceEpoch))
        writer.field(batch.operator.entity.rawValue)
        writer.field(batch.operator.role.rawValue)
        writer.field(batch.operator.name)
        writer.field(osUser)
        writer.field(batch.login)
        writer.field(batch.isUndo ? "1" : "0")
        writer.field(batch.summary == EventBatch.plainSummary(of: command) ? nil : batch.summary)
        switch command {
        case .recordPosition(let item, let entity, let position, let source, let basedOn):
            writer.field("position")
            writer.field(item.rawValue)
            writer.field(entity.rawValue)
            switch position {
            case nil: writer.field(nil as String?)
            case .agree?: writer.field("agree")
            case .standAside?: writer.field("standAside")
            case .object?: writer.field("object")
            }
            writer.field(position?.reason)
            writer.field(source.rawValue)
            writer.field(basedOn.map(String.init))
        case .recordProgress(let year, let code, let percent, let status, let note, let basedOn):
            writer.field("progress")
            writer.field(String(year))
            writer.field(code)
            writer.field(String(percent))
            writer.field(status.rawValue)
            writer.field(note)
            writer.field(basedOn.map(String.init))
        case .recordAttendance(let meeting, let entity, let attendance, let basedOn):
            writer.field("attendance")
            writer.field(meeting.rawValue)
            writer.field(entity.rawValue)
            switch attendance {
            case nil: writer.field(nil as String?)
            case .present?: writer.field("present")
            case .apologies?: writer.field("apologies")
            case .absent?: writer.field("absent")
            }
            writer.field(basedOn.map(String.init))
            if case .present(let focalPoints)? = attendance {
                for id in focalPoints { writer.field(id.rawValue) }
            }
        default:
            return nil
        }
        return writer.unwritable ? nil : writer.bytes
    }

    private struct Writer {
        var bytes: [UInt8] = []
        /// A field held a control character the body does not write.
        var unwritable = false

        mutating func field(_ text: String?) {
            bytes.append(CompactRecord.tab)
            guard let text else {
                bytes += CompactRecord.absent
                return
            }
            for byte in text.utf8 {
                switch byte {
                case CompactRecord.backslash: bytes += [CompactRecord.backslash, CompactRecord.backslash]
                case 0x09: bytes += [CompactRecord.backslash, UInt8(ascii: "t")]
                case 0x0A: bytes += [CompactRecord.backslash, UInt8(ascii: "n")]
                case 0x0D: bytes += [CompactRecord.backslash, UInt8(ascii: "r")]
                case 0x00..<0x20, 0x7F: unwritable = true
                default: bytes.append(byte)
                }
            }
        }
    }

    // MARK: Reading

    /// The record a compact body holds, or nil when the body is not one this version reads.
    /// `recent` keeps the operator and the short texts read lately, as for JSON bodies.
    static func read(_ body: UnsafeRawBufferPointer, sequence: UInt64, recent: RecentValues? = nil) -> JournalRecord? {
        guard body.count >= 3, body[0] == marker, body[1] == UInt8(ascii: "1"), body[2] == tab else { return nil }
        // A body has fewer fields than bytes: their ends are found in one pass, on the stack.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: body.count) { ends in
            let count = fieldEnds(body, from: 3, into: ends.baseAddress!)
            var reader = Reader(body, ends: ends.baseAddress!, count: count, first: 3, recent: recent)
            return read(&reader, sequence: sequence)
        }
    }

    /// Finds where each field from `start` on ends (the tab after it, or the body's end), eight
    /// bytes at a time, and writes it as `end << 1`, plus 1 when the field holds a backslash.
    /// Returns how many fields there are.
    static func fieldEnds(_ body: UnsafeRawBufferPointer, from start: Int, into ends: UnsafeMutablePointer<Int>) -> Int {
        let base = body.baseAddress!
        let (ones, low7): (UInt64, UInt64) = (0x0101_0101_0101_0101, 0x7F7F_7F7F_7F7F_7F7F)
        /// 0x80 in each byte of `word` that is zero, and in no other.
        func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & low7) &+ low7) | word | low7) }
        var (count, offset, escaped) = (0, start, false)
        while offset + 8 <= body.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            var tabs = zeroBytes(word ^ (ones &* UInt64(tab)))
            var backslashes = zeroBytes(word ^ (ones &* UInt64(backslash)))
            while tabs != 0 {
                let bit = tabs.trailingZeroBitCount
                let before = (UInt64(1) << UInt64(bit)) &- 1
                ends[count] = (offset + bit >> 3) << 1 | (escaped || backslashes & before != 0 ? 1 : 0)
                count += 1
                (escaped, backslashes, tabs) = (false, backslashes & ~before, tabs & (tabs &- 1))
            }
            escaped = escaped || backslashes != 0
            offset += 8
        }
        while offset < body.count {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            if byte == tab {
                ends[count] = offset << 1 | (escaped ? 1 : 0)
                (count, escaped) = (count + 1, false)
            } else if byte == backslash {
                escaped = true
            }
            offset += 1
        }
        ends[count] = body.count << 1 | (escaped ? 1 : 0)
        return count + 1
    }

    private static func read(_ reader: inout Reader, sequence: UInt64) -> JournalRecord? {
        guard let seconds = reader.number(), let op = reader.operatorFields(), let osUser = reader.string(),
            let login = reader.optionalString(), let undo = reader.number(), undo == 0 || undo == 1,
            let summary = reader.optionalString(), let kind = reader.field()
        else { return nil }
        let command: Command
        if reader.same(kind, as: "position") {
            guard let item = reader.text(as: ItemReference.self), let code = reader.text(as: EntityCode.self),
                let position = reader.field(), let reason = reader.optionalString(),
                let source = reader.word(in: sources), let basedOn = reader.optionalNumber(), reader.isAtEnd
            else { return nil }
            let read: Position?
            switch (position, reason) {
            case _ where reader.isAbsent(position) && reason == nil: read = nil
            case _ where reader.same(position, as: "agree") && reason == nil: read = .agree
            case _ where reader.same(position, as: "standAside"): read = .standAside(reason: reason)
            case (_, let reason?) where reader.same(position, as: "object"): read = .object(reason: reason)
            default: return nil
            }
            command = .recordPosition(item: item, entity: code, read, source: source, basedOn: basedOn)
        } else if reader.same(kind, as: "progress") {
            guard let year = reader.number(), let code = reader.string(), let percent = reader.number(),
                let status = reader.word(in: statuses), let note = reader.string(), let basedOn = reader.optionalNumber(),
                reader.isAtEnd
            else { return nil }
            command = .recordProgress(year: year, code: code, percent: percent, status: status, note: note, basedOn: basedOn)
        } else if reader.same(kind, as: "attendance") {
            guard let meeting = reader.text(as: MeetingReference.self), let code = reader.text(as: EntityCode.self),
                let attendance = reader.field(), let basedOn = reader.optionalNumber()
            else { return nil }
            let read: Meeting.Attendance?
            if reader.same(attendance, as: "present") {
                var focalPoints: [FocalPointID] = []
                while !reader.isAtEnd {
                    guard let id = reader.text(as: FocalPointID.self) else { return nil }
                    focalPoints.append(id)
                }
                read = .present(focalPoints: focalPoints)
            } else if reader.same(attendance, as: "apologies") {
                read = .apologies
            } else if reader.same(attendance, as: "absent") {
                read = .absent
            } else if reader.isAbsent(attendance) {
                read = nil
            } else {
                return nil
            }
            guard reader.isAtEnd else { return nil }
            command = .recordAttendance(meeting: meeting, entity: code, read, basedOn: basedOn)
        } else {
            return nil
        }
        guard EventBatch.hasPlainEvent(command), summary != nil || EventBatch.plainSummaryPieces(of: command) != nil else { return nil }
        return JournalRecord(
            sequence: sequence, osUser: osUser,
            batch: EventBatch(
                plainEventOf: command, operator: op, at: Instant(secondsSinceEpoch: Int64(seconds)), summary: summary, isUndo: undo == 1,
                login: login))
    }

    /// Reads a body's fields in order, each where it lies (their ends found first: `fieldEnds`).
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        let ends: UnsafeMutablePointer<Int>
        let count: Int
        /// Where the first field starts.
        let first: Int
        let recent: RecentValues?
        /// The next field's number.
        var index = 0

        init(_ bytes: UnsafeRawBufferPointer, ends: UnsafeMutablePointer<Int>, count: Int, first: Int, recent: RecentValues?) {
            (self.bytes, self.ends, self.count, self.first, self.recent) = (bytes, ends, count, first, recent)
        }

        var isAtEnd: Bool { index == count }

        /// Where the tab before the next field is.
        private var tabBefore: Int { index == 0 ? first - 1 : ends[index - 1] >> 1 }

        /// The next field's bytes, and whether they hold a backslash; nil when no field follows.
        mutating func field() -> (range: Range<Int>, escaped: Bool)? {
            guard index < count else { return nil }
            let (start, end) = (tabBefore + 1, ends[index])
            index += 1
            return (start..<(end >> 1), end & 1 == 1)
        }

        func same(_ field: (range: Range<Int>, escaped: Bool), as word: StaticString) -> Bool {
            !field.escaped && field.range.count == word.utf8CodeUnitCount
                && equalBytes(word.utf8Start, bytes.baseAddress! + field.range.lowerBound, count: field.range.count)
        }

        func isAbsent(_ field: (range: Range<Int>, escaped: Bool)) -> Bool {
            field.escaped && field.range.count == 2 && bytes[field.range.lowerBound + 1] == UInt8(ascii: "-")
        }

        /// The next field as text: nil when there is none, or it is absent or unreadable.
        mutating func string() -> String? { optionalString() ?? nil }

        /// The next field as text, `.some(nil)` when it says the value is absent; nil when there
        /// is none or it is unreadable.
        mutating func optionalString() -> String?? {
            guard let field = field() else { return nil }
            if isAbsent(field) { return .some(nil) }
            guard field.escaped else {
                return plainString(bytes, from: field.range.lowerBound, to: field.range.upperBound, recent: recent).map { .some($0) }
            }
            return unescaped(field.range).map { .some($0) }
        }

        /// An identifier or entity code, with its hash kept (`plainHashedText`).
        mutating func text<Text: HashedText>(as type: Text.Type) -> Text? {
            guard let field = field() else { return nil }
            guard field.escaped else {
                return plainHashedText(bytes, from: field.range.lowerBound, to: field.range.upperBound, recent: recent, as: Text.self)
            }
            return isAbsent(field) ? nil : unescaped(field.range).map { Text(HashedString($0)) }
        }

        /// One of a closed set of words, by its raw value.
        mutating func word<Word>(in words: RawWords<Word>) -> Word? {
            guard let field = field(), !field.escaped else { return nil }
            return words.word(UnsafeRawBufferPointer(rebasing: bytes[field.range]))
        }

        /// The next field as a whole number (digits, after a minus sign for one below zero).
        mutating func number() -> Int? { optionalNumber() ?? nil }

        mutating func optionalNumber() -> Int?? {
            guard let field = field() else { return nil }
            if isAbsent(field) { return .some(nil) }
            var digits = field.range
            let negative = !digits.isEmpty && bytes[digits.lowerBound] == UInt8(ascii: "-")
            if negative { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.count <= 18 else { return nil }
            var value = 0
            for index in digits {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return .some(negative ? -value : value)
        }

        /// The operator's entity, role and name: the last operator read again when the bytes
        /// are the same (the tab after the name included, so that a longer name is not taken for it).
        mutating func operatorFields() -> Operator? {
            let start = tabBefore
            // The bytes kept run from the tab before the entity to the one after the name.
            if let recent, index + 3 < count,
                let (known, written) = recent.operator(at: bytes.baseAddress! + start, available: bytes.count - start),
                start + written - 1 == ends[index + 2] >> 1
            {
                index += 3
                return known
            }
            guard let entity = text(as: EntityCode.self), let role = word(in: roles), let name = string(), tabBefore < bytes.count
            else { return nil }
            let op = Operator(name: name, entity: entity, role: role)
            recent?.remember(operator: op, written: UnsafeRawBufferPointer(rebasing: bytes[start...tabBefore]))
            return op
        }

        /// The text of an escaped field; nil when an escape is not one the body writes.
        private func unescaped(_ range: Range<Int>) -> String? {
            var text: [UInt8] = []
            text.reserveCapacity(range.count)
            var index = range.lowerBound
            while index < range.upperBound {
                guard bytes[index] == CompactRecord.backslash else {
                    text.append(bytes[index])
                    index += 1
                    continue
                }
                guard index + 1 < range.upperBound else { return nil }
                switch bytes[index + 1] {
                case CompactRecord.backslash: text.append(CompactRecord.backslash)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                default: return nil
                }
                index += 2
            }
            return String(validating: text, as: UTF8.self)
        }
    }
}

private let roles = RawWords<Operator.Role>()
private let sources = RawWords<PositionRecord.Source>()
private let statuses = RawWords<KeyAction.Status>()

/// The words of a closed set (its cases' raw values), found by their bytes without making a
/// string of them.
struct RawWords<Word: Sendable>: Sendable {
    private let words: [(bytes: [UInt8], value: Word)]

    init() where Word: RawRepresentable & CaseIterable, Word.RawValue == String {
        words = Word.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    func word(_ bytes: UnsafeRawBufferPointer) -> Word? {
        for (written, value) in words where written.count == bytes.count {
            if written.withUnsafeBytes({ sameBytes($0, bytes) }) { return value }
        }
        return nil
    }
}
