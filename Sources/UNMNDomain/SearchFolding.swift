import Foundation

/// Folds text for forgiving search: case, diacritics and apostrophe-like letters are ignored,
/// and Cyrillic is transliterated to Uzbek Latin, so "ozbek" finds "Oʻzbekiston" and
/// "Ўзбекистон" alike.
public enum SearchFolding {
    public static func fold(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if let latin = cyrillicToLatin[character] {
                result += latin
                continue
            }
            if ignored.contains(character) { continue }
            result += String(character).decomposedLetters
        }
        return result
    }

    /// True when every word of `query` occurs in `text`, after folding both.
    public static func matches(_ text: String, query: String) -> Bool {
        let haystack = fold(text)
        return query.split(separator: " ").allSatisfy { haystack.contains(fold(String($0))) }
    }

    /// ʻ (U+02BB, the Uzbek oʻ/gʻ letter), ʼ, ’, ` and ' are left out: people type them all.
    private static let ignored: Set<Character> = ["\u{02BB}", "\u{02BC}", "\u{2019}", "\u{2018}", "'", "`"]

    /// Uzbek Cyrillic to the 1995 Latin alphabet (lower case; input is lowered first).
    private static let cyrillicToLatin: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh",
        "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ў": "o", "қ": "q", "ғ": "g",
        "ҳ": "h",
    ]
}

extension String {
    /// The base letters without diacritics: "é" → "e", "ñ" → "n".
    var decomposedLetters: String {
        folding(options: [.diacriticInsensitive], locale: nil)
    }
}
