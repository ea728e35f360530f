import Foundation
import Testing

@testable import UNMNDomain

/// Identifiers and entity codes keep their text's hash (worked out once); they must still be
/// equal, and hash alike, exactly when their texts are equal as strings are.
@Suite("Identifiers keep their text's hash")
struct IdentifierHashTests {
    /// Pairs of texts that are equal as Swift strings (canonically equivalent) but not in bytes,
    /// and pairs that differ.
    static let equivalent: [(String, String)] = [
        ("Caf\u{E9}", "Cafe\u{301}"), ("\u{212A}", "K"), ("O\u{2BB}zbekiston", "O\u{2BB}zbekiston"),
        ("\u{40E}\u{437}", "\u{423}\u{306}\u{437}"),
    ]
    static let different: [(String, String)] = [("UNDP", "UNDP "), ("UN Women", "UN-Women"), ("", " "), ("MTG/2026/03", "MTG/2026/3")]

    static func check<T: Hashable>(_ make: (String) -> T) {
        for (one, other) in equivalent {
            #expect(make(one) == make(other), "\(one) \(other)")
            #expect(make(one).hashValue == make(other).hashValue, "\(one) \(other)")
            for seed in [0, 1, -7, Int.max, 0x5EED] {
                #expect(make(one)._rawHashValue(seed: seed) == make(other)._rawHashValue(seed: seed), "\(one) \(other)")
            }
            #expect(Set([make(one), make(other)]).count == 1)
        }
        for (one, other) in different {
            #expect(make(one) != make(other), "\(one) \(other)")
            #expect(Set([make(one), make(other)]).count == 2)
        }
    }

    @Test("equal exactly when their texts are, and equal ones hash alike (canonically equivalent text included)")
    func equalityAndHashAgree() {
        Self.check { EntityCode($0) }
        Self.check { ItemReference($0) }
        Self.check { MeetingReference($0) }
        Self.check { ActionPointID($0) }
        Self.check { FocalPointID($0) }
        Self.check { RecordKey.entity(EntityCode($0)) }
        Self.check { RecordKey.item(ItemReference($0)) }
        Self.check { RecordKey.keyAction(year: 2026, code: $0) }
    }

    @Test("tables file them apart: ten thousand references under one seed, and one reference under many seeds, rarely share a bucket")
    func hashesSpreadOverATable() {
        // A table of 16,384 buckets (its hash's low 14 bits): a good hash leaves about
        // 16,384 × (1 − e^(−10,000/16,384)) ≈ 7,150 buckets filled.
        let buckets = 1 << 14
        let references = (0..<10_000).map { ItemReference("UNMN/\(2016 + $0 / 1_000)/\(String(format: "%03d", $0 % 1_000))") }
        for seed in [0, 0x5EED, -1] {
            let filled = Set(references.map { $0._rawHashValue(seed: seed) & (buckets - 1) }).count
            #expect(filled > 6_900, "seed \(seed): \(filled) buckets")
        }
        // The seed moves a text to another bucket, so that a table copied into one of another
        // seed is not filled in the original's order.
        let one = EntityCode("UN Women")
        #expect(Set((0..<1_000).map { one._rawHashValue(seed: $0) & (buckets - 1) }).count > 900)
        // Plans and key actions of different years are filed apart.
        #expect(Set((2016..<2036).map { RecordKey.plan(year: $0)._rawHashValue(seed: 1) }).count == 20)
        #expect(Set((2016..<2036).map { RecordKey.keyAction(year: $0, code: "2026-01")._rawHashValue(seed: 1) }).count == 20)
        // The same text under two kinds of record is two records.
        #expect(RecordKey.entity("WB")._rawHashValue(seed: 3) != RecordKey.meeting("WB")._rawHashValue(seed: 3))
        #expect(Set([RecordKey.entity("WB"), RecordKey.meeting("WB"), RecordKey.focalPoint("WB")]).count == 3)
    }

    @Test("one made with its hash given is the one made from its text")
    func givenHashMakesTheSame() {
        for text in ["UNDP", "UN Women", "Ўзбекистон", "🌸", ""] {
            let given = EntityCode(HashedString(text, hash: text.hashValue))
            #expect(given == EntityCode(text) && given.hashValue == EntityCode(text).hashValue)
            #expect(ItemReference(HashedString(text, hash: text.hashValue)) == ItemReference(text))
        }
    }
}
