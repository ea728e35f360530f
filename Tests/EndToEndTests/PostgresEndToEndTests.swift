import Foundation
import TestSupport
import Testing

/// Two consoles on one network kept in PostgreSQL, as people on two machines would use it:
/// the secretariat records the last positions, the chair adopts, and the secretariat's console
/// shows the adoption without anyone pressing a key.
@Suite("PostgreSQL end to end in tmux", .serialized)
struct PostgresEndToEndTests {
    @Test("db init --demo, then a chair's adoption in one console shows in the other")
    func adoptionSeenInTheOtherConsole() throws {
        let cluster = PostgresCluster.shared
        if let failure = cluster.failure { Issue.record(Comment(rawValue: failure)) }
        let network = "e2e" + UUID().uuidString.prefix(8).lowercased()
        let url = cluster.url(network: network)

        let setup = try TmuxSession(arguments: ["db", "init", url, "--demo"])
        #expect(try setup.waitForExit() == 0)
        #expect(try setup.screen().contains("Created network \(network) in"))

        let secretariat = try TmuxSession(arguments: ["--journal", url, "--as", "IOM:secretariat", "--name", "Dilnoza Yusupova"])
        try secretariat.waitFor(text: "Dilnoza Yusupova · IOM secretariat")
        try secretariat.send("5")
        try secretariat.waitFor(text: "UNMN/2026/006")
        try secretariat.send("j", "j", "r")
        try secretariat.waitFor(text: "Review 3 of 3 · UNMN/2026/006")

        // ILO's objection becomes stand aside, after a call; the three who had not answered agree.
        try secretariat.send("j", "j", "j", "p")
        try secretariat.waitFor(text: "Replace ILO's position?")
        try secretariat.send("y")
        try secretariat.waitFor(text: "ILO's position on UNMN/2026/006")
        try secretariat.send("Left", "Enter")
        try secretariat.waitFor(text: "Saved: Recorded ILO's position on UNMN/2026/006: stand aside.")
        for (entity, moves) in [("UNESCO", 5), ("UNDRR", 3), ("WB", 3)] {
            for _ in 0..<moves { try secretariat.send("j") }
            try secretariat.send("p")
            try secretariat.waitFor(text: "\(entity)'s position on UNMN/2026/006")
            try secretariat.send("Enter")
            try secretariat.waitFor(text: "Saved: Recorded \(entity)'s position on UNMN/2026/006: agree.")
        }
        try secretariat.waitFor(text: "15 agree · 1 stand aside · 0 object · 0 no answer")

        // The chair, in a console of her own, adopts.
        let chair = try TmuxSession(arguments: ["--journal", url, "--as", "IOM:chair", "--name", "Laura Bianchi"])
        try chair.waitFor(text: "Laura Bianchi · IOM chair")
        try chair.send("5", "j", "j", "r")
        try chair.waitFor(text: "Review 3 of 3 · UNMN/2026/006")
        try chair.send("a")
        try chair.waitFor(text: "Adopt UNMN/2026/006")
        try chair.type("Adopted by consensus; ILO stands aside.")
        try chair.send("Enter")
        try chair.waitFor(text: "Saved: Adopted UNMN/2026/006 as decision")

        // The server's notice brings it to the secretariat's console, untouched since.
        try secretariat.waitFor(text: "Laura Bianchi (IOM chair): Adopted UNMN/2026/006 as decision", seconds: 5)
        try secretariat.waitFor(text: "status adopted (decision")
        for session in [secretariat, chair] {
            try session.send("q")
            #expect(try session.waitForExit() == 0)
        }
        let check = try TmuxSession(arguments: ["check", "--journal", url])
        #expect(try check.waitForExit() == 0)
        #expect(try check.screen().contains("intact, 374 intact records"))

        // An auditor's copy: pulled to a file, which checks as intact on its own.
        let directory = try makeTestDirectory("e2e-pull")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pull = try TmuxSession(arguments: ["journal", "pull", url, directory + "/copy.journal"])
        #expect(try pull.waitForExit() == 0)
        let checkCopy = try TmuxSession(arguments: ["check", "--journal", directory + "/copy.journal"])
        #expect(try checkCopy.waitForExit() == 0)
        #expect(try checkCopy.screen().contains("intact, 374 intact records"))
    }
}
