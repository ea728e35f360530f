import TerminalUI
import UNMNDomain

/// Pane 1: the network at a glance.
enum OverviewView {
    /// The overview from the journal's record: next meeting, the quarterly rule, follow-up.
    static func detail(_ state: AppState, network: NetworkState) -> DetailView {
        let today = state.today
        let members = network.members
        let applicants = network.entities.filter { $0.status == .applicant }.count
        let chair = members.first { $0.role == .chair }?.code.rawValue ?? "—"
        let coChair = members.first { $0.role == .coChair }?.code.rawValue ?? "—"
        let next = network.nextMeeting(from: today).map { meeting in
            "\(meeting.reference) on \(meeting.date.longDescription) at \(meeting.startTime), \(meeting.location)" + (meeting.mode.map { " (\($0.rawValue))" } ?? "")
        } ?? "none scheduled; the network meets once per quarter"
        let quarters = network.quarterlyCadence(year: today.year, today: today).map { "Q\($0.quarter) \($0.state.rawValue)" }.joined(separator: " · ")
        let overdue = network.overdueActionPoints(on: today)
        let open = network.actionPoints.filter { $0.status == .open }.count
        let pending = network.pendingItems
        let held = pending.filter { network.group(of: $0, on: today) == .held }.count
        let ready = pending.filter { network.group(of: $0, on: today) == .readyToAdopt }.count
        var lines: [DetailView.Line] = [
            .heading("The network"),
            .field(label: "Members", value: "\(members.count) entities · chair \(chair) · co-chair \(coChair)" + (applicants > 0 ? " · \(applicants) applying" : "") + "  (2)"),
            .field(label: "Journal", value: state.journalPath),
            .blank,
            .heading("Meetings"),
            .field(label: "Next meeting", value: next + "  (3)"),
            .field(label: "\(today.year) quarters", value: quarters),
            .blank,
            .heading("Follow-up"),
            .field(label: "Action points", value: overdue.isEmpty ? "none overdue · \(open) open"
                   : "\(overdue.count) overdue (\(overdue.map(\.id).joined(separator: ", "))) · \(open) open"),
            .field(label: "Consensus items", value: pending.isEmpty ? "none pending  (5)" : "\(pending.count) pending · \(ready) ready to adopt · \(held) held  (5)"),
        ]
        if let plan = network.workPlans[today.year] {
            let budget = network.budget(year: today.year)
            lines.append(.field(label: "Work plan \(today.year)", value: "\(plan.status.title) · \(plan.progress.percent) % overall (budget-weighted) · funded \(usd(budget.funded)) of \(usd(budget.required))  (4)"))
        } else {
            lines.append(.field(label: "Work plan \(today.year)", value: "not drafted yet  (4)"))
        }
        return DetailView(lines: lines, labelWidth: 18)
    }

    /// The lines Enter opens, in screen order: the label they start with, and their pane.
    static let targets: [(label: String, pane: Pane)] = [("Members", .members), ("Next meeting", .meetings), ("Action points", .meetings),
                                                          ("Consensus items", .decisions), ("Work plan", .workplan)]

    /// Enter on a line: its pane, at the record — the next meeting opened, the action points,
    /// the first pending item in review, this year's plan.
    static func open(_ state: inout AppState) {
        guard let network = state.network, let target = targets[safe: state.overviewLine] else { return }
        state.pane = target.pane
        state.status = .none
        switch state.overviewLine {
        case 1:
            state.meetings.showsActionPoints = false
            state.meetings.opened = network.nextMeeting(from: state.today)?.reference
        case 2:
            state.meetings.showsActionPoints = true
            state.meetings.actionPoint = 0
        case 3:
            if let first = DecisionsList(network: network, today: state.today).reviewable.first { state.review = ReviewState(item: first.reference) }
        case 4:
            state.workplan = WorkplanState()
        default:
            break
        }
    }

    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        guard let network = state.network else {
            DetailView(lines: [.heading("The network"), .field(label: "Members", value: "\(state.entities.count) entities")], labelWidth: 18)
                .render(in: area.inset(horizontal: 1, vertical: 1), buffer: &buffer)
            return
        }
        let inner = area.inset(horizontal: 1, vertical: 1)
        detail(state, network: network).render(in: inner, buffer: &buffer)
        // The selected line's label is reversed: Enter opens it. Found in the laid-out rows,
        // since long values wrap at 80 columns.
        if let target = targets[safe: state.overviewLine],
           let row = detail(state, network: network).layout(width: inner.width).firstIndex(where: { $0.text.hasPrefix(target.label) }) {
            buffer.addStyle(.reverse, to: Rect(x: inner.x, y: inner.y + row, width: 18, height: 1))
        }
    }
}
