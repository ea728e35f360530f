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

        out += [
            "## Meetings against the quarterly rule", "",
            "The Terms of Reference: the network \"meets one time per quarter, or upon request by its member(s), or more frequently\".",
        ]
        let quarters: [Int]
        if let q = period.quarter { quarters = [q] } else { quarters = [1, 2, 3, 4] }
        // At the end of the as-of day the day is over: a quarter ending on it is complete.
        let cadence = network.quarterlyCadence(year: period.year, today: asOf.adding(days: 1))
        for q in quarters {
            // Each quarter with its own meetings under it, held or to come, so none reads as another quarter's.
            out += ["", "### Q\(q): \(md(cadence[q - 1].description))", ""]
            let meetings = network.meetings.filter { $0.date.year == period.year && $0.date.quarter == q }
                .sorted { ($0.date, $0.startMinute) < ($1.date, $1.startMinute) }
            if meetings.isEmpty {
                out.append("No meeting recorded.")
                continue
            }
            out += Escaping.markdownTable(
                header: ["Meeting", "Date", "Kind", "Mode", "Present", "Minutes"],
                rows: meetings.map { meeting in
                    let mode = meeting.mode.map { $0.rawValue + (meeting.modeReason.map { " (\($0))" } ?? "") } ?? "not recorded"
                    return [
                        md(meeting.reference.rawValue), meeting.date.description, md(meeting.kind.title), md(mode),
                        meeting.isHeld ? "\(meeting.presentCount) of \(network.members(on: meeting.date).count)" : "—",
                        md(minutesLine(meeting, network: network, asOf: asOf)),
                    ]
                }, right: [4])
        }

        out += ["", "## Decisions adopted", ""]
        let decisions = network.decisionsLog().filter { $0.adoptedOn >= period.first && $0.adoptedOn <= asOf }
        if decisions.isEmpty { out.append("None in this period.") }
        for decision in decisions {
            let silence = decision.item.closure?.silenceSummary.map { ", \($0)" } ?? ""
            out.append(
                "- Decision \(decision.number) (\(decision.adoptedOn)\(silence)): \(md(decision.item.title)) — \(md(decision.statement))")
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
    /// The plan's status, roll-ups, and each key action with the ToR's "key actions, responsible
    /// participating agency(-ies) and timeframes", grouped by Cooperation Framework outcome and
    /// by GCM objective. UN editorial style: "per cent" in sentences, USD amounts with thousands.
    static func workPlan(_ plan: WorkPlan, network: NetworkState, objectives: [GCMObjective]) -> [String] {
        let md = Escaping.markdown
        let year = plan.year
        let budget = network.budget(year: year)
        var out = [
            "Status: \(md(plan.statusDescription)).", "",
            "Overall progress: \(plan.progress.percent) per cent, the mean of the key actions' progress weighted by their required "
                + "budgets; an action without a budget weighs as the average one, and cancelled actions are left out.",
            "",
            "Budget: \(usd(budget.funded)) funded of \(usd(budget.required)) required (\(budget.fundedPercent) per cent).",
        ]

        out += ["", "### Key actions", ""]
        out += Escaping.markdownTable(
            header: ["Action", "Responsible", "Timeframe", "Status", "Progress", "Funded of required"],
            rows: plan.actions.map { action in
                let responsible = ([action.lead] + action.participants).map(\.rawValue).joined(separator: ", ")
                return [
                    "\(md(action.code)) \(md(action.title))", md(responsible), "\(action.starts) – \(action.ends)", action.status.rawValue,
                    action.status == .cancelled ? "—" : "\(action.progress) %",
                    "\(usd(action.budgetFunded)) of \(usd(action.budgetRequired))",
                ]
            }, right: [4, 5])

        if let revisions = plan.revisions, !revisions.isEmpty {
            out += ["", "### Revised after endorsement", ""]
            out += revisions.map { "- " + md($0.description) }
        }

        out += ["", "### By status", ""]
        let byStatus = network.progressByStatus(year: year)
        let counts = network.statusCounts(year: year)
        out += Escaping.markdownTable(
            header: ["Status", "Actions", "Progress"],
            rows: KeyAction.Status.allCases.compactMap { status in
                guard let count = counts[status], count > 0 else { return nil }
                return [status.rawValue, "\(count)", status == .cancelled ? "—" : "\(byStatus[status]?.percent ?? 0) %"]
            }, right: [1, 2])

        out += ["", "### By Cooperation Framework outcome", ""]
        let outcomes = Dictionary(grouping: plan.actions) { $0.cooperationFrameworkOutcome ?? "" }
        out += Escaping.markdownTable(
            header: ["Outcome", "Actions", "Progress"],
            rows: outcomes.keys.sorted(by: { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }).map { outcome in
                let rollUp = ProgressRollUp(outcomes[outcome] ?? [])
                return [outcome.isEmpty ? "no outcome named" : md(outcome), "\(rollUp.actionCount)", "\(rollUp.percent) %"]
            }, right: [1, 2])

        out += ["", "### By GCM objective", ""]
        let byObjective = network.progressByObjective(year: year)
        out += Escaping.markdownTable(
            header: ["Objective", "Actions", "Progress"],
            rows: objectives.map { objective in
                let rollUp = byObjective[objective.number] ?? ProgressRollUp([])
                return [
                    "\(objective.number). \(md(objective.title))", "\(rollUp.actionCount)",
                    rollUp.actionCount == 0 ? "gap" : "\(rollUp.percent) %",
                ]
            }, right: [1, 2])
        out += ["", "A gap: no key action of the plan serves the objective."]
        return out
    }
}
