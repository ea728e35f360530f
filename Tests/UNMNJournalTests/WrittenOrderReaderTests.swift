import Foundation
import TestSupport
import Testing
import UNMNDomain

@testable import UNMNJournal

/// The one-pass reader for the commonest records must read a record exactly as the tape reader
/// does, or step aside: never a different value, and never a text that is not JSON.
@Suite("The commonest records, read in the order the journal writes them")
struct WrittenOrderReaderTests {
    /// What the one-pass reader makes of a body, if anything.
    static func written(_ json: [UInt8], recent: RecentValues = RecentValues()) -> JournalRecord.Body? {
        json.withUnsafeBytes { bytes in
            var reader = WrittenOrderReader(bytes, recent: recent)
            return reader.record(sequence: 1).map { JournalRecord.Body(osUser: $0.osUser, batch: $0.batch) }
        }
    }

    /// What the tape reader makes of it (the typed shapes or `Codable`).
    static func tape(_ json: [UInt8]) -> JournalRecord.Body? {
        CommonRecordShapesTests.common(json) ?? CommonRecordShapesTests.general(json)
    }

    /// The sample bodies, and progress on key actions in every status, with and without the
    /// version it was based on, with text a person could type.
    static func bodies() throws -> [[UInt8]] {
        var bodies = try CommonRecordShapesTests.bodies()
        let op = Operator(name: "Гулнора Тошматова", entity: "UNICEF", role: .member)
        for (index, status) in KeyAction.Status.allCases.enumerated() {
            let update = KeyAction.ProgressUpdate(
                on: LocalDate(year: 2026, month: 1 + index, day: 28)!, by: op.name, entity: op.entity, percent: index * 20, status: status,
                note: index == 1 ? "" : "Oʻzbekiston: 🌸 «ў» \(index)")
            let batch = EventBatch(
                operator: op, at: Instant(secondsSinceEpoch: 1_796_000_000 - Int64(index)),
                events: [.progressRecorded(year: 2026, code: "2026-0\(index)", update)], summary: "Progress \(index)", isUndo: false,
                command: .recordProgress(
                    year: 2026, code: "2026-0\(index)", percent: update.percent, status: status, note: update.note,
                    basedOn: index % 2 == 0 ? nil : 10 + index),
                login: index == 2 ? "gulnora" : nil)
            bodies.append(try JournalJSONEncoder().encode(JournalRecord.Body(osUser: "unmn", batch: batch)))
        }
        return bodies
    }

    @Test("every sample record reads as the tape reads it; every record of the kinds this reader takes is read in one pass")
    func sampleRecordsAgree() throws {
        var (positions, progress, others) = (0, 0, 0)
        for body in try Self.bodies() {
            let text = String(decoding: body, as: UTF8.self)
            guard let written = Self.written(body) else {
                let read = try #require(Self.tape(body))
                #expect(!Self.isReadInOnePass(read.batch), "left to the tape: \(text)")
                continue
            }
            #expect(written == Self.tape(body), "\(text)")
            #expect(Self.isReadInOnePass(written.batch), "read a record of another kind: \(text)")
            switch written.batch.command {
            case .recordPosition?: positions += 1
            case .recordProgress?: progress += 1
            default: others += 1
            }
        }
        #expect(positions >= 3 && progress >= 4 && others >= 15)
    }

    /// A record of the kinds this reader takes: a position, progress, attendance, an item opened
    /// (nothing on it yet; not a work plan's endorsement) or closed, an agenda item, minutes
    /// written, finalised or shared, a plan drafted, a key action added (nothing on it yet), and
    /// nothing else (progress that cancels an action also revises the plan: that record goes the
    /// tape's way).
    static func isReadInOnePass(_ batch: EventBatch) -> Bool {
        switch batch.command {
        case .recordPosition?, .recordProgress?, .recordAttendance?, .adoptItem?, .rejectItem?, .withdrawItem?, .addAgendaItem?,
            .writeMinutes?, .finaliseMinutes?, .shareMinutesWithRCO?, .draftWorkPlan?, .addKeyAction?:
            break
        case .openItem(let draft)?: guard draft.kind.category != .workPlanEndorsement else { return false }
        default: return false
        }
        // Amounts written as whole numbers (one with a fraction goes the tape's way).
        if case .addKeyAction(_, let draft, _)? = batch.command,
            !"\(draft.budgetRequired)\(draft.budgetFunded)".allSatisfy(\.isNumber)
        {
            return false
        }
        return batch.events.allSatisfy {
            switch $0 {
            case .positionRecorded, .progressRecorded, .attendanceRecorded, .itemClosed, .agendaItemAdded, .minutesWritten,
                .minutesFinalised, .minutesShared, .workPlanDrafted:
                true
            case .keyActionAdded(_, let action): action.status == .notStarted && action.progress == 0 && action.history.isEmpty
            case .itemOpened(let item):
                item.kind.category != .workPlanEndorsement && item.status == .open && item.positions.isEmpty && item.history.isEmpty
                    && item.closure == nil && item.deferrals.isEmpty && item.consultedActions == nil && item.reopenings == nil
            default: false
            }
        }
    }

    @Test("one reader over many records, in any order, reads each as a fresh one does: what it keeps is used only for the same bytes")
    func keptValuesAreOnlyForTheSameBytes() throws {
        var bodies = try Self.bodies().filter { Self.written($0) != nil }
        let sample = String(decoding: bodies[0], as: UTF8.self)
        for (old, new) in [("UN Women", "UN Wumen"), ("\"agree\"", "\"sgree\""), ("tester", "testes"), ("UNMN/2026/0", "UNMN/2026/9")]
        where sample.contains(old) {
            bodies.append(Array(sample.replacingOccurrences(of: old, with: new).utf8))
        }
        var random = SeededGenerator(state: 3)
        let recent = RecentValues()
        for _ in 0..<1_000 {
            let body = bodies.randomElement(using: &random)!
            #expect(Self.written(body, recent: recent) == Self.tape(body), "\(String(decoding: body, as: UTF8.self))")
        }
    }

    @Test("a damaged body is read as the tape reads it, or left to it", arguments: [5, 64, 2026] as [UInt64])
    func damagedBodiesAgreeOrStepAside(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let eligible = try Self.bodies().filter { Self.written($0) != nil }
        let pool = Array("\"{}[],:a1n \\_-.eE0t9\u{7F}".utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF]
        var (readInOnePass, changedAndRead) = (0, 0)
        for _ in 0..<4_000 {
            let original = eligible.randomElement(using: &random)!
            var body = original
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                body[Int.random(in: 0..<body.count, using: &random)] = pool.randomElement(using: &random)!
            }
            guard let written = Self.written(body) else { continue }
            readInOnePass += 1
            if body != original { changedAndRead += 1 }
            // Read means valid JSON (Foundation parses it) that the tape reader reads alike.
            #expect((try? JSONSerialization.jsonObject(with: Data(body))) != nil, "\(String(decoding: body, as: UTF8.self))")
            #expect(written == Self.tape(body), "\(String(decoding: body, as: UTF8.self))")
        }
        #expect(readInOnePass > 100 && changedAndRead > 50)
    }

    @Test("JSON written another way — spaces, members in another order, escapes, other numbers, text after it — goes the tape's way")
    func otherWritingStepsAside() throws {
        let bodies = try Self.bodies().map { String(decoding: $0, as: UTF8.self) }
        let position = try #require(bodies.first { $0.contains("{\"recordPosition\"") && Self.written(Array($0.utf8)) != nil })
        let progress = try #require(bodies.first { $0.contains("{\"recordProgress\"") && Self.written(Array($0.utf8)) != nil })
        let minutes = try #require(bodies.first { $0.contains("\"basedOn\":4,\"item\":1") && Self.written(Array($0.utf8)) != nil })
        for variant in [
            minutes.replacingOccurrences(of: "\"item\":1", with: "\"item\":1.5"),
            minutes.replacingOccurrences(of: "\"basedOn\":4", with: "\"basedOn\":\"4\""),
            minutes.replacingOccurrences(of: "{\"minutesWritten\":{\"item\"", with: "{\"minutesWritten\":{\"basedOn\":4,\"item\""),
        ] {
            #expect(variant != minutes && Self.written(Array(variant.utf8)) == nil, "\(variant)")
        }
        let variants: [String] = [
            position.replacingOccurrences(of: "\"batch\":{", with: "\"batch\": {"),
            position.replacingOccurrences(of: ",\"osUser\"", with: "\n,\"osUser\""),
            position + " ",
            position + "{}",
            String(position.dropLast()),
            position.replacingOccurrences(of: "\"isUndo\":false", with: "\"isUndo\":0"),
            position.replacingOccurrences(of: "\"summary\":\"", with: "\"summary\":\"\\x"),
            position.replacingOccurrences(of: "\"summary\":\"", with: "\"summary\":\"\\uD800"),
            position.replacingOccurrences(of: "\"secondsSinceEpoch\":", with: "\"secondsSinceEpoch\":0"),
            position.replacingOccurrences(of: "},\"command\"", with: ".0},\"command\""),
            position.replacingOccurrences(of: "},\"command\"", with: "e0},\"command\""),
            position.replacingOccurrences(of: "\"secondsSinceEpoch\":", with: "\"secondsSinceEpoch\":1234567890"),
            String(position.dropLast()) + ",\"extra\":1}",
            position.replacingOccurrences(of: "{\"agree\":{}}", with: "{\"agree\":{},\"object\":{}}"),
            position.replacingOccurrences(of: "\"recordPosition\"", with: "\"recordPositions\""),
            progress.replacingOccurrences(of: "\"percent\":", with: "\"percent\":+"),
            progress.replacingOccurrences(of: "\"code\":\"", with: "\"code\":\"\u{01}"),
            progress.replacingOccurrences(of: "\"on\":{\"day\":", with: "\"on\":{\"year\":2026,\"day\":"),
            progress.replacingOccurrences(of: "\"status\":\"", with: "\"status\":\"x"),
        ]
        let keyAction = try #require(bodies.first { $0.contains("{\"addKeyAction\"") && Self.written(Array($0.utf8)) != nil })
        // A revision's note (the command's, not the event's) is read in one pass, as the tape reads it.
        let revised = try #require(keyAction.range(of: "},\"year\":")).lowerBound
        let withRevision = keyAction.replacingCharacters(
            in: revised..<keyAction.index(revised, offsetBy: 9), with: "},\"revision\":\"Mid-year: \\\"new\\\" donor\",\"year\":")
        let read = try #require(Self.written(Array(withRevision.utf8)), "\(withRevision)")
        #expect(read == Self.tape(Array(withRevision.utf8)))
        if case .addKeyAction(_, _, let revision)? = read.batch.command { #expect(revision == "Mid-year: \"new\" donor") }
        for variant in [
            keyAction.replacingOccurrences(of: "\"budgetFunded\":", with: "\"budgetFunded\":0.5"),
            keyAction.replacingOccurrences(of: "\"progress\":0", with: "\"progress\":5"),
            keyAction.replacingOccurrences(of: "\"status\":\"not started\"", with: "\"status\":\"on track\""),
            keyAction.replacingOccurrences(of: "\"history\":[]", with: "\"history\":[{}]"),
        ] {
            #expect(variant != keyAction && Self.written(Array(variant.utf8)) == nil, "\(variant)")
        }
        // Escapes JSON defines are read, as the tape reads them, even those the journal never writes.
        let escaped = position.replacingOccurrences(of: "\"summary\":\"", with: "\"summary\":\"\\u0041\\/\\ud83c\\udf38\\\"")
        #expect(Self.written(Array(escaped.utf8))?.batch.summary.hasPrefix("A/🌸\"") == true)
        #expect(Self.written(Array(escaped.utf8)) == Self.tape(Array(escaped.utf8)))
        for variant in variants {
            #expect(variant != position && variant != progress, "the variant changed nothing: \(variant)")
            #expect(Self.written(Array(variant.utf8)) == nil, "\(variant)")
        }
    }

    @Test(
        "a position's, progress's or attendance's event is compared with its command where it is written: read alike, plain only when it is"
    )
    func plainEventsAreComparedWhereWritten() throws {
        let op = Operator(name: "Гулнора «Тошматова»", entity: "UNICEF", role: .member)
        let other = Operator(name: "Гулнора «Тошматова» ", entity: "ILO", role: .member)
        let at = Instant(secondsSinceEpoch: 1_796_000_000)
        let item: ItemReference = "UNMN/2026/004"
        func position(_ reason: String?, source: PositionRecord.Source = .email) -> Command {
            .recordPosition(item: item, entity: "ILO", reason.map { .object(reason: $0) }, source: source, basedOn: 7)
        }
        func positionEvent(_ reason: String?, entity: EntityCode = "ILO", by name: String? = nil, at when: Instant? = nil) -> Event {
            .positionRecorded(
                item: item,
                PositionRecord(
                    entity: entity, position: reason.map { .object(reason: $0) }, source: .email, recordedBy: name ?? op.name,
                    at: when ?? at))
        }
        let progress = Command.recordProgress(
            year: 2026, code: "2026-03", percent: 40, status: .onTrack, note: "Oʻzbekiston 🌸", basedOn: nil)
        func progressEvent(
            percent: Int = 40, status: KeyAction.Status = .onTrack, note: String = "Oʻzbekiston 🌸", by recorder: Operator? = nil,
            code: String = "2026-03", year: Int = 2026, on day: LocalDate? = nil
        ) -> Event {
            let by = recorder ?? op
            return .progressRecorded(
                year: year, code: code,
                KeyAction.ProgressUpdate(
                    on: day ?? at.tashkentDate, by: by.name, entity: by.entity, percent: percent, status: status, note: note))
        }
        func attendance(_ attendance: Meeting.Attendance?) -> Command {
            .recordAttendance(meeting: "MTG/2026/01", entity: "ILO", attendance, basedOn: attendance == nil ? 4 : nil)
        }
        func attended(_ attendance: Meeting.Attendance?, entity: EntityCode = "ILO", meeting: MeetingReference = "MTG/2026/01") -> Event {
            .attendanceRecorded(meeting: meeting, entity: entity, attendance)
        }
        let cases: [(command: Command, events: [Event], isUndo: Bool)] = [
            (position("not yet"), [positionEvent("not yet")], false),
            (position(nil), [positionEvent(nil)], false),
            (position(" not yet "), [positionEvent("not yet")], false),
            (position(" not yet "), [positionEvent(" not yet ")], false),
            (position("not yet"), [positionEvent("not now")], false),
            (position("not yet"), [positionEvent(nil)], false),
            (position(nil), [positionEvent("not yet")], false),
            (position("not yet"), [positionEvent("not yet", entity: "IOM")], false),
            (position("not yet"), [positionEvent("not yet", by: other.name)], false),
            (position("not yet"), [positionEvent("not yet", at: Instant(secondsSinceEpoch: 1))], false),
            (position("not yet", source: .phone), [positionEvent("not yet")], false),
            (position("not yet"), [positionEvent("not yet"), positionEvent("not yet")], false),
            (position("not yet"), [], false),
            (position("not yet"), [positionEvent("not yet")], true),
            (progress, [progressEvent()], false),
            (progress, [progressEvent(percent: 41)], false),
            (progress, [progressEvent(status: .delayed)], false),
            (progress, [progressEvent(note: "Oʻzbekiston")], false),
            (progress, [progressEvent(by: other)], false),
            (progress, [progressEvent(by: Operator(name: op.name, entity: "ILO", role: .member))], false),
            (progress, [progressEvent(code: "2026-04")], false),
            (progress, [progressEvent(year: 2027)], false),
            (progress, [progressEvent(on: LocalDate(year: 2026, month: 1, day: 1)!)], false),
            (progress, [progressEvent(), progressEvent()], false),
            (
                .recordProgress(year: 2026, code: "2026-03", percent: 40, status: .cancelled, note: "", basedOn: nil),
                [progressEvent(status: .cancelled, note: "")], false
            ),
            (attendance(.present(focalPoints: ["FP-ILO-1"])), [attended(.present(focalPoints: ["FP-ILO-1"]))], false),
            (attendance(nil), [attended(nil)], false),
            (attendance(.absent), [attended(.apologies)], false),
            (attendance(.absent), [attended(.absent, entity: "IOM")], false),
            (attendance(.absent), [attended(.absent, meeting: "MTG/2026/02")], false),
            (attendance(.absent), [attended(nil)], false),
        ]
        var plain = 0
        for (command, events, isUndo) in cases {
            let batch = EventBatch(operator: op, at: at, events: events, summary: "Recorded", isUndo: isUndo, command: command)
            let body = try JournalJSONEncoder().encode(JournalRecord.Body(osUser: "unmn", batch: batch))
            let text = String(decoding: body, as: UTF8.self)
            let (written, comparedPlain) = try #require(
                body.withUnsafeBytes { bytes -> (JournalRecord, Bool)? in
                    var reader = WrittenOrderReader(bytes, recent: RecentValues())
                    return reader.record(sequence: 1).map { ($0, reader.eventsArePlain) }
                }, "\(text)")
            #expect(written.batch == batch, "\(text)")
            #expect(JournalRecord.Body(osUser: written.osUser, batch: written.batch) == Self.tape(body), "\(text)")
            // Found plain by its bytes only when it is; what reading says in the end is the values' answer.
            #expect(!comparedPlain || batch.eventsArePlain, "\(text)")
            let read = try body.withUnsafeBytes { try JournalJSONDecoder().readRecord(from: $0, sequence: 1) }
            #expect(read.eventsArePlain == batch.eventsArePlain, "\(text)")
            if comparedPlain { plain += 1 }
        }
        // The position as written (and marked an undo: verifying refuses that), the withdrawal,
        // progress, attendance present and withdrawn: compared where they lie. A reason trimmed
        // (plain, but not byte for byte) is compared as values.
        #expect(plain == 6)
    }

    @Test("a plain record's summary is compared with the one deciding writes where it lies: not kept when it is, kept when not")
    func plainSummariesAreComparedWhereWritten() throws {
        let op = Operator(name: "Гулнора Тошматова", entity: "UNICEF", role: .member)
        let at = Instant(secondsSinceEpoch: 1_796_000_000)
        let commands: [Command] = [
            .recordPosition(item: "UNMN/2026/004", entity: "ILO", .agree, source: .email),
            .recordPosition(item: "UNMN/2026/004", entity: "ILO", .standAside(reason: "Mandate"), source: .email, basedOn: 2),
            .recordPosition(item: "UNMN/2026/004", entity: "ILO", .object(reason: "Not yet"), source: .phone),
            .recordPosition(item: "UNMN/2026/004", entity: "ILO", nil, source: .console),
            .recordProgress(year: 2026, code: "2026-03", percent: 40, status: .atRisk, note: "🌸"),
            .recordProgress(year: 2026, code: "2026-03", percent: 100, status: .completed, note: ""),
        ]
        var followed = 0
        for command in commands {
            let decided = try #require(EventBatch.plainSummary(of: command))
            let event = try #require(
                EventBatch(plainEventOf: command, operator: op, at: at, summary: "", isUndo: false).plainEvent)
            // The summary deciding writes, then others: another word, a space more, older words, escapes.
            for summary in [
                decided, decided + " ", " " + decided, decided.replacingOccurrences(of: "Recorded", with: "Noted"),
                decided.replacingOccurrences(of: ": ", with: ":"), String(decided.dropLast()), decided + "\"", "Recorded",
            ] {
                let batch = EventBatch(operator: op, at: at, events: [event], summary: summary, command: command)
                let body = try JournalJSONEncoder().encode(JournalRecord.Body(osUser: "unmn", batch: batch))
                let written = try #require(Self.written(body), "\(summary)")
                #expect(written.batch == batch && written.batch.summary == summary, "\(summary)")
                #expect(written == Self.tape(body), "\(summary)")
                #expect(written.batch.summaryFollowsCommand == (summary == decided), "\(summary)")
                if written.batch.summaryFollowsCommand { followed += 1 }
            }
        }
        #expect(followed == commands.count)
    }

    @Test("bytes compare equal exactly when every one of them is: each length to 40, a difference at each place")
    func equalBytesComparesEveryByte() {
        let bytes = (0..<48).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for count in 0...40 {
            for start in [0, 3] {
                var other = bytes
                #expect(
                    bytes.withUnsafeBytes { a in
                        other.withUnsafeBytes { equalBytes(a.baseAddress! + start, $0.baseAddress! + start, count: count) }
                    })
                for place in start..<(start + count) {
                    other = bytes
                    other[place] ^= 0x40
                    #expect(
                        !bytes.withUnsafeBytes { a in
                            other.withUnsafeBytes { equalBytes(a.baseAddress! + start, $0.baseAddress! + start, count: count) }
                        }, "\(count) \(place)")
                }
                // A difference just past the end is not looked at.
                other = bytes
                other[start + count] ^= 0x40
                #expect(
                    bytes.withUnsafeBytes { a in
                        other.withUnsafeBytes { equalBytes(a.baseAddress! + start, $0.baseAddress! + start, count: count) }
                    })
            }
        }
    }

    @Test("each word of a closed set is found by its bytes in quotes, and only then: not a prefix, not without its quotes")
    func wordsAreFoundByTheirBytes() {
        func found<Word>(_ text: String, in words: WrittenWords<Word>) -> (Word, Int)? {
            Array(text.utf8).withUnsafeBytes { words.word(at: $0.baseAddress!, available: $0.count) }
        }
        let statuses = WrittenWords<KeyAction.Status>()
        for status in KeyAction.Status.allCases {
            let quoted = "\"\(status.rawValue)\""
            #expect(found(quoted + ",\"year\":1}", in: statuses).map { $0.0 == status && $0.1 == quoted.utf8.count } == true)
            #expect(found(String(quoted.dropLast()), in: statuses) == nil)
            #expect(found(String(quoted.dropLast()) + "x\"", in: statuses) == nil)
            #expect(found(status.rawValue, in: statuses) == nil)
        }
        let roles = WrittenWords<Operator.Role>()
        #expect(Operator.Role.allCases.allSatisfy { role in found("\"\(role.rawValue)\"}", in: roles)?.0 == role })
        let sources = WrittenWords<PositionRecord.Source>()
        #expect(PositionRecord.Source.allCases.allSatisfy { source in found("\"\(source.rawValue)\"", in: sources)?.0 == source })
        #expect(found("\"\"", in: sources) == nil)
    }

    @Test("a journal written by the release of 2026-11-29 reads record by record as the tape reads it")
    func releaseJournalReadsAlike() throws {
        let recent = RecentValues()
        var readInOnePass = 0
        for line in try Data(contentsOf: RecordDecoderTests.fixture).split(separator: 0x0A) {
            let body = Array(line.drop { $0 != 0x20 }.dropFirst().drop { $0 != 0x20 }.dropFirst())
            guard let written = Self.written(body, recent: recent) else { continue }
            readInOnePass += 1
            #expect(written == Self.tape(body))
        }
        // Its positions and progress (84 and 35 of its 370 records) but those with an escape.
        #expect(readInOnePass > 100)
    }
}

extension WrittenOrderReader {
    /// The record, or nil when its body is not one this reader takes.
    mutating func record(sequence: UInt64) -> JournalRecord? {
        let slot = UnsafeMutablePointer<JournalRecord>.allocate(capacity: 1)
        defer { slot.deallocate() }
        return record(sequence: sequence, into: slot) ? slot.move() : nil
    }
}
