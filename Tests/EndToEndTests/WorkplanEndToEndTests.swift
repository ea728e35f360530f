import Foundation
import Testing

/// A member updating its own progress, as it would in the field.
@Suite("Workplan end to end in tmux", .serialized)
struct WorkplanEndToEndTests {
    /// A UNICEF member updates progress on a UNICEF action, is refused on an ILO-only action
    /// with the reason, and the update survives a restart.
    @Test("A member's progress on its own action, a refusal on another's, kept across a restart")
    func memberProgress() throws {
        let directory = try makeTestDirectory("e2e-workplan")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/journal"
        let setup = try TmuxSession(arguments: ["init", "--demo", "--journal", path])
        #expect(try setup.waitForExit() == 0)

        let unicef = try TmuxSession(arguments: ["--journal", path, "--as", "UNICEF:member", "--name", "Gulnora Karimova"])
        try unicef.waitFor(text: "Gulnora Karimova · UNICEF member")
        // Three keystrokes to the entity's late actions.
        try unicef.send("4", "m", "l")
        try unicef.waitFor(text: "[my entity, overdue] 1 of 12 actions")
        try unicef.send("p")
        try unicef.waitFor(text: "Progress on 2026-03")
        try unicef.send("C-u")
        try unicef.type("55")
        try unicef.send("Tab", "Left", "Tab")
        try unicef.type("Reintegration case management running in 3 regions.")
        try unicef.send("Enter")
        // 2026-03 ended on 2026-11-20: "on track" past the end date is asked about first.
        try unicef.waitFor(text: "2026-03 is late")
        try unicef.send("y")
        try unicef.waitFor(text: "Saved: Recorded progress on 2026-03: 55 %, on track.")

        // An ILO-only action: the key is off and says why.
        try unicef.send("Escape", "j")
        try unicef.send("p")
        try unicef.waitFor(text: "UNICEF neither leads nor takes part in 2026-02 (lead ILO).")
        try unicef.send("q")
        #expect(try unicef.waitForExit() == 0)

        let again = try TmuxSession(arguments: ["--journal", path, "--as", "UNICEF:member", "--name", "Gulnora Karimova"])
        try again.waitFor(text: "Gulnora Karimova · UNICEF member")
        try again.send("4", "j", "j", "Enter")
        try again.waitFor(text: "55 % · on track · Gulnora Karimova (UNICEF) — Reintegration case management running in 3 regions.")
        try again.send("q")
        #expect(try again.waitForExit() == 0)
    }
}
