import Foundation
import Testing

/// Issue 17: text made of several Unicode scalars typed or pasted into a field or the filter
/// killed the console (SIGILL) and lost the form.
@Suite("Unicode input end to end in tmux", .serialized)
struct UnicodeInputEndToEndTests {
    @Test("Emoji and decomposed accents typed and pasted into a focal point and the filter are saved whole and survive a restart")
    func pasteAndRestart() throws {
        let directory = try makeTestDirectory("e2e-unicode")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/journal"
        try initJournal(path)
        let arguments = ["--journal", path, "--as", "IOM:secretariat", "--name", "Dilnoza Yusupova"]
        let console = try TmuxSession(arguments: arguments)
        try console.waitFor(text: "Dilnoza Yusupova · IOM secretariat")

        // The filter prompt: typed scalar by scalar, then pasted.
        try console.send("2", "/")
        try console.type("👩‍💼 🇺🇿 x 👍🏽 x e\u{301}x")
        try console.paste("Jose\u{301} Garci\u{301}a\n")
        try console.waitFor(text: "0 of 16")
        try console.send("Escape")

        // A focal point whose name is typed and pasted; the pasted newline and tab stay text.
        try console.send("Enter", "n")
        try console.waitFor(text: "Add a focal point to IOM")
        try console.type("🇺🇿 x 👍🏽 ")
        try console.paste("Jose\u{301}\tGarci\u{301}a\nn")
        try console.send("Tab")
        try console.type("Programme Officer")
        try console.send("Tab", "Tab")
        try console.type("garcia@iom.int")
        try console.send("Enter")
        try console.waitFor(text: "Saved: Added")
        try console.send("q")
        #expect(try console.waitForExit() == 0)

        let export = try TmuxSession(arguments: ["export", "mailing-list", "--journal", path, "-o", directory + "/list.csv"])
        #expect(try export.waitForExit() == 0)
        let list = try String(contentsOfFile: directory + "/list.csv", encoding: .utf8)
        #expect(list.contains("🇺🇿 x 👍🏽 Jose\u{301} Garci\u{301}a n"))

        let again = try TmuxSession(arguments: arguments)
        try again.waitFor(text: "Dilnoza Yusupova · IOM secretariat")
        try again.send("2", "Enter")
        try again.waitFor(text: "Programme Officer")
        try again.send("q")
        #expect(try again.waitForExit() == 0)
    }
}
