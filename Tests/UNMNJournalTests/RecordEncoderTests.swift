import Foundation
import TestSupport
import Testing
import UNMNDomain

@testable import UNMNJournal

/// The journal's own JSON writer against Foundation's `JSONEncoder` (sorted keys, slashes
/// unescaped): the very same bytes, so a record reads the same whoever wrote it.
@Suite("Writing records without JSONEncoder")
struct RecordEncoderTests {
    @Test("every record of the sample network is written byte for byte as JSONEncoder writes it")
    func sampleRecordsEncodeAlike() throws {
        for (index, batch) in RecordDecoderTests.sampleBatches.enumerated() {
            let body = JournalRecord.Body(osUser: "tester", batch: batch)
            let ours = try JournalJSONEncoder().encode(body)
            let foundation = try RecordDecoderTests.encoded(body)
            #expect(ours == foundation, "record \(index + 1): \(String(decoding: ours, as: UTF8.self))")
            let straight = try RecordBodyWriter.body(osUser: "tester", batch: batch)
            #expect(straight == foundation, "record \(index + 1) written straight: \(String(decoding: straight, as: UTF8.self))")
        }
    }

    @Test("a record with random text in its envelope is written straight as JSONEncoder writes it", arguments: [5, 29, 1991] as [UInt64])
    func randomRecordsWriteAlike(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let batches = RecordDecoderTests.sampleBatches
        for _ in 0..<200 {
            var batch = batches.randomElement(using: &random)!
            let text = { (random: inout SeededGenerator) in RecordDecoderTests.randomText(using: &random) }
            batch.operator = Operator(
                name: text(&random), entity: EntityCode(text(&random)), role: Operator.Role.allCases.randomElement(using: &random)!)
            batch.summary = text(&random)
            batch.login = Bool.random(using: &random) ? text(&random) : nil
            batch.isUndo = Bool.random(using: &random)
            batch.at = Instant(secondsSinceEpoch: Int64.random(in: -9_999_999_999...9_999_999_999, using: &random))
            if Bool.random(using: &random) { batch.command = RecordDecoderTests.randomCommand(using: &random) }
            let osUser = text(&random)
            let straight = try RecordBodyWriter.body(osUser: osUser, batch: batch)
            let foundation = try RecordDecoderTests.encoded(JournalRecord.Body(osUser: osUser, batch: batch))
            #expect(straight == foundation, "\(String(decoding: straight, as: UTF8.self))")
        }
    }

    @Test("a whole state — dictionaries, sets, optionals, nested enums — is written as JSONEncoder writes it")
    func stateEncodesAlike() throws {
        var state = NetworkState(emailPolicy: RecordDecoderTests.policy)
        for batch in RecordDecoderTests.sampleBatches { state.apply(batch) }
        #expect(try JournalJSONEncoder().encode(state) == RecordDecoderTests.encoded(state))
    }

    @Test("random text, names as keys, numbers and budgets are written as JSONEncoder writes them", arguments: [3, 17, 2026] as [UInt64])
    func randomValuesEncodeAlike(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        for _ in 0..<300 {
            let command = RecordDecoderTests.randomCommand(using: &random)
            #expect(try JournalJSONEncoder().encode(command) == RecordDecoderTests.encoded(command))
            // Member names from people's text (a dictionary keyed by name) sort as JSONEncoder sorts them.
            let keyed = Dictionary(
                (0..<6).map { _ in (RecordDecoderTests.randomText(using: &random), Int.random(in: -9...9, using: &random)) }
            ) { first, _ in first }
            let ours = try JournalJSONEncoder().encode(keyed)
            #expect(ours == (try RecordDecoderTests.encoded(keyed)), "\(String(decoding: ours, as: UTF8.self))")
            #expect(try JSONDecoder().decode([String: Int].self, from: Data(ours)) == keyed)
        }
    }

    @Test(
        "positions, progress, minutes, agenda items and focal points with random text and every optional are written straight as JSONEncoder writes them",
        arguments: [7, 41, 2027] as [UInt64])
    func randomCommonRecordsWriteAlike(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        for _ in 0..<300 {
            let (command, events) = Self.randomCommonRecord(using: &random)
            let batch = EventBatch(
                operator: Operator(name: RecordDecoderTests.randomText(using: &random), entity: "IOM", role: .secretariat),
                at: Instant(secondsSinceEpoch: Int64.random(in: 0...2_000_000_000, using: &random)), events: events,
                summary: RecordDecoderTests.randomText(using: &random), command: Bool.random(using: &random) ? command : nil)
            let straight = try RecordBodyWriter.body(osUser: "tester", batch: batch)
            let foundation = try RecordDecoderTests.encoded(JournalRecord.Body(osUser: "tester", batch: batch))
            #expect(straight == foundation, "\(String(decoding: straight, as: UTF8.self))")
        }
    }

    /// A command the body writer writes straight, with events it writes straight (and one it
    /// does not, now and then), every optional set or not at random.
    static func randomCommonRecord(using random: inout SeededGenerator) -> (Command, [Event]) {
        func text(_ random: inout SeededGenerator) -> String { RecordDecoderTests.randomText(using: &random) }
        func maybeText(_ random: inout SeededGenerator) -> String? { Bool.random(using: &random) ? text(&random) : nil }
        func maybe<T>(_ value: T, _ random: inout SeededGenerator) -> T? { Bool.random(using: &random) ? value : nil }
        let date = LocalDate(year: Int.random(in: 1990...2090, using: &random), month: 2, day: Int.random(in: 1...28, using: &random))!
        let at = Instant(secondsSinceEpoch: Int64.random(in: 0...2_000_000_000, using: &random))
        let (item, entity, meeting) = (ItemReference(text(&random)), EntityCode(text(&random)), MeetingReference(text(&random)))
        let basedOn = maybe(Int.random(in: 0...99_999, using: &random), &random)
        let positions: [Position] = [.agree, .standAside(reason: nil), .standAside(reason: text(&random)), .object(reason: text(&random))]
        let position = maybe(positions.randomElement(using: &random)!, &random)
        let source = PositionRecord.Source.allCases.randomElement(using: &random)!
        var extra: [Event] = []
        if Int.random(in: 0..<5, using: &random) == 0 { extra.append(.mailingListRequestSent(at: at)) }
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            let record = PositionRecord(entity: entity, position: position, source: source, recordedBy: text(&random), at: at)
            return (
                .recordPosition(item: item, entity: entity, position, source: source, basedOn: basedOn),
                [.positionRecorded(item: item, record)] + extra
            )
        case 1:
            let (year, code) = (Int.random(in: 2000...2100, using: &random), text(&random))
            let percent = Int.random(in: -5...105, using: &random)
            let status = KeyAction.Status.allCases.randomElement(using: &random)!
            let note = text(&random)
            let update = KeyAction.ProgressUpdate(on: date, by: text(&random), entity: entity, percent: percent, status: status, note: note)
            return (
                .recordProgress(year: year, code: code, percent: percent, status: status, note: note, basedOn: basedOn),
                [.progressRecorded(year: year, code: code, update)] + extra
            )
        case 2:
            let (index, minutes) = (Int.random(in: 0...40, using: &random), text(&random))
            return (
                .writeMinutes(meeting: meeting, item: index, text: minutes, basedOn: basedOn),
                [.minutesWritten(meeting: meeting, item: index, text: minutes)] + extra
            )
        case 3:
            let title = text(&random)
            return (.addAgendaItem(meeting: meeting, title: title), [.agendaItemAdded(meeting: meeting, title: title)] + extra)
        default:
            let level = FocalPoint.Level.allCases.randomElement(using: &random)!
            var draft = FocalPointDraft(
                entity: entity, name: text(&random), position: text(&random), level: level, email: text(&random),
                isOnMailingList: Bool.random(using: &random), exceptionReason: maybeText(&random),
                exceptionUntil: maybe(date, &random), isRCOFocalPoint: Bool.random(using: &random), familyName: maybeText(&random))
            if Bool.random(using: &random) { draft.isRCOFocalPoint = false }
            let exception = maybe(
                FocalPoint.EmailException(reason: text(&random), verifiedBy: text(&random), until: maybe(date, &random)), &random)
            var point = FocalPoint(
                id: FocalPointID(text(&random)), entity: entity, name: draft.name, position: draft.position, level: level,
                email: draft.email, isOnMailingList: draft.isOnMailingList, emailException: exception,
                retiredOn: maybe(date, &random))
            point.familyName = draft.familyName
            point.isRCOFocalPoint = maybe(Bool.random(using: &random), &random)
            let change = MailingListChange(
                focalPointID: point.id, name: point.name, email: point.email, added: Bool.random(using: &random), at: at)
            return (.addFocalPoint(draft), [.focalPointAdded(point), .mailingListChanged(change)] + extra)
        }
    }

    @Test("every type the body writer writes member by member has the stored properties it writes, and no other")
    func writtenTypesHaveNoOtherFields() {
        func fields(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }
        let date = LocalDate(year: 2026, month: 11, day: 30)!
        let at = Instant(secondsSinceEpoch: 0)
        // A field added to one of these is lost in every record written until `RecordBodyWriter` writes it.
        let point = FocalPoint(
            id: "FP-0001", entity: "IOM", name: "A", position: "B", level: .other, email: "a@iom.int", isOnMailingList: true)
        #expect(
            fields(point) == [
                "id", "entity", "name", "position", "level", "email", "isOnMailingList", "emailException", "retiredOn",
                "isRCOFocalPoint", "familyName",
            ])
        #expect(
            fields(FocalPointDraft(entity: "IOM", name: "A", position: "B", level: .other, email: "a@iom.int")) == [
                "entity", "name", "position", "level", "email", "isOnMailingList", "exceptionReason", "exceptionUntil",
                "isRCOFocalPoint", "familyName",
            ])
        #expect(fields(FocalPoint.EmailException(reason: "r", verifiedBy: "v")) == ["reason", "verifiedBy", "until"])
        #expect(
            fields(KeyAction.ProgressUpdate(on: date, by: "A", entity: "IOM", percent: 1, status: .onTrack, note: ""))
                == ["on", "by", "entity", "percent", "status", "note"])
        #expect(
            fields(MailingListChange(focalPointID: "FP-0001", name: "A", email: "a@iom.int", added: true, at: at))
                == ["focalPointID", "name", "email", "added", "at"])
        #expect(fields(Operator(name: "A", entity: "IOM", role: .member)) == ["name", "entity", "role"])
        #expect(
            fields(PositionRecord(entity: "IOM", position: .agree, source: .console, recordedBy: "A", at: at))
                == ["entity", "source", "recordedBy", "at", "answer"])
        #expect(fields(at) == ["secondsSinceEpoch"])
        #expect(fields(date) == ["year", "month", "day"])
        let batch = EventBatch(operator: Operator(name: "A", entity: "IOM", role: .member), at: at, events: [], summary: "")
        #expect(
            fields(batch) == [
                "operator", "at", "isUndo", "hasCommand", "storedCommand", "storedLogin", "hasLogin", "listedEvents", "writtenSummary",
                "summaryFollowsCommand", "eventsFollowCommand",
            ])
    }

    @Test("every ASCII byte, at every place of a string around the eight bytes read at once, is escaped as JSONEncoder escapes it")
    func escapingAtEveryPlace() throws {
        for length in [7, 8, 9, 16, 17] {
            for place in 0..<length {
                for byte in UInt8(0)..<0x80 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[place] = byte
                    let text = String(decoding: bytes, as: UTF8.self)
                    let ours = try JournalJSONEncoder().encode([text])
                    let foundation = try RecordDecoderTests.encoded([text])
                    #expect(ours == foundation, "byte \(byte) at \(place) of \(length)")
                    // As the body writer writes a member's string (the array's brackets aside).
                    var quoted = ByteSink(capacity: 0)
                    bytes.withUnsafeBufferPointer { quoted.put(quoted: $0) }
                    #expect(
                        quoted.written(from: 0) == Array(foundation.dropFirst().dropLast()),
                        "byte \(byte) at \(place) of \(length), straight")
                }
            }
        }
    }

    struct Empty: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct Unwritten<Value: Encodable>: Encodable {
        var value: Value
    }

    @Test("a value that writes nothing is {}, as JSONEncoder writes it; what records never hold is refused")
    func edges() throws {
        #expect(try JournalJSONEncoder().encode(["empty": Empty()]) == Array(#"{"empty":{}}"#.utf8))
        #expect(try JournalJSONEncoder().encode([String?.none, "x"]) == Array(#"[null,"x"]"#.utf8))
        #expect(try JournalJSONEncoder().encode([Int64.min, Int64.max]) == (try RecordDecoderTests.encoded([Int64.min, Int64.max])))
        // The writer sizes its output for the worst case: every byte escaped, every node a null.
        let worst: [[String: String?]] = (0..<300).map { _ in [String(repeating: "\u{1}", count: 40): nil, "\u{0}": "\u{1F}\u{1F}"] }
        #expect(try JournalJSONEncoder().encode(worst) == RecordDecoderTests.encoded(worst))
        #expect(
            try JournalJSONEncoder().encode([Empty?](repeating: nil, count: 500))
                == RecordDecoderTests.encoded([Empty?](repeating: nil, count: 500)))
        #expect(throws: EncodingError.self) { try JournalJSONEncoder().encode(Unwritten(value: 0.5)) }
        #expect(throws: EncodingError.self) { try JournalJSONEncoder().encode(Unwritten(value: Date())) }
        #expect(throws: EncodingError.self) { try JournalJSONEncoder().encode([Data()]) }
    }

    @Test("a record's line is its sequence, the checksum of the two around it, its body and a newline", arguments: [3, 71] as [UInt64])
    func lineFramesTheBody(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        for (index, batch) in RecordDecoderTests.sampleBatches.enumerated() {
            let sequence =
                index == 0 ? UInt64.max : UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random)
            let osUser = RecordDecoderTests.randomText(using: &random)
            let body = try RecordBodyWriter.body(osUser: osUser, batch: batch)
            let prefix = Array("\(sequence) ".utf8)
            let checksum = body.withUnsafeBytes { CRC32C.checksum($0, seed: CRC32C.checksum(prefix)) }
            let expected = prefix + Array(String(format: "%08x", checksum).utf8) + [0x20] + body + [0x0A]
            let line = try JournalRecord(sequence: sequence, osUser: osUser, batch: batch).encodedLine()
            #expect(String(decoding: line, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "record \(index + 1)")
        }
    }

    @Test("the byte sink grows past its first room, writes whole numbers as String does, and escapes as JSONEncoder")
    func byteSink() throws {
        var sink = ByteSink(capacity: 4)
        var expected: [UInt8] = []
        for value in [0, 7, -7, 10, 99, 100, -100, 1_000_000_007, Int.max, Int.min] {
            sink.put(decimal: value)
            sink.put(",")
            expected += Array("\(value),".utf8)
        }
        sink.put(decimal: UInt64.max)
        expected += Array("\(UInt64.max)".utf8)
        let texts = ["", "plain", "quote \" and \\ backslash", "tab\tline\nend\u{1}", "Ўзбекистон 🇺🇿 é"]
        for text in texts {
            var text = text
            text.withUTF8 { sink.put(quoted: $0) }
            expected += try RecordDecoderTests.encoded(text)
        }
        #expect(sink.written(from: 0) == expected)
        #expect(sink.count == expected.count)
        sink.put("ffffffff")
        sink.overwrite(hex: 0x0123_abcd, at: sink.count - 8)
        #expect(sink.written(from: expected.count) == Array("0123abcd".utf8))
    }
}
