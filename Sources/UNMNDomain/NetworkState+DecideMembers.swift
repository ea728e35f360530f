import Foundation

/// Deciding the commands about members, focal points and the mailing list.
extension NetworkState {
    func decideAddFocalPoint(_ draft: FocalPointDraft, attempted: Attempt, context: CommandContext, check: inout Reasons)
        throws(CommandRejection) -> [Event]
    {
        validate(draft, excluding: nil, check: &check)
        guard check.list.isEmpty else { return [] }
        validateException(draft, today: context.today, check: &check)
        checkRCOFocalPoint(draft, excluding: nil, check: &check)
        guard check.list.isEmpty else { return [] }
        var point = FocalPoint(
            id: FocalPointID("FP-" + padded(focalPoints.count + 1, to: 4)), entity: draft.entity, name: draft.name.trimmed,
            position: draft.position.trimmed, level: draft.level, email: draft.email.trimmed,
            isOnMailingList: draft.isOnMailingList, emailException: exception(for: draft, by: context))
        point.isRCOFocalPoint = draft.isRCOFocalPoint == true ? true : nil
        point.familyName = draft.familyName?.trimmed.nilIfEmpty
        var events: [Event] = [.focalPointAdded(point)]
        if draft.isOnMailingList {
            events.append(
                .mailingListChanged(
                    MailingListChange(focalPointID: point.id, name: point.name, email: point.email, added: true, at: context.now)))
        }
        return events
    }

    func decideEditFocalPoint(
        _ id: FocalPointID, _ edit: Edit<FocalPointDraft>, attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        guard let old = focalPoint(id) else { throw CommandRejection(attempted, reason: "there is no focal point \(id)") }
        check.require(old.isActive, "\(old.name) stepped down on \(old.retiredOn.map(\.description) ?? "")")
        check.require(
            edit.values.entity == old.entity, "a focal point cannot move from \(old.entity) to \(edit.values.entity); add a new one")
        let (draft, _) = try merge(edit, onto: FocalPointDraft(old), record: .focalPoint(id), attempted: attempted)
        validate(draft, excluding: id, check: &check)
        checkRCOFocalPoint(draft, excluding: id, check: &check)
        let exceptionChanged =
            old.emailException?.reason != draft.exceptionReason?.trimmed || old.email != draft.email.trimmed
            || old.emailException?.until != draft.exceptionUntil
        if exceptionChanged { validateException(draft, today: context.today, check: &check) }
        var point = old
        point.name = draft.name.trimmed
        point.position = draft.position.trimmed
        point.level = draft.level
        point.email = draft.email.trimmed
        point.isOnMailingList = draft.isOnMailingList
        point.isRCOFocalPoint = draft.isRCOFocalPoint == true ? true : nil
        point.familyName = draft.familyName?.trimmed.nilIfEmpty
        // An exception stays as it was verified unless its reason, end or the address changed.
        if exceptionChanged { point.emailException = exception(for: draft, by: context) }
        check.require(point != old, "nothing changed")
        var events: [Event] = []
        if old.isOnMailingList && (!draft.isOnMailingList || old.email != point.email) {
            events.append(
                .mailingListChanged(MailingListChange(focalPointID: id, name: old.name, email: old.email, added: false, at: context.now)))
        }
        events.append(.focalPointChanged(point))
        if draft.isOnMailingList && (!old.isOnMailingList || old.email != point.email) {
            events.append(
                .mailingListChanged(MailingListChange(focalPointID: id, name: point.name, email: point.email, added: true, at: context.now))
            )
        }
        return events
    }

    func decideRetireFocalPoint(_ id: FocalPointID, _ on: LocalDate, attempted: Attempt, context: CommandContext, check: inout Reasons)
        throws(CommandRejection) -> [Event]
    {
        guard var point = focalPoint(id) else { throw CommandRejection(attempted, reason: "there is no focal point \(id)") }
        check.require(point.isActive, "\(point.name) already stepped down on \(point.retiredOn.map(\.description) ?? "")")
        guard check.list.isEmpty else { return [] }
        var events: [Event] = []
        if point.isOnMailingList {
            events.append(
                .mailingListChanged(
                    MailingListChange(focalPointID: id, name: point.name, email: point.email, added: false, at: context.now)))
            point.isOnMailingList = false
        }
        point.retiredOn = on
        events.append(.focalPointChanged(point))
        return events
    }

    func decideSetMailingList(_ id: FocalPointID, _ on: Bool, attempted: Attempt, context: CommandContext, check: inout Reasons)
        throws(CommandRejection) -> [Event]
    {
        guard let point = focalPoint(id) else { throw CommandRejection(attempted, reason: "there is no focal point \(id)") }
        check.require(point.isActive, "\(point.name) stepped down on \(point.retiredOn.map(\.description) ?? "")")
        check.require(point.isOnMailingList != on, "\(point.name) is \(on ? "already" : "not") on the mailing list")
        return [.mailingListChanged(MailingListChange(focalPointID: id, name: point.name, email: point.email, added: on, at: context.now))]
    }

    func decideMarkMailingListRequestSent(attempted: Attempt, context: CommandContext, check: inout Reasons) throws(CommandRejection)
        -> [Event]
    {
        let since = mailingListRequests.last
        check.require(
            !mailingListDelta(since: since).isEmpty,
            "the mailing list has not changed since the last request" + (since.map { " (\($0.tashkentDate))" } ?? ""))
        return [.mailingListRequestSent(at: context.now)]
    }

    func decideProposeAdmission(
        _ code: EntityCode, _ fullName: String, _ text: String, _ deadline: LocalDate, _ raisedAt: ConsensusItem.RaisedAt,
        attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let today = context.today
        check.require(!code.rawValue.trimmed.isEmpty, "the entity's code is empty")
        check.require(!fullName.trimmed.isEmpty, "the entity's full name is empty")
        check.require(!text.trimmed.isEmpty, "the proposal text is empty")
        if let existing = entity(code), existing.isMember { check.fail("\(existing.code) is already a member") }
        if let pending = items.first(where: {
            if case .admission(let c, _) = $0.kind { return c.normalized == code.normalized && !$0.status.isClosed } else { return false }
        }) {
            check.fail("\(pending.reference) already proposes \(code)'s admission")
        }
        checkDeadline(deadline, today: today, check: &check)
        checkRaisedAt(raisedAt, check: &check)
        guard check.list.isEmpty else { return [] }
        let applicant = MemberEntity(code: code, fullName: fullName.trimmed, role: .member, status: .applicant)
        let item = newItem(
            ConsensusItemDraft(
                title: "Admission of \(code) (\(fullName.trimmed))", text: text, kind: .admission(code, fullName: fullName.trimmed),
                raisedAt: raisedAt, deadline: deadline), today: today)
        return [.entityApplied(applicant), .itemOpened(item)]
    }

    func decideRecordWithdrawal(
        _ code: EntityCode, _ on: LocalDate, _ note: String, attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        guard let member = entity(code) else { throw CommandRejection(attempted, reason: "\(code) is not an entity of the network") }
        check.require(member.isMember, "\(code) is not a member (\(member.status.rawValue))")
        check.require(
            member.role == .member,
            "\(code) is the network's \(member.role.title.lowercased()) under the Terms of Reference and cannot withdraw")
        check.require(!note.trimmed.isEmpty, "say why \(code) withdraws")
        guard check.list.isEmpty else { return [] }
        // Its focal points leave the mailing list; their records stay.
        let removals = focalPoints.filter { $0.entity == code && $0.isOnMailingList }.map {
            Event.mailingListChanged(MailingListChange(focalPointID: $0.id, name: $0.name, email: $0.email, added: false, at: context.now))
        }
        return [.entityWithdrew(code, on: on, note: note.trimmed)] + removals
    }

    // MARK: Focal-point rules

    func validate(_ draft: FocalPointDraft, excluding id: FocalPointID?, check: inout Reasons) {
        if let member = entity(draft.entity) {
            check.require(member.isMember, "\(draft.entity) is not a member (\(member.status.rawValue))")
        } else {
            check.fail("\(draft.entity) is not an entity of the network")
        }
        check.require(!draft.name.trimmed.isEmpty, "the name is empty")
        check.require(draft.name.count <= 100, "the name is longer than 100 characters")
        if let invisible = InvisibleText.refusal(draft.name, what: "name") { check.fail(invisible) }
        check.require(!draft.position.trimmed.isEmpty, "the position (title) is empty")
        if let family = draft.familyName?.trimmed, !family.isEmpty {
            check.require(draft.name.contains(family), "the family name \"\(family)\" is not part of the name \"\(draft.name.trimmed)\"")
        }
        let email = draft.email.trimmed
        if !EmailPolicy.isWellFormed(email) {
            check.fail("\"\(email)\" is not an email address")
        } else if !emailPolicy.isCorporate(email) && (draft.exceptionReason?.trimmed ?? "").isEmpty {
            check.fail("\(email) is not a corporate address: record why the exception is needed, or use the entity's corporate account")
        }
        let wanted = email.lowercased()
        let wantedIsASCII = wanted.utf8.allSatisfy { $0 < 0x80 }
        // By index: a closure over each focal point would copy it (a dozen retains each).
        if let twin = focalPoints.indices.first(where: {
            focalPoints[$0].isActive && focalPoints[$0].id != id && Self.sameAddress(focalPoints[$0].email, wanted, isASCII: wantedIsASCII)
        }) {
            check.fail("\(email) already belongs to \(focalPoints[twin].name) (\(focalPoints[twin].entity))")
        }
    }

    /// Whether `email` is `lowercased` in any case (`isASCII` says whether `lowercased` is, found
    /// once for all the addresses it is compared with). ASCII addresses (nearly all) are compared
    /// byte by byte without lowering a copy of every focal point's address.
    static func sameAddress(_ email: String, _ lowercased: String, isASCII: Bool) -> Bool {
        if isASCII,
            let same = email.utf8.withContiguousStorageIfAvailable({ a in
                lowercased.utf8.withContiguousStorageIfAvailable { b -> Bool? in
                    // Different lengths (most addresses) settle it unless `email` is not ASCII.
                    var index = 0
                    while index < a.count && index < b.count {
                        let byte = a[index]
                        if byte >= 0x80 { return nil }
                        if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != b[index] {
                            return a[index...].allSatisfy { $0 < 0x80 } ? false : nil
                        }
                        index += 1
                    }
                    return a[index...].allSatisfy { $0 < 0x80 } ? a.count == b.count : nil
                } ?? nil
            }) ?? nil
        {
            return same
        }
        return email.lowercased() == lowercased
    }

    func exception(for draft: FocalPointDraft, by context: CommandContext) -> FocalPoint.EmailException? {
        guard !emailPolicy.isCorporate(draft.email.trimmed), let reason = draft.exceptionReason?.trimmed, !reason.isEmpty else {
            return nil
        }
        let until = draft.exceptionUntil ?? context.today.adding(days: FocalPoint.EmailException.defaultDays)
        return FocalPoint.EmailException(reason: reason, verifiedBy: context.operatorName, until: until)
    }

    /// ToR: non-corporate accounts only for "(temporary) absence of access": an exception ends.
    func validateException(_ draft: FocalPointDraft, today: LocalDate, check: inout Reasons) {
        guard let until = draft.exceptionUntil, !emailPolicy.isCorporate(draft.email.trimmed) else { return }
        check.require(until >= today, "the email exception would end on \(until), already past")
        let longest = today.adding(days: FocalPoint.EmailException.longestDays)
        check.require(until <= longest, "an email exception is temporary: it can end at the latest on \(longest), a year from today")
    }

    /// The RCO nominates one focal point for the network, from the RCO (UNRC).
    func checkRCOFocalPoint(_ draft: FocalPointDraft, excluding id: FocalPointID?, check: inout Reasons) {
        guard draft.isRCOFocalPoint == true else { return }
        guard draft.entity == "UNRC" else {
            check.fail("only a UNRC focal point can be the RCO's focal point")
            return
        }
        if let other = focalPoints.first(where: { $0.isActive && $0.id != id && $0.isRCOFocalPoint == true }) {
            check.fail("\(other.name) is already the RCO's focal point; edit them first to hand it over")
        }
    }
}
