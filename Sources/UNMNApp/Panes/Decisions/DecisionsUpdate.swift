import TerminalUI
import UNMNDomain
import UNMNReports

/// The Decisions pane's changes: review mode, the chair's and secretariat's keys, the log.
extension DecisionsPane {
    static func update(_ state: inout AppState, _ message: DecisionsMessage) -> [Effect] {
        guard let network = state.network, let list = state.decisionsList else { return [] }
        switch message {
        case .startReview:
            let reviewable = list.reviewable
            guard let first = reviewable.first else {
                state.status = StatusMessage("No item is pending review.", kind: .warning)
                return []
            }
            let selected = list.rows[safe: state.decisions.list.selection]?.item
            let start = selected.flatMap { item in reviewable.contains { $0.reference == item.reference } ? item : nil } ?? first
            state.decisions.review = ReviewState(item: start.reference)
            state.decisions.showsLog = false
            state.status = .none
        case .endReview:
            if let reference = state.decisions.review?.item, let index = list.rows.firstIndex(where: { $0.item.reference == reference }) {
                state.decisions.list.selection = index
            }
            state.decisions.review = nil
            AppUpdate.clampList(&state)
        case .reviewStep(let delta):
            let reviewable = list.reviewable
            guard !reviewable.isEmpty else {
                state.decisions.review = nil
                return []
            }
            // An item closed under review has left the list: stepping from it starts at the first.
            let current = reviewable.firstIndex { $0.reference == state.decisions.review?.item } ?? -1
            let next = min(reviewable.count - 1, max(0, current + delta))
            if next == current {
                state.status = StatusMessage(delta > 0 ? "This is the last pending item." : "This is the first pending item.")
            } else {
                state.status = .none
            }
            state.decisions.review = ReviewState(item: reviewable[next].reference)
        case .requestPosition:
            guard let item = state.reviewedItem, let op = state.currentOperator else { return [] }
            if let closure = item.closure, item.status.isClosed {
                state.status = StatusMessage(
                    "\(item.reference) was \(item.status.title) by \(closure.by) (\(closure.entity)) on \(closure.at.tashkentDate).",
                    kind: .warning)
                return []
            }
            let byMember = op.role == .member
            let selected = state.decisions.review?.members.selection ?? 0
            let entity = byMember ? op.entity : network.members[min(selected, network.members.count - 1)].code
            // Replacing what someone else recorded shows theirs and asks first.
            if let record = item.positions[entity], let position = record.position, record.recordedBy != op.name {
                let reason = position.reason.map { " (\"\($0)\")" } ?? ""
                let dialog = ConfirmDialog(
                    title: "Replace \(entity)'s position?",
                    message: "\(entity)'s position on \(item.reference) is \(position.title)\(reason), recorded by \(record.recordedBy) "
                        + "from \(record.source.rawValue) on \(record.at.tashkentDate) at \(record.at.tashkentTime). Record a "
                        + "new one in its place?",
                    confirmLabel: "Replace")
                state.overlay = .confirm(dialog, then: .decisions(.positionForm(entity)), returnTo: nil)
                return []
            }
            return update(&state, .positionForm(entity))
        case .positionForm(let entity):
            guard let item = state.reviewedItem, let op = state.currentOperator else { return [] }
            let byMember = op.role == .member
            state.overlay = .form(
                ItemForms.position(item: item, entity: entity, byMember: byMember),
                purpose: .decisions(
                    .recordPosition(
                        item: item.reference, entity: entity, byMember: byMember, basedOn: network.version(of: .item(item.reference)))))
        case .requestClose(let kind):
            guard let item = state.reviewedItem else { return [] }
            if kind == .adopt {
                let blockers = network.adoptionBlockers(item, on: state.today)
                if !blockers.isEmpty {
                    state.status = StatusMessage(CommandRejection("adopt \(item.reference)", reasons: blockers).description, kind: .error)
                    return []
                }
            }
            state.overlay = .form(
                ItemForms.outcome(kind, item: item, today: state.today), purpose: .decisions(.closeItem(item.reference, kind)))
        case .requestNewItem:
            let kinds = ItemForms.kinds(network)
            state.overlay = .form(
                ItemForms.newItem(network: network, today: state.today, kinds: kinds),
                purpose: .decisions(.openItem(kinds: kinds, meetings: ItemForms.recentMeetings(network, today: state.today))))
        case .requestReopen:
            guard let item = state.reviewedItem else { return [] }
            state.overlay = .form(
                ItemForms.reopen(item, today: state.today), purpose: .decisions(.reopenConsultation(item.reference)))
        case .writeReminder:
            guard let item = state.reviewedItem, let op = state.currentOperator else { return [] }
            // An answer taken back (an undo) is no answer either.
            let silent = network.members.filter { item.positions[$0.code]?.position == nil }
            guard !silent.isEmpty else {
                state.status = StatusMessage("Every member has answered \(item.reference); no reminder needed.")
                return []
            }
            return [
                .writeFile(
                    name: ReminderDocument.fileName(for: item),
                    contents: ReminderDocument.render(item: item, silent: silent, network: network, today: state.today, by: op))
            ]
        case .cycleLogYear:
            let years = Array(Set(network.decisionsLog().map(\.adoptedOn.year))).sorted()
            state.decisions.logYear = WorkplanPane.next(after: state.decisions.logYear, in: years)
            state.decisions.log = ListState()
        case .cycleLogKind:
            let categories = Array(Set(network.decisionsLog().map(\.item.kind.category))).sorted { $0.title < $1.title }
            state.decisions.logCategory = WorkplanPane.next(after: state.decisions.logCategory, in: categories)
            state.decisions.log = ListState()
        case .openLogEntry:
            guard let index = state.decisionsLog[safe: state.decisions.log.selection], let decision = network.decision(at: index) else {
                return []
            }
            state.decisions.review = ReviewState(item: decision.item.reference)
        case .toggleLog:
            state.decisions.showsLog.toggle()
            state.decisions.log = ListState()
        }
        return []
    }

    /// A submitted Decisions form becomes a command for the journal.
    static func submit(_ state: inout AppState, _ form: DecisionsForm, values: FormValues) -> FormSubmission {
        guard let op = state.currentOperator else { return .unreadable("no operator is chosen") }
        let command: Command
        switch form {
        case .recordPosition(let reference, let entity, let byMember, let basedOn):
            guard let input = ItemForms.PositionInput(values, byMember: byMember) else {
                return .unreadable("the position or its source is not one of the choices")
            }
            command = .recordPosition(item: reference, entity: entity, input.position, source: input.source, basedOn: basedOn)
        case .closeItem(let reference, let kind):
            let statement = values.text(ItemForms.OutcomeField.statement)
            switch kind {
            case .adopt: command = .adoptItem(reference, statement: statement)
            case .reject: command = .rejectItem(reference, statement: statement)
            case .withdraw: command = .withdrawItem(reference, statement: statement)
            case .defer:
                guard let deadline = LocalDate(iso: values.text(ItemForms.OutcomeField.deadline)) else {
                    return .unreadable("the new deadline is not a date")
                }
                command = .deferItem(reference, newDeadline: deadline, statement: statement)
            }
        case .openItem(let kinds, let meetings):
            guard let draft = ItemForms.NewItemInput(values, kinds: kinds, meetings: meetings)?.draft else {
                return .unreadable("the kind, the deadline or where it was raised is not understood")
            }
            command = .openItem(draft)
        case .reopenConsultation(let reference):
            guard let deadline = LocalDate(iso: values.text(ItemForms.OutcomeField.deadline)) else {
                return .unreadable("the new deadline is not a date")
            }
            command = .reopenConsultation(reference, deadline: deadline)
        }
        return .effects([.execute(command, by: op)])
    }
}
