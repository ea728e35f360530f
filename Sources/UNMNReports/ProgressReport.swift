import UNMNDomain

/// The Markdown progress report to the UN Country Team, for a quarter or a year.
public enum ProgressReport {
    public enum Period: Hashable, Sendable {
        case quarter(year: Int, quarter: Int)
        case year(Int)

        var year: Int {
            switch self {
            case .quarter(let year, _), .year(let year): return year
            }
        }
        var title: String {
            switch self {
            case .quarter(let year, let q): return "\(year) Q\(q)"
            case .year(let year): return "\(year)"
            }
        }
        var first: LocalDate {
            switch self {
            case .quarter(let year, let q): return LocalDate(year: year, month: q * 3 - 2, day: 1)!
            case .year(let year): return LocalDate(year: year, month: 1, day: 1)!
            }
        }
        var last: LocalDate {
            switch self {
            case .quarter(let year, let q): return LocalDate(year: year, month: q * 3, day: LocalDate.daysIn(month: q * 3, year: year))!
            case .year(let year): return LocalDate(year: year, month: 12, day: 31)!
            }
        }
    }

    /// Parses `2026Q3`.
    public static func quarter(_ text: String) -> Period? {
        let parts = text.uppercased().split(separator: "Q")
        guard parts.count == 2, let year = Int(parts[0]), let q = Int(parts[1]), (1...4).contains(q) else { return nil }
        return .quarter(year: year, quarter: q)
    }

    public static func render(network: NetworkState, period: Period, today: LocalDate, objectives: [GCMObjective]) -> String {
        let md = Escaping.markdown
        var out = [
            "# UN Network on Migration in Uzbekistan — progress report, \(period.title)", "",
            "Prepared \(today) for the UN Country Team.", "",
        ]

        out += ["## Meetings against the quarterly rule", ""]
        let quarters: [Int]
        if case .quarter(_, let q) = period { quarters = [q] } else { quarters = [1, 2, 3, 4] }
        let cadence = network.quarterlyCadence(year: period.year, today: today)
        for q in quarters {
            let c = cadence[q - 1]
            out.append("- Q\(q): \(c.state.rawValue) — \(c.regular) regular, \(c.requested) requested, \(c.extraordinary) extraordinary")
        }
        let held = network.meetings.filter { $0.date >= period.first && $0.date <= period.last && $0.date <= today }
        for meeting in held {
            out.append(
                "  - \(md(meeting.reference.rawValue)), \(meeting.date), \(md(meeting.kind.title)), "
                    + "\(meeting.mode?.rawValue ?? "mode not recorded")"
            )
        }

        out += ["", "## Decisions adopted", ""]
        let decisions = network.decisionsLog().filter { $0.adoptedOn >= period.first && $0.adoptedOn <= period.last }
        if decisions.isEmpty { out.append("None in this period.") }
        for decision in decisions {
            out.append("- Decision \(decision.number) (\(decision.adoptedOn)): \(md(decision.item.title)) — \(md(decision.statement))")
        }

        out += ["", "## Annual work plan \(period.year)", ""]
        if let plan = network.workPlans[period.year] {
            out.append("Status: \(md(plan.status.title)). Overall progress \(plan.progress.percent) % (\(md(ProgressRollUp.rule))).")
            let budget = network.budget(year: period.year)
            out.append("Budget: funded \(usd(budget.funded)) of \(usd(budget.required)) required (\(budget.fundedPercent) %).")
            out += ["", "### By status", "", "| Status | Actions | Progress |", "| --- | ---: | ---: |"]
            let byStatus = network.progressByStatus(year: period.year)
            for status in KeyAction.Status.allCases {
                let count = network.statusCounts(year: period.year)[status] ?? 0
                guard count > 0 else { continue }
                out.append("| \(status.rawValue) | \(count) | \(status == .cancelled ? "—" : "\(byStatus[status]?.percent ?? 0) %") |")
            }
            out += ["", "### By GCM objective", "", "| Objective | Actions | Progress |", "| --- | ---: | ---: |"]
            let byObjective = network.progressByObjective(year: period.year)
            for objective in objectives {
                let rollUp = byObjective[objective.number] ?? ProgressRollUp([])
                out.append(
                    "| \(objective.number). \(md(objective.title)) | \(rollUp.actionCount) | "
                        + "\(rollUp.actionCount == 0 ? "gap" : "\(rollUp.percent) %") |"
                )
            }
        } else {
            out.append("No work plan for \(period.year).")
        }

        out += ["", "## Overdue action points", ""]
        let overdue = network.overdueActionPoints(on: today)
        if overdue.isEmpty { out.append("None.") }
        for point in overdue {
            out.append(
                "- \(md(point.id.rawValue)) (\(md(point.meeting.rawValue))): \(md(point.text)) — "
                    + "\(point.responsible.map(\.rawValue).joined(separator: ", ")), due \(point.due)"
            )
        }
        return out.joined(separator: "\n") + "\n"
    }
}
