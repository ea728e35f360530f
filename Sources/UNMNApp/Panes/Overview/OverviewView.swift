import TerminalUI
import UNMNDomain

/// The Overview's summary of the network, drawn by `OverviewPane`.
enum OverviewView {
    /// The overview from the journal's record: next meeting, the quarterly rule, follow-up.
    static func detail(_ state: AppState, network: NetworkState) -> DetailView {
        let today = state.today
        let members = network.members
        let applicants = network.entities.filter { $0.status == .applicant }.count
        let chair = members.first { $0.role == .chair }?.code.rawValue ?? "—"
        let coChair = members.first { $0.role == .coChair }?.code.rawValue ?? "—"
        let next =
            network.nextMeeting(from: today).map { meeting in
                "\(meeting.reference) on \(meeting.date.longDescription) at \(meeting.startTime), \(meeting.location)"
                    + (meeting.mode.map { " (\($0.rawValue))" } ?? "")
            } ?? "none scheduled; the network meets once per quarter"
        let quarters = network.quarterlyCadence(year: today.year, today: today).map { "Q\($0.quarter) \($0.state.rawValue)" }.joined(
            separator: " · ")
        let overdue = network.overdueActionPoints(on: today)
        let open = network.actionPoints.filter { $0.status == .open }.count
        let items = network.openItemCounts(on: today)
        let itemGroups = [(ItemGroup.pending, "pending"), (.readyToAdopt, "ready to adopt"), (.held, "held")]
            .map { "\(items[$0.0] ?? 0) \($0.1)" }.joined(separator: " · ")
        var lines: [DetailView.Line] = [
            .heading("The network"),
            .field(
                label: "Members",
                value: "\(members.count) entities · chair \(chair) · co-chair \(coChair)"
                    + (applicants > 0 ? " · \(applicants) applying" : "") + "  (2)"),
        ]
        lines += focalPointLines(network, today: today)
        lines += [
            .field(label: "Journal", value: state.journalPath),
            .blank,
            .heading("Meetings"),
            .field(label: "Next meeting", value: next + "  (3)"),
            .field(label: "\(today.year) quarters", value: quarters),
            .blank,
            .heading("Follow-up"),
            .field(
                label: "Action points",
                value: overdue.isEmpty
                    ? "none overdue · \(open) open"
                    : "\(overdue.count) overdue (\(briefly(overdue.map(\.id.rawValue)))) · \(open) open"),
            .field(
                label: "Consensus items",
                value: items.isEmpty ? "none open  (5)" : "\(itemGroups)  (5)"),
        ]
        let reporting = network.reporting(on: today)
        let last = reporting.last.map { "\(ReportingPeriod($0.period)?.title ?? $0.period) sent \($0.on)" } ?? "none sent yet"
        lines.append(.field(label: "UNCT report", value: last + (reporting.due.map { " · \($0.title) due" } ?? " · none due")))
        if let plan = network.workPlans[today.year] {
            let budget = network.budget(year: today.year)
            lines.append(
                .field(
                    label: "Work plan \(today.year)",
                    value:
                        "\(brief(plan)) · \(plan.progress.percent) % overall · funded "
                        + "\(usd(budget.funded)) of \(usd(budget.required))  (4)"
                ))
        } else {
            lines.append(.field(label: "Work plan \(today.year)", value: "not drafted yet  (4)"))
        }
        return DetailView(lines: lines, labelWidth: 18)
    }

    /// `endorsed 2026-03-11, revised`: the plan's state in the few words an overview line has
    /// (the Workplan pane and the exports give the reference and every revision).
    static func brief(_ plan: WorkPlan) -> String {
        let revised = plan.revisions?.isEmpty == false ? ", revised" : ""
        switch plan.status {
        case .draft: return "draft"
        case .endorsed(let on, _): return "endorsed \(on)" + revised
        case .closed(_, _, let on): return "closed \(on)" + revised
        }
    }

    /// A list an overview line can hold: all of it up to three, else the first two and how many
    /// more (a ten-year network had 43 overdue action points, which took eight lines and pushed
    /// the rest of the summary off an 80×24 screen; the whole list is a pane away).
    static func briefly(_ names: [String], separator: String = ", ") -> String {
        guard names.count > 3 else { return names.joined(separator: separator) }
        return names.prefix(2).joined(separator: separator) + " and \(names.count - 2) more"
    }

    /// Who the network's mail reaches, against the Terms of Reference: every member entity on the
    /// list, corporate addresses (an exception is temporary), the participation level, the RCO's
    /// focal point. A line appears for a problem only when there is one.
    static func focalPointLines(_ network: NetworkState, today: LocalDate) -> [DetailView.Line] {
        let off = network.membersOffTheMailingList.map(\.code.rawValue)
        var lines: [DetailView.Line] = [
            .field(
                label: "Mailing list",
                value: "\(network.mailingList.count) people · "
                    + (off.isEmpty
                        ? "every member entity on it"
                        : off.count > 4
                            ? "nobody for \(off.count) of \(network.members.count) member entities" : "nobody for \(listed(off))"))
        ]
        let expired = network.expiredEmailExceptions(on: today)
        if !expired.isEmpty {
            lines.append(
                .field(
                    label: "Email exceptions",
                    value: "\(expired.count) expired: "
                        + briefly(
                            expired.map { point in
                                "\(point.name) (\(point.entity))" + (point.emailException?.until.map { ", ended \($0)" } ?? "")
                            }, separator: "; ")))
        }
        let below = network.focalPointsBelowLevel
        if !below.isEmpty {
            lines.append(
                .field(
                    label: "Participation",
                    value: "\(below.count) below the ToR's level (deputies, senior programme or project managers): "
                        + briefly(below.map { "\($0.name) (\($0.entity))" })))
        }
        lines.append(
            .field(
                label: "RCO focal point",
                value: network.rcoFocalPoint.map { "\($0.name), receives the minutes" }
                    ?? "not named: mark a UNRC focal point (Members, e)"))
        return lines
    }
}
