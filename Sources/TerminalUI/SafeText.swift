/// Makes text from users harmless to draw: no control character ever reaches the terminal.
///
/// C0 controls and DEL are shown in caret notation (`ESC` as `^[`, a newline as `^J`), C1
/// controls and the bidirectional overrides that could reorder a line as `<U+XXXX>`. A focal
/// point named "\u{1b}[2J" therefore shows as `^[[2J` and clears nothing.
public enum SafeText {
    public static func sanitize(_ text: String) -> String {
        // The common case, text with nothing to show differently, allocates nothing.
        if DisplayWidth.isPrintableASCII(text) { return text }
        guard text.unicodeScalars.contains(where: { isUnsafe($0) || $0.value == 0x200D }) else { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.indices.contains(where: { isUnsafe(scalars[$0]) || isStrayJoiner(scalars, at: $0) }) else { return text }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            guard isUnsafe(scalar) || isStrayJoiner(scalars, at: index) else {
                result.append(scalar)
                continue
            }
            let visible: String
            switch scalar.value {
            case 0x00..<0x20: visible = "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F: visible = "^?"
            default: visible = "<U+" + hex(scalar.value) + ">"
            }
            result.append(contentsOf: visible.unicodeScalars)
        }
        return String(result)
    }

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F..<0xA0).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || isInvisible(value)
    }

    /// Characters that take no room and show nothing, so a name could hide them: the zero-width
    /// space, the word joiner and its kin, the byte-order mark, the directional marks.
    static func isInvisible(_ value: UInt32) -> Bool {
        value == 0x200B || value == 0x200E || value == 0x200F || (0x2060...0x2064).contains(value) || value == 0xFEFF
    }

    /// A zero-width joiner that does not join two emoji (as in 👩‍💼): shown, not hidden.
    static func isStrayJoiner(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard scalars[index].value == 0x200D else { return false }
        let before = index > 0 ? scalars[index - 1] : nil
        let after = index + 1 < scalars.count ? scalars[index + 1] : nil
        let isEmoji: (Unicode.Scalar?) -> Bool = { scalar in
            guard let scalar else { return false }
            return scalar.properties.isEmoji && scalar.value > 0xFF || scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value)
        }
        return !(isEmoji(before) && isEmoji(after))
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
