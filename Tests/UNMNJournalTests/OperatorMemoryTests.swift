import Foundation
import Testing
import UNMNDomain
import UNMNJournal

@Suite("Remembered operator")
struct OperatorMemoryTests {
    func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "unmn-test-\(UUID().uuidString)/config"
        return path
    }

    @Test("Nothing remembered at first; what is saved comes back, private to its owner")
    func roundTrip() throws {
        let memory = OperatorMemory(directory: temporaryDirectory())
        #expect(try memory.load() == nil)
        let chosen = Operator(name: "Дилноза Oʻzbekova", entity: "UN Women", role: .secretariat)
        try memory.save(chosen)
        #expect(try memory.load() == chosen)
        let attributes = try FileManager.default.attributesOfItem(atPath: memory.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOfFile: memory.path, encoding: .utf8)
        #expect(text.contains("\"entity\" : \"UN Women\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: memory.directory)
        #expect(leftovers == ["operator.json"])
    }

    @Test("A damaged file is reported, not trusted")
    func damaged() throws {
        let memory = OperatorMemory(directory: temporaryDirectory())
        try FileManager.default.createDirectory(atPath: memory.directory, withIntermediateDirectories: true)
        try Data("{\"name\": 3".utf8).write(to: URL(fileURLWithPath: memory.path))
        #expect(
            throws: OperatorMemory.Failure.unreadable(
                path: memory.path, reason: "the file is not a valid operator record (choose again with --as)")
        ) {
            try memory.load()
        }
    }

    @Test("A directory that cannot be written is reported with the reason")
    func unwritable() {
        let memory = OperatorMemory(directory: "/proc/unmn-cannot-exist")
        #expect(throws: OperatorMemory.Failure.self) {
            try memory.save(Operator(name: "A", entity: "IOM", role: .viewer))
        }
    }
}
