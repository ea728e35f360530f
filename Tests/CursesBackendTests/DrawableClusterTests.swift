import Testing

@testable import CursesBackend

@Suite("What a cell hands to ncurses")
struct DrawableClusterTests {
    @Test(
        "A cluster is cut before its second spacing character and before a joiner",
        arguments: [
            ("e\u{301}", "e\u{301}"),
            ("a\u{301}\u{323}", "a\u{301}\u{323}"),
            ("👩‍💼", "👩"),
            ("🇺🇿", "🇺"),
            ("👍🏽", "👍"),
            ("❤️", "❤️"),
            ("Ў", "Ў"),
        ])
    func cut(cluster: String, drawn: String) {
        #expect(String(String.UnicodeScalarView(CursesTerminal.drawableScalars(of: cluster))) == drawn)
    }
}
