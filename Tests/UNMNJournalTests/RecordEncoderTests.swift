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
}
