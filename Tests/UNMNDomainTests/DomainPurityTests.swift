import Foundation
import Testing

@Suite("The domain stays pure")
struct DomainPurityTests {
    @Test("No file of the domain target does I/O, reads the clock, uses Dispatch or ncurses")
    func noIO() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/UNMNDomain")
            .standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        let forbidden = [
            "FileManager", "FileHandle", "Process(", "Date()", "Dispatch", "curses", "fopen", "ProcessInfo", "arc4random", "UUID()",
        ]
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for word in forbidden { #expect(!text.contains(word), "\(file) uses \(word)") }
        }
    }
}
