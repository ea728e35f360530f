import TerminalUI
import UNMNDomain

/// The forms of the Decisions pane: a position, an outcome, a new item.
enum ItemForms {
    static let sources: [PositionRecord.Source] = [.email, .meeting, .phone, .console]

    static func position(item: ConsensusItem, entity: EntityCode, byMember: Bool) -> Form {
        let current = item.positions[entity]?.position
        let selected: Int
        switch current {
        case .agree?, nil: selected = 0
        case .standAside?: selected = 1
        case .object?: selected = 2
        }
        var reason = ""
        if case .object(let text)? = current { reason = text }
        let sourceOptions = byMember ? ["console (your own entity)"] : ["email", "meeting", "phone"]
        return Form(title: "\(entity)'s position on \(item.reference)", fields: [
            .choice("position", "Position", options: ["Agree", "Stand aside", "Object"], selected: selected),
            .text("reason", "Reason", value: reason, help: "required for an objection"),
            .choice("source", "Source", options: sourceOptions),
        ], validate: { values in
            if case .choice(2, _)? = values["position"], (values["reason"]?.text ?? "").isEmpty {
                return ["reason": "An objection needs a reason: say what the member objects to."]
            }
            return [:]
        })
    }

    static func decodePosition(_ values: [String: FormValue], byMember: Bool) -> (Position, PositionRecord.Source)? {
        guard case .choice(let index, _)? = values["position"], case .choice(let sourceIndex, _)? = values["source"] else { return nil }
        let position: Position
        switch index {
        case 0: position = .agree
        case 1: position = .standAside
        default: position = .object(reason: values["reason"]?.text ?? "")
        }
        return (position, byMember ? .console : [PositionRecord.Source.email, .meeting, .phone][sourceIndex])
    }

    static func outcome(_ kind: ClosingKind, item: ConsensusItem, today: LocalDate) -> Form {
        var fields: [FormField] = []
        if kind == .defer {
            fields.append(.date("deadline", "New deadline", value: item.deadline.adding(days: 30).description, required: true))
        }
        fields.append(.text("statement", "Outcome", required: true, help: "the outcome statement for the record"))
        return Form(title: "\(kind.title) \(item.reference)", fields: fields, validate: { values in
            if kind == .defer, let date = LocalDate(iso: values["deadline"]?.text ?? ""), date <= today {
                return ["deadline": "The new deadline must be after today (\(today))."]
            }
            return [:]
        })
    }

    static func newItem(network: NetworkState, today: LocalDate) -> Form {
        let meetings = network.meetings.filter { $0.date <= today }.suffix(8).reversed().map { "\($0.reference) (\($0.date))" }
        let planYears = network.workPlans.values.filter { $0.status == .draft }.map(\.year).sorted()
        let kinds = ["General", "Joint statement", "Working method"] + planYears.map { "AWP \($0) endorsement" }
        return Form(title: "Open a consensus item", fields: [
            .choice("kind", "Kind", options: kinds),
            .text("title", "Title", required: true),
            .text("text", "Text", required: true, help: "the proposal as members will read it"),
            .date("deadline", "Deadline", value: today.adding(days: 14).description, required: true),
            .choice("raised", "Raised", options: ["by written consultation"] + meetings),
        ], validate: { values in
            if let date = LocalDate(iso: values["deadline"]?.text ?? ""), date < today {
                return ["deadline": "The deadline has already passed; choose \(today) or later."]
            }
            return [:]
        })
    }

    static func decodeNewItem(_ values: [String: FormValue]) -> ConsensusItemDraft? {
        guard case .choice(_, let kindLabel)? = values["kind"], case .choice(let raisedIndex, let raisedLabel)? = values["raised"],
              let deadline = LocalDate(iso: values["deadline"]?.text ?? "") else { return nil }
        let kind: ConsensusItem.Kind
        switch kindLabel {
        case "Joint statement": kind = .jointStatement
        case "Working method": kind = .workingMethod
        case let label where label.hasPrefix("AWP "): kind = .workPlanEndorsement(year: Int(label.dropFirst(4).prefix(4)) ?? 0)
        default: kind = .general
        }
        let raised: ConsensusItem.RaisedAt = raisedIndex == 0 ? .writtenConsultation : .meeting(String(raisedLabel.split(separator: " ").first ?? ""))
        return ConsensusItemDraft(title: values["title"]?.text ?? "", text: values["text"]?.text ?? "", kind: kind, raisedAt: raised, deadline: deadline)
    }
}

/// How the chair closes (or defers) an item.
public enum ClosingKind: String, Sendable, Hashable {
    case adopt, reject, `defer`, withdraw

    var title: String {
        switch self {
        case .adopt: return "Adopt"
        case .reject: return "Close as not adopted:"
        case .defer: return "Defer"
        case .withdraw: return "Withdraw"
        }
    }
}
