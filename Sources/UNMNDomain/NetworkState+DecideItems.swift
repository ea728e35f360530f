import Foundation

/// Deciding the commands about consensus items, and the consensus rules.
extension NetworkState {
    func decideOpenItem(_ draft: ConsensusItemDraft, attempted: Attempt, context: CommandContext, check: inout Reasons)
        throws(CommandRejection) -> [Event]
    {
        let today = context.today
        check.require(!draft.title.trimmed.isEmpty, "the item has no title")
        check.require(!draft.text.trimmed.isEmpty, "the item has no text")
        checkDeadline(draft.deadline, today: today, check: &check)
        checkRaisedAt(draft.raisedAt, check: &check)
        switch draft.kind {
        case .admission:
            check.fail("propose an admission from Members, so that the applicant is recorded")
            if draft.underSilence == true {
                check.fail("an admission needs every member to agree, so it cannot be decided under silence")
            }
        case .workPlanEndorsement(let year):
            if let plan = workPlans[year] {
                switch plan.status {
                case .draft: check.require(!plan.actions.isEmpty, "the \(year) plan has no key actions to endorse")
                case .endorsed:
                    check.require(
                        !plan.revisionsAwaitingEndorsement.isEmpty, "the \(year) plan is \(plan.status.title), with no revision to endorse")
                case .closed: check.fail("the \(year) plan is \(plan.status.title)")
                }
                if let open = items.first(where: { $0.kind == draft.kind && !$0.status.isClosed }) {
                    check.fail("\(open.reference) already consults the members on the \(year) plan")
                }
            } else {
                check.fail("there is no \(year) work plan")
            }
        default: break
        }
        var item = newItem(draft, today: today)
        // The members are consulted on the plan as it stands now: adoption endorses this version.
        if case .workPlanEndorsement(let year) = draft.kind { item.consultedActions = workPlans[year]?.actions.map(KeyActionDraft.init) }
        return [.itemOpened(item)]
    }

    func decideReopenConsultation(
        _ reference: ItemReference, _ deadline: LocalDate, attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let open = try openItem(reference, attempted, check: &check)
        guard case .workPlanEndorsement(let year) = open.kind, let plan = workPlans[year] else {
            throw CommandRejection(attempted, reason: "only a work plan's endorsement is consulted on again when the plan changes")
        }
        let current = plan.actions.map(KeyActionDraft.init)
        check.require(current != open.consultedActions, "the \(year) plan has not changed since the consultation opened")
        checkDeadline(deadline, today: context.today, check: &check)
        return [.consultationReopened(reference, consulted: current, deadline: deadline, on: context.today)]
    }

    /// `2026-04 changed after consultation opened on 3 Mar`, when an endorsement item's plan
    /// differs from the version the members were consulted on.
    public func planChange(since item: ConsensusItem) -> String? {
        guard case .workPlanEndorsement(let year) = item.kind, let consulted = item.consultedActions else { return nil }
        let current = workPlans[year]?.actions.map(KeyActionDraft.init) ?? []
        guard current != consulted else { return nil }
        let before = Dictionary(consulted.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let changed = current.filter { before[$0.code] != $0 }.map(\.code)
        let removed = consulted.map(\.code).filter { code in !current.contains { $0.code == code } }
        let since = item.reopenings?.last ?? item.openedOn
        return "\(listed(changed + removed)) changed after the consultation opened on \(since.longDescription); re-open the consultation"
    }

    /// What may stop a position being recorded (its event is plain: `Event.positionRecorded`).
    func checkRecordPosition(
        _ reference: ItemReference, _ code: EntityCode, _ position: Position?, basedOn: Int?, of command: Command,
        check: inout Reasons
    ) throws(CommandRejection) {
        // The item and the entity are read where they lie: this is seven records in ten, and
        // copying a whole item and entity was a third of deciding one again.
        guard let index = itemIndex[reference] else {
            throw CommandRejection(Attempt(command), reason: "there is no consensus item \(reference)")
        }
        if let closure = items[index].closure, items[index].status.isClosed {
            let status = items[index].status
            check.fail("\(reference) was \(status.title) by \(closure.by) (\(closure.entity)) on \(closure.at.tashkentDate)")
        }
        // Only the entity's status is read: asking the entity (`isMember`) copied it whole.
        if let member = entities.firstIndex(where: { $0.code == code }) {
            let status = entities[member].status
            check.require(status == .member, "\(code) is not consulted: \(status == .withdrawn ? "it withdrew" : "it is not a member yet")")
        } else {
            check.fail("\(code) is not an entity of the network")
        }
        if case .object(let reason)? = position { check.require(!reason.trimmed.isEmpty, "an objection needs a reason") }
        guard check.list.isEmpty else { return }
        // Only the position is read, in place: the record's copy retained its recorder's name.
        let current = items[index].positions.position(of: code)
        try checkUnchanged(
            .item(reference), field: Self.positionField(code), title: "position of \(code)", since: basedOn,
            theirs: current?.title ?? "no answer", yours: position?.title ?? "no answer", attempted: Attempt(command))
        check.require(current != position, "\(code)'s position is already \(position?.title ?? "no answer")")
    }

    func decideAdoptItem(_ reference: ItemReference, _ statement: String, attempted: Attempt, context: CommandContext, check: inout Reasons)
        throws(CommandRejection) -> [Event]
    {
        let today = context.today
        let open = try openItem(reference, attempted, check: &check)
        check.require(!statement.trimmed.isEmpty, "give an outcome statement")
        check.list += adoptionBlockers(open, on: today)
        guard check.list.isEmpty else { return [] }
        let number = nextDecisionNumber(year: today.year)
        var closed = closure(statement, context)
        if open.isUnderSilence { closed.silent = members.filter { open.positions[$0.code] == nil }.map(\.code) }
        var events: [Event] = [.itemClosed(reference, .adopted(decisionNumber: number), closed)]
        switch open.kind {
        case .admission(let code, _): events.append(.entityAdmitted(code, on: today, decision: reference.rawValue))
        case .workPlanEndorsement(let year) where workPlans[year]?.status == .draft:
            events.append(.workPlanEndorsed(year: year, on: today, reference: reference.rawValue))
        case .workPlanEndorsement(let year) where workPlans[year]?.revisionsAwaitingEndorsement.isEmpty == false:
            events.append(.workPlanRevisionsEndorsed(year: year, reference: reference.rawValue))
        default: break
        }
        return events
    }

    func decideRejectOrWithdraw(
        _ reference: ItemReference, statement: String, status: ConsensusItem.Status, attempted: Attempt, context: CommandContext,
        check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        _ = try openItem(reference, attempted, check: &check)
        check.require(!statement.trimmed.isEmpty, "give an outcome statement")
        return [.itemClosed(reference, status, closure(statement, context))]
    }

    func decideDeferItem(
        _ reference: ItemReference, _ newDeadline: LocalDate, _ statement: String, attempted: Attempt, context: CommandContext,
        check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let today = context.today
        let open = try openItem(reference, attempted, check: &check)
        check.require(!statement.trimmed.isEmpty, "give an outcome statement")
        check.require(newDeadline > today, "the new deadline must be after today (\(today))")
        check.require(newDeadline != open.deadline, "the deadline is already \(newDeadline)")
        return [.itemDeferred(reference, newDeadline: newDeadline, closure(statement, context))]
    }

    // MARK: Consensus rules

    /// Everything that stands between an item and its adoption, worded for the chair:
    /// "UNDRR and WB have not answered", "ILO objects: not within our mandate".
    ///
    /// Who is consulted is decided now, not when the item opened: consensus is "based on
    /// consultations with all its Members", so an entity admitted while an item is open must be
    /// consulted before it is adopted, and an entity that withdrew is no longer consulted (its
    /// earlier position stays in the item's history but no longer counts).
    ///
    /// Under the silence procedure, once the deadline has passed, a member who did not answer is
    /// counted as not objecting ("silence not broken"); an objection still blocks ("silence broken").
    public func adoptionBlockers(_ item: ConsensusItem, on today: LocalDate) -> [String] {
        var blockers: [String] = []
        // One look at each member's position, the entity read in place: copying every member
        // entity, then looking each position up three times, was most of deciding an adoption.
        var (unanswered, objections, asides): ([String], [String], [String]) = ([], [], [])
        for index in entities.indices where entities[index].status == .member {
            let member = entities[index].code
            guard let record = item.positions[member] else {
                unanswered.append(member.rawValue)
                continue
            }
            switch record.position {
            case .object(let reason)?:
                objections.append(
                    item.isUnderSilence
                        ? "silence broken by \(member) on \(record.at.tashkentDate): \(reason)" : "\(member) objects: \(reason)")
            case .standAside?: asides.append(member.rawValue)
            default: break
            }
        }
        let silenceEnded = item.isUnderSilence && today > item.deadline
        if !unanswered.isEmpty && !silenceEnded {
            blockers.append(
                "\(listed(unanswered)) \(unanswered.count == 1 ? "has" : "have") not answered"
                    + (item.isUnderSilence
                        ? " (under silence until \(item.deadline): from the day after, no answer counts as no objection)" : ""))
        }
        blockers += objections
        if case .workPlanEndorsement(let year) = item.kind, workPlans[year]?.actions.isEmpty ?? true {
            blockers.append("the \(year) plan has no key actions")
        }
        if let change = planChange(since: item) { blockers.append(change) }
        if case .admission = item.kind, !asides.isEmpty {
            blockers.append(
                "\(listed(asides)) \(asides.count == 1 ? "stands" : "stand") aside, and an admission needs every member to agree")
        }
        return blockers
    }

    func openItem(_ reference: ItemReference, _ attempted: Attempt, check: inout Reasons) throws(CommandRejection) -> ConsensusItem {
        guard let found = item(reference) else { throw CommandRejection(attempted, reason: "there is no consensus item \(reference)") }
        if found.status.isClosed, let closure = found.closure {
            throw CommandRejection(
                attempted,
                reason: "\(reference) was already \(found.status.title) by \(closure.by) (\(closure.entity)) on \(closure.at.tashkentDate)")
        }
        return found
    }

    func newItem(_ draft: ConsensusItemDraft, today: LocalDate) -> ConsensusItem {
        let number = itemsPerYear[today.year, default: 0] + 1
        return ConsensusItem(
            opened: ItemReference("UNMN/" + String(today.year) + "/" + padded(number, to: 3)), title: draft.title.trimmed,
            text: draft.text.trimmed,
            kind: draft.kind, raisedAt: draft.raisedAt, deadline: draft.deadline, openedOn: today, underSilence: draft.underSilence)
    }

    func nextDecisionNumber(year: Int) -> String {
        String(year) + "/" + padded(decisionsPerYear[year, default: 0] + 1, to: 2)
    }

    func closure(_ statement: String, _ context: CommandContext) -> ConsensusItem.Closure {
        ConsensusItem.Closure(by: context.operatorName, entity: context.entity, at: context.now, statement: statement.trimmed)
    }

    func checkDeadline(_ deadline: LocalDate, today: LocalDate, check: inout Reasons) {
        check.require(deadline >= today, "the deadline \(deadline) has already passed")
    }

    func checkRaisedAt(_ raisedAt: ConsensusItem.RaisedAt, check: inout Reasons) {
        if case .meeting(let reference) = raisedAt { check.require(meeting(reference) != nil, "there is no meeting \(reference)") }
    }
}
