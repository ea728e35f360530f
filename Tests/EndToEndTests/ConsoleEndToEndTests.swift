import Foundation
import Testing

/// The real binary on a real pseudo-terminal, as a person would use it.
@Suite("End to end in tmux", .serialized)
struct ConsoleEndToEndTests {
    @Test("Start, visit every pane, help, resize to 80×24, 50×12 and 160×50, quit with q")
    func tour() throws {
        let session = try TmuxSession(arguments: ["--as", "IOM:secretariat", "--name", "Дилноза Oʻzbekova"])
        try session.waitFor(text: "1 Overview │ 2 Members")
        try session.waitFor(text: "Дилноза Oʻzbekova · IOM secretariat")

        try session.send("2")
        let members = try session.waitFor(text: "WHO       World Health Organization")
        for code in [
            "IOM", "UNRC", "FAO", "ILO", "UNAIDS", "OHCHR", "UNICEF", "UNDP", "UNESCO", "UN Women", "UNHCR", "UNDRR", "UNODC", "UNFPA",
            "WB", "WHO",
        ] {
            #expect(members.split(separator: "\n").contains { $0.hasPrefix(" \(code) ") }, "\(code) missing")
        }
        try session.send("3")
        try session.waitFor(text: "No meetings logged yet")
        try session.send("Tab")
        try session.waitFor(text: "No annual work plan for")
        try session.send("Tab")
        try session.waitFor(text: "No consensus items yet")
        try session.send("n")
        try session.waitFor(text: "Open a consensus item")
        try session.send("Escape")
        try session.waitFor("form closed") { !$0.contains("Open a consensus item") }
        try session.send("1")
        try session.waitFor(text: "16 entities · chair IOM · co-chair UNRC")

        try session.send("?")
        try session.waitFor(text: "Help — keys")
        try session.send("Escape")
        try session.waitFor("help closed") { !$0.contains("Help — keys") }

        try session.send("2")
        try session.resize(width: 80, height: 24)
        let narrow = try session.waitFor("80×24 layout") { $0.contains("UNMN Uzbekistan") && $0.contains(" WHO ") }
        let lines = narrow.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.first.map { $0.wholeMatch(of: /\ unmn · UNMN Uzbekistan +Дилноза.* \w{3} \d{1,2} \w{3} \d{4}/) != nil } == true)

        try session.resize(width: 50, height: 12)
        try session.waitFor(text: "Window too small")
        try session.resize(width: 160, height: 50)
        try session.waitFor(text: "UN Network on Migration in Uzbekistan")
        try session.waitFor(text: "Full name  International Organization for Migration")

        #expect(try session.paneFormat("#{alternate_on}") == "1")
        try session.send("q")
        #expect(try session.waitForExit() == 0)
        #expect(try session.paneFormat("#{alternate_on}") == "0")
    }

    @Test("First start creates the journal and asks its creator's name; they are its secretariat, and the next start knows them")
    func firstStart() throws {
        let session = try TmuxSession(arguments: [], width: 100, height: 30)
        try session.waitFor(text: "you will be its first secretariat. Your name:")
        try session.type("Шаҳноза Ғуломова")
        try session.send("Enter")
        try session.waitFor(text: "Шаҳноза Ғуломова · IOM secretariat")
        try session.waitFor(text: "Created a new journal at")
        try session.send("q")
        #expect(try session.waitForExit() == 0)

        let environment = ["HOME": session.home, "XDG_CONFIG_HOME": session.home + "/config", "XDG_DATA_HOME": session.home + "/data"]
        let again = try TmuxSession(arguments: [], width: 100, height: 30, environment: environment)
        try again.waitFor(text: "Шаҳноза Ғуломова · IOM secretariat")
        try again.send("q")
        #expect(try again.waitForExit() == 0)
    }

    @Test("On a real journal, --as cannot make a login someone it is not: a usage refused in one sentence, exit 77")
    func notTheirs() throws {
        let setup = try TmuxSession(arguments: ["--as", "IOM:secretariat", "--name", "Dilnoza Yusupova"])
        try setup.waitFor(text: "Dilnoza Yusupova · IOM secretariat")
        try setup.send("q")
        #expect(try setup.waitForExit() == 0)
        let environment = ["HOME": setup.home, "XDG_CONFIG_HOME": setup.home + "/config", "XDG_DATA_HOME": setup.home + "/data"]
        for designation in ["IOM:chair", "FAO:chair", "WB:chair:Test Banker"] {
            let session = try TmuxSession(arguments: ["--as", designation], environment: environment)
            #expect(try session.waitForExit() == 77)
            let screen = try session.screen()
            #expect(screen.contains("is Dilnoza Yusupova, IOM secretariat;"), "\(screen)")
            #expect(screen.contains("is not theirs to act as"))
        }
        let mallory = try TmuxSession(arguments: [], environment: environment.merging(["UNMN_OPERATOR": "IOM:chair:Mallory"]) { $1 })
        #expect(try mallory.waitForExit() == 77)
        let viewer = try TmuxSession(arguments: ["--as", "IOM:viewer"], environment: environment)
        try viewer.waitFor(text: "Dilnoza Yusupova · IOM viewer")
        try viewer.send("q")
        #expect(try viewer.waitForExit() == 0)
        // A login without a grant reads, and is told whom to ask.
        let guest = try TmuxSession(arguments: ["--login", "guest"], environment: environment)
        try guest.waitFor(text: "Read-only: guest has no access to this network; ask the secretariat (Dilnoza Yusupova) to grant it")
        try guest.waitFor(text: "READ-ONLY")
        try guest.send("q")
        #expect(try guest.waitForExit() == 0)
    }

    @Test("SIGTERM restores the terminal and exits 143")
    func terminated() throws {
        let session = try TmuxSession(arguments: ["--demo", "--as", "WB:viewer", "--name", "Test"])
        try session.waitFor(text: "Test · WB viewer")
        #expect(try session.paneFormat("#{alternate_on}") == "1")
        kill(try session.unmnProcessID(), SIGTERM)
        #expect(try session.waitForExit() == 143)
        #expect(try session.paneFormat("#{alternate_on}") == "0")
    }

    @Test(
        "A crash (a Swift trap is SIGILL or SIGTRAP) restores the terminal, then dies of its signal",
        arguments: [SIGILL, SIGTRAP, SIGSEGV])
    func crashed(signal: Int32) throws {
        let session = try TmuxSession(arguments: ["--demo", "--as", "WB:viewer", "--name", "Test"])
        try session.waitFor(text: "Test · WB viewer")
        kill(try session.unmnProcessID(), signal)
        #expect(try session.waitForExit() == 128 + Int(signal))
        #expect(try session.paneFormat("#{alternate_on}") == "0")
    }

    @Test("A bad --as is a usage error in one sentence, exit 64")
    func badOperator() throws {
        let session = try TmuxSession(arguments: ["--demo", "--as", "UNOPS:member"])
        #expect(try session.waitForExit() == 64)
        let screen = try session.screen()
        #expect(screen.contains("--as: \"UNOPS\" is not a member entity"))
        #expect(!screen.contains("Fatal error"))
    }
}
