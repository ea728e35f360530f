import TerminalUI
import UNMNDomain

/// The Decisions pane: the grouped list, review mode, and the chair's and secretariat's keys.
extension AppUpdate {
    static func decisionsList(_ state: AppState) -> DecisionsList? {
        state.network.map { DecisionsList(network: $0, today: state.today, query: state.decisions.filterText) }
    }

    /// The item under review, fresh from the journal's state.
    static func reviewedItem(_ state: AppState) -> ConsensusItem? {
        state.review.flatMap { review in state.network?.item(review.item) }
    }

    static func updateDecisions(_ state: inout AppState, _ message: Message) -> [Effect] {
        guard let network = state.network, let list = decisionsList(state) else { return [] }
        switch message {
        case .startReview:
            let reviewable = list.reviewable
            guard !reviewable.isEmpty else { state.status = StatusMessage("No item is pending review.", kind: .warning); return [] }
            let selected = list.rows.indices.contains(state.decisions.selection) ? list.rows[state.decisions.selection].item : nil
            let start = selected.flatMap { item in reviewable.contains { $0.reference == item.reference } ? item : nil } ?? reviewable[0]
            state.review = ReviewState(item: start.reference)
            state.showsDecisionsLog = false
            state.status = .none
        case .endReview:
            if let reference = state.review?.item, let index = list.rows.firstIndex(where: { $0.item.reference == reference }) {
                state.decisions.selection = index
            }
            state.review = nil
        case .reviewStep(let delta):
            let reviewable = list.reviewable
            guard !reviewable.isEmpty else { state.review = nil; return [] }
            // An item closed under review has left the list: stepping from it starts at the first.
            let current = reviewable.firstIndex { $0.reference == state.review?.item } ?? -1
            let next = min(reviewable.count - 1, max(0, current + delta))
            if next == current {
                state.status = StatusMessage(delta > 0 ? "This is the last pending item." : "This is the first pending item.")
            } else {
                state.status = .none
            }
            state.review = ReviewState(item: reviewable[next].reference)
        case .reviewMemberMove(let delta):
            guard var review = state.review else { return [] }
            let count = network.members.count
            review.member = min(count - 1, max(0, review.member + delta))
            review.offset = Table.scrollOffset(selected: review.member, offset: review.offset, visibleRows: ReviewView.gridRows(state), rowCount: count)
            state.review = review
        case .requestPosition:
            guard let item = reviewedItem(state), let op = state.currentOperator else { return [] }
            if let closure = item.closure, item.status.isClosed {
                state.status = StatusMessage("\(item.reference) was \(item.status.title) by \(closure.by) (\(closure.entity)) on \(closure.at.tashkentDate).", kind: .warning)
                return []
            }
            let byMember = op.role == .member
            let entity = byMember ? op.entity : network.members[min(state.review?.member ?? 0, network.members.count - 1)].code
            state.overlay = .form(ItemForms.position(item: item, entity: entity, byMember: byMember), purpose: .recordPosition(item: item.reference, entity: entity))
        case .requestClose(let kind):
            guard let item = reviewedItem(state) else { return [] }
            if kind == .adopt {
                let blockers = network.adoptionBlockers(item)
                if !blockers.isEmpty {
                    state.status = StatusMessage(CommandRejection("adopt \(item.reference)", reasons: blockers).description, kind: .error)
                    return []
                }
            }
            state.overlay = .form(ItemForms.outcome(kind, item: item, today: state.today), purpose: .closeItem(item.reference, kind))
        case .requestNewItem:
            state.overlay = .form(ItemForms.newItem(network: network, today: state.today), purpose: .openItem)
        case .writeReminder:
            guard let item = reviewedItem(state) else { return [] }
            let silent = network.members.filter { item.positions[$0.code] == nil }
            guard !silent.isEmpty else { state.status = StatusMessage("Every member has answered \(item.reference); no reminder needed."); return [] }
            return [.writeFile(name: Reminder.fileName(for: item), contents: Reminder.text(for: item, silent: silent, network: network, today: state.today))]
        case .cycleLogYear:
            let years = Array(Set(network.decisionsLog().map(\.adoptedOn.year))).sorted()
            state.logYear = next(after: state.logYear, in: years)
            state.decisions = ListState()
        case .cycleLogKind:
            let kinds = Array(Set(network.decisionsLog().map { DecisionsView.kindName($0.item.kind) })).sorted()
            state.logKind = next(after: state.logKind, in: kinds)
            state.decisions = ListState()
        case .toggleDecisionsLog:
            state.showsDecisionsLog.toggle()
            state.decisions = ListState()
        default:
            break
        }
        return []
    }

    /// The value after `current` in `values`, then nil (all), then the first again.
    static func next<T: Equatable>(after current: T?, in values: [T]) -> T? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }

    /// A submitted Decisions form becomes a command for the journal.
    static func submitDecisions(_ state: inout AppState, values: [String: FormValue], purpose: FormPurpose) -> [Effect] {
        guard let op = state.currentOperator else { return [] }
        switch purpose {
        case .recordPosition(let reference, let entity):
            guard let (position, source) = ItemForms.decodePosition(values, byMember: op.role == .member) else { return [] }
            return [.execute(.recordPosition(item: reference, entity: entity, position, source: source), by: op)]
        case .closeItem(let reference, let kind):
            let statement = values["statement"]?.text ?? ""
            switch kind {
            case .adopt: return [.execute(.adoptItem(reference, statement: statement), by: op)]
            case .reject: return [.execute(.rejectItem(reference, statement: statement), by: op)]
            case .withdraw: return [.execute(.withdrawItem(reference, statement: statement), by: op)]
            case .defer:
                guard let deadline = LocalDate(iso: values["deadline"]?.text ?? "") else { return [] }
                return [.execute(.deferItem(reference, newDeadline: deadline, statement: statement), by: op)]
            }
        case .openItem:
            guard let draft = ItemForms.decodeNewItem(values) else { return [] }
            return [.execute(.openItem(draft), by: op)]
        case .chooseOperator, .recordProgress, .addAction, .editAction, .scheduleMeeting, .addAgendaItem, .updateActionPoint, .chooseAgendaItem, .meetingDecision, .addActionPoint, .editFocalPoint, .addFocalPoint, .proposeAdmission, .recordWithdrawal:
            return []
        }
    }
}

/// The reminder the secretariat sends to members who have not answered an item.
enum Reminder {
    static func fileName(for item: ConsensusItem) -> String {
        "reminder-" + item.reference.replacingOccurrences(of: "/", with: "-") + ".txt"
    }

    static func text(for item: ConsensusItem, silent: [MemberEntity], network: NetworkState, today: LocalDate) -> String {
        let addresses = silent.flatMap { member in
            network.focalPoints.filter { $0.entity == member.code && $0.isActive }.map { "\($0.name) <\($0.email)>" }
        }
        let without = silent.filter { member in !network.focalPoints.contains { $0.entity == member.code && $0.isActive } }.map(\.code.rawValue)
        var lines = [
            "To: " + addresses.joined(separator: ", "),
            "Subject: Reminder: \(item.reference) \(item.title) (deadline \(item.deadline))",
            "",
            "Dear colleagues,",
            "",
            "The network has not yet received your position on \(item.reference), \"\(item.title)\", due by \(item.deadline).",
            "Please reply with agree, stand aside, or object (with your reason).",
            "",
            "Not yet answered: " + silent.map(\.code.rawValue).joined(separator: ", "),
        ]
        if !without.isEmpty { lines.append("No focal point on record for: " + without.joined(separator: ", ")) }
        lines.append("Prepared \(today) by the secretariat with unmn.")
        return lines.joined(separator: "\n") + "\n"
    }
}
