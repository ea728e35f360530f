import Foundation
import Testing

/// The secretariat logs a whole meeting, as it would after a quarterly meeting.
@Suite("Meetings end to end in tmux", .serialized)
struct MeetingEndToEndTests {
    @Test("Schedule, attendance, minutes, an action point, finalise, share with the RCO; quit, restart, and find all of it")
    func wholeMeeting() throws {
        let directory = try makeTestDirectory("e2e-meeting")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/journal"
        try initJournal(path)
        let arguments = ["--journal", path, "--as", "IOM:secretariat", "--name", "Dilnoza Yusupova"]
        let console = try TmuxSession(arguments: arguments)
        try console.waitFor(text: "Dilnoza Yusupova · IOM secretariat")

        // Schedule a meeting yesterday (it has taken place), virtual, with the reason.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 5 * 3600)!
        let yesterday = calendar.date(byAdding: .day, value: -1, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: yesterday)
        let date = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        try console.send("3", "n")
        try console.waitFor(text: "Schedule a meeting")
        try console.send("Tab", "Tab", "C-u")
        try console.type(date)
        try console.send("Tab", "Tab", "Tab")
        try console.type("Microsoft Teams")
        try console.send("Tab", "Right", "Right", "Tab")
        try console.type("health: seasonal influenza advisory")
        try console.send("Enter")
        try console.waitFor(text: "Saved: Scheduled MTG/\(parts.year!)/01")

        // Open it; agenda item; every member present or apologies.
        try console.send("Enter", "i")
        try console.waitFor(text: "Agenda item for MTG/")
        try console.type("Returning migrants: joint approach")
        try console.send("Enter")
        try console.waitFor(text: "Saved: Added \"Returning migrants: joint approach\"")
        for index in 0..<16 {
            try console.send(index % 5 == 4 ? "a" : "p")
            try console.waitFor("attendance \(index)") { $0.contains("attendance at MTG/") }
            try console.send("j")
        }
        // Minutes in the editor.
        try console.send("w", "Enter")
        try console.waitFor(text: "Ctrl-S save")
        try console.type("IOM, UNICEF and UNHCR agreed a joint approach to reintegration.")
        try console.send("C-s")
        try console.waitFor(text: "Saved: Wrote the minutes of item 1")
        // An action point.
        try console.send("A")
        try console.waitFor(text: "Action point from MTG/")
        try console.type("Draft the joint reintegration note")
        try console.send("Tab", "Space", "Enter")
        try console.waitFor(text: "Saved: Added action point AP/")
        // Finalise, then share with the RCO.
        try console.send("f")
        // Finalising cannot be taken back: it asks first, saying what it locks.
        try console.waitFor(text: "y Finalise   n/Esc Cancel")
        try console.send("y")
        try console.waitFor(text: "Saved: Finalised the minutes of MTG/")
        try console.send("S")
        try console.waitFor(text: "Saved: Marked the minutes of MTG/")
        try console.send("q")
        #expect(try console.waitForExit() == 0)

        let again = try TmuxSession(arguments: arguments, width: 120, height: 40)
        try again.waitFor(text: "Dilnoza Yusupova · IOM secretariat")
        try again.send("3")
        try again.waitFor(text: "virtual   13/16   shared (RCO)")
        try again.send("Enter")
        try again.waitFor(text: "virtual — health: seasonal influenza advisory")
        try again.waitFor(text: "1. Returning migrants: joint approach")
        try again.waitFor(text: "open")
        try again.send("Escape", "t")
        try again.waitFor(text: "Draft the joint reintegration note")
        try again.send("q")
        #expect(try again.waitForExit() == 0)
        let minutes = try TmuxSession(arguments: [
            "export", "minutes", "--journal", path, "--meeting", date, "-o", directory + "/minutes.md",
        ])
        #expect(try minutes.waitForExit() == 0)
        let text = try String(contentsOfFile: directory + "/minutes.md", encoding: .utf8)
        #expect(text.contains("IOM, UNICEF and UNHCR agreed a joint approach to reintegration."))
        #expect(text.contains("- **Mode:** virtual — health: seasonal influenza advisory"))
    }
}
