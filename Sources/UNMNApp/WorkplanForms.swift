import Foundation
import TerminalUI
import UNMNDomain

/// The Workplan pane's forms: a progress update, a key action.
enum WorkplanForms {
    static func progress(_ action: KeyAction) -> Form {
        Form(title: "Progress on \(action.code)", fields: [
            .text("percent", "Progress %", value: "\(action.progress)", required: true),
            .choice("status", "Status", options: KeyAction.Status.allCases.map(WorkplanList.statusLabel),
                    selected: KeyAction.Status.allCases.firstIndex(of: action.status) ?? 0),
            .text("note", "Note", help: "what changed, for the history"),
        ], validate: { values in
            guard let percent = Int(values["percent"]?.text ?? ""), (0...100).contains(percent) else {
                return ["percent": "Progress is a whole number from 0 to 100."]
            }
            if case .choice(let index, _)? = values["status"], KeyAction.Status.allCases[index] == .completed, percent != 100 {
                return ["status": "A completed action is at 100 %; set the percentage to 100 or choose another status."]
            }
            return [:]
        })
    }

    static func decodeProgress(_ values: [String: FormValue]) -> (Int, KeyAction.Status, String)? {
        guard let percent = Int(values["percent"]?.text ?? ""), case .choice(let index, _)? = values["status"] else { return nil }
        return (percent, KeyAction.Status.allCases[index], values["note"]?.text ?? "")
    }

    static let sources = ["Migration MPTF", "core funds", "a donor", "not yet funded"]

    static func action(_ existing: KeyAction?, year: Int, members: [MemberEntity], nextCode: String) -> Form {
        let codes = members.map(\.code.rawValue)
        let lead = existing.flatMap { action in codes.firstIndex(of: action.lead.rawValue) } ?? 0
        let participants = Set(existing?.participants.compactMap { codes.firstIndex(of: $0.rawValue) } ?? [])
        let source: (Int, String) = {
            switch existing?.fundingSource {
            case .migrationMPTF?: return (0, "")
            case .coreFunds?: return (1, "")
            case .donor(let name)?: return (2, name)
            case .unfunded?, nil: return (3, "")
            }
        }()
        return Form(title: existing.map { "Edit \($0.code)" } ?? "Add a key action to the \(year) plan", fields: [
            .text("code", "Code", value: existing?.code ?? nextCode, required: true),
            .text("title", "Title", value: existing?.title ?? "", required: true),
            .text("description", "Description", value: existing?.description ?? ""),
            .choice("lead", "Lead", options: codes, selected: lead),
            .multiSelect("participants", "Participants", options: codes, selected: participants),
            .date("starts", "Starts", value: existing?.starts.description ?? "\(year)-01-01", required: true),
            .date("ends", "Ends", value: existing?.ends.description ?? "\(year)-12-31", required: true),
            .text("required", "Required USD", value: existing.map { "\($0.budgetRequired)" } ?? "0", required: true),
            .text("funded", "Funded USD", value: existing.map { "\($0.budgetFunded)" } ?? "0", required: true),
            .choice("source", "Source", options: sources, selected: source.0),
            .text("donor", "Donor", value: source.1, help: "when the source is a donor"),
            .text("gcm", "GCM objectives", value: existing.map { $0.gcmObjectives.sorted().map(String.init).joined(separator: ", ") } ?? "", required: true,
                  help: "numbers 1–23, e.g. 6, 7"),
            .text("sdg", "SDG targets", value: existing?.sdgTargets.joined(separator: ", ") ?? "10.7"),
            .text("outcome", "CF outcome", value: existing?.cooperationFrameworkOutcome ?? ""),
            .choice("overfunding", "Above required", options: ["not accepted", "confirmed"]),
        ], validate: { values in
            var problems: [String: String] = [:]
            let required = Decimal(string: values["required"]?.text ?? "")
            let funded = Decimal(string: values["funded"]?.text ?? "")
            if required == nil || required! < 0 { problems["required"] = "A non-negative amount in USD, e.g. 150000." }
            if funded == nil || funded! < 0 { problems["funded"] = "A non-negative amount in USD, e.g. 90000." }
            if let required, let funded, funded > required, case .choice(0, _)? = values["overfunding"] {
                problems["overfunding"] = "Funded is above required; choose confirmed to accept it."
            }
            if let starts = LocalDate(iso: values["starts"]?.text ?? ""), starts.year != year { problems["starts"] = "The action starts within \(year)." }
            if let ends = LocalDate(iso: values["ends"]?.text ?? ""), ends.year != year { problems["ends"] = "The action ends within \(year)." }
            if let starts = LocalDate(iso: values["starts"]?.text ?? ""), let ends = LocalDate(iso: values["ends"]?.text ?? ""), ends < starts {
                problems["ends"] = "It ends before it starts."
            }
            if parseObjectives(values["gcm"]?.text ?? "") == nil { problems["gcm"] = "Numbers from 1 to 23, separated by commas." }
            if case .choice(2, _)? = values["source"], (values["donor"]?.text ?? "").isEmpty { problems["donor"] = "Name the donor." }
            if case .choice(let lead, let code)? = values["lead"], case .selection(let chosen)? = values["participants"], chosen.contains(code) {
                _ = lead
                problems["participants"] = "\(code) leads the action; leave it out of the participants."
            }
            return problems
        })
    }

    static func parseObjectives(_ text: String) -> Set<Int>? {
        let numbers = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { Int($0) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil && (1...23).contains($0!) }) else { return nil }
        return Set(numbers.compactMap { $0 })
    }

    static func decodeAction(_ values: [String: FormValue]) -> KeyActionDraft? {
        guard case .choice(_, let lead)? = values["lead"], case .selection(let participants)? = values["participants"],
              let starts = LocalDate(iso: values["starts"]?.text ?? ""), let ends = LocalDate(iso: values["ends"]?.text ?? ""),
              let required = Decimal(string: values["required"]?.text ?? ""), let funded = Decimal(string: values["funded"]?.text ?? ""),
              case .choice(let sourceIndex, _)? = values["source"], let objectives = parseObjectives(values["gcm"]?.text ?? "") else { return nil }
        let source: KeyAction.FundingSource = [.migrationMPTF, .coreFunds, .donor(values["donor"]?.text ?? ""), .unfunded][sourceIndex]
        let targets = (values["sdg"]?.text ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        let outcome = values["outcome"]?.text ?? ""
        let confirmed: Bool = if case .choice(1, _)? = values["overfunding"] { true } else { false }
        return KeyActionDraft(code: values["code"]?.text ?? "", title: values["title"]?.text ?? "", description: values["description"]?.text ?? "",
                              lead: EntityCode(lead), participants: participants.map { EntityCode($0) }, starts: starts, ends: ends,
                              budgetRequired: required, budgetFunded: funded, fundingSource: source, gcmObjectives: objectives,
                              sdgTargets: targets, cooperationFrameworkOutcome: outcome.isEmpty ? nil : outcome, acceptsOverfunding: confirmed)
    }
}
