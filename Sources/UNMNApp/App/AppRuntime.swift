import TerminalUI
import UNMNDomain

/// Runs the console on a terminal: draw, wait for input, update, perform effects, repeat.
///
/// The runtime does no I/O of its own: the terminal is handed in, and so is the performer of
/// effects that reach the outside world (the journal, files, the operator's memory, $EDITOR).
public final class AppRuntime<T: Terminal> {
    public private(set) var state: AppState
    private let terminal: T
    private let today: () -> LocalDate
    private let performer: any EffectPerformer

    /// - Parameters:
    ///   - today: the current date in Asia/Tashkent, asked about once a second.
    ///   - performer: performs effects other than quitting, and reports outside changes.
    public init(state: AppState, terminal: T, today: @escaping () -> LocalDate, performer: any EffectPerformer) {
        self.state = state
        self.terminal = terminal
        self.today = today
        self.performer = performer
    }

    /// Runs until the user quits.
    public func run() {
        let size = terminal.size
        if size.width != state.width || size.height != state.height {
            send(.resize(width: size.width, height: size.height))
        }
        var changed = true
        while !state.isQuitting {
            // A quiet tick changes nothing: the frame is drawn only after something happened.
            if changed { terminal.draw(AppView.render(state)) }
            let event = terminal.nextEvent(timeoutMilliseconds: performer.pollMilliseconds)
            changed = handle(event)
        }
    }

    /// Handles one input; false when it was a tick that found nothing new.
    @discardableResult
    public func handle(_ event: InputEvent) -> Bool {
        switch event {
        case .key(let key): send(KeyBindings.message(for: key, in: state))
        case .click(let x, let y): send(.click(x: x, y: y))
        case .resize(let width, let height): send(.resize(width: width, height: height))
        case .tick:
            var changed = false
            let date = today()
            if date != state.today {
                send(.dateChanged(date))
                changed = true
            }
            if let change = performer.poll() {
                send(change)
                changed = true
            }
            return changed
        }
        return true
    }

    /// Updates the state with a message and performs the effects, feeding their answers back.
    public func send(_ message: Message) {
        var pending = [message]
        while !pending.isEmpty {
            let effects = AppUpdate.update(&state, pending.removeFirst())
            for effect in effects where effect != .quit {
                if let answer = performer.perform(effect) { pending.append(answer) }
            }
        }
    }
}
