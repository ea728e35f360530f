import Testing
import UNMNJournal

@Suite("Where data lives")
struct JournalLocationTests {
    @Test("--journal beats UNMN_JOURNAL beats XDG_DATA_HOME beats ~/.local/share")
    func precedence() {
        let env = ["HOME": "/home/dilnoza", "UNMN_JOURNAL": "/srv/unmn/journal", "XDG_DATA_HOME": "/data"]
        #expect(JournalLocation.resolve(flag: "~/j", environment: env).path == "/home/dilnoza/j")
        #expect(JournalLocation.resolve(flag: nil, environment: env).path == "/srv/unmn/journal")
        #expect(JournalLocation.resolve(flag: nil, environment: ["HOME": "/h", "XDG_DATA_HOME": "/data"]).path == "/data/unmn/journal")
        #expect(JournalLocation.resolve(flag: nil, environment: ["HOME": "/h"]).path == "/h/.local/share/unmn/journal")
        #expect(
            JournalLocation.resolve(flag: nil, environment: ["HOME": "/h", "XDG_DATA_HOME": "relative"]).path
                == "/h/.local/share/unmn/journal")
    }

    @Test("The remembered operator lives under XDG_CONFIG_HOME")
    func config() {
        #expect(JournalLocation.configDirectory(environment: ["HOME": "/h"]) == "/h/.config/unmn")
        #expect(JournalLocation.configDirectory(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/c"]) == "/c/unmn")
    }

    @Test("Paths under home are shown with ~")
    func abbreviated() {
        #expect(
            JournalLocation(path: "/h/.local/share/unmn/journal").abbreviated(environment: ["HOME": "/h"]) == "~/.local/share/unmn/journal")
        #expect(JournalLocation(path: "/srv/j").abbreviated(environment: ["HOME": "/h"]) == "/srv/j")
    }
}
