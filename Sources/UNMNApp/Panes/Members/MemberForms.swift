import TerminalUI
import UNMNDomain

/// The Members pane's forms, and what each decodes into.
enum MemberForms {
    enum FocalPointField: String, FormFieldID { case name, family, position, level, email, list, reason, until, rco }

    static func focalPoint(for entity: EntityCode, policy: EmailPolicy) -> Form {
        form(title: "Add a focal point to \(entity)", entity: entity, existing: nil, policy: policy)
    }

    static func focalPoint(editing point: FocalPoint, policy: EmailPolicy) -> Form {
        form(title: "Edit \(point.name) (\(point.entity))", entity: point.entity, existing: point, policy: policy)
    }

    private static func form(title: String, entity: EntityCode, existing: FocalPoint?, policy: EmailPolicy) -> Form {
        typealias Field = FocalPointField
        let level = existing.flatMap { FocalPoint.Level.allCases.firstIndex(of: $0.level) } ?? 0
        // The RCO nominates its focal point for the network from among UNRC's.
        let rco: [FormField] =
            entity == "UNRC"
            ? [
                .choice(
                    Field.rco, "RCO focal point", options: ["no", "yes: the RCO's nominee, receives the minutes"],
                    selected: existing?.isRCOFocalPoint == true ? 1 : 0)
            ] : []
        let fields: [FormField] = [
            .text(Field.name, "Name", value: existing?.name ?? "", required: true, maxLength: 100),
            .text(Field.position, "Position", value: existing?.position ?? "", required: true, help: "title, e.g. Programme Officer"),
            .choice(Field.level, "Level", options: FocalPoint.Level.allCases.map(\.rawValue), selected: level),
            .text(Field.email, "Email", value: existing?.email ?? "", required: true, maxLength: 254),
            .choice(
                Field.list, "Mailing list", options: ["on the list", "not on the list"],
                selected: existing.map { $0.isOnMailingList ? 0 : 1 } ?? 0),
            .text(
                Field.reason, "Exception", value: existing?.emailException?.reason ?? "",
                help: "why a non-corporate address (temporary only)"),
            // Empty: the exception ends 90 days from the day it is recorded.
            .date(Field.until, "Exception ends", value: existing?.emailException?.until?.description ?? ""),
            // Optional, so last: the name's last word unless corrected here.
            .text(
                Field.family, "Family name", value: existing?.familyName ?? "",
                help: "for sorting and address books; empty: the name's last word", maxLength: 100),
        ]
        return Form(
            title: title,
            fields: fields + rco,
            validate: { values in
                var problems = FormProblems<Field>()
                let email = values.text(Field.email)
                if !email.isEmpty && !EmailPolicy.isWellFormed(email) {
                    problems[.email] = "\"\(email)\" is not an email address."
                } else if !email.isEmpty && !policy.isCorporate(email) && values.text(Field.reason).isEmpty {
                    problems[.reason] =
                        "\(email) is not a corporate address: record why the exception is needed, or use the corporate account."
                }
                return problems.byField
            })
    }

    /// A focal point as typed into the form.
    struct FocalPointInput {
        var name, position, email: String
        var level: FocalPoint.Level
        var isOnMailingList: Bool
        var exceptionReason: String?
        var exceptionUntil: LocalDate?
        var isRCOFocalPoint: Bool
        var familyName: String?

        init?(_ values: FormValues) {
            typealias Field = FocalPointField
            guard let level = values.choice(Field.level).flatMap({ FocalPoint.Level.allCases[safe: $0] }),
                let list = values.choice(Field.list)
            else { return nil }
            name = values.text(Field.name)
            position = values.text(Field.position)
            email = values.text(Field.email)
            self.level = level
            isOnMailingList = list == 0
            exceptionReason = values.optionalText(Field.reason)
            let until = values.text(Field.until)
            if until.isEmpty {
                exceptionUntil = nil
            } else {
                guard let day = LocalDate(iso: until) else { return nil }
                exceptionUntil = day
            }
            isRCOFocalPoint = values.choice(Field.rco) == 1
            familyName = values.optionalText(Field.family)
        }

        func draft(for entity: EntityCode) -> FocalPointDraft {
            FocalPointDraft(
                entity: entity, name: name, position: position, level: level, email: email, isOnMailingList: isOnMailingList,
                exceptionReason: exceptionReason, exceptionUntil: exceptionUntil, isRCOFocalPoint: isRCOFocalPoint,
                familyName: familyName)
        }
    }

    enum AdmissionField: String, FormFieldID { case code, name, text, deadline }

    static func admission(today: LocalDate) -> Form {
        typealias Field = AdmissionField
        return Form(
            title: "Propose the admission of an entity",
            fields: [
                .text(Field.code, "Code", required: true, help: "e.g. UNOPS"),
                .text(Field.name, "Full name", required: true),
                .text(Field.text, "Proposal", required: true, help: "why it asks to join"),
                .date(Field.deadline, "Deadline", value: today.adding(days: 21).description, required: true),
            ])
    }

    struct AdmissionInput {
        var code: EntityCode
        var fullName, text: String
        var deadline: LocalDate

        init?(_ values: FormValues) {
            typealias Field = AdmissionField
            guard let deadline = LocalDate(iso: values.text(Field.deadline)) else { return nil }
            code = EntityCode(values.text(Field.code))
            fullName = values.text(Field.name)
            text = values.text(Field.text)
            self.deadline = deadline
        }
    }

    enum GrantField: String, FormFieldID { case login, name, entity, role, key }

    static func grant(entities: [EntityCode]) -> Form {
        typealias Field = GrantField
        return Form(
            title: "Grant access",
            fields: [
                .text(Field.login, "Login", required: true, help: "their OS account, or a name for their SSH key", maxLength: 64),
                .text(Field.name, "Name", required: true, maxLength: 100),
                .choice(Field.entity, "Entity", options: entities.map(\.rawValue)),
                .choice(Field.role, "Role", options: Operator.Role.allCases.map(\.title)),
                .text(Field.key, "SSH key", help: "ssh-ed25519 AAAA… (for the gateway)", maxLength: 2_000),
            ],
            validate: { values in
                var problems = FormProblems<Field>()
                if let entity = values.choice(Field.entity).flatMap({ entities[safe: $0] }),
                    let role = values.choice(Field.role).flatMap({ Operator.Role.allCases[safe: $0] }),
                    let refusal = Grant.roleRefusal(role, for: entity)
                {
                    problems[.role] = refusal.prefix(1).uppercased() + refusal.dropFirst() + "."
                }
                if !Grant.isValidLogin(values.text(Field.login)) && !values.text(Field.login).isEmpty {
                    problems[.login] = "Letters, digits and . _ - @, at most 64."
                }
                if let key = values.optionalText(Field.key), !Grant.isValidKey(key) {
                    problems[.key] = "An OpenSSH public key on one line: ssh-ed25519 AAAA… comment."
                }
                return problems.byField
            })
    }

    struct GrantInput {
        var grant: Grant

        init?(_ values: FormValues, entities: [EntityCode]) {
            typealias Field = GrantField
            guard let entity = values.choice(Field.entity).flatMap({ entities[safe: $0] }),
                let role = values.choice(Field.role).flatMap({ Operator.Role.allCases[safe: $0] })
            else { return nil }
            grant = Grant(
                login: values.text(Field.login), name: values.text(Field.name), entity: entity, role: role,
                key: values.optionalText(Field.key))
        }
    }

    enum WithdrawalField: String, FormFieldID { case on, note }

    static func withdrawal(of entity: EntityCode, today: LocalDate) -> Form {
        Form(
            title: "Record \(entity)'s withdrawal",
            fields: [
                .date(WithdrawalField.on, "On", value: today.description, required: true),
                .text(WithdrawalField.note, "Why", required: true),
            ])
    }

    struct WithdrawalInput {
        var on: LocalDate
        var note: String

        init?(_ values: FormValues) {
            guard let on = LocalDate(iso: values.text(WithdrawalField.on)) else { return nil }
            self.on = on
            note = values.text(WithdrawalField.note)
        }
    }
}

extension MembersForm {
    var editedRecord: (record: RecordKey, basedOn: Int)? {
        if case .editFocalPoint(let id, _, let basedOn) = self { return (.focalPoint(id), basedOn) }
        return nil
    }

    func rebased(on network: NetworkState) -> MembersForm {
        guard case .editFocalPoint(let id, _, _) = self, let point = network.focalPoint(id) else { return self }
        return .editFocalPoint(id, original: FocalPointDraft(point), basedOn: network.version(of: .focalPoint(id)))
    }

    func formField(forConflict field: String) -> String? {
        let fields: [String: MemberForms.FocalPointField] = [
            "name": .name, "position": .position, "level": .level, "email": .email, "isOnMailingList": .list, "emailException": .reason,
            "exceptionUntil": .until, "isRCOFocalPoint": .rco, "familyName": .family,
        ]
        return fields[field]?.rawValue
    }
}
