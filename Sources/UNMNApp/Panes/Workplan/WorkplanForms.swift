import Foundation
import TerminalUI
import UNMNDomain

/// The Workplan pane's forms: a progress update, a key action; and what each decodes into.
enum WorkplanForms {
    enum ProgressField: String, FormFieldID { case percent, status, note }

    static func progress(_ action: KeyAction) -> Form {
        typealias Field = ProgressField
        return Form(
            title: "Progress on \(action.code)",
            fields: [
                .text(Field.percent, "Progress %", value: "\(action.progress)", required: true),
                .choice(
                    Field.status, "Status", options: KeyAction.Status.allCases.map(WorkplanList.statusLabel),
                    selected: KeyAction.Status.allCases.firstIndex(of: action.status) ?? 0),
                .text(Field.note, "Note", help: "what changed, for the history"),
            ],
            validate: { values in
                var problems = FormProblems<Field>()
                guard let percent = Int(values.text(Field.percent)), (0...100).contains(percent) else {
                    problems[.percent] = "Progress is a whole number from 0 to 100."
                    return problems.byField
                }
                if let index = values.choice(Field.status), KeyAction.Status.allCases[safe: index] == .completed, percent != 100 {
                    problems[.status] = "A completed action is at 100 %; set the percentage to 100 or choose another status."
                }
                return problems.byField
            })
    }

    struct ProgressInput {
        var percent: Int
        var status: KeyAction.Status
        var note: String

        init?(_ values: FormValues) {
            guard let percent = Int(values.text(ProgressField.percent)),
                let status = values.choice(ProgressField.status).flatMap({ KeyAction.Status.allCases[safe: $0] })
            else { return nil }
            self.percent = percent
            self.status = status
            note = values.text(ProgressField.note)
        }
    }

    static let sources = ["Migration MPTF", "core funds", "a donor", "not yet funded"]

    enum ActionField: String, FormFieldID {
        case code, title, description, lead, participants, starts, ends, required, funded, source, donor, gcm, sdg, outcome, overfunding
        case revision
    }

    /// - Parameter revising: the plan is endorsed, so the change is a revision and asks why.
    static func action(_ existing: KeyAction?, year: Int, entities: [EntityCode], nextCode: String, revising: Bool = false) -> Form {
        typealias Field = ActionField
        let codes = entities.map(\.rawValue)
        let lead = existing.flatMap { action in entities.firstIndex(of: action.lead) } ?? 0
        let participants = Set(existing?.participants.compactMap { entities.firstIndex(of: $0) } ?? [])
        let source: (Int, String) = {
            switch existing?.fundingSource {
            case .migrationMPTF?: return (0, "")
            case .coreFunds?: return (1, "")
            case .donor(let name)?: return (2, name)
            case .unfunded?, nil: return (3, "")
            }
        }()
        let objectives = existing.map { $0.gcmObjectives.sorted().map(String.init).joined(separator: ", ") } ?? ""
        let revision: [FormField] =
            revising
            ? [.text(Field.revision, "Revision", required: true, help: "the plan is endorsed: why it changes (kept in its history)")]
            : []
        let fields: [FormField] = [
            .text(Field.code, "Code", value: existing?.code ?? nextCode, required: true),
            .text(Field.title, "Title", value: existing?.title ?? "", required: true),
            .text(Field.description, "Description", value: existing?.description ?? ""),
            .choice(Field.lead, "Lead", options: codes, selected: lead),
            .multiSelect(Field.participants, "Participants", options: codes, selected: participants),
            .date(Field.starts, "Starts", value: existing?.starts.description ?? "\(year)-01-01", required: true),
            .date(Field.ends, "Ends", value: existing?.ends.description ?? "\(year)-12-31", required: true),
            .text(Field.required, "Required USD", value: existing.map { "\($0.budgetRequired)" } ?? "0", required: true),
            .text(Field.funded, "Funded USD", value: existing.map { "\($0.budgetFunded)" } ?? "0", required: true),
            .choice(Field.source, "Source", options: sources, selected: source.0),
            .text(Field.donor, "Donor", value: source.1, help: "when the source is a donor"),
            .text(Field.gcm, "GCM objectives", value: objectives, required: true, help: "numbers 1–23, e.g. 6, 7"),
            .text(Field.sdg, "SDG targets", value: existing?.sdgTargets.joined(separator: ", ") ?? "10.7"),
            .text(Field.outcome, "CF outcome", value: existing?.cooperationFrameworkOutcome ?? ""),
            .choice(Field.overfunding, "Above required", options: ["not accepted", "confirmed"]),
        ]
        return Form(
            title: existing.map { "\(revising ? "Revise" : "Edit") \($0.code)" }
                ?? (revising ? "Add a key action to the endorsed \(year) plan (a revision)" : "Add a key action to the \(year) plan"),
            fields: revision + fields,
            validate: { values in validateAction(values, year: year, entities: entities) })
    }

    private static func validateAction(_ values: FormValues, year: Int, entities: [EntityCode]) -> [String: String] {
        typealias Field = ActionField
        var problems = FormProblems<Field>()
        let required = Decimal(string: values.text(Field.required))
        let funded = Decimal(string: values.text(Field.funded))
        if required.map({ $0 < 0 }) ?? true { problems[.required] = "A non-negative amount in USD, e.g. 150000." }
        if funded.map({ $0 < 0 }) ?? true { problems[.funded] = "A non-negative amount in USD, e.g. 90000." }
        if let required, let funded, funded > required, values.choice(Field.overfunding) == 0 {
            problems[.overfunding] = "Funded is above required; choose confirmed to accept it."
        }
        let starts = LocalDate(iso: values.text(Field.starts))
        let ends = LocalDate(iso: values.text(Field.ends))
        if let starts, starts.year != year { problems[.starts] = "The action starts within \(year)." }
        if let ends, ends.year != year { problems[.ends] = "The action ends within \(year)." }
        if let starts, let ends, ends < starts { problems[.ends] = "It ends before it starts." }
        if parseObjectives(values.text(Field.gcm)) == nil { problems[.gcm] = "Numbers from 1 to 23, separated by commas." }
        if values.choice(Field.source) == 2, values.text(Field.donor).isEmpty { problems[.donor] = "Name the donor." }
        if let lead = values.choice(Field.lead).flatMap({ entities[safe: $0] }),
            values.selection(Field.participants)?.contains(lead.rawValue) == true
        {
            problems[.participants] = "\(lead) leads the action; leave it out of the participants."
        }
        return problems.byField
    }

    static func parseObjectives(_ text: String) -> Set<Int>? {
        let numbers = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { Int($0) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0.map { (1...23).contains($0) } ?? false }) else { return nil }
        return Set(numbers.compactMap { $0 })
    }

    /// A key action as typed into the form.
    struct ActionInput {
        var draft: KeyActionDraft
        /// Why the endorsed plan is revised (nil while it is a draft).
        var revision: String?

        init?(_ values: FormValues, entities: [EntityCode]) {
            typealias Field = ActionField
            guard let lead = values.choice(Field.lead).flatMap({ entities[safe: $0] }),
                let participantLabels = values.selection(Field.participants),
                let starts = LocalDate(iso: values.text(Field.starts)), let ends = LocalDate(iso: values.text(Field.ends)),
                let required = Decimal(string: values.text(Field.required)), let funded = Decimal(string: values.text(Field.funded)),
                let sourceIndex = values.choice(Field.source), let objectives = parseObjectives(values.text(Field.gcm))
            else { return nil }
            let participants = participantLabels.compactMap { label in entities.first { $0.rawValue == label } }
            let sources: [KeyAction.FundingSource] = [.migrationMPTF, .coreFunds, .donor(values.text(Field.donor)), .unfunded]
            guard participants.count == participantLabels.count, let source = sources[safe: sourceIndex] else { return nil }
            draft = KeyActionDraft(
                code: values.text(Field.code), title: values.text(Field.title), description: values.text(Field.description),
                lead: lead, participants: participants, starts: starts, ends: ends, budgetRequired: required, budgetFunded: funded,
                fundingSource: source, gcmObjectives: objectives,
                sdgTargets: values.text(Field.sdg).split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init),
                cooperationFrameworkOutcome: values.optionalText(Field.outcome), acceptsOverfunding: values.choice(Field.overfunding) == 1)
            revision = values.optionalText(Field.revision)
        }
    }
}

extension WorkplanForm {
    var editedRecord: (record: RecordKey, basedOn: Int)? {
        switch self {
        case .recordProgress(let year, let code, let basedOn): return (.keyAction(year: year, code: code), basedOn)
        case .editAction(let year, let code, _, _, let basedOn): return (.keyAction(year: year, code: code), basedOn)
        case .addAction: return nil
        }
    }

    func rebased(on network: NetworkState) -> WorkplanForm {
        switch self {
        case .recordProgress(let year, let code, _):
            return .recordProgress(year: year, code: code, basedOn: network.version(of: .keyAction(year: year, code: code)))
        case .editAction(let year, let code, let entities, let original, _):
            let current = network.workPlans[year]?.actions.first { $0.code == code }.map(KeyActionDraft.init) ?? original
            return .editAction(
                year: year, code: code, entities: entities, original: current,
                basedOn: network.version(of: .keyAction(year: year, code: code)))
        case .addAction: return self
        }
    }

    func formField(forConflict field: String) -> String? {
        typealias Field = WorkplanForms.ActionField
        switch self {
        case .recordProgress: return WorkplanForms.ProgressField.percent.rawValue
        case .editAction:
            let fields: [String: Field] = [
                "title": .title, "description": .description, "lead": .lead, "participants": .participants, "starts": .starts,
                "ends": .ends,
                "budgetRequired": .required, "budgetFunded": .funded, "fundingSource": .source, "gcmObjectives": .gcm, "sdgTargets": .sdg,
                "cooperationFrameworkOutcome": .outcome,
            ]
            return fields[field]?.rawValue
        case .addAction: return nil
        }
    }
}
