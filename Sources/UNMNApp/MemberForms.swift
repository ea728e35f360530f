import TerminalUI
import UNMNDomain

/// The Members pane's forms.
enum MemberForms {
    static func focalPoint(for entity: EntityCode, policy: EmailPolicy) -> Form {
        Form(title: "Add a focal point to \(entity)", fields: [
            .text("name", "Name", required: true),
            .text("position", "Position", required: true, help: "title, e.g. Programme Officer"),
            .choice("level", "Level", options: FocalPoint.Level.allCases.map(\.rawValue)),
            .text("email", "Email", required: true),
            .choice("list", "Mailing list", options: ["on the list", "not on the list"]),
            .text("reason", "Exception", help: "why a non-corporate address (temporary only)"),
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
