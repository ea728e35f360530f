import TestSupport
import Testing

@testable import UNMNDomain

/// `validUTF8String` decides what the journal's and the snapshot's readers accept as text: it
/// must accept and refuse exactly what the standard library's validation does.
@Suite("UTF-8 read from bytes")
struct UTF8BytesTests {
    static func same(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { validUTF8String($0) } == String(validating: bytes, as: UTF8.self)
    }

    @Test("names in every script the network writes come back as they were")
    func validText() {
        for text in ["", "IOM", "UN Women", "Ойбек Каримов 🌍", "Oʻzbekiston vazirligi", "Gʻulomova ✋", "e\u{301}", "👩🏽‍⚕️", "a\u{0}b"] {
            #expect(Array(text.utf8).withUnsafeBytes { validUTF8String($0) } == text)
        }
    }

    @Test("overlong forms, surrogates, stray and missing continuation bytes, and bytes past U+10FFFF are refused")
    func invalidText() {
        let invalid: [[UInt8]] = [
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0x80], [0x41, 0xBF, 0x42], [0xC3], [0xE2, 0x82],
            [0xF0, 0x9F, 0x8C], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE, 0xFF], [0xEF, 0xBF, 0xBD, 0xFF],
        ]
        for bytes in invalid {
            #expect(bytes.withUnsafeBytes { validUTF8String($0) } == nil, "\(bytes)")
        }
    }

    @Test("random bytes, and random text with one byte changed, are judged as the standard library judges them")
    func sameAsStandardLibrary() {
        var random = SeededGenerator(state: 21)
        let alphabet = Array("aZ 0ʻОйбек🌍✋é\u{301}—".unicodeScalars)
        for round in 0..<2_000 {
            var bytes: [UInt8]
            if round.isMultiple(of: 2) {
                bytes = (0..<Int.random(in: 0...24, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                var text = String.UnicodeScalarView()
                for _ in 0..<Int.random(in: 1...12, using: &random) { text.append(alphabet.randomElement(using: &random)!) }
                bytes = Array(String(text).utf8)
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            #expect(Self.same(bytes), "\(bytes)")
        }
    }
}
