import Foundation
import Testing

/// The chair's consensus review, as two people would do it on one journal.
@Suite("Decisions end to end in tmux", .serialized)
struct DecisionsEndToEndTests {
    /// This year in Asia/Tashkent: item references carry it.
    var year: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 5 * 3600)!
        return calendar.component(.year, from: Date())
    }

    /// The secretariat records every position with one objection; the chair's adopt is refused
    /// naming it; the objection becomes stand aside; adopted; seen in both consoles.
    @Test("An item from opening to adoption, with an objection in the way, in two consoles")
    func consensusReview() throws {
        let directory = try makeTestDirectory("e2e-decisions")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/journal"
        try initJournal(path)
        // The chair's own login, as the SSH gateway would run it (the journal's owner may act for it).
        let grant = try TmuxSession(arguments: [
            "access", "grant", "laura", "--name", "Laura Bianchi", "--entity", "IOM", "--role", "chair", "--journal", path,
        ])
        #expect(try grant.waitForExit() == 0)
        let reference = "UNMN/\(year)/001"

        let secretariat = try TmuxSession(arguments: ["--journal", path, "--as", "IOM:secretariat", "--name", "Dilnoza Yusupova"])
        let chair = try TmuxSession(arguments: ["--journal", path, "--login", "laura"])
        try secretariat.waitFor(text: "Dilnoza Yusupova · IOM secretariat")
        try chair.waitFor(text: "Laura Bianchi · IOM chair")

        // The secretariat opens the item.
        try secretariat.send("5")
        try secretariat.send("n")
        try secretariat.waitFor(text: "Open a consensus item")
        try secretariat.send("Tab")
        try secretariat.type("Statement on the rights of migrant workers")
        try secretariat.send("Tab")
        try secretariat.type("The network calls for decent work for Uzbek migrant workers abroad.")
        try secretariat.send("Enter")
        try secretariat.waitFor(text: "Saved: Opened \(reference)")

        // Every member agrees by email, except ILO, which objects.
        try secretariat.send("r")
        try secretariat.waitFor(text: "Review 1 of 1 · \(reference)")
        for index in 0..<16 {
            try secretariat.send("p")
            try secretariat.waitFor(text: "Tab next · S-Tab previous")
            if index == 3 {
                try secretariat.send("Right", "Right", "Tab")
                try secretariat.type("The statement must cite ILO Convention 97")
            }
            try secretariat.send("Enter")
            try secretariat.waitFor("form \(index) saved") { !$0.contains("Tab next · S-Tab previous") }
            try secretariat.send("j")
        }
        try secretariat.waitFor(text: "15 agree · 0 stand aside · 1 object · 0 no answer")

        // The chair's console picks it up; adopt is refused, naming ILO and its reason.
        try chair.send("5")
        try chair.waitFor(text: reference)
        try chair.send("r")
        try chair.waitFor(text: "15 agree · 0 stand aside · 1 object · 0 no answer", seconds: 5)
        try chair.send("a")
        try chair.waitFor(text: "Cannot adopt \(reference): ILO objects: The statement must cite ILO Convention 97.")

        // ILO's objection becomes stand aside (recorded by the secretariat after a call).
        for _ in 0..<12 { try secretariat.send("k") }
        try secretariat.send("p")
        try secretariat.waitFor(text: "ILO's position on \(reference)")
        try secretariat.send("Left", "Tab", "Tab", "Right", "Right", "Enter")
        try secretariat.waitFor(text: "Saved: Recorded ILO's position on \(reference): stand aside.")

        // The chair adopts.
        try chair.waitFor(text: "15 agree · 1 stand aside · 0 object · 0 no answer", seconds: 5)
        try chair.send("a")
        try chair.waitFor(text: "Adopt \(reference)")
        try chair.type("Adopted by consensus; ILO stands aside.")
        try chair.send("Enter")
        try chair.waitFor(text: "Saved: Adopted \(reference) as decision \(year)/01.")

        // The other console shows the new status, and refuses a position on the closed item with who and when.
        try secretariat.waitFor(text: "Laura Bianchi (IOM chair): Adopted \(reference) as decision \(year)/01.", seconds: 5)
        try secretariat.waitFor(text: "status adopted (decision \(year)/01)")
        try secretariat.send("p")
        try secretariat.waitFor(text: "\(reference) was adopted (decision \(year)/01) by Laura Bianchi (IOM) on")
        try secretariat.send("q")
        try chair.send("q")
        #expect(try secretariat.waitForExit() == 0)
        #expect(try chair.waitForExit() == 0)
    }
}
