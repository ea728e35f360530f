import UNMNDomain

/// The Markdown progress report to the UN Country Team, for a quarter or a year.
public enum ProgressReport {
    public typealias Period = ReportingPeriod

    /// The report on `network` as it stood at the end of `asOf` (the caller replays the journal up to
    /// then: the ToR's "monitored and reported to UNCT on regular basis" needs a quarter's numbers
    /// to stay what they were when the quarter ended). Nothing in it depends on the day it is run.
    public static func render(network: NetworkState, period: Period, asOf: LocalDate, objectives: [GCMObjective]) -> String {
        let md = Escaping.markdown
        let asOf = min(asOf, period.last)
        let when =
            asOf == period.last
            ? "As of \(asOf.longDescription), the end of the period: the record as it stood at the end of that day (Asia/Tashkent)."
            : "As of \(asOf.longDescription), while the period is under way: the record as it stood at the end of that day "
                + "(Asia/Tashkent)."
        var out = ["# UN Network on Migration in Uzbekistan — progress report, \(period.title)", "", when, ""]

        out += ["## Meetings against the quarterly rule", ""]
        let quarters: [Int]
        if let q = period.quarter { quarters = [q] } else { quarters = [1, 2, 3, 4] }
        // At the end of the as-of day the day is over: a quarter ending on it is complete.
        let cadence = network.quarterlyCadence(year: period.year, today: asOf.adding(days: 1))
        for q in quarters { out.append("- Q\(q): \(md(cadence[q - 1].description))") }
        let meetings = network.meetings.filter { $0.date >= period.first && $0.date <= asOf }
            .sorted { ($0.date, $0.startMinute) < ($1.date, $1.startMinute) }
        if !meetings.isEmpty {
            out += ["", "| Meeting | Date | Kind | Mode | Present | Minutes |", "| --- | --- | --- | --- | ---: | --- |"]
        }
        for meeting in meetings {
            let present = meeting.attendance.values.filter { if case .present = $0 { return true } else { return false } }.count
            let mode = meeting.mode.map { $0.rawValue + (meeting.modeReason.map { " (\($0))" } ?? "") } ?? "not recorded"
            out.append(
                "| \(md(meeting.reference.rawValue)) | \(meeting.date) | \(md(meeting.kind.title)) | \(md(mode)) | "
                    + "\(meeting.isHeld ? "\(present) of \(network.members(on: meeting.date).count)" : "—") | "
                    + "\(md(minutesLine(meeting, network: network, asOf: asOf))) |")
        }

        out += ["", "## Decisions adopted", ""]
        let decisions = network.decisionsLog().filter { $0.adoptedOn >= period.first && $0.adoptedOn <= asOf }
        if decisions.isEmpty { out.append("None in this period.") }
        for decision in decisions {
            let silence = decision.item.closure?.silenceSummary.map { " (\($0))" } ?? ""
            out.append(
                "- Decision \(decision.number) (\(decision.adoptedOn))\(silence): \(md(decision.item.title)) — \(md(decision.statement))")
        }

        out += ["", "## Annual work plan \(period.year)", ""]
        if let plan = network.workPlans[period.year] {
            out += workPlan(plan, network: network, objectives: objectives)
        } else {
            out.append("No work plan for \(period.year).")
        }

        out += ["", "## Overdue action points", ""]
        let overdue = network.overdueActionPoints(on: asOf)
        if overdue.isEmpty { out.append("None.") }
        for point in overdue {
            out.append(
                "- \(md(point.id.rawValue)) (\(md(point.meeting.rawValue))): \(md(point.text)) — "
                    + "\(point.responsible.map(\.rawValue).joined(separator: ", ")), due \(point.due)"
            )
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Whether the minutes reached the RCO, and when (the ToR: minutes are shared for archiving).
    static func minutesLine(_ meeting: Meeting, network: NetworkState, asOf: LocalDate) -> String {
        if let cancellation = meeting.cancellation { return "cancelled on \(cancellation.on): \(cancellation.text)" }
        if meeting.isAwaitingRecord(on: asOf) { return "awaiting the attendance record" }
        switch meeting.status {
        case .draft: return meeting.date > asOf ? "scheduled" : "draft"
        case .finalised(let on): return "finalised \(on), not yet shared with the RCO"
        case .shared(let finalisedOn, let sharedOn):
            return "finalised \(finalisedOn), shared with the RCO \(sharedOn)"
                + (network.isAmendedSinceShared(meeting) ? " (amended since)" : "")
        }
    }

    /// The plan's status, roll-ups, and each key action with the ToR's "key actions, responsible
    /// participating agency(-ies) and timeframes", grouped by Cooperation Framework outcome and
    /// by GCM objective.
    static func workPlan(_ plan: WorkPlan, network: NetworkState, objectives: [GCMObjective]) -> [String] {
        let md = Escaping.markdown
        let year = plan.year
        var out = ["Status: \(md(plan.statusDescription)). Overall progress \(plan.progress.percent) % (\(md(ProgressRollUp.rule)))."]
        let budget = network.budget(year: year)
        out.append("Budget: funded \(usd(budget.funded)) of \(usd(budget.required)) required (\(budget.fundedPercent) %).")

        out += [
            "", "### Key actions", "", "| Action | Responsible | Timeframe | Status | Progress | Funded of required |",
            "| --- | --- | --- | --- | ---: | ---: |",
        ]
        for action in plan.actions {
            let responsible = ([action.lead] + action.participants).map(\.rawValue).joined(separator: ", ")
            out.append(
                "| \(md(action.code)) \(md(action.title)) | \(md(responsible)) | \(action.starts) – \(action.ends) | "
                    + "\(action.status.rawValue) | \(action.status == .cancelled ? "—" : "\(action.progress) %") | "
                    + "\(usd(action.budgetFunded)) of \(usd(action.budgetRequired)) |")
        }

        if let revisions = plan.revisions, !revisions.isEmpty {
            out += ["", "### Revised after endorsement", ""]
            out += revisions.map { "- " + md($0.description) }
        }

        out += ["", "### By status", "", "| Status | Actions | Progress |", "| --- | ---: | ---: |"]
        let byStatus = network.progressByStatus(year: year)
        for status in KeyAction.Status.allCases {
            let count = network.statusCounts(year: year)[status] ?? 0
            guard count > 0 else { continue }
            out.append("| \(status.rawValue) | \(count) | \(status == .cancelled ? "—" : "\(byStatus[status]?.percent ?? 0) %") |")
        }

        out += ["", "### By Cooperation Framework outcome", "", "| Outcome | Actions | Progress |", "| --- | ---: | ---: |"]
        let outcomes = Dictionary(grouping: plan.actions) { $0.cooperationFrameworkOutcome ?? "" }
        for outcome in outcomes.keys.sorted(by: { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }) {
            let rollUp = ProgressRollUp(outcomes[outcome] ?? [])
            out.append("| \(outcome.isEmpty ? "no outcome named" : md(outcome)) | \(rollUp.actionCount) | \(rollUp.percent) % |")
        }

        out += ["", "### By GCM objective", "", "| Objective | Actions | Progress |", "| --- | ---: | ---: |"]
        let byObjective = network.progressByObjective(year: year)
        for objective in objectives {
            let rollUp = byObjective[objective.number] ?? ProgressRollUp([])
            out.append(
                "| \(objective.number). \(md(objective.title)) | \(rollUp.actionCount) | "
                    + "\(rollUp.actionCount == 0 ? "gap" : "\(rollUp.percent) %") |"
            )
        }
        return out
    }
}
