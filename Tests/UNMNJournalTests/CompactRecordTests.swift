import Foundation
import TestSupport
import Testing
import UNMNDomain

@testable import UNMNJournal

/// Plain records (a position, a progress, an attendance whose one event follows from the command)
/// are written in a short tab-separated body: it must give back exactly the record written, for
/// any text a person can type, and leave every other record, and every JSON journal already
/// written, as it was.
@Suite("Compact plain records")
struct CompactRecordTests {
    static let op = Operator(name: "Гулнора Тошматова", entity: "UNICEF", role: .member)

    /// A line written as the release before wrote every record: the JSON body.
    static func jsonLine(_ record: JournalRecord) throws -> [UInt8] {
        let json = try JournalJSONEncoder().encode(JournalRecord.Body(osUser: record.osUser, batch: record.batch))
        let covered = Array("\(record.sequence) ".utf8) + json
        return covered.prefix(while: { $0 != 0x20 }) + Array(" \(JournalRecord.hex(CRC32C.checksum(covered))) ".utf8) + json + [0x0A]
    }

    static func body(_ line: [UInt8]) -> String {
        String(decoding: line.dropLast().drop { $0 != 0x20 }.dropFirst().drop { $0 != 0x20 }.dropFirst(), as: UTF8.self)
    }

    static func decoded(_ line: [UInt8]) -> Result<JournalRecord, RecordDefect> {
        Array(line.dropLast()).withUnsafeBytes { JournalRecord.decode(line: $0) }
    }

    /// A plain batch as deciding makes it: its one event listed, its summary written.
    static func decided(_ command: Command, by op: Operator = op, summary: String? = nil, login: String? = nil) -> EventBatch {
        let at = Instant(secondsSinceEpoch: 1_796_000_000)
        let event = EventBatch(plainEventOf: command, operator: op, at: at, summary: nil).events[0]
        return EventBatch(
            operator: op, at: at, events: [event], summary: summary ?? EventBatch.plainSummary(of: command) ?? "Recorded it", isUndo: false,
            command: command, login: login)
    }

    static let texts = [
        "", "Oʻzbekiston: 🌸 «ў»", "a\ttab", "two\nlines", "cr\r\nlf", #"back\slash"#, #"\-"#, #"\"#, "\\t not a tab", "e\u{301}",
        "👩🏽‍💻 team",
    ]

    static func commands(_ text: String, _ index: Int) -> [Command] {
        [
            .recordPosition(item: "UNMN/2026/007", entity: "ILO", .agree, source: .email, basedOn: nil),
            .recordPosition(item: "UNMN/2026/007", entity: "ILO", .standAside(reason: nil), source: .console, basedOn: 12),
            .recordPosition(item: "UNMN/2026/007", entity: "ILO", .standAside(reason: text), source: .meeting, basedOn: nil),
            .recordPosition(item: "UNMN/2026/008", entity: "UNHCR", .object(reason: text), source: .phone, basedOn: index),
            .recordPosition(item: "UNMN/2026/008", entity: "UNHCR", nil, source: .email, basedOn: 3),
            .recordProgress(year: 2026, code: "2026-0\(index)", percent: index * 7 % 101, status: .onTrack, note: text, basedOn: nil),
            .recordProgress(year: 2027, code: text.isEmpty ? "c" : text, percent: 0, status: .completed, note: "", basedOn: 99),
            .recordAttendance(meeting: "MTG/2026/03", entity: "IOM", .present(focalPoints: ["FP-0001", "FP-0012"]), basedOn: nil),
            .recordAttendance(meeting: "MTG/2026/03", entity: "IOM", .present(focalPoints: []), basedOn: 4),
            .recordAttendance(meeting: "MTG/2026/03", entity: "UNDP", .apologies, basedOn: nil),
            .recordAttendance(meeting: "MTG/2026/03", entity: "UNDP", .absent, basedOn: nil),
            .recordAttendance(meeting: "MTG/2026/03", entity: "UNDP", nil, basedOn: 8),
        ]
    }

    @Test("a plain record is a short line, P1 and its fields, and reads back to the same record, whatever its text", arguments: texts)
    func plainRecordsRoundTrip(text: String) throws {
        for (index, command) in Self.commands(text, 3).enumerated() {
            for batch in [
                Self.decided(command), Self.decided(command, summary: "Recorded by hand: \(text)", login: text.isEmpty ? "x" : text),
                Self.decided(command, by: Operator(name: text.isEmpty ? "n" : text, entity: "IOM", role: .coChair)),
            ] {
                let record = JournalRecord(sequence: UInt64(40 + index), osUser: text.isEmpty ? "u" : text, batch: batch)
                let line = try record.encodedLine()
                #expect(Self.body(line).hasPrefix("P1\t"), "\(command)")
                #expect(line.dropLast().allSatisfy { $0 != 0x0A }, "one line: \(command)")
                #expect(try Self.decoded(line).get() == record, "\(command), \(text)")
                let scan = line.withUnsafeBytes { JournalScan.scan($0, previousSequence: record.sequence - 1) }
                #expect(scan.records == [record] && scan.problem == nil && scan.eventsArePlain == [true])
            }
        }
    }

    @Test(
        "seeded random text of every kind a person types (and the escapes' own characters) round-trips",
        arguments: [1, 30, 2026] as [UInt64])
    func randomText(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let pieces = ["\\", "\t", "\n", "\r", "-", "t", "n", "a", "ў", "Ғ", "ʻ", "🌸", "e\u{301}", " ", "P1", "{"]
        for index in 0..<300 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let commands = Self.commands(text, index)
            let command = commands[Int.random(in: 0..<commands.count, using: &random)]
            let record = JournalRecord(sequence: UInt64(index + 1), osUser: "unmn", batch: Self.decided(command, login: text))
            let line = try record.encodedLine()
            #expect(Self.body(line).hasPrefix("P1\t"))
            #expect(try Self.decoded(line).get() == record, "\(text.debugDescription)")
        }
    }

    @Test("fields' ends and backslashes found eight bytes at a time are those a byte-by-byte walk finds, at any place")
    func fieldEnds() {
        var random = SeededGenerator(state: 11)
        // Tabs and backslashes beside the bytes one away from them, which a careless test for a
        // zero byte also takes for one.
        let alphabet: [UInt8] = [0x09, 0x08, 0x0A, 0x5C, 0x5B, 0x5D, 0x41, 0xD1, 0x80, 0xFF, 0x00]
        for _ in 0..<3_000 {
            let body = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let start = Int.random(in: 0...body.count, using: &random)
            var expected: [Int] = []
            var escaped = false
            for (offset, byte) in body.enumerated().dropFirst(start) {
                if byte == 0x09 {
                    expected.append(offset << 1 | (escaped ? 1 : 0))
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                }
            }
            expected.append(body.count << 1 | (escaped ? 1 : 0))
            let found = body.withUnsafeBytes { bytes in
                [Int](unsafeUninitializedCapacity: body.count + 1) { ends, count in
                    count = CompactRecord.fieldEnds(bytes, from: start, into: ends.baseAddress!)
                }
            }
            #expect(found == expected, "\(body) from \(start)")
        }
    }

    @Test("text with another control character, a cancelled progress and every other command keep the JSON body")
    func othersStayJSON() throws {
        let control = Self.decided(.recordPosition(item: "UNMN/2026/007", entity: "ILO", .object(reason: "a\u{1}b"), source: .email))
        let deleted = Self.decided(.recordProgress(year: 2026, code: "2026-01", percent: 5, status: .onTrack, note: "\u{7F}"))
        for batch in [control, deleted, JournalFixture.founding()] {
            let record = JournalRecord(sequence: 1, osUser: "unmn", batch: batch)
            let line = try record.encodedLine()
            #expect(Self.body(line).hasPrefix("{"))
            #expect(try Self.decoded(line).get() == record)
        }
        // Events that do not follow from the command (another recorder) are JSON too.
        let command = Command.recordPosition(item: "UNMN/2026/007", entity: "ILO", .agree, source: .email)
        var batch = Self.decided(command)
        let other = Operator(name: "Someone Else", entity: "IOM", role: .secretariat)
        batch.events = EventBatch(plainEventOf: command, operator: other, at: batch.at, summary: nil).events
        let line = try JournalRecord(sequence: 1, osUser: "unmn", batch: batch).encodedLine()
        #expect(Self.body(line).hasPrefix("{"))
        #expect(try Self.decoded(line).get().batch == batch)
    }

    @Test(
        "a checksummed compact body this version cannot read is a newer unmn's: read-only, nothing cut",
        arguments: [
            "P2\t1796000000", "P1\t1796000000\tIOM\tsecretariat\tA\tu\t\\-\t0\t\\-\tminutes\tMTG/2026/03",
            "P1\t1796000000\tIOM\tsecretariat\tA\tu\t\\-\t0\t\\-\tposition\tUNMN/2026/007\tILO\tmaybe\t\\-\temail\t\\-",
            "P1\t1796000000\tIOM\tsecretariat\tA\tu\t\\-\t0\t\\-\tposition\tUNMN/2026/007\tILO\tagree\t\\-\temail\t\\-\textra",
            "P1\t1796000000\tIOM\tsecretariat\tA\tu\t\\q\t0\t\\-\tposition\tUNMN/2026/007\tILO\tagree\t\\-\temail\t\\-",
        ])
    func unreadableIsNewer(body: String) throws {
        let first = try JournalRecord(sequence: 1, osUser: "unmn", batch: JournalFixture.founding()).encodedLine()
        let covered = Array("2 \(body)".utf8)
        let line = Array("2 \(JournalRecord.hex(CRC32C.checksum(covered))) \(body)\n".utf8)
        let path = JournalFixture.directory() + "/journal"
        JournalFixture.write(first + line, to: path)
        let journal = try Journal(path: path, emailPolicy: JournalFixture.policy, osUser: "x")
        #expect(journal.lastSequence == 1)
        #expect(!journal.isWritable)
        #expect(JournalFixture.bytes(path) == first + line)
    }

    // MARK: Journals written before and after

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/journal-2026-11-30-compact.journal")

    @Test("the release journal written again today gives the compact fixture's lines, and both open to the same state")
    func compactFixture() throws {
        let old = Array(try Data(contentsOf: RecordDecoderTests.fixture))
        let scan = old.withUnsafeBytes { JournalScan.scan($0) }
        let fixture = Array(try Data(contentsOf: Self.fixture))
        let lines = fixture.split(separator: 0x0A).map { Array($0) + [0x0A] }
        #expect(lines.count == scan.records.count)
        var compact = 0
        for (record, line) in zip(scan.records, lines) {
            // A compact line is written byte for byte as the fixture holds it (JSON may order a
            // table's members differently from run to run, so those lines are compared read).
            let written = try record.encodedLine()
            if Self.body(line).hasPrefix("P1\t") {
                compact += 1
                #expect(String(decoding: written, as: UTF8.self) == String(decoding: line, as: UTF8.self))
            }
            #expect(try Self.decoded(line).get() == record, "record \(record.sequence)")
        }
        #expect(compact > lines.count / 2)

        let (oldPath, newPath) = (JournalFixture.directory() + "/journal", JournalFixture.directory() + "/journal")
        JournalFixture.write(old, to: oldPath)
        JournalFixture.write(fixture, to: newPath)
        let before = try Journal(path: oldPath, emailPolicy: RecordDecoderTests.policy, osUser: "x", readOnly: true)
        let after = try Journal(path: newPath, emailPolicy: RecordDecoderTests.policy, osUser: "x", readOnly: true)
        #expect(after.notices.isEmpty && after.lastSequence == 370)
        #expect(after.state == before.state)
    }

    @Test("the sample network written in compact lines replays to the state its JSON lines give, in one piece or many")
    func sampleNetworkAlike() throws {
        var (compact, json): ([UInt8], [UInt8]) = ([], [])
        for (index, batch) in RecordDecoderTests.sampleBatches.enumerated() {
            let record = JournalRecord(sequence: UInt64(index + 1), osUser: "tester", batch: batch)
            compact += try record.encodedLine()
            json += try Self.jsonLine(record)
        }
        #expect(compact.count < json.count)
        let fromJSON = json.withUnsafeBytes { JournalScan.scan($0) }
        let fromCompact = compact.withUnsafeBytes { JournalScan.scan($0) }
        #expect(fromJSON.problem == nil && fromCompact.problem == nil)
        #expect(fromCompact.records == fromJSON.records)
        #expect(fromCompact.eventsArePlain == fromJSON.eventsArePlain)
        for piece in [700, 4_096] {
            let path = JournalFixture.directory() + "/journal"
            JournalFixture.write(compact, to: path)
            let journal = try Journal.$readPiece.withValue(piece) {
                try JournalScan.$parallelLines.withValue(2) { try Journal(path: path, emailPolicy: RecordDecoderTests.policy, osUser: "x") }
            }
            var expected = NetworkState(emailPolicy: RecordDecoderTests.policy)
            for record in fromJSON.records { expected.apply(record.batch) }
            #expect(journal.state == expected, "pieces of \(piece) bytes")
        }
    }
}
