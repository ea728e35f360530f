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

    public var year: Int
    public var status: Status
    public var actions: [KeyAction]
    public var id: Int { year }

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
