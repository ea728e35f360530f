import TerminalUI
import UNMNDomain

/// The Members pane's forms.
enum MemberForms {
    static func focalPoint(for entity: EntityCode, policy: EmailPolicy) -> Form {
        form(title: "Add a focal point to \(entity)", existing: nil, policy: policy)
    }

    static func focalPoint(editing point: FocalPoint, policy: EmailPolicy) -> Form {
        form(title: "Edit \(point.name) (\(point.entity))", existing: point, policy: policy)
    }

    private static func form(title: String, existing: FocalPoint?, policy: EmailPolicy) -> Form {
        Form(title: title, fields: [
            .text("name", "Name", value: existing?.name ?? "", required: true),
            .text("position", "Position", value: existing?.position ?? "", required: true, help: "title, e.g. Programme Officer"),
            .choice("level", "Level", options: FocalPoint.Level.allCases.map(\.rawValue), selected: existing.flatMap { FocalPoint.Level.allCases.firstIndex(of: $0.level) } ?? 0),
            .text("email", "Email", value: existing?.email ?? "", required: true),
            .choice("list", "Mailing list", options: ["on the list", "not on the list"], selected: existing.map { $0.isOnMailingList ? 0 : 1 } ?? 0),
            .text("reason", "Exception", value: existing?.emailException?.reason ?? "", help: "why a non-corporate address (temporary only)"),
        ], validate: { values in
            let email = values["email"]?.text ?? ""
            if !email.isEmpty && !EmailPolicy.isWellFormed(email) { return ["email": "\"\(email)\" is not an email address."] }
            if !email.isEmpty && !policy.isCorporate(email) && (values["reason"]?.text ?? "").isEmpty {
                return ["reason": "\(email) is not a corporate address: record why the exception is needed, or use the corporate account."]
            }
            return [:]
        })
    }

    static func decodeFocalPoint(_ values: [String: FormValue], entity: EntityCode) -> FocalPointDraft? {
        guard case .choice(let level, _)? = values["level"], case .choice(let list, _)? = values["list"] else { return nil }
        let reason = values["reason"]?.text ?? ""
        return FocalPointDraft(entity: entity, name: values["name"]?.text ?? "", position: values["position"]?.text ?? "",
                               level: FocalPoint.Level.allCases[level], email: values["email"]?.text ?? "", isOnMailingList: list == 0,
                               exceptionReason: reason.isEmpty ? nil : reason)
    }

    static func admission(today: LocalDate) -> Form {
        Form(title: "Propose the admission of an entity", fields: [
            .text("code", "Code", required: true, help: "e.g. UNOPS"),
            .text("name", "Full name", required: true),
            .text("text", "Proposal", required: true, help: "why it asks to join"),
            .date("deadline", "Deadline", value: today.adding(days: 21).description, required: true),
        ])
    }

    static func withdrawal(of entity: EntityCode, today: LocalDate) -> Form {
        Form(title: "Record \(entity)'s withdrawal", fields: [
            .date("on", "On", value: today.description, required: true),
            .text("note", "Why", required: true),
        ])
    }
}
