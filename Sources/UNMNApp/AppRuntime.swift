import TerminalUI
import UNMNDomain

/// Runs the console on a terminal: draw, wait for input, update, perform effects, repeat.
///
/// The runtime does no I/O of its own: the terminal is handed in, and so is whatever performs
/// effects that reach the outside world (remembering the operator, later the journal).
public final class AppRuntime<T: Terminal> {
    public private(set) var state: AppState
    private let terminal: T
    private let today: () -> LocalDate
    private let perform: (Effect) -> Message?
    private let poll: () -> Message?

    /// - Parameters:
    ///   - today: the current date in Asia/Tashkent, asked about once a second.
    ///   - perform: performs an effect other than quitting; may answer with a message.
    ///   - poll: asked about once a second what changed outside (another console's appends).
    public init(state: AppState, terminal: T, today: @escaping () -> LocalDate, poll: @escaping () -> Message? = { nil },
                perform: @escaping (Effect) -> Message?) {
        self.state = state
        self.terminal = terminal
        self.today = today
        self.poll = poll
        self.perform = perform
    }

    /// Runs until the user quits.
    public func run() {
        let size = terminal.size
        if size.width != state.width || size.height != state.height {
            send(.resize(width: size.width, height: size.height))
        }
        while !state.isQuitting {
            terminal.draw(AppView.render(state))
            let event = terminal.nextEvent(timeoutMilliseconds: 1000)
            handle(event)
        }
    }

    public func handle(_ event: InputEvent) {
        switch event {
        case .key(let key): send(KeyBindings.message(for: key, in: state))
        case .click(let x, let y): send(.click(x: x, y: y))
        case .resize(let width, let height): send(.resize(width: width, height: height))
        case .tick:
            let date = today()
            if date != state.today { send(.dateChanged(date)) }
            if let change = poll() { send(change) }
        }
    }

    private func send(_ message: Message) {
        var pending = [message]
        while !pending.isEmpty {
            let effects = AppUpdate.update(&state, pending.removeFirst())
            for effect in effects where effect != .quit {
                if let answer = perform(effect) { pending.append(answer) }
            }
        }
    }
}
