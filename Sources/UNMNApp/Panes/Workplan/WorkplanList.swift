import Foundation
import TerminalUI
import UNMNDomain

/// The key actions the Workplan table shows: the year's plan, filtered and grouped.
struct WorkplanList {
    enum Row {
        case heading(String)
        case action(KeyAction)
    }

    let year: Int
    let plan: WorkPlan?
    let actions: [KeyAction]
    let rows: [Row]

    init(state: AppState, network: NetworkState) {
        let view = state.workplan
        year = view.year ?? state.today.year
        plan = network.workPlans[year]
        let today = state.today
        let entity = state.currentOperator?.entity
        actions = (plan?.actions ?? []).filter { action in
            view.filters.allSatisfy { filter in
                switch filter {
                case .mine: return entity.map(action.involves) ?? false
                case .overdue: return action.isOverdue(on: today)
                case .atRisk: return action.status == .atRisk || action.status == .delayed
                case .thisQuarter:
                    let start = LocalDate(year: today.year, month: today.quarter * 3 - 2, day: 1)!
                    let end = LocalDate(
                        year: today.year, month: today.quarter * 3, day: LocalDate.daysIn(month: today.quarter * 3, year: today.year))!
                    return action.starts <= end && action.ends >= start
                }
            } && (view.objective.map { action.gcmObjectives.contains($0) } ?? true)
                && (view.list.filterText.isEmpty
                    || SearchFolding.matches(
                        ([action.code, action.title, action.lead.rawValue] + action.participants.map(\.rawValue)).joined(separator: " "),
                        query: view.list.filterText))
        }
        rows = Self.group(actions, by: view.grouping, objectives: state.gcmObjectives)
    }

    static func group(_ actions: [KeyAction], by grouping: WorkplanState.Grouping, objectives: [GCMObjective]) -> [Row] {
        func titled(_ keys: [(String, [KeyAction])]) -> [Row] {
            keys.flatMap { title, members in [Row.heading("\(title) (\(members.count))")] + members.map(Row.action) }
        }
        switch grouping {
        case .none:
            return actions.map(Row.action)
        case .gcm:
            return titled(
                objectives.compactMap { objective in
                    let serving = actions.filter { $0.gcmObjectives.contains(objective.number) }
                    return serving.isEmpty ? nil : ("GCM \(objective.number): \(objective.title)", serving)
                })
        case .lead:
            return titled(Dictionary(grouping: actions, by: \.lead).sorted { $0.key < $1.key }.map { ($0.key.rawValue, $0.value) })
        case .status:
            return titled(
                KeyAction.Status.allCases.compactMap { status in
                    let inStatus = actions.filter { $0.status == status }
                    return inStatus.isEmpty ? nil : (WorkplanList.statusLabel(status), inStatus)
                })
        case .outcome:
            return titled(
                Dictionary(grouping: actions) { $0.cooperationFrameworkOutcome ?? "No outcome given" }.sorted { $0.key < $1.key }.map {
                    ($0.key, $0.value)
                })
        }
    }

    /// The actions in table order (headings aside): what the selection indexes.
    var selectable: [KeyAction] {
        rows.compactMap { if case .action(let action) = $0 { return action } else { return nil } }
    }

    /// A status with a symbol, so that it reads without colour.
    static func statusLabel(_ status: KeyAction.Status) -> String {
        switch status {
        case .notStarted: return "○ not started"
        case .onTrack: return "● on track"
        case .atRisk: return "▲ at risk"
        case .delayed: return "◆ delayed"
        case .completed: return "✓ completed"
        case .cancelled: return "✗ cancelled"
        }
    }

    static func statusStyle(_ status: KeyAction.Status) -> Style {
        switch status {
        case .notStarted: return .plain
        case .onTrack, .completed: return Style([], color: .success)
        case .atRisk: return Style([], color: .warning)
        case .delayed: return Style(.bold, color: .danger)
        case .cancelled: return .dim
        }
    }

    /// The action's timeframe within its year as a bar, with today marked when it is that year.
    static func timeline(_ action: KeyAction, year: Int, today: LocalDate, width: Int) -> String {
        let first = LocalDate(year: year, month: 1, day: 1)!
        let days = Double(first.days(until: LocalDate(year: year, month: 12, day: 31)!) + 1)
        let marker = today.year == year ? Double(first.days(until: today)) / days : nil
        return RangeBar.text(
            from: Double(first.days(until: action.starts)) / days, to: Double(first.days(until: action.ends) + 1) / days,
            marker: marker, width: width)
    }

    /// `905k/1.3M`: funded over required, compact.
    static func compactBudget(_ action: KeyAction) -> String { "\(compact(action.budgetFunded))/\(compact(action.budgetRequired))" }

    static func compact(_ amount: Decimal) -> String {
        let value = NSDecimalNumber(decimal: amount).doubleValue
        switch value {
        case 1_000_000...: return String(format: "%.1fM", value / 1_000_000).replacingOccurrences(of: ".0M", with: "M")
        case 1_000...: return "\(Int((value / 1_000).rounded()))k"
        default: return "\(Int(value))"
        }
    }
}
