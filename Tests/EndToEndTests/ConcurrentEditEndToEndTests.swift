import Foundation
import Testing

/// Issue 13's reproductions with the real binary: two consoles on one journal, each in its own
/// tmux server, editing the same record.
@Suite("Concurrent edits end to end in tmux", .serialized)
struct ConcurrentEditEndToEndTests {
    func sampleJournal() throws -> String {
        let directory = try makeTestDirectory("e2e-concurrent")
        let path = directory + "/journal"
        let setup = try TmuxSession(arguments: ["init", "--demo", "--journal", path])
        #expect(try setup.waitForExit() == 0)
        return path
    }

    func console(_ path: String, _ designation: String, _ name: String) throws -> TmuxSession {
        let session = try TmuxSession(arguments: ["--journal", path, "--as", designation, "--name", name])
        try session.waitFor(text: name)
        return session
    }

    /// Members → ILO → its focal point's edit form.
    func openAzizbek(_ session: TmuxSession) throws {
        try session.send("2", "j", "j", "j", "Enter", "e")
        try session.waitFor(text: "Edit Azizbek Rahimov (ILO)")
    }

    func replace(_ session: TmuxSession, tabs: Int, with text: String) throws {
        for _ in 0..<tabs { try session.send("Tab") }
        try session.send("C-u")
        try session.type(text)
    }

    @Test("Position in one console, email in the other from the old screen: both survive, in both consoles and after a restart")
    func mergedEdits() throws {
        let path = try sampleJournal()
        let dilnoza = try console(path, "IOM:secretariat", "Dilnoza Yusupova")
        let laura = try console(path, "IOM:chair", "Laura Bianchi")
        try openAzizbek(dilnoza)
        try openAzizbek(laura)
        try replace(dilnoza, tabs: 1, with: "Senior Programme Officer")
        try dilnoza.send("Enter")
        try dilnoza.waitFor(text: "Saved: Edited Azizbek Rahimov (FP-0006).")
        try replace(laura, tabs: 3, with: "a.rahimov@ilo.org")
        try laura.send("Enter")
        try laura.waitFor(text: "Saved: Edited Azizbek Rahimov (FP-0006).")
        try dilnoza.waitFor(text: "a.rahimov@ilo.org")
        try laura.waitFor(text: "Senior Programme Officer")
        for session in [dilnoza, laura] {
            try session.send("q")
            #expect(try session.waitForExit() == 0)
        }
        let again = try console(path, "IOM:secretariat", "Dilnoza Yusupova")
        try again.send("2", "j", "j", "j")
        try again.waitFor(text: "Senior Programme Officer")
        try again.waitFor(text: "a.rahimov@ilo.org")
        let check = try TmuxSession(arguments: ["check", "--journal", path])
        #expect(try check.waitForExit() == 0)
    }

    @Test("The same position changed in two consoles: the second is refused with both values and keeps its input")
    func conflictingEdits() throws {
        let path = try sampleJournal()
        let dilnoza = try console(path, "IOM:secretariat", "Dilnoza Yusupova")
        let laura = try console(path, "IOM:chair", "Laura Bianchi")
        try openAzizbek(dilnoza)
        try openAzizbek(laura)
        try replace(dilnoza, tabs: 1, with: "Senior Programme Officer")
        try dilnoza.send("Enter")
        try dilnoza.waitFor(text: "Saved: Edited Azizbek Rahimov (FP-0006).")
        try replace(laura, tabs: 1, with: "Project Coordinator")
        try laura.send("Enter")
        try laura.waitFor(text: "Not saved: Dilnoza Yusupova (IOM) changed the position of FP-0006")
        try laura.waitFor(text: "Project Coordinator")
        try laura.waitFor(text: "! Dilnoza Yusupova (IOM) changed this at")
        try laura.send("Enter")
        try laura.waitFor(text: "Saved: Edited Azizbek Rahimov (FP-0006).")
        try dilnoza.waitFor(text: "Project Coordinator")
    }

    @Test("Minutes of one agenda item saved in two consoles: the later save shows theirs above yours, and nothing is lost")
    func minutesConflict() throws {
        let path = try sampleJournal()
        let dilnoza = try console(path, "IOM:secretariat", "Dilnoza Yusupova")
        let laura = try console(path, "IOM:chair", "Laura Bianchi")
        for session in [dilnoza, laura] {
            try session.send("3", "Enter", "w", "Enter")
            try session.waitFor(text: "Ctrl-S save")
        }
        try dilnoza.type("Dilnoza's notes.")
        try dilnoza.send("C-s")
        try dilnoza.waitFor(text: "Saved: Wrote the minutes of item 1")
        try laura.type("Laura's notes.")
        try laura.send("C-s")
        try laura.waitFor(text: "(theirs, read-only):")
        try laura.waitFor(text: "Dilnoza's notes.")
        try laura.waitFor(text: "Laura's notes.")
        try laura.send("C-s")
        try laura.waitFor(text: "Saved: Wrote the minutes of item 1")
        let check = try TmuxSession(arguments: ["check", "--journal", path])
        #expect(try check.waitForExit() == 0)
    }

    @Test("An undo after someone else's change to another field puts back only your own change")
    func undoKeepsOthers() throws {
        let path = try sampleJournal()
        let dilnoza = try console(path, "IOM:secretariat", "Dilnoza Yusupova")
        let laura = try console(path, "IOM:chair", "Laura Bianchi")
        try openAzizbek(dilnoza)
        try replace(dilnoza, tabs: 1, with: "Senior Programme Officer")
        try dilnoza.send("Enter")
        try dilnoza.waitFor(text: "Saved: Edited Azizbek Rahimov (FP-0006).")
        try laura.send("2", "j", "j", "j")
        try laura.waitFor(text: "Senior Programme Officer")
        try laura.send("Enter", "e")
        try laura.waitFor(text: "Edit Azizbek Rahimov (ILO)")
        try replace(laura, tabs: 3, with: "a.rahimov@ilo.org")
        try laura.send("Enter")
        try laura.waitFor(text: "Saved: Edited Azizbek Rahimov (FP-0006).")
        try dilnoza.waitFor(text: "a.rahimov@ilo.org")
        try dilnoza.send("Escape", "u")
        try dilnoza.waitFor(text: "Undo your last change")
        try dilnoza.send("y")
        try dilnoza.waitFor(text: "Saved: Undid: Edited Azizbek Rahimov (FP-0006).")
        try dilnoza.waitFor(text: "National Project Coordinator")
        try dilnoza.waitFor(text: "a.rahimov@ilo.org")
        try laura.waitFor(text: "National Project Coordinator")
    }
}
