import TerminalUI
import UNMNDomain
import UNMNReports

/// What the Decisions pane shows: the grouped items, the decisions log, or one item in review.
public struct DecisionsState: Sendable, Hashable {
    /// The grouped items' selection (an index into the items, headings aside).
    public var list = ListState()
    /// Review mode, when on.
    public var review: ReviewState?
    /// True when the pane shows the decisions log instead of the grouped items.
    public var showsLog = false
    public var log = ListState()
    /// The decisions log's filters: one year, one kind of item (nil: all).
    public var logYear: Int?
    public var logCategory: ConsensusItem.Kind.Category?

    public init() {}
}

/// Review mode (`r` in Decisions): the item under review and the selected member in its grid.
public struct ReviewState: Sendable, Hashable {
    public var item: ItemReference
    public var members = ListState()

    public init(item: ItemReference) { self.item = item }
}

public enum DecisionsMessage: Sendable, Hashable {
    case startReview
    case endReview
    case reviewStep(Int)
    case requestPosition
    /// The position form for this entity (after confirming a replacement, when there is one).
    case positionForm(EntityCode)
    case requestClose(ClosingKind)
    case requestNewItem
    /// `R` in review: consult again on a work plan changed since its endorsement item opened.
    case requestReopen
    case writeReminder
    case toggleLog
    /// In the decisions log: the next year, the next kind of item (then all again).
    case cycleLogYear
    case cycleLogKind
    /// The log's selected decision: its item, in review (read-only once closed).
    case openLogEntry
}

/// The forms of the Decisions pane, with what each needs to decode its answers.
public enum DecisionsForm: Sendable, Hashable {
    case recordPosition(item: ItemReference, entity: EntityCode, byMember: Bool, basedOn: Int)
    case closeItem(ItemReference, ClosingKind)
    /// `kinds` and `meetings`: the choices the form offered, in its order.
    case openItem(kinds: [ConsensusItem.Kind], meetings: [MeetingReference])
    case reopenConsultation(ItemReference)
}

/// How the chair closes (or defers) an item.
public enum ClosingKind: String, Sendable, Hashable {
    case adopt, reject, `defer`, withdraw

    var title: String {
        switch self {
        case .adopt: return "Adopt"
        case .reject: return "Close as not adopted:"
        case .defer: return "Defer"
        case .withdraw: return "Withdraw"
        }
    }

    /// What closing this way is, as the refusal of a key says it.
    var action: String {
        switch self {
        case .adopt: return "adopt the item"
        case .reject: return "close the item as not adopted"
        case .defer: return "defer the item"
        case .withdraw: return "withdraw the item"
        }
    }
}

extension AppState {
    /// The item under review, fresh from the journal's state.
    var reviewedItem: ConsensusItem? { decisions.review.flatMap { review in network?.item(review.item) } }

    var decisionsList: DecisionsList? { network.map { DecisionsList(network: $0, today: today, query: decisions.list.filterText) } }

    /// The decisions log under the filters in force: where its decisions lie in the network's
    /// items (`NetworkState.decision(at:)` makes one), so that a key builds only the rows drawn.
    var decisionsLog: [Int] { network?.decisionIndices(year: decisions.logYear, category: decisions.logCategory) ?? [] }
}

/// Pane 5: consensus items grouped for the chair (pending, ready to adopt, held, closed), the
/// decisions log, and review mode.
enum DecisionsPane: PaneFeature {
    static let pane = Pane.decisions

    static func list(in state: AppState, layout: AppLayout) -> PaneList? {
        guard let network = state.network, !network.items.isEmpty else { return nil }
        let area = layout.content
        if let review = state.decisions.review, let item = network.item(review.item) {
            let header = ReviewView.headerHeight(item, network: network, today: state.today, width: area.width)
            let grid = Rect(x: area.x, y: area.y + header, width: area.width, height: area.height - header)
            return PaneList(
                \.decisions.review!.members, ListContent(count: network.members.count, area: grid),
                unfilterableReason: "Esc first: / filters the list of items.")
        }
        if state.decisions.showsLog {
            let log = state.decisionsLog
            return PaneList(
                \.decisions.log,
                ListContent(count: log.count, area: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)),
                unfilterableReason: "The log filters by year (y) and kind (t).")
        }
        let list = DecisionsList(network: network, today: state.today, query: state.decisions.list.filterText)
        let layoutRows = list.displayRows
        return PaneList(
            \.decisions.list, ListContent(itemRows: layoutRows.itemRows, rowCount: layoutRows.count, total: network.items.count, area: area)
        )
    }

    static func back(_ state: inout AppState) -> Bool {
        if state.decisions.review != nil {
            _ = update(&state, .endReview)
        } else if state.decisions.showsLog {
            state.decisions.showsLog = false
        } else {
            return false
        }
        return true
    }

    static func export(_ state: AppState, network: NetworkState) -> ExportedDocument {
        if let item = state.reviewedItem, case .meeting(let reference) = item.raisedAt, let meeting = network.meeting(reference) {
            return ExportedDocument(
                name: "unmn-minutes-\(meeting.reference.rawValue.replacingOccurrences(of: "/", with: "-")).md",
                contents: MinutesDocument.render(meeting, network: network, format: .md))
        }
        return ExportedDocument(
            name: "unmn-decisions.md", contents: DecisionsDocument.render(network: network, year: state.decisions.logYear, format: .md))
    }
}
