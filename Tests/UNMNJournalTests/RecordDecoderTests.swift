import Foundation
import TestSupport
import Testing
import UNMNDomain
import UNMNResources

@testable import UNMNJournal

/// The journal's own JSON reader against Foundation's: the same values from the same bytes, for
/// every record of the sample network, random text, whole states (snapshots) and a journal
/// written by the release before it.
@Suite("Reading records without JSONDecoder")
struct RecordDecoderTests {
    static let entities = try! AnnexI.parse(ShippedData.annexIMembers)
    static let policy = EmailPolicy.parse(ShippedData.corporateEmailDomains)
    static let sampleBatches = try! SampleNetwork.batches(entities: entities, emailPolicy: policy)

    static func encoded<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test("every record of the sample network decodes to what JSONDecoder gives")
    func sampleRecordsDecodeAlike() throws {
        let reader = JournalJSONDecoder()
        for (index, batch) in Self.sampleBatches.enumerated() {
            let body = JournalRecord.Body(osUser: "tester", batch: batch)
            let json = try Self.encoded(body)
            let fast = try reader.decode(JournalRecord.Body.self, from: json)
            let foundation = try JSONDecoder().decode(JournalRecord.Body.self, from: Data(json))
            #expect(fast.batch == foundation.batch, "record \(index + 1)")
            #expect(fast.batch == batch, "record \(index + 1)")
        }
    }

    @Test("a whole state (the snapshot's content) decodes to what JSONDecoder gives")
    func stateDecodesAlike() throws {
        var state = NetworkState(emailPolicy: Self.policy)
        for batch in Self.sampleBatches { state.apply(batch) }
        let json = try Self.encoded(state)
        let fast = try JournalJSONDecoder().decode(NetworkState.self, from: json)
        #expect(fast == state)
        #expect(fast == (try JSONDecoder().decode(NetworkState.self, from: Data(json))))
    }

    /// Text a person could type, and text nobody would: quotes, backslashes, controls, emoji,
    /// combining accents, Uzbek Cyrillic and Latin, scalars beyond the BMP.
    static func randomText(using random: inout SeededGenerator) -> String {
        let pool: [Unicode.Scalar] = [
            "a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "ʻ", "Ў", "ғ", "é", "\u{301}", "€", "\u{2028}",
            "\u{FEFF}", "🌸", "👩", "\u{200D}", "💻", "\u{10FFFF}", "\u{E000}",
        ]
        let count = Int.random(in: 0...24, using: &random)
        return String(String.UnicodeScalarView((0..<count).map { _ in pool.randomElement(using: &random)! }))
    }

    /// A key action added with random text, budget, year and objectives.
    static func randomCommand(using random: inout SeededGenerator) -> Command {
        let text = randomText(using: &random)
        let budget =
            Decimal(Int.random(in: -1_000_000...1_000_000_000, using: &random)) / Decimal(Int.random(in: 1...1000, using: &random))
        let draft = KeyActionDraft(
            code: text, title: randomText(using: &random), lead: EntityCode(text),
            starts: LocalDate(year: 2026, month: 1, day: 1)!, ends: LocalDate(year: 2026, month: 12, day: 31)!,
            budgetRequired: budget, budgetFunded: Decimal(Int.random(in: 0...2_000, using: &random)),
            gcmObjectives: Set((0..<Int.random(in: 0...5, using: &random)).map { _ in Int.random(in: 1...23, using: &random) }))
        return .addKeyAction(year: Int.random(in: Int.min...Int.max, using: &random), draft)
    }

    @Test("random text, numbers and budgets decode to what JSONDecoder gives", arguments: [1, 29, 2026] as [UInt64])
    func randomValuesDecodeAlike(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let reader = JournalJSONDecoder()
        for _ in 0..<300 {
            let command = Self.randomCommand(using: &random)
            let json = try Self.encoded(command)
            let fast = try reader.decode(Command.self, from: json)
            #expect(fast == (try JSONDecoder().decode(Command.self, from: Data(json))), "\(String(decoding: json, as: UTF8.self))")
            #expect(fast == command)
        }
    }

    @Test("the leaves read straight from the tape read as JSONDecoder reads them: positions, sources, instants, dates, identifiers")
    func leavesDecodeAlike() throws {
        let positions: [Position?] = [
            .agree, .standAside(reason: nil), .standAside(reason: "headquarters \"consulting\"\n"), .object(reason: "cite C97 ✓"), nil,
        ]
        let records = positions.enumerated().map { index, position in
            PositionRecord(
                entity: index % 2 == 0 ? "UN Women" : "ILO", position: position, source: PositionRecord.Source.allCases[index % 4],
                recordedBy: "Oʻgʻiloy", at: Instant(secondsSinceEpoch: Int64(index) * 86_399 - 5))
        }
        let json = try Self.encoded(records)
        #expect(try JournalJSONDecoder().decode([PositionRecord].self, from: json) == records)
        #expect(
            try JournalJSONDecoder().decode([PositionRecord].self, from: json)
                == JSONDecoder().decode([PositionRecord].self, from: Data(json)))
        let dates = [LocalDate(year: 2024, month: 2, day: 29)!, LocalDate(year: 1969, month: 12, day: 31)!]
        #expect(try JournalJSONDecoder().decode([LocalDate].self, from: try Self.encoded(dates)) == dates)
        let references: [ItemReference] = ["UNMN/2026/007", ""]
        #expect(try JournalJSONDecoder().decode([ItemReference].self, from: try Self.encoded(references)) == references)
        // A shape the fast path does not know goes the general way, and fails as JSONDecoder fails.
        for text in [#"{"agree":{},"object":{"reason":"x"}}"#, #"{"object":{}}"#, #"{"maybe":{}}"#, #"{"agree":1}"#] {
            #expect(throws: (any Error).self) { try JournalJSONDecoder().decode(Position.self, from: Array(text.utf8)) }
            #expect(throws: (any Error).self) { try JSONDecoder().decode(Position.self, from: Data(text.utf8)) }
        }
    }

    @Test("a string that is not UTF-8 is refused, as JSONDecoder refuses it; UTF-8 of every length is read")
    func invalidUTF8IsRefused() throws {
        let invalid: [[UInt8]] = [[0xFF], [0xF0, 0x90, 0x80, 0x41], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x41, 0xE2, 0x82], [0x80]]
        for bytes in invalid {
            let json = [0x5B, 0x22] + bytes + [0x22, 0x5D]
            #expect(throws: (any Error).self) { try JournalJSONDecoder().decode([String].self, from: json) }
            #expect(throws: (any Error).self) { try JSONDecoder().decode([String].self, from: Data(json)) }
        }
        let valid = ["", "a", "Ўзбекистон", "€", "🌸", "\u{FFFD}", String(repeating: "ʻ", count: 40)]
        let json = try Self.encoded(valid)
        #expect(try JournalJSONDecoder().decode([String].self, from: json) == valid)
    }

    @Test("eight bytes at once find the first quote, backslash or control character as a byte-by-byte look does, in any place")
    func wordCheckMatchesBytes() {
        let interesting: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE2, 0xFF]
        var random = SeededGenerator(state: 8)
        for round in 0..<50_000 {
            let bytes = (0..<8).map { _ in
                round % 2 == 0 ? interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            let word = UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
            let found = JSONTape.firstQuoteBackslashOrControl(word)
            let oneByOne = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
            #expect((found == 0 ? nil : found.trailingZeroBitCount / 8) == oneByOne, "\(bytes)")
        }
    }

    @Test("short texts are the same words and length exactly when they are the same bytes, at any place in any text")
    func shortTextsAreTheirBytes() {
        var random = SeededGenerator(state: 33)
        let pool: [UInt8] = [0x00, 0x41, 0x42, 0x61, 0x80, 0xFF]
        for _ in 0..<20_000 {
            // Texts from a small pool, so that equal ones are common, at offsets from the very start
            // (where a short text cannot be read with the bytes before it) to well inside.
            let (first, second) = (0..<Int.random(in: 0...34, using: &random), 0..<Int.random(in: 0...34, using: &random))
            let one = first.map { _ in pool.randomElement(using: &random)! }
            let other = Bool.random(using: &random) ? one : second.map { _ in pool.randomElement(using: &random)! }
            let (oneAt, otherAt) = (Int.random(in: 0...9, using: &random), Int.random(in: 0...9, using: &random))
            let oneText = (Array(repeating: UInt8(0x7A), count: oneAt) + one + [0x7B]).withUnsafeBytes {
                ShortText($0, at: oneAt, count: one.count)
            }
            let otherText = (Array(repeating: UInt8(0x5A), count: otherAt) + other + [0x5B]).withUnsafeBytes {
                ShortText($0, at: otherAt, count: other.count)
            }
            #expect((oneText == nil) == (one.count > 32))
            if let oneText, let otherText { #expect((oneText == otherText) == (one == other), "\(one) \(other)") }
        }
    }

    @Test("one reader reading many short strings, again and again and in one slot of its table, reads what JSONDecoder reads")
    func keptStringsReadAlike() throws {
        var random = SeededGenerator(state: 1991)
        let words =
            ["UNDP", "UN Women", "Ўзбек", "Oʻzbekiston", "🌸", "", "a", "UNMN/2026/004", "Dilnoza Yusupova-Karimova"]
            + (0..<600).map { "MTG/\($0)" } + (0..<40).map { String(repeating: "x", count: $0) }
        let reader = JournalJSONDecoder()
        for _ in 0..<3_000 {
            let texts = (0..<Int.random(in: 1...6, using: &random)).map { _ in words.randomElement(using: &random)! }
            // No space or one, so the first string starts at the text's second or third byte.
            let json = Array((Bool.random(using: &random) ? " " : "").utf8) + (try Self.encoded(texts))
            #expect(try reader.decode([String].self, from: json) == texts)
        }
    }

    @Test("random bytes inside quotes, across eight-byte boundaries, are read or refused as JSONDecoder reads or refuses them")
    func randomStringBytesAgree() throws {
        let pool: [UInt8] = [
            0x00, 0x09, 0x0A, 0x1F, 0x20, 0x22, 0x2F, 0x30, 0x41, 0x5C, 0x62, 0x6E, 0x75, 0x7F, 0x80, 0xC3, 0xA9, 0xD0, 0x8E, 0xF0, 0x9F,
        ]
        var random = SeededGenerator(state: 2026)
        var agreedValues = 0
        for _ in 0..<4_000 {
            let count = Int.random(in: 0...40, using: &random)
            // Mostly plain letters, so that quotes and escapes fall at every offset of a word.
            let inside = (0..<count).map { _ in
                Int.random(in: 0..<4, using: &random) == 0
                    ? pool.randomElement(using: &random)! : UInt8.random(in: 0x61...0x7A, using: &random)
            }
            let json = Array("[\"".utf8) + inside + Array("\"]".utf8)
            let ours = try? JournalJSONDecoder().decode([String].self, from: json)
            let foundations = try? JSONDecoder().decode([String].self, from: Data(json))
            #expect(ours == foundations, "\(inside)")
            if ours != nil { agreedValues += 1 }
        }
        // Both outcomes were tried, many times each.
        #expect(agreedValues > 500 && agreedValues < 3_500)
    }

    @Test("escapes JSONEncoder never writes still read as JSON defines them")
    func foreignEscapes() throws {
        let json = Array(#"["\u00e9\ud83c\udf38\/\b\f", "plain", "\u0000"]"#.utf8)
        #expect(try JournalJSONDecoder().decode([String].self, from: json) == ["é🌸/\u{8}\u{C}", "plain", "\u{0}"])
    }

    @Test(
        "text that is not strict JSON is refused, never half-read",
        arguments: [
            "", "{", "[1,]", "{\"a\":1,}", "01", "-", "1.", "1e", "\"tab\there\"", "\"\\x\"", "\"\\ud83c\"", "[1] 2", "nul", "{\"a\" 1}",
            "\"\u{7}\"", "[\"\\u12\"]", String(repeating: "[", count: 100_000),
        ])
    func malformedIsRefused(text: String) {
        #expect(throws: (any Error).self) { try JournalJSONDecoder().decode([Int].self, from: Array(text.utf8)) }
    }

    @Test("one reader reads a small text, one far larger, then a small one again: the tape's room grows and is reused")
    func tapeGrowsAndIsReused() throws {
        let reader = JournalJSONDecoder()
        let large = Array(0..<100_000)
        #expect(try reader.decode([Int].self, from: Array("[1]".utf8)) == [1])
        #expect(try reader.decode([Int].self, from: try JSONEncoder().encode(large).map { $0 }) == large)
        #expect(try reader.decode([[Int]].self, from: Array("[[],[2]]".utf8)) == [[], [2]])
    }

    static let densest: [String] = {
        func list(_ element: String, _ count: Int) -> String { "[" + Array(repeating: element, count: count).joined(separator: ",") + "]" }
        let deepest = String(repeating: "[", count: 255) + String(repeating: "]", count: 255)
        return [list("1", 4_097), deepest, list("[]", 3_001), list("{}", 3_001), list("\"\"", 3_001), list("{\"\":0}", 999), "7"]
    }()

    @Test("the densest texts, a node for every two bytes, fit the tape's room and read as Foundation parses them", arguments: densest)
    func densestTexts(text: String) throws {
        let expected = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        let read = try JournalJSONDecoder().decode(JSONValue.self, from: Array(text.utf8))
        #expect(read == JSONValue(expected))
    }

    @Test("a whole-number amount reads as the Decimal its text makes, to the bit; others as Decimal(string:) reads them")
    func decimals() throws {
        let texts = ["15000", "-250", "0", "-0", "7", "100", "123456789012345678", "1234567890123456789", "1.5", "-0.25", "1e3", "2E-2"]
        let read = try JournalJSONDecoder().decode([Decimal].self, from: Array("[\(texts.joined(separator: ","))]".utf8))
        for (text, value) in zip(texts, read) {
            var (ours, theirs) = (value, Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!)
            #expect(value == theirs, "\(text)")
            #expect(withUnsafeBytes(of: &ours) { Array($0) } == withUnsafeBytes(of: &theirs) { Array($0) }, "\(text)")
        }
    }

    @Test("numbers out of range or of the wrong kind are refused, as JSONDecoder refuses them")
    func numbersAreChecked() throws {
        let reader = JournalJSONDecoder()
        #expect(
            try reader.decode([Int].self, from: Array("[-9223372036854775808, 9223372036854775807, 1.0, 2e3]".utf8)) == [
                Int.min, Int.max, 1, 2000,
            ])
        #expect(throws: (any Error).self) { try reader.decode([Int].self, from: Array("[9223372036854775808]".utf8)) }
        #expect(throws: (any Error).self) { try reader.decode([UInt64].self, from: Array("[-1]".utf8)) }
        #expect(throws: (any Error).self) { try reader.decode([Int].self, from: Array("[1.5]".utf8)) }
        #expect(throws: (any Error).self) { try reader.decode([String].self, from: Array("[1]".utf8)) }
        #expect(throws: (any Error).self) { try reader.decode([Bool].self, from: Array("[null]".utf8)) }
        #expect(try reader.decode([Int?].self, from: Array("[null, 3]".utf8)) == [nil, 3])
    }

    @Test("an unknown event (a newer unmn's) fails to decode, as it must, so the scan calls it newer")
    func unknownCaseFails() throws {
        var json = try Self.encoded(JournalRecord.Body(osUser: "tester", batch: Self.sampleBatches[1]))
        let text = String(decoding: json, as: UTF8.self)
        let renamed = text.replacingOccurrences(of: "\"events\":[{\"", with: "\"events\":[{\"eventFromTheFuture")
        #expect(renamed != text)
        json = Array(renamed.utf8)
        #expect(throws: (any Error).self) { try JournalJSONDecoder().decode(JournalRecord.Body.self, from: json) }
    }

    // MARK: The journal written by the release before

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/journal-2026-11-29.jsonl")

    @Test("a journal written by the release of 2026-11-29 opens, intact, to the state Foundation's decoder reads from it")
    func releaseJournalOpens() throws {
        let bytes = Array(try Data(contentsOf: Self.fixture))
        let scan = bytes.withUnsafeBytes { JournalScan.scan($0) }
        #expect(scan.problem == nil)
        #expect(scan.records.count == 370)

        // The old path: Foundation's decoder, line by line.
        var expected = NetworkState(emailPolicy: Self.policy)
        for line in bytes.split(separator: 0x0A) {
            let json = line.drop { $0 != 0x20 }.dropFirst().drop { $0 != 0x20 }.dropFirst()
            let body = try JSONDecoder().decode(JournalRecord.Body.self, from: Data(json))
            #expect(expected.verify(body.batch) == nil)
            expected.apply(body.batch)
        }

        let directory = JournalFixture.directory()
        let path = directory + "/journal"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let journal = try Journal(path: path, emailPolicy: Self.policy, osUser: "tester", readOnly: true)
        #expect(journal.notices.isEmpty)
        #expect(journal.lastSequence == 370)
        #expect(journal.state == expected)
        #expect(journal.state.focalPoints.contains { $0.name == "Гулнора \"Gulya\" Тошматова 🌸 \\ é" })
        #expect(journal.state.items.contains { $0.reference == "UNMN/2026/007" && $0.isUnderSilence })
    }
}

/// Any JSON value (whole numbers only; no true or false from Foundation), to compare what the journal's reader makes of a text
/// with what Foundation's parser makes of it.
indirect enum JSONValue: Decodable, Equatable {
    case number(Int)
    case string(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(
                try Dictionary(uniqueKeysWithValues: object.allKeys.map { ($0.stringValue, try object.decode(JSONValue.self, forKey: $0)) })
            )
        } else if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd { elements.append(try array.decode(JSONValue.self)) }
            self = .array(elements)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let value = try? single.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? single.decode(Int.self) {
                self = .number(value)
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    /// What `JSONSerialization` parsed.
    init(_ parsed: Any) {
        switch parsed {
        case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init))
        case let array as [Any]: self = .array(array.map(JSONValue.init))
        case let string as String: self = .string(string)
        case is NSNull: self = .null
        case let number as NSNumber: self = .number(number.intValue)
        default: self = .null
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
