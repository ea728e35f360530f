import Testing
import UNMNDomain

@Suite("Forgiving search")
struct SearchFoldingTests {
    @Test("\"ozbek\" finds Uzbek Latin with ʻ and Cyrillic alike")
    func uzbek() {
        #expect(SearchFolding.matches("Oʻzbekiston", query: "ozbek"))
        #expect(SearchFolding.matches("Ўзбекистон", query: "ozbek"))
        #expect(SearchFolding.matches("O'zbekiston", query: "Oʻzbek"))
        #expect(SearchFolding.matches("Ўзбекистон", query: "Ўзбек"))
    }

    @Test("Case and accents are ignored; every word must match")
    func words() {
        #expect(SearchFolding.matches("Office of the High Commissioner", query: "HIGH office"))
        #expect(SearchFolding.matches("Organización Internacional", query: "organizacion"))
        #expect(!SearchFolding.matches("World Bank", query: "world health"))
    }

    @Test("Cyrillic names transliterate the Uzbek way")
    func transliteration() {
        #expect(SearchFolding.fold("Шаҳноза Ғуломова") == "shahnoza gulomova")
        #expect(SearchFolding.fold("Чўлпон") == "cholpon")
    }
}
