import Foundation
import Testing

/// The journal as a person meets it: created, damaged, shared between two consoles.
@Suite("Journal end to end in tmux", .serialized)
struct JournalEndToEndTests {
    func initJournal() throws -> String {
        let directory = try makeTestDirectory("e2e-journal")
        let path = directory + "/journal"
        let setup = try TmuxSession(arguments: ["init", "--demo", "--journal", path])
        #expect(try setup.waitForExit() == 0)
        #expect(try setup.screen().contains("Created \(path): the 16 Annex I members and the sample network in"))
        return path
    }

    @Test("A torn last record is kept aside, cut, and the console says so")
    func tornTail() throws {
        let path = try initJournal()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count - 25).write(to: URL(fileURLWithPath: path))
        let console = try TmuxSession(arguments: ["--journal", path, "--as", "IOM:secretariat", "--name", "Test"])
        try console.waitFor(text: "Recovered from a torn write")
        let directory = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).contains { $0.hasPrefix("journal.torn-") })
        try console.send("q")
        #expect(try console.waitForExit() == 0)
        let check = try TmuxSession(arguments: ["check", "--journal", path])
        #expect(try check.waitForExit() == 0)
    }

    @Test("Damage in the middle: the console opens read-only, names the record and byte, and leaves the file byte-identical")
    func damagedMiddle() throws {
        let path = try initJournal()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let second = bytes.firstIndex(of: 0x0A)! + 1
        bytes[second + 100] ^= 0x04
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let console = try TmuxSession(arguments: ["--journal", path, "--as", "IOM:secretariat", "--name", "Test"])
        try console.waitFor(text: "Read-only: record 2 at byte \(second) of the journal is damaged")
        try console.waitFor(text: "READ-ONLY")
        try console.send("u")
        try console.waitFor(text: "Cannot undo: the console is read-only.")
        try console.send("q")
        #expect(try console.waitForExit() == 0)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
        let check = try TmuxSession(arguments: ["check", "--journal", path])
        #expect(try check.waitForExit() == 2)
    }

    @Test("Two consoles on one journal: an undo in one shows in the other within seconds, and survives a restart")
    func twoConsoles() throws {
        let path = try initJournal()
        let ilo = try TmuxSession(arguments: ["--journal", path, "--as", "ILO:member", "--name", "Azizbek Rahimov"])
        let secretariat = try TmuxSession(arguments: ["--journal", path, "--as", "IOM:secretariat", "--name", "Dilnoza Yusupova"])
        try ilo.waitFor(text: "2 pending · 0 ready to adopt · 1 held")
        try secretariat.waitFor(text: "2 pending · 0 ready to adopt · 1 held")
        try ilo.send("u")
        try ilo.waitFor(text: "Undo your last change: Recorded ILO's position on UNMN/2026/006: object?")
        try ilo.send("y")
        try ilo.waitFor(text: "Saved: Undid: Recorded ILO's position on UNMN/2026/006: object.")
        try secretariat.waitFor(text: "Azizbek Rahimov (ILO member): Undid: Recorded ILO's position on UNMN/2026/006: object.", seconds: 5)
        try secretariat.waitFor(text: "3 pending · 0 ready to adopt · 0 held")
        try ilo.send("q")
        try secretariat.send("q")
        #expect(try ilo.waitForExit() == 0)
        let again = try TmuxSession(arguments: ["--journal", path, "--as", "ILO:member", "--name", "Azizbek Rahimov"])
        try again.waitFor(text: "3 pending · 0 ready to adopt · 0 held")
        try again.send("u")
        try again.waitFor(text: "your last change was itself an undo")
        try again.send("q")
        #expect(try again.waitForExit() == 0)
    }
}
