/// Makes text from users harmless to draw: no control character ever reaches the terminal.
///
/// C0 controls and DEL are shown in caret notation (`ESC` as `^[`, a newline as `^J`), C1
/// controls and the bidirectional overrides that could reorder a line as `<U+XXXX>`. A focal
/// point named "\u{1b}[2J" therefore shows as `^[[2J` and clears nothing.
public enum SafeText {
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
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
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
