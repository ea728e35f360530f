/// Applying events: deterministic, no checks (events are facts that were decided already).
extension NetworkState {
    /// Applies a command's events and remembers how the operator could undo them.
    public mutating func apply(_ batch: EventBatch) { apply(batch, planningUndo: true) }

    /// `planningUndo`: false for a batch whose undo plan nothing will read (see `needsUndoPlan`).
    public mutating func apply(_ batch: EventBatch, planningUndo: Bool) {
        let plan: UndoPlan? =
            !planningUndo
            ? nil
            : batch.isUndo
                ? UndoPlan.impossible(summary: batch.summary, reason: "your last change was itself an undo")
                : Undo.plan(for: batch, before: self, version: batchCount + 1)
        let version = batchCount + 1
        let change = changes.stamp(version: version, by: batch.operator.name, entity: batch.operator.entity, at: batch.at)
        if batch.eventsFollowCommand {
            applyPlainEvent(of: batch, as: change)
        } else {
            for event in batch.events {
                recordChanges(of: event, as: change)
                apply(event, at: batch.at)
            }
        }
        if let plan { undoPlans[NetworkState.operatorKey(batch.operator)] = plan }
        if batch.hasCommand { isVerified = true }
        batchCount = version
    }

    /// For batches about to be applied in order: whether each one's undo plan will be read
    /// (see `UndoPlanNeeds`).
    public static func needsUndoPlan(_ batches: some BidirectionalCollection<EventBatch>) -> [Bool] {
        var needs = UndoPlanNeeds()
        return batches.reversed().map { needs.isNeeded(name: $0.operator.name, entity: $0.operator.entity, beforeUndo: $0.isUndoCommand) }
            .reversed()
    }

    /// After a replay applied `batches` (in order) with plans only for `planned` ones, and
    /// stopped at damage before their operators' later changes: whose last applied change has no
    /// plan gets one saying why it cannot be undone, rather than the plan of an older change.
    public mutating func undoUnplanned(_ batches: some BidirectionalCollection<EventBatch>, planned: [Bool]) {
        var seen: Set<Operator.Key> = []
        for (batch, wasPlanned) in zip(batches, planned).reversed() {
            guard seen.insert(Operator.Key(batch.operator)).inserted, !wasPlanned else { continue }
            undoPlans[NetworkState.operatorKey(batch.operator)] = .impossible(summary: batch.summary, reason: Self.unreadableAfter)
        }
    }

    /// After damage stopped a replay read in pieces: the people with records from the damaged
    /// one on (in its piece or beyond) made a later change than their last one applied, even when
    /// that one lies in an earlier piece, so it cannot be undone either — as when the journal is
    /// read in one piece.
    public mutating func undoUnreadable(after operators: some Sequence<Operator>) {
        for op in operators {
            let key = NetworkState.operatorKey(op)
            switch undoPlans[key] {
            case .inverse(let summary, _)?, .impossible(let summary, _)?:
                undoPlans[key] = .impossible(summary: summary, reason: Self.unreadableAfter)
            case nil: break
            }
        }
    }

    static let unreadableAfter = "the journal stops being readable after it; nothing can be undone until it is repaired"

    mutating func apply(_ event: Event, at: Instant) {
        switch event {
        case .networkFounded(let founding):
            entities = founding
            foundedOn = at.tashkentDate
        case .sandboxDeclared:
            isSandbox = true
        case .accessGranted(let grant):
            grants[grant.login] = grant
        case .accessRevoked(let login):
            grants[login] = nil
        case .entityApplied(let entity):
            if let index = entities.firstIndex(where: { $0.code == entity.code }) {
                entities[index] = entity
            } else {
                entities.append(entity)
            }
        case .entityAdmitted(let code, let on, let decision):
            updateEntity(code) {
                $0.status = .member
                $0.memberSince = on
                $0.admittedBy = decision
                $0.withdrawnOn = nil
            }
        case .entityWithdrew(let code, let on, _):
            updateEntity(code) {
                $0.status = .withdrawn
                $0.withdrawnOn = on
            }
        case .focalPointAdded(let point):
            focalPoints.append(point)
        case .focalPointChanged(let point):
            if let index = focalPoints.firstIndex(where: { $0.id == point.id }) { focalPoints[index] = point }
        case .mailingListChanged(let change):
            mailingListChanges.append(change)
            if let index = focalPoints.firstIndex(where: { $0.id == change.focalPointID }) {
                focalPoints[index].isOnMailingList = change.added
            }
        case .mailingListRequestSent(let sentAt):
            mailingListRequests.append(sentAt)
        case .meetingScheduled(let meeting):
            var scheduled = meeting
            scheduled.sequence = 0
            scheduled.lastModified = at
            meetings.append(scheduled)
        case .meetingPostponed(let reference, let postponement):
            updateMeeting(reference) {
                $0.date = postponement.to
                $0.postponements = ($0.postponements ?? []) + [postponement]
                $0.markChanged(at: at)
            }
        case .meetingCancelled(let reference, let cancellation):
            updateMeeting(reference) {
                $0.cancellation = cancellation
                $0.markChanged(at: at)
            }
        case .meetingRescheduled(let reference, let draft):
            updateMeeting(reference) {
                $0.markChanged(at: at)
                $0.kind = draft.kind
                $0.date = draft.date
                $0.startMinute = draft.startMinute
                $0.durationMinutes = draft.durationMinutes
                $0.location = draft.location
                $0.mode = draft.mode
                $0.modeReason = draft.modeReason
            }
        case .attendanceRecorded(let reference, let entity, let attendance):
            updateMeeting(reference) { $0.attendance[entity] = attendance }
        case .agendaItemAdded(let reference, let title):
            updateMeeting(reference) { $0.agenda.append(Meeting.AgendaItem(title: title)) }
        case .guestAdded(let reference, let guest):
            updateMeeting(reference) { $0.guests = ($0.guests ?? []) + [guest] }
        case .guestRemoved(let reference, let guest):
            updateMeeting(reference) { meeting in
                if let index = meeting.guests?.firstIndex(of: guest) { meeting.guests?.remove(at: index) }
            }
        case .minutesWritten(let reference, let item, let text):
            updateMeeting(reference) { if $0.agenda.indices.contains(item) { $0.agenda[item].minutes = text } }
        case .meetingDecisionRecorded(let reference, let decision):
            updateMeeting(reference) { $0.decisions.append(decision) }
        case .minutesFinalised(let reference, let on):
            updateMeeting(reference) { $0.status = .finalised(on: on) }
        case .minutesAmended(let reference, let amendment):
            updateMeeting(reference) { $0.amendments.append(amendment) }
        case .minutesShared(let reference, let on):
            updateMeeting(reference) {
                switch $0.status {
                case .finalised(let finalisedOn), .shared(let finalisedOn, _): $0.status = .shared(finalisedOn: finalisedOn, sharedOn: on)
                case .draft: break
                }
            }
            amendmentsShared[reference] = meeting(reference)?.amendments.count ?? 0
        case .actionPointAdded(let point):
            actionPoints.append(point)
        case .actionPointUpdated(let id, let status, let note):
            if let index = actionPoints.firstIndex(where: { $0.id == id }) {
                actionPoints[index].status = status
                actionPoints[index].notes.append(note)
            }
        case .workPlanDrafted(let year):
            workPlans[year] = WorkPlan(year: year)
        case .keyActionAdded(let year, let action):
            workPlans[year]?.actions.append(action)
        case .keyActionChanged(let year, let action):
            if let index = workPlans[year]?.actions.firstIndex(where: { $0.code == action.code }) {
                workPlans[year]?.actions[index] = action
            }
        case .progressRecorded(let year, let code, let update): recordProgress(update, year: year, code: code)
        case .workPlanEndorsed(let year, let on, let reference):
            workPlans[year]?.status = .endorsed(on: on, reference: reference)
        case .reportSentToUNCT(let report):
            reportsSentRecord = (reportsSentRecord ?? []) + [report]
        case .workPlanRevised(let year, let revision):
            let revisions = workPlans[year]?.revisions ?? []
            workPlans[year]?.revisions = revisions + [revision]
        case .workPlanRevisionsEndorsed(let year, let reference):
            if let revisions = workPlans[year]?.revisions {
                workPlans[year]?.revisions = revisions.map { revision in
                    var endorsed = revision
                    if revision.needsEndorsement && revision.endorsedBy == nil { endorsed.endorsedBy = reference }
                    return endorsed
                }
            }
        case .consultationReopened(let reference, let consulted, let deadline, let on):
            updateItem(reference) {
                $0.positions = Positions()
                $0.consultedActions = consulted
                $0.deadline = deadline
                $0.status = .open
                $0.reopenings = ($0.reopenings ?? []) + [on]
            }
        case .workPlanClosed(let year, let on):
            if case .endorsed(let endorsedOn, let reference)? = workPlans[year]?.status {
                workPlans[year]?.status = .closed(endorsedOn: endorsedOn, reference: reference, closedOn: on)
            }
        case .itemOpened(var item):
            // Room for every entity's position at once, not grown one doubling at a time.
            item.positions.reserveCapacity(entities.count)
            item.history.reserveCapacity(entities.count)
            itemIndex[item.reference] = items.count
            items.append(item)
            listItem(at: items.count - 1, was: nil)
            if let year = Self.number(inField: 1, of: item.reference.rawValue) { itemsPerYear[year, default: 0] += 1 }
        case .positionRecorded(let reference, let record): recordPosition(record, on: reference)
        case .itemClosed(let reference, let status, let closure):
            updateItem(reference) {
                $0.status = status
                $0.closure = closure
            }
            if case .adopted(let number) = status, let year = Self.number(inField: 0, of: number) {
                decisionsPerYear[year, default: 0] += 1
            }
        case .itemDeferred(let reference, let newDeadline, let closure):
            updateItem(reference) {
                $0.status = .deferred
                $0.deadline = newDeadline
                $0.deferrals.append(closure)
            }
        }
    }

    /// A batch's plain event (`EventBatch.eventsFollowCommand`) applied and its changes stamped
    /// straight from the command: what applying the event `EventBatch.plainEvent` makes does,
    /// without making it (making it, then copying and destroying it, was a twentieth of a replay).
    private mutating func applyPlainEvent(of batch: EventBatch, as change: ChangeLog.Stamp) {
        switch batch.storedCommand {
        case .recordPosition(let reference, let code, let position, let source, _):
            notePosition(reference, code, as: change)
            // Its recorder's name is the change log's copy (`ChangeLog.name(of:)`), the same text.
            recordPosition(PositionRecord.recorded(code, position, source, by: changes.name(of: change), at: batch.at), on: reference)
        case .recordProgress(let year, let code, let percent, let status, let note, _):
            noteProgress(year, code, as: change)
            let recorder = changes.name(of: change)
            recordProgress(
                .recorded(percent, status, note, by: recorder, of: batch.operator.entity, on: batch.at.tashkentDate), year: year,
                code: code)
        case .recordAttendance(let reference, let code, let attendance, _):
            // Its event is its command's values, as they are: made (small) and applied.
            let event = Event.attendanceRecorded(meeting: reference, entity: code, attendance)
            recordChanges(of: event, as: change)
            apply(event, at: batch.at)
        default:
            // `EventBatch.init(plainEventOf:…)` takes only commands with a plain event.
            preconditionFailure("a batch whose events follow from a command without a plain event")
        }
    }

    /// A position recorded on an item: changed in place, not through `updateItem` (a position
    /// never changes an item's status; its closure copied the record twice more).
    private mutating func recordPosition(_ record: consuming PositionRecord, on reference: ItemReference) {
        guard let index = itemIndex[reference] else { return }
        if record.hasPosition {
            items[index].positions.record(copy record)
        } else {
            items[index].positions.remove(record.entity)
        }
        // The last use: moved into the history, not copied (its recorder's name not retained again).
        items[index].history.append(record)
    }

    /// Progress recorded on a key action: changed in place through the plan's index (each of
    /// four `workPlans[year]?` found the plan again and put it back, ~700 instructions each).
    private mutating func recordProgress(_ update: consuming KeyAction.ProgressUpdate, year: Int, code: String) {
        if let plan = workPlans.index(forKey: year) { workPlans.values[plan].record(update, on: code) }
    }

    private mutating func updateEntity(_ code: EntityCode, _ change: (inout MemberEntity) -> Void) {
        if let index = entities.firstIndex(where: { $0.code == code }) { change(&entities[index]) }
    }

    private mutating func updateMeeting(_ reference: MeetingReference, _ change: (inout Meeting) -> Void) {
        if let index = meetings.firstIndex(where: { $0.reference == reference }) { change(&meetings[index]) }
    }

    private mutating func updateItem(_ reference: ItemReference, _ change: (inout ConsensusItem) -> Void) {
        guard let index = itemIndex[reference] else { return }
        let before = items[index].status
        change(&items[index])
        if items[index].status != before { listItem(at: index, was: before) }
    }

    /// Moves an item into or out of the open items and the decisions as its status now says
    /// (`was`: its status before, nil for an item just opened). Both lists are sorted, so each
    /// move is a binary search.
    private mutating func listItem(at index: Int, was before: ConsensusItem.Status?) {
        let status = items[index].status
        if before.map({ !$0.isClosed }) ?? false, status.isClosed {
            openItemIndices.remove(at: Self.firstPlace(in: openItemIndices) { $0 >= index })
        } else if before?.isClosed ?? true, !status.isClosed {
            openItemIndices.insert(index, at: Self.firstPlace(in: openItemIndices) { $0 >= index })
        }
        if case .adopted(let number)? = before {
            let key = Self.decisionKey(number, index)
            decisionItemIndices.remove(at: Self.firstPlace(in: decisionItemIndices) { decisionKey(at: $0) >= key })
        }
        if case .adopted(let number) = status {
            let key = Self.decisionKey(number, index)
            decisionItemIndices.insert(index, at: Self.firstPlace(in: decisionItemIndices) { decisionKey(at: $0) >= key })
        }
    }

    /// Both lists, from the items alone: after a snapshot is read.
    mutating func rebuildItemLists() {
        openItemIndices = items.indices.filter { !items[$0].status.isClosed }
        decisionItemIndices = items.indices.filter { items[$0].status.isAdopted }.sorted { decisionKey(at: $0) < decisionKey(at: $1) }
    }

    /// Where an adopted item stands in the log: by its decision's year and number (`2026/07`),
    /// then by when it was opened.
    static func decisionKey(_ number: String, _ index: Int) -> DecisionKey {
        let parts = Decision.parts(of: number)
        return DecisionKey(year: parts.year, sequence: parts.sequence, index: index)
    }

    func decisionKey(at index: Int) -> DecisionKey {
        guard case .adopted(let number) = items[index].status else { preconditionFailure("an adopted item") }
        return Self.decisionKey(number, index)
    }

    struct DecisionKey: Comparable {
        var year: Int
        var sequence: Int
        var index: Int

        static func < (a: DecisionKey, b: DecisionKey) -> Bool { (a.year, a.sequence, a.index) < (b.year, b.sequence, b.index) }
    }

    /// The first place in a list sorted by `isAtOrAfter` where it holds (the list's end if nowhere).
    static func firstPlace(in list: [Int], where isAtOrAfter: (Int) -> Bool) -> Int {
        // Items are opened and decisions numbered in order: most go last, found in one look.
        guard let last = list.last, isAtOrAfter(last) else { return list.count }
        var (low, high) = (0, list.count - 1)
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAfter(list[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Which undo plans a replay must make, found by walking its batches from the last to the
/// first. A plan is read when its batch is its operator's last (the plan outlives the replay)
/// or when that person's next change is an undo (deciding it again reads the plan); any other is
/// replaced by the person's next change unread. Planning every batch was a tenth of a replayed
/// record; the operators of a piece are few, so they are kept in a short list, not hashed.
public struct UndoPlanNeeds {
    private var operators: [(key: Operator.Key, nextIsUndo: Bool)] = []

    public init() {}

    /// Whether the plan of a batch by the operator `name` of `entity` will be read, the batches
    /// after it having been asked already; told whether its command is an undo
    /// (`EventBatch.isUndoCommand`). The name and entity are borrowed where they lie: copying
    /// them into an operator and a key for every replayed record cost a third of this.
    public mutating func isNeeded(name: borrowing String, entity: borrowing EntityCode, beforeUndo isUndo: Bool) -> Bool {
        guard let place = operators.firstIndex(where: { $0.key.name == name && $0.key.entity == entity }) else {
            operators.append((Operator.Key(name: copy name, entity: copy entity), isUndo))
            return true
        }
        defer { operators[place].nextIsUndo = isUndo }
        return operators[place].nextIsUndo
    }
}

extension NetworkState {
    /// The number in a reference's `index`th part between slashes ("UNMN/2026/007": part 1 is
    /// 2026; empty parts are skipped), read over its bytes: splitting by `Character`, or into
    /// an array of parts, cost thousands of instructions for each item opened or adopted.
    static func number(inField index: Int, of text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var (part, start) = (0, 0)
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "/") { end += 1 }
                if start < end {
                    if part == index { return decimal(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
                    part += 1
                }
                start = end + 1
            }
            return nil
        }
    }

    /// The bytes as `Int(_: String)` reads them: an optional sign, then decimal digits only,
    /// nil when there are none or the number does not fit. (`Int(Substring(…))` made a string
    /// of the part and went through generic parsing: most of `number(inField:of:)`.)
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            let digit = Int(byte) &- Int(UInt8(ascii: "0"))
            guard (0...9).contains(digit) else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflowTimes && !overflowAdd else { return nil }
            value = next
        }
        return value
    }
}

extension WorkPlan {
    /// A key action's progress update, applied to the action with this code (if there is one).
    /// The update is moved into the history (not copied: its strings are not retained again).
    fileprivate mutating func record(_ update: consuming KeyAction.ProgressUpdate, on code: String) {
        guard let index = actions.firstIndex(where: { $0.code == code }) else { return }
        actions[index].progress = update.percent
        actions[index].status = update.status
        actions[index].history.append(update)
    }
}
