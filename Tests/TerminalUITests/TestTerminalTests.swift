import Testing

@testable import TerminalUI

@Suite("Test terminal")
struct TestTerminalTests {
    @Test("Frames are recorded, events replayed, resizes change the size")
    func recording() {
        let terminal = TestTerminal(width: 80, height: 24, events: [.key(.down), .resize(width: 100, height: 30)])
        var buffer = Buffer(width: 80, height: 24)
        buffer.write("hello", x: 0, y: 0)
        terminal.draw(buffer)
        #expect(terminal.frames.count == 1)
        #expect(terminal.lastFrame?.lines.first == "hello")
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.down))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .resize(width: 100, height: 30))
        #expect(terminal.size.width == 100)
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.character("q")))
    }
}
