/// Characters that take no room and show nothing: a name holding one could pass for another.
enum InvisibleText {
    /// The invisible characters in a name, as `U+200B`; a joiner between emoji is not one.
    static func characters(in text: String) -> [String] {
        // ASCII has no format characters: most names and titles are settled by their bytes,
        // without a look at each scalar's properties (a seventh of deciding a new focal point).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return [] }
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.compactMap { index in
            let scalar = scalars[index]
            let isJoinerInEmoji =
                scalar.value == 0x200D && index > 0 && index + 1 < scalars.count && scalars[index - 1].properties.isEmojiPresentation
                && scalars[index + 1].properties.isEmoji
            guard !isJoinerInEmoji, scalar.properties.generalCategory == .format || scalar.value == 0x200B else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// "the name holds an invisible character (U+200B); type it without", or nil.
    static func refusal(_ text: String, what: String) -> String? {
        let found = characters(in: text)
        guard !found.isEmpty else { return nil }
        return "the \(what) holds an invisible character (\(Array(Set(found)).sorted().joined(separator: ", "))); type it without"
    }
}
