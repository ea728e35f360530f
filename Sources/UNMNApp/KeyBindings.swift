import TerminalUI
import UNMNDomain

/// The console's key bindings, as data (lazygit's controllers, tig's requests): routing,
/// footer and help all read this one table.
public enum KeyBindings {
    /// Why a capability that later releases bring is not here yet, said plainly.
    static func notYet(_ what: String) -> @Sendable (AppState) -> String? {
        { _ in "\(what) is not available in this version of unmn yet." }
    }

    static let listPanes: Set<Pane> = [.members]

    public static let all: [KeyBinding] = paneBindings + membersBindings + meetingsBindings + decisionsBindings + workplanBindings + reviewBindings + globalBindings

    static let paneBindings: [KeyBinding] = [
        KeyBinding([.enter], label: "Open", description: "Open the selected line's pane at that record (↓/↑ choose the line)", scope: .pane(.overview), message: .overviewOpen),
        KeyBinding([.enter], label: "Open", description: "Open the selected entity", scope: .pane(.members), message: .open),
        KeyBinding([.escape], label: "Back", description: "Back to the list; clear the filter", scope: .pane(.members), message: .back),
        KeyBinding([.character("/")], label: "Filter", description: "Filter the members as you type (\"ozbek\" finds Oʻzbekiston and Ўзбекистон)",
                   scope: .pane(.members), message: .startFilter),
    ]

    static let globalBindings: [KeyBinding] = [
        KeyBinding([.character("1"), .character("2"), .character("3"), .character("4"), .character("5")], keyLabel: "1-5",
                   label: "Panes", description: "Overview, Members, Meetings, Workplan, Decisions", message: .selectPane(.overview)),
        KeyBinding([.tab], label: "Next pane", description: "Next pane", message: .nextPane, isInFooter: false),
        KeyBinding([.backTab], label: "Previous pane", description: "Previous pane", message: .previousPane, isInFooter: false),
        KeyBinding([.down, .character("j")], keyLabel: "↓/j", label: "Down", description: "Move down", message: .moveSelection(1), isInFooter: false),
        KeyBinding([.up, .character("k")], keyLabel: "↑/k", label: "Up", description: "Move up", message: .moveSelection(-1), isInFooter: false),
        KeyBinding([.pageDown, .control("f")], label: "Page down", description: "Move a page down", message: .pageDown, isInFooter: false),
        KeyBinding([.pageUp, .control("b")], label: "Page up", description: "Move a page up", message: .pageUp, isInFooter: false),
        KeyBinding([.home, .character("g")], label: "First", description: "Go to the first row", message: .moveToFirst, isInFooter: false),
        KeyBinding([.end, .character("G")], label: "Last", description: "Go to the last row", message: .moveToLast, isInFooter: false),
        KeyBinding([.escape], label: "Back", description: "Go back, clear the filter, close what is open", message: .back, isInFooter: false),
        KeyBinding([.character("u")], label: "Undo", description: "Undo your last change (asks first, shows what)", message: .requestUndo, isInFooter: false,
                   disabledReason: { state in
                       if state.network == nil { return "There is no journal to undo in." }
                       if state.isReadOnly { return "The console is read-only." }
                       return state.currentOperator == nil ? "Say who you are first (o)." : nil
                   }),
        KeyBinding([.character("o")], label: "Operator", description: "Change who is using the console (name, entity, role)",
                   message: .chooseOperator, isInFooter: false),
        KeyBinding([.character("x")], label: "Export", description: "Export what is on screen to a file in the current directory (report, mailing list, calendar, work plan, decisions)",
                   message: .exportScreen, isInFooter: false, disabledReason: { $0.network == nil ? "There is no journal to export from." : nil }),
        KeyBinding([.character("/")], label: "Filter", description: "Filter the pane's list as you type (ignores case, accents, Latin/Cyrillic spelling); Enter keeps it, Esc clears it",
                   message: .startFilter, isInFooter: false, disabledReason: { $0.pane == .overview ? "The Overview has no list to filter; ↓/↑ and Enter open a line." : nil }),
        KeyBinding([.character("?")], label: "Help", description: "Show every key", message: .showHelp),
        KeyBinding([.character("q")], label: "Quit", description: "Quit unmn", message: .requestQuit),
    ]

    /// The message a key means in this state: the open overlay or filter prompt takes keys
    /// first, then the focused pane's bindings, then the global ones.
    public static func message(for key: Key, in state: AppState) -> Message {
        if state.overlay != nil { return .overlayKey(key) }
        if state.pane != .overview && state.activeList.isFilterActive { return .filterKey(key) }
        if state.isTooSmall {
            return key == .character("q") ? .requestQuit : .unavailable("The window is too small; enlarge it to at least 80×24.")
        }
        let inReview = state.pane == .decisions && state.review != nil
        guard let binding = binding(for: key, pane: state.pane, inReview: inReview) else { return .unknownKey(key) }
        if let reason = binding.disabledReason(state) { return .unavailable(reason) }
        if case .selectPane = binding.message, case .character(let c) = key, let pane = Pane.allCases.first(where: { $0.numberKey == c }) {
            return .selectPane(pane)
        }
        if case .workplanYear = binding.message, case .character(let c) = key { return .workplanYear(c == "[" ? -1 : 1) }
        return binding.message
    }

    /// The binding a key reaches on a pane: the pane's own first, then the global ones.
    public static func binding(for key: Key, pane: Pane, inReview: Bool = false) -> KeyBinding? {
        if inReview, let review = reviewBindings.first(where: { $0.keys.contains(key) }) { return review }
        return (paneBindings + membersBindings + meetingsBindings + decisionsBindings + workplanBindings).first { $0.applies(to: pane) && $0.keys.contains(key) }
            ?? globalBindings.first { $0.keys.contains(key) }
    }

    /// The footer hints for this state: the pane's bindings, then the global ones shown there.
    public static func footerHints(for state: AppState) -> [KeyHint] {
        let own = state.pane == .decisions && state.review != nil ? reviewBindings : (paneBindings + membersBindings + meetingsBindings + decisionsBindings + workplanBindings).filter { $0.applies(to: state.pane) }
        return (own + globalBindings.filter(\.isInFooter))
            .filter { $0.isInFooter && $0.isRelevant(state) }
            .map { KeyHint(keys: $0.keyLabel, label: $0.label, isEnabled: $0.disabledReason(state) == nil) }
    }

    /// The `?` screen: global keys first, then each pane's.
    public static func helpSections(for state: AppState) -> [HelpOverlay.Section] {
        func entries(_ bindings: [KeyBinding]) -> [HelpOverlay.Entry] {
            bindings.map { HelpOverlay.Entry(keys: $0.keyLabel, description: $0.description, disabledReason: $0.disabledReason(state)) }
        }
        let everywhere = HelpOverlay.Section(title: "Everywhere", entries: entries(globalBindings) + [
            HelpOverlay.Entry(keys: "mouse", description: "Click a tab to switch panes, a row to select it"),
        ])
        let panes = Pane.allCases.compactMap { pane -> HelpOverlay.Section? in
            let own = (paneBindings + membersBindings + meetingsBindings + decisionsBindings + workplanBindings).filter { $0.applies(to: pane) }
            return own.isEmpty ? nil : HelpOverlay.Section(title: "\(pane.numberKey) \(pane.title)", entries: entries(own))
        } + [HelpOverlay.Section(title: "5 Decisions, review mode (r)", entries: entries(reviewBindings))]
        let editing = HelpOverlay.Section(title: "In forms and the filter prompt", entries: [
            HelpOverlay.Entry(keys: "Tab/S-Tab", description: "Next or previous field"),
            HelpOverlay.Entry(keys: "←/→ Space", description: "Change a choice; tick an option in a list"),
            HelpOverlay.Entry(keys: "^A ^E ^U ^K ^W", description: "Start, end, clear before, clear after, delete word"),
            HelpOverlay.Entry(keys: "Enter", description: "Save the form, or keep the filter"),
            HelpOverlay.Entry(keys: "Esc", description: "Cancel (asks first when input would be lost)"),
        ])
        return [everywhere] + panes + [editing]
    }
}
