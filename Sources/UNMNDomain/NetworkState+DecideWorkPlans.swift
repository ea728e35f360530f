import Foundation

/// Deciding the commands about annual work plans and their key actions.
extension NetworkState {
    func decideDraftWorkPlan(_ year: Int, attempted: Attempt, context: CommandContext, check: inout Reasons) throws(CommandRejection)
        -> [Event]
    {
        check.require((2000...2100).contains(year), "\(year) is not a plausible year")
        check.require(workPlans[year] == nil, "the \(year) work plan already exists (\(workPlans[year]?.status.title ?? ""))")
        return [.workPlanDrafted(year: year)]
    }

    func decideAddKeyAction(
        _ year: Int, _ draft: KeyActionDraft, revision: String?, attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let plan = try existingPlan(year, attempted)
        checkOpen(plan, check: &check)
        check.require(!plan.actions.contains { $0.code == draft.code.trimmed }, "the \(year) plan already has an action \(draft.code)")
        validate(draft, year: year, check: &check)
        var events: [Event] = [.keyActionAdded(year: year, keyAction(from: draft, status: .notStarted, progress: 0, history: []))]
        if let reason = revisionReason(plan, revision, check: &check) {
            events.append(
                .workPlanRevised(
                    year: year,
                    WorkPlan.Revision(
                        code: draft.code.trimmed, change: .added, reason: reason, on: context.today, by: context.operatorName,
                        needsEndorsement: true)))
        }
        return events
    }

    /// ToR: "The AWPs shall be endorsed by the UNMN members": once they have, the plan is frozen
    /// and a change to its key actions is a revision, which must say why. Nil: not a revision.
    func revisionReason(_ plan: WorkPlan, _ revision: String?, check: inout Reasons) -> String? {
        guard case .endorsed(let on, let reference) = plan.status else { return nil }
        let reason = revision?.trimmed ?? ""
        check.require(
            !reason.isEmpty,
            "the \(plan.year) plan was endorsed on \(on) (\(reference)): a change now is a revision; say why it is revised")
        return reason
    }

    /// Adding an action, or changing its budget or its timeframe, changes what the members
    /// endorsed: such a revision needs their endorsement again.
    static let fieldsNeedingEndorsement: Set<String> = ["budgetRequired", "starts", "ends"]

    func decideEditKeyAction(
        _ year: Int, _ code: String, _ edit: Edit<KeyActionDraft>, revision: String?, attempted: Attempt, context: CommandContext,
        check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let plan = try existingPlan(year, attempted)
        checkOpen(plan, check: &check)
        guard let old = plan.actions.first(where: { $0.code == code }) else {
            throw CommandRejection(attempted, reason: "the \(year) plan has no action \(code)")
        }
        check.require(edit.values.code.trimmed == code, "an action's code cannot change (\(code))")
        guard check.list.isEmpty else { return [] }
        var (draft, _) = try merge(edit, onto: KeyActionDraft(old), record: .keyAction(year: year, code: code), attempted: attempted)
        draft.acceptsOverfunding =
            edit.values.acceptsOverfunding || (old.budgetFunded > old.budgetRequired && draft.budgetFunded == old.budgetFunded)
        validate(draft, year: year, check: &check)
        let action = keyAction(from: draft, status: old.status, progress: old.progress, history: old.history)
        check.require(action != old, "nothing changed")
        var events: [Event] = [.keyActionChanged(year: year, action)]
        if let reason = revisionReason(plan, revision, check: &check) {
            let changed = RecordFields.changedNames(from: KeyActionDraft(old), to: draft).filter { $0 != "acceptsOverfunding" }
            let titles = changed.map { NetworkState.title(ofField: $0, in: .keyAction(year: year, code: code)) }
            events.append(
                .workPlanRevised(
                    year: year,
                    WorkPlan.Revision(
                        code: code, change: .changed, fields: titles, reason: reason, on: context.today, by: context.operatorName,
                        needsEndorsement: !Self.fieldsNeedingEndorsement.isDisjoint(with: changed))))
        }
        return events
    }

    /// What may stop progress being recorded. Its event is plain (`Event.progressRecorded`);
    /// only cancelling an action of the endorsed plan adds one (`decideRecordProgress`).
    func checkRecordProgress(
        _ year: Int, _ code: String, _ percent: Int, _ status: KeyAction.Status, _ note: String, basedOn: Int?,
        of command: Command, check: inout Reasons
    ) throws(CommandRejection) {
        // The plan is copied once and its action read where it lies: copying the action too
        // (and, read through the dictionary's values, the plan at every look) was most of
        // deciding progress again, one record in five.
        guard let plan = workPlans[year] else { throw CommandRejection(Attempt(command), reason: "there is no \(year) work plan") }
        checkOpen(plan, check: &check)
        guard let index = plan.actions.firstIndex(where: { $0.code == code }) else {
            throw CommandRejection(Attempt(command), reason: "the \(year) plan has no action \(code)")
        }
        guard check.list.isEmpty else { return }
        let (progress, current) = (plan.actions[index].progress, plan.actions[index].status)
        try checkUnchanged(
            .keyAction(year: year, code: code), field: "progress", title: "progress", since: basedOn,
            theirs: "\(progress) %, \(current.rawValue)", yours: "\(percent) %, \(status.rawValue)", attempted: Attempt(command))
        check.require((0...100).contains(percent), "progress must be between 0 and 100 %, not \(percent)")
        check.require(status != .completed || percent == 100, "a completed action is at 100 %")
        check.require(
            percent != progress || status != current || !note.trimmed.isEmpty, "nothing changed: give a new percentage, status or a note")
    }

    func decideRecordProgress(
        _ year: Int, _ code: String, _ percent: Int, _ status: KeyAction.Status, _ note: String, basedOn: Int?, attempted: Attempt,
        context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        try checkRecordProgress(year, code, percent, status, note, basedOn: basedOn, of: attempted.command, check: &check)
        guard check.list.isEmpty, let plan = workPlans[year], let action = plan.actions.first(where: { $0.code == code }) else { return [] }
        var events: [Event] = [
            .progressRecorded(year: year, code: code, .recorded(percent, status, note, by: context.operator, on: context.today))
        ]
        // Progress stays free; cancelling an action of the endorsed plan is a revision, the note its reason.
        if status == .cancelled && action.status != .cancelled, plan.isEndorsed {
            check.require(!note.trimmed.isEmpty, "cancelling an action of the endorsed \(year) plan is a revision: say why in the note")
            events.append(
                .workPlanRevised(
                    year: year,
                    WorkPlan.Revision(
                        code: code, change: .cancelled, reason: note.trimmed, on: context.today, by: context.operatorName,
                        needsEndorsement: false)))
        }
        return events
    }

    func decideEndorseWorkPlan(
        _ year: Int, _ on: LocalDate, _ reference: String, attempted: Attempt, context: CommandContext, check: inout Reasons
    ) throws(CommandRejection) -> [Event] {
        let today = context.today
        let plan = try existingPlan(year, attempted)
        check.require(plan.status == .draft, "the \(year) plan is \(plan.status.title)")
        check.require(!plan.actions.isEmpty, "the \(year) plan has no key actions")
        if reference.hasPrefix("MTG/") {
            // Endorsed at a meeting only by a decision recorded there that names the plan.
            if let held = meeting(MeetingReference(reference)) {
                check.require(
                    held.decisions.contains { Self.decision($0, namesPlanOf: year, items: self) },
                    "\(reference) recorded no decision naming the \(year) work plan; record it there first (d), or endorse by an item")
            } else {
                check.fail("there is no meeting \(reference)")
            }
        } else if let endorsing = item(ItemReference(reference)) {
            check.require(
                endorsing.kind == ConsensusItem.Kind.workPlanEndorsement(year: year),
                "\(reference) is not the \(year) plan's endorsement item")
            check.require(endorsing.status.isAdopted, "\(reference) has not been adopted (\(endorsing.status.title))")
        } else {
            check.fail("\"\(reference)\" is neither a meeting nor a consensus item")
        }
        check.require(on <= today, "\(on) is in the future")
        return [.workPlanEndorsed(year: year, on: on, reference: reference)]
    }

    func decideCloseWorkPlan(_ year: Int, _ on: LocalDate, attempted: Attempt, context: CommandContext, check: inout Reasons)
        throws(CommandRejection) -> [Event]
    {
        let plan = try existingPlan(year, attempted)
        if case .endorsed(let endorsedOn, _) = plan.status {
            check.require(on >= endorsedOn, "the plan was endorsed on \(endorsedOn), after \(on)")
        } else {
            check.fail("the \(year) plan is \(plan.status.title); only an endorsed plan is closed")
        }
        return [.workPlanClosed(year: year, on: on)]
    }

    /// Whether a meeting's decision is about a year's plan: linked to its endorsement item, or
    /// naming it ("AWP 2026", "2026 work plan", "2026 annual work plan").
    static func decision(_ decision: Meeting.Decision, namesPlanOf year: Int, items state: NetworkState) -> Bool {
        if let linked = decision.item, state.item(linked)?.kind == .workPlanEndorsement(year: year) { return true }
        let text = decision.text.lowercased()
        return ["awp \(year)", "\(year) awp", "\(year) work plan", "\(year) annual work plan"].contains { text.contains($0) }
    }

    /// ToR: "implementation is to be monitored and reported to UNCT on regular basis".
    func decideReportSent(_ period: String, _ on: LocalDate, context: CommandContext, check: inout Reasons) -> [Event] {
        let today = context.today
        guard let span = ReportingPeriod(period) else {
            check.fail("\"\(period)\" is not a period: a quarter like 2026Q3, or a year like 2026")
            return []
        }
        check.require(on <= today, "\(on) is in the future")
        check.require(on >= span.first, "the report on \(span.title) cannot have gone before \(span.first), when the period began")
        if let earlier = reportsSent.first(where: { $0.period == span.code && $0.on == on }) {
            check.fail("the \(span.title) report is already recorded as sent on \(earlier.on)")
        }
        return [.reportSentToUNCT(ReportSent(period: span.code, on: on, by: context.operatorName))]
    }

    // MARK: Work-plan rules

    func existingPlan(_ year: Int, _ attempted: Attempt) throws(CommandRejection) -> WorkPlan {
        guard let plan = workPlans[year] else { throw CommandRejection(attempted, reason: "there is no \(year) work plan") }
        return plan
    }

    func checkOpen(_ plan: WorkPlan, check: inout Reasons) {
        if case .closed(_, _, let on) = plan.status { check.fail("the \(plan.year) plan was closed on \(on)") }
    }

    func validate(_ draft: KeyActionDraft, year: Int, check: inout Reasons) {
        check.require(!draft.code.trimmed.isEmpty, "the action has no code")
        check.require(!draft.title.trimmed.isEmpty, "the action has no title")
        checkMembers([draft.lead] + draft.participants, check: &check)
        check.require(!draft.participants.contains(draft.lead), "\(draft.lead) leads the action and is not also a participant")
        check.require(draft.starts <= draft.ends, "it ends (\(draft.ends)) before it starts (\(draft.starts))")
        check.require(draft.starts.year == year && draft.ends.year == year, "its timeframe must lie within \(year)")
        check.require(draft.budgetRequired >= 0 && draft.budgetFunded >= 0, "budgets cannot be negative")
        if draft.budgetRequired >= 0 && draft.budgetFunded > draft.budgetRequired && !draft.acceptsOverfunding {
            check.fail("funded (\(usd(draft.budgetFunded))) is above required (\(usd(draft.budgetRequired))); confirm to accept it")
        }
        check.require(!draft.gcmObjectives.isEmpty, "name at least one GCM objective it serves")
        let strange = draft.gcmObjectives.filter { !(1...23).contains($0) }.sorted()
        check.require(strange.isEmpty, "GCM objectives are numbered 1 to 23, not \(strange.map(String.init).joined(separator: ", "))")
        let badTargets = draft.sdgTargets.filter { !KeyActionDraft.isSDGTarget($0) }
        check.require(badTargets.isEmpty, "SDG targets look like 10.7, not \(badTargets.joined(separator: ", "))")
    }

    func keyAction(from draft: KeyActionDraft, status: KeyAction.Status, progress: Int, history: [KeyAction.ProgressUpdate]) -> KeyAction {
        KeyAction(
            code: draft.code.trimmed, title: draft.title.trimmed, description: draft.description.trimmed, lead: draft.lead,
            participants: draft.participants, starts: draft.starts, ends: draft.ends, budgetRequired: draft.budgetRequired,
            budgetFunded: draft.budgetFunded, fundingSource: draft.fundingSource, gcmObjectives: draft.gcmObjectives,
            sdgTargets: draft.sdgTargets, cooperationFrameworkOutcome: draft.cooperationFrameworkOutcome?.trimmed.nilIfEmpty,
            status: status, progress: progress, history: history)
    }
}
