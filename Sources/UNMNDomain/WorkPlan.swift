import Foundation

/// The annual work plan (AWP) of one year.
public struct WorkPlan: Hashable, Sendable, Codable, Identifiable {
    public enum Status: Hashable, Sendable, Codable {
        case draft
        /// Endorsed by the members on `on`, by the meeting or consensus item named in `reference`.
        case endorsed(on: LocalDate, reference: String)
        case closed(endorsedOn: LocalDate, reference: String, closedOn: LocalDate)

        public var title: String {
            switch self {
            case .draft: return "draft"
            case .endorsed(let on, let reference): return "endorsed \(on) (\(reference))"
            case .closed(_, _, let closedOn): return "closed \(closedOn)"
            }
        }
    }

    /// A change to a key action after the members endorsed the plan: the plan is frozen, so a
    /// change is recorded as a revision with its reason, and (adding an action, changing a budget
    /// or a timeframe) needs the members' endorsement again.
    public struct Revision: Hashable, Sendable, Codable {
        public enum Change: String, Hashable, Sendable, Codable {
            case added, changed, cancelled
        }

        public var code: String
        public var change: Change
        /// What changed, as people call the fields ("budget required", "end").
        public var fields: [String]
        public var reason: String
        public var on: LocalDate
        public var by: String
        public var needsEndorsement: Bool
        /// The adopted item that endorsed it, once the members did.
        public var endorsedBy: String?

        public init(
            code: String, change: Change, fields: [String] = [], reason: String, on: LocalDate, by: String, needsEndorsement: Bool,
            endorsedBy: String? = nil
        ) {
            self.code = code
            self.change = change
            self.fields = fields
            self.reason = reason
            self.on = on
            self.by = by
            self.needsEndorsement = needsEndorsement
            self.endorsedBy = endorsedBy
        }

        /// `2026-05 changed (budget required, end) on 2026-06-02: the donor cut its grant — awaiting endorsement`.
        public var description: String {
            "\(code) \(change.rawValue)" + (fields.isEmpty ? "" : " (\(fields.joined(separator: ", ")))") + " on \(on): \(reason)"
                + (needsEndorsement ? (endorsedBy.map { " — endorsed (\($0))" } ?? " — awaiting endorsement") : "")
        }
    }

    public var year: Int
    public var status: Status
    public var actions: [KeyAction]
    /// Revisions after endorsement, oldest first (nil in records from before they were kept).
    public var revisions: [Revision]?
    public var id: Int { year }

    public var isEndorsed: Bool {
        if case .endorsed = status { return true }
        return false
    }

    /// Revisions that need the members' endorsement and have not had it.
    public var revisionsAwaitingEndorsement: [Revision] { (revisions ?? []).filter { $0.needsEndorsement && $0.endorsedBy == nil } }

    /// `endorsed 2026-03-11 (UNMN/2026/001), revised after endorsement (2, 1 awaiting endorsement)`.
    public var statusDescription: String {
        let count = revisions?.count ?? 0
        guard count > 0 else { return status.title }
        let awaiting = revisionsAwaitingEndorsement.count
        return status.title + ", revised after endorsement (\(count)" + (awaiting > 0 ? ", \(awaiting) awaiting endorsement)" : ")")
    }

    public init(year: Int, status: Status = .draft, actions: [KeyAction] = []) {
        self.year = year
        self.status = status
        self.actions = actions
    }

    /// The plan's overall progress, by the rule stated in `ProgressRollUp`.
    public var progress: ProgressRollUp { ProgressRollUp(actions) }
}

/// How progress rolls up from key actions to a plan, an entity, a status or a GCM objective:
/// the mean of the actions' progress weighted by their required budget, actions without a
/// budget counting as much as the average budgeted one (a plain mean when none has a budget);
/// cancelled actions are left out.
public struct ProgressRollUp: Hashable, Sendable {
    public static let rule =
        "budget-weighted mean of the key actions' progress (unbudgeted actions weigh as the average; cancelled actions left out)"

    public var percent: Int
    public var actionCount: Int

    public init(_ actions: [KeyAction]) {
        let counted = actions.filter { $0.status != .cancelled }
        actionCount = counted.count
        guard !counted.isEmpty else {
            percent = 0
            return
        }
        let budgets = counted.map(\.budgetRequired).filter { $0 > 0 }
        let average: Decimal = budgets.isEmpty ? 1 : budgets.reduce(0, +) / Decimal(budgets.count)
        var weighted: Decimal = 0
        var total: Decimal = 0
        for action in counted {
            let weight = action.budgetRequired > 0 ? action.budgetRequired : average
            weighted += weight * Decimal(action.progress)
            total += weight
        }
        var result = weighted / total
        var rounded = Decimal()
        NSDecimalRound(&rounded, &result, 0, .plain)
        percent = NSDecimalNumber(decimal: rounded).intValue
    }
}
