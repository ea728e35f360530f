/// What the app needs from a terminal: its size, a way to show a frame, and the next input.
/// The ncurses backend is one; `TestTerminal` is the in-memory double.
public protocol Terminal: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Shows the buffer; only what changed since the last frame needs to be sent.
    func draw(_ buffer: Buffer)
    /// The next input, or `.tick` after about `timeoutMilliseconds` without any.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent
    /// Hands the screen back (to run `$EDITOR`, say) and takes it again afterwards.
    func suspend<T>(_ body: () throws -> T) rethrows -> T
}

/// An in-memory terminal for tests: scripted input, every frame kept.
public final class TestTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    public private(set) var frames: [Buffer] = []
    private var pending: [InputEvent]

    public init(width: Int, height: Int, events: [InputEvent] = []) {
        size = (width, height)
        pending = events
    }

    public var lastFrame: Buffer? { frames.last }

    public func draw(_ buffer: Buffer) { frames.append(buffer) }

    public func enqueue(_ events: [InputEvent]) { pending += events }

    /// Returns the scripted events in order; a resize also changes `size`. When the script
    /// runs out it reports Ctrl-C's stand-in, `q`, so that a loop under test always ends.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent {
        guard !pending.isEmpty else { return .key(.character("q")) }
        let event = pending.removeFirst()
        if case .resize(let width, let height) = event { size = (width, height) }
        return event
    }

    public func suspend<T>(_ body: () throws -> T) rethrows -> T { try body() }
}
