import TerminalUI
import UNMNDomain

/// The forms of the Decisions pane: a position, an outcome, a new item; and what each decodes into.
enum ItemForms {
    enum PositionField: String, FormFieldID { case position, reason, source }

    static let memberSources: [PositionRecord.Source] = [.console]
    static let secretariatSources: [PositionRecord.Source] = [.email, .meeting, .phone]

    static func position(item: ConsensusItem, entity: EntityCode, byMember: Bool) -> Form {
        typealias Field = PositionField
        let current = item.positions[entity]?.position
        let selected: Int
        var reason = ""
        switch current {
        case .agree?, nil: selected = 0
        case .standAside(let text)?:
            selected = 1
            reason = text ?? ""
        case .object(let text)?:
            selected = 2
            reason = text
        }
        let sourceOptions = byMember ? ["console (your own entity)"] : secretariatSources.map(\.rawValue)
        return Form(
            title: "\(entity)'s position on \(item.reference)",
            fields: [
                .choice(Field.position, "Position", options: ["Agree", "Stand aside", "Object"], selected: selected),
                .text(Field.reason, "Reason", value: reason, help: "required for an objection; optional when standing aside"),
                .choice(Field.source, "Source", options: sourceOptions),
            ],
            validate: { values in
                var problems = FormProblems<Field>()
                if values.choice(Field.position) == 2, values.text(Field.reason).isEmpty {
                    problems[.reason] = "An objection needs a reason: say what the member objects to."
                }
                return problems.byField
            })
    }

    struct PositionInput {
        var position: Position
        var source: PositionRecord.Source

        init?(_ values: FormValues, byMember: Bool) {
            typealias Field = PositionField
            guard let index = values.choice(Field.position), let sourceIndex = values.choice(Field.source),
                let source = (byMember ? memberSources : secretariatSources)[safe: sourceIndex]
            else { return nil }
            switch index {
            case 0: position = .agree
            case 1:
                let reason = values.text(Field.reason)
                position = .standAside(reason: reason.isEmpty ? nil : reason)
            case 2: position = .object(reason: values.text(Field.reason))
            default: return nil
            }
            self.source = source
        }
    }

    enum OutcomeField: String, FormFieldID { case deadline, statement }

    static func outcome(_ kind: ClosingKind, item: ConsensusItem, today: LocalDate) -> Form {
        typealias Field = OutcomeField
        var fields: [FormField] = []
        if kind == .defer {
            fields.append(.date(Field.deadline, "New deadline", value: item.deadline.adding(days: 30).description, required: true))
        }
        fields.append(.text(Field.statement, "Outcome", required: true, help: "the outcome statement for the record"))
        return Form(
            title: "\(kind.title) \(item.reference)", fields: fields,
            validate: { values in
                var problems = FormProblems<Field>()
                if kind == .defer, let date = LocalDate(iso: values.text(Field.deadline)), date <= today {
                    problems[.deadline] = "The new deadline must be after today (\(today))."
                }
                return problems.byField
            })
    }

    /// Consulting again on the plan as it is now, until a new deadline.
    static func reopen(_ item: ConsensusItem, today: LocalDate) -> Form {
        Form(
            title: "Re-open the consultation on \(item.reference)",
            fields: [
                .date(OutcomeField.deadline, "New deadline", value: max(item.deadline, today.adding(days: 14)).description, required: true)
            ],
            validate: { values in
                var problems = FormProblems<OutcomeField>()
                if let date = LocalDate(iso: values.text(OutcomeField.deadline)), date < today {
                    problems[.deadline] = "The deadline has already passed; choose \(today) or later."
                }
                return problems.byField
            })
    }

    enum NewItemField: String, FormFieldID { case kind, title, text, deadline, raised, silence }

    /// The kinds a new item may have: general, joint statement, working method, and the
    /// endorsement of each draft plan.
    static func kinds(_ network: NetworkState) -> [ConsensusItem.Kind] {
        // A draft plan, or an endorsed one whose revisions await the members' endorsement.
        let planYears = network.workPlans.values.filter { $0.status == .draft || !$0.revisionsAwaitingEndorsement.isEmpty }.map(\.year)
            .sorted()
        return [.general, .jointStatement, .workingMethod] + planYears.map { .workPlanEndorsement(year: $0) }
    }

    /// The meetings an item may have been raised at: the last eight held, newest first.
    static func recentMeetings(_ network: NetworkState, today: LocalDate) -> [MeetingReference] {
        network.meetings.filter { $0.date <= today }.suffix(8).reversed().map(\.reference)
    }

    static func newItem(network: NetworkState, today: LocalDate, kinds: [ConsensusItem.Kind]) -> Form {
        typealias Field = NewItemField
        let meetings = recentMeetings(network, today: today).compactMap { network.meeting($0) }.map { "\($0.reference) (\($0.date))" }
        let kindLabels = kinds.map { kind -> String in
            switch kind {
            case .general: return "General"
            case .jointStatement: return "Joint statement"
            case .workingMethod: return "Working method"
            case .workPlanEndorsement(let year): return "AWP \(year) endorsement"
            case .admission(let code, _): return "Admission of \(code)"
            }
        }
        return Form(
            title: "Open a consensus item",
            fields: [
                .choice(Field.kind, "Kind", options: kindLabels),
                .text(Field.title, "Title", required: true),
                .text(Field.text, "Text", required: true, help: "the proposal as members will read it"),
                .date(Field.deadline, "Deadline", value: today.adding(days: 14).description, required: true),
                .choice(Field.raised, "Raised", options: ["by written consultation"] + meetings),
                .choice(
                    Field.silence, "Under silence",
                    options: ["no: every member must answer", "yes: no answer by the deadline counts as no objection"]),
            ],
            validate: { values in
                var problems = FormProblems<Field>()
                if let date = LocalDate(iso: values.text(Field.deadline)), date < today {
                    problems[.deadline] = "The deadline has already passed; choose \(today) or later."
                }
                return problems.byField
            })
    }

    struct NewItemInput {
        var draft: ConsensusItemDraft

        init?(_ values: FormValues, kinds: [ConsensusItem.Kind], meetings: [MeetingReference]) {
            typealias Field = NewItemField
            guard let kind = values.choice(Field.kind).flatMap({ kinds[safe: $0] }), let raisedIndex = values.choice(Field.raised),
                let deadline = LocalDate(iso: values.text(Field.deadline))
            else { return nil }
            let raised: ConsensusItem.RaisedAt
            if raisedIndex == 0 {
                raised = .writtenConsultation
            } else {
                guard let meeting = meetings[safe: raisedIndex - 1] else { return nil }
                raised = .meeting(meeting)
            }
            draft = ConsensusItemDraft(
                title: values.text(Field.title), text: values.text(Field.text), kind: kind, raisedAt: raised, deadline: deadline,
                underSilence: values.choice(Field.silence) == 1)
        }
    }
}

extension DecisionsForm {
    var editedRecord: (record: RecordKey, basedOn: Int)? {
        if case .recordPosition(let item, _, _, let basedOn) = self { return (.item(item), basedOn) }
        return nil
    }

    func rebased(on network: NetworkState) -> DecisionsForm {
        guard case .recordPosition(let item, let entity, let byMember, _) = self else { return self }
        return .recordPosition(item: item, entity: entity, byMember: byMember, basedOn: network.version(of: .item(item)))
    }

    func formField(forConflict field: String) -> String? {
        editedRecord == nil ? nil : ItemForms.PositionField.position.rawValue
    }
}
