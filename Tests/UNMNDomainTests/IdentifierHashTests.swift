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
