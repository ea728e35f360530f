import UNMNDomain
import UNMNReports

/// What `x` writes for the pane on screen: the same documents as `unmn export` and `unmn report`.
enum ScreenExport {
    static func document(for state: AppState, network: NetworkState) -> (name: String, contents: String) {
        let today = state.today
        switch state.pane {
        case .overview:
            return ("unmn-report-\(today.year)Q\(today.quarter).md",
                    ProgressReport.render(network: network, period: .quarter(year: today.year, quarter: today.quarter), today: today, objectives: state.gcmObjectives))
        case .members:
            return ("unmn-mailing-list.csv", MailingListDocument.render(network: network, changesSince: nil, format: .csv))
        case .meetings:
            return ("unmn-meetings.ics", CalendarDocument.render(network.meetings, stamp: Instant(tashkent: today)))
        case .workplan:
            let list = WorkplanList(state: state, network: network)
            guard let plan = list.plan else {
                return ("unmn-workplan-\(list.year).md", "# Annual work plan \(list.year)\n\nNot drafted.\n")
            }
            return ("unmn-workplan-\(list.year).csv", WorkplanDocument.render(plan, objectives: state.gcmObjectives, format: .csv))
        case .decisions:
            if let reference = state.review?.item, let item = network.item(reference),
               case .meeting(let meetingReference) = item.raisedAt, let meeting = network.meeting(meetingReference) {
                return ("unmn-minutes-\(meeting.reference.replacingOccurrences(of: "/", with: "-")).md", MinutesDocument.render(meeting, network: network, format: .md))
            }
            return ("unmn-decisions.md", DecisionsDocument.render(network: network, year: state.logYear, format: .md))
        }
    }
}
