import TerminalUI
import UNMNDomain

/// The console's key routing: the open overlay or filter prompt first, then the keys of what
/// the pane shows now, then the global keys. Footer and `?` read the same tables.
public enum KeyBindings {

    /// `@` on the Overview and the Workplan: the network as it stood on a past day, read-only.
    static let asOf = KeyBinding(
        [.character("@")], label: "As of",
        description: "Look at the network as it stood at the end of a past day (read-only); @ again or Esc returns to today",
        message: .requestAsOf, isInFooter: false)

    static let globalBindings: [KeyBinding] = [
        KeyBinding(
            [.character("1"), .character("2"), .character("3"), .character("4"), .character("5")], keyLabel: "1-5",
            label: "Panes", description: "Overview, Members, Meetings, Workplan, Decisions"
        ) { key in
            guard case .character(let c) = key, let pane = Pane.allCases.first(where: { $0.numberKey == c }) else {
                return .unknownKey(key)
            }
            return .selectPane(pane)
        },
        KeyBinding([.tab], label: "Next pane", description: "Next pane", message: .nextPane, isInFooter: false),
        KeyBinding([.backTab], label: "Previous pane", description: "Previous pane", message: .previousPane, isInFooter: false),
        KeyBinding(
            [.down, .character("j")], keyLabel: "↓/j", label: "Down", description: "Move down", message: .moveSelection(1),
            isInFooter: false),
        KeyBinding(
            [.up, .character("k")], keyLabel: "↑/k", label: "Up", description: "Move up", message: .moveSelection(-1), isInFooter: false),
        KeyBinding([.pageDown, .control("f")], label: "Page down", description: "Move a page down", message: .pageDown, isInFooter: false),
        KeyBinding([.pageUp, .control("b")], label: "Page up", description: "Move a page up", message: .pageUp, isInFooter: false),
        KeyBinding([.home, .character("g")], label: "First", description: "Go to the first row", message: .moveToFirst, isInFooter: false),
        KeyBinding([.end, .character("G")], label: "Last", description: "Go to the last row", message: .moveToLast, isInFooter: false),
        KeyBinding(
            [.escape], label: "Back", description: "Go back, clear the filter, close what is open", message: .back, isInFooter: false),
        KeyBinding(
            [.character("u")], label: "Undo", description: "Undo your last change (asks first, shows what)", message: .requestUndo,
            isInFooter: false, disabledReason: { Guards.require(.undo, $0, to: "undo") }),
        KeyBinding(
            [.character("o")], label: "Operator", description: "Change who is using the console (name, entity, role)",
            message: .chooseOperator, isInFooter: false),
        KeyBinding(
            [.character("x")], label: "Export",
            description:
                "Export what is on screen to a file in the current directory (report, mailing list, calendar, work plan, decisions)",
            message: .exportScreen, isInFooter: false, disabledReason: { $0.network == nil ? "There is no journal to export from." : nil }),
        KeyBinding(
            [.character("/")], label: "Filter",
            description:
                "Filter the pane's list as you type (ignores case, accents, Latin/Cyrillic spelling); Enter keeps it, Esc clears it",
            message: .startFilter, isInFooter: false,
            disabledReason: { state in
                guard let list = state.visibleList else { return "There is no list on this screen to filter." }
                return list.unfilterableReason
            }),
        KeyBinding([.character("?")], label: "Help", description: "Show every key", message: .showHelp),
        KeyBinding(
            [.character("!")], label: "Whole message", description: "Read the last message whole when the status line ends with (more: !)",
            message: .showFullStatus, isInFooter: false,
            disabledReason: { $0.statusIsCut ? nil : "The status line already shows the whole message." }),
        KeyBinding(
            [.character("q"), .control("c")], keyLabel: "q", label: "Quit",
            description: "Quit unmn (also Ctrl-C, and Ctrl-Q in a form or the editor; asks first when input would be lost)",
            message: .requestQuit),
    ]

    /// Every binding, pane keys and global keys: what `?` must list.
    public static var all: [KeyBinding] {
        Pane.allCases.flatMap { $0.feature.keyGroups.flatMap(\.bindings) } + globalBindings
    }

    /// The message a key means in this state.
    public static func message(for key: Key, in state: AppState) -> Message {
        // Below the minimum size nothing is visible to act on: only quitting (which asks first
        // when a form holds input, and takes the answer) and resizing do anything.
        if state.isTooSmall {
            if case .confirm? = state.overlay { return .overlayKey(key) }
            if key == .character("q") || key == .control("q") { return .requestQuit }
            return .unavailable("The window is too small; enlarge it to at least 80×24.")
        }
        if state.overlay != nil { return .overlayKey(key) }
        if state.paneHasFilter, let list = state.visibleList, state[keyPath: list.state].isFilterActive { return .filterKey(key) }
        guard let binding = binding(for: key, in: state) else { return .unknownKey(key) }
        if let reason = binding.disabledReason(state) { return .unavailable(reason) }
        return binding.message(key)
    }

    /// The binding a key reaches now: the keys of what the pane shows, then the global ones.
    static func binding(for key: Key, in state: AppState) -> KeyBinding? {
        state.pane.feature.activeBindings(in: state).first { $0.keys.contains(key) }
            ?? globalBindings.first { $0.keys.contains(key) }
    }

    /// The footer hints for this state: what the pane shows now, then the global ones shown there.
    public static func footerHints(for state: AppState) -> [KeyHint] {
        // What holds the keyboard shows its own keys: a form's, the editor's, the help's.
        switch state.overlay {
        case .form?:
            let theirs = state.formConflicts.isEmpty ? [] : [KeyHint(keys: "^T", label: "Take theirs", isEnabled: true)]
            return [
                KeyHint(keys: "Tab", label: "Next", isEnabled: true), KeyHint(keys: "S-Tab", label: "Previous", isEnabled: true),
                KeyHint(keys: "Enter", label: "Save", isEnabled: true),
            ] + theirs + [KeyHint(keys: "Esc", label: "Cancel", isEnabled: true), KeyHint(keys: "^Q", label: "Quit", isEnabled: true)]
        case .editor?:
            return [
                KeyHint(keys: "^S", label: "Save", isEnabled: true), KeyHint(keys: "Esc", label: "Cancel", isEnabled: true),
                KeyHint(keys: "^O", label: "$EDITOR", isEnabled: true), KeyHint(keys: "^Q", label: "Quit", isEnabled: true),
            ]
        case .help?, .message?:
            return [KeyHint(keys: "↑/↓", label: "Scroll", isEnabled: true), KeyHint(keys: "Esc", label: "Close", isEnabled: true)]
        case .confirm?:
            return [KeyHint(keys: "y", label: "Yes", isEnabled: true), KeyHint(keys: "n", label: "No", isEnabled: true)]
        case nil:
            break
        }
        return (state.pane.feature.activeBindings(in: state) + globalBindings)
            .filter(\.isInFooter)
            .map { KeyHint(keys: $0.keyLabel, label: $0.label, isEnabled: $0.disabledReason(state) == nil) }
    }

    /// The `?` screen: global keys first, then each pane's by screen, then the editing keys.
    public static func helpSections(for state: AppState) -> [HelpOverlay.Section] {
        func entries(_ bindings: [KeyBinding]) -> [HelpOverlay.Entry] {
            bindings.map { HelpOverlay.Entry(keys: $0.keyLabel, description: $0.description, disabledReason: $0.disabledReason(state)) }
        }
        let everywhere = HelpOverlay.Section(
            title: "Everywhere",
            entries: entries(globalBindings) + [
                HelpOverlay.Entry(keys: "mouse", description: "Click a tab to switch panes, a row to select it")
            ])
        let panes = Pane.allCases.flatMap { pane in
            pane.feature.keyGroups.map { HelpOverlay.Section(title: $0.title, entries: entries($0.bindings)) }
        }
        let editing = HelpOverlay.Section(
            title: "In forms and the filter prompt",
            entries: [
                HelpOverlay.Entry(keys: "Tab/S-Tab", description: "Next or previous field"),
                HelpOverlay.Entry(keys: "←/→ Space", description: "Change a choice; tick an option in a list"),
                HelpOverlay.Entry(keys: "^A ^E ^U ^K ^W", description: "Start, end, clear before, clear after, delete word"),
                HelpOverlay.Entry(keys: "Enter", description: "Save the form, or keep the filter"),
                HelpOverlay.Entry(keys: "Esc", description: "Cancel (asks first when input would be lost)"),
                HelpOverlay.Entry(keys: "^Q", description: "Quit from a form (asks first when input would be lost)"),
            ])
        return [everywhere] + panes + [editing]
    }
}
