import Foundation

/// What the panes and reports ask of the record. Each is computed from the state; nothing here
/// changes it.
extension NetworkState {
    // MARK: Members

    /// The focal points an entity has now (retired ones stay in `focalPoints` for history).
    public func activeFocalPoints(of entity: EntityCode) -> [FocalPoint] {
        focalPoints.filter { $0.entity == entity && $0.isActive }
    }

    /// Action points in the order people work through them: open ones by due date, then the
    /// rest, latest due first.
    public var actionPointsInWorkingOrder: [ActionPoint] {
        actionPoints.sorted { a, b in
            if (a.status == .open) != (b.status == .open) { return a.status == .open }
            return a.status == .open ? (a.due, a.id) < (b.due, b.id) : (a.due, a.id) > (b.due, b.id)
        }
    }

    // MARK: Meetings

    /// Whether each quarter of `year` met the Terms of Reference's rule ("meets one time per
    /// quarter, or upon request by its member(s), or more frequently"): a quarter is met by any
    /// meeting held in it, regular, requested or extraordinary, and says which. A meeting counts
    /// as held only once its attendance is recorded; a past meeting without it is awaiting its
    /// record, never met. A quarter that ended before the journal was founded is before the records.
    public func quarterlyCadence(year: Int, today: LocalDate) -> [QuarterCadence] {
        // A cancelled meeting neither meets the quarter nor counts as scheduled.
        let inYear = meetings.filter { $0.date.year == year && !$0.isCancelled }
        return (1...4).map { quarter in
            let inQuarter = inYear.filter { $0.date.quarter == quarter }
                .sorted { ($0.date, $0.startMinute) < ($1.date, $1.startMinute) }
            let held = inQuarter.filter { $0.isHeld && $0.date <= today }
            let awaiting = inQuarter.filter { $0.isAwaitingRecord(on: today) }
            let span = ReportingPeriod(year: year, quarter: quarter)
            let (firstDay, lastDay) = (span.first, span.last)
            let state: QuarterCadence.State
            if !held.isEmpty {
                state = .met
            } else if !awaiting.isEmpty {
                state = .awaitingRecord
            } else if let foundedOn, lastDay < foundedOn {
                state = .beforeRecords
            } else if lastDay < today {
                state = .missed
            } else if firstDay > today {
                state = inQuarter.isEmpty ? .upcoming : .scheduled
            } else {
                state = inQuarter.contains { $0.date >= today } ? .scheduled : .due
            }
            return QuarterCadence(year: year, quarter: quarter, state: state, held: held, awaitingRecord: awaiting)
        }
    }

    /// The entities that were members on a day: admitted on or before it, and not withdrawn by
    /// then. Attendance at a meeting is asked of these, not of whoever is a member today.
    public func members(on day: LocalDate) -> [MemberEntity] { entities.filter { $0.isMember(on: day) } }

    /// The first meeting on or after `today`.
    public func nextMeeting(from today: LocalDate) -> Meeting? {
        meetings.filter { $0.date >= today && !$0.isCancelled }.min { ($0.date, $0.startMinute) < ($1.date, $1.startMinute) }
    }

    // MARK: Action points

    /// The action points that follow up a decision, by due date.
    public func actionPoints(implementing item: ItemReference) -> [ActionPoint] {
        actionPoints.filter { $0.implements == item }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
    }

    public func overdueActionPoints(on today: LocalDate) -> [ActionPoint] {
        actionPoints.filter { $0.isOverdue(on: today) }.sorted { $0.due < $1.due }
    }

    // MARK: Consensus items

    /// The tally of an item over the members consulted now.
    public func tally(_ item: ConsensusItem) -> ItemTally {
        var tally = ItemTally()
        for member in members {
            switch item.positions[member.code]?.position {
            case .agree?: tally.agree += 1
            case .standAside?: tally.standAside += 1
            case .object?: tally.object += 1
            case nil: tally.noAnswer += 1
            }
        }
        return tally
    }

    /// Where an item stands for the chair: pending consultation, ready to adopt, held (an
    /// objection stands, or the deadline passed with members unanswered), or closed.
    public func group(of item: ConsensusItem, on today: LocalDate) -> ItemGroup {
        if item.status.isClosed { return .closed }
        if adoptionBlockers(item, on: today).isEmpty { return .readyToAdopt }
        let tally = tally(item)
        if tally.object > 0 || (item.deadline < today && tally.noAnswer > 0) { return .held }
        return .pending
    }

    /// Whether the minutes were amended after they were last shared with the RCO.
    public func isAmendedSinceShared(_ meeting: Meeting) -> Bool {
        guard case .shared = meeting.status else { return false }
        return meeting.amendments.count > amendmentsShared[meeting.reference] ?? 0
    }

    /// How many open items are in each group: the one count the Overview and the Decisions
    /// pane both show ("pending" is the group, never every open item).
    public func openItemCounts(on today: LocalDate) -> [ItemGroup: Int] {
        var counts: [ItemGroup: Int] = [:]
        for index in openItemIndices { counts[group(of: items[index], on: today), default: 0] += 1 }
        return counts
    }

    /// The decisions log: adopted items in decision-number order, optionally of one year and kind.
    public func decisionsLog(year: Int? = nil, category: ConsensusItem.Kind.Category? = nil) -> [Decision] {
        decisionIndices(year: year, category: category).compactMap(decision(at:))
    }

    /// Where the log's decisions lie in `items`, in number order: a screen builds a `Decision`
    /// only for the rows it draws (building every one was most of a key on the log).
    public func decisionIndices(year: Int? = nil, category: ConsensusItem.Kind.Category? = nil) -> [Int] {
        decisionItemIndices.filter { index in
            guard let closure = items[index].closure else { return false }
            return (year == nil || closure.at.tashkentDate.year == year) && (category == nil || items[index].kind.category == category)
        }
    }

    /// The decision adopting the item at `index` in `items`, if it was adopted.
    public func decision(at index: Int) -> Decision? {
        let item = items[index]
        guard case .adopted(let number) = item.status, let closure = item.closure else { return nil }
        return Decision(number: number, item: item, adoptedOn: closure.at.tashkentDate, statement: closure.statement)
    }

    // MARK: Mailing list

    /// The net changes to the mailing list since an instant (or ever): who to add, who to
    /// remove. Someone added and removed again in the period appears in neither.
    public func mailingListDelta(since: Instant?) -> MailingListDelta {
        // What the IT unit maintains is addresses, so a subscription is a person at an address:
        // a changed address is the old one removed and the new one added, never "no change".
        struct Subscription: Hashable {
            var focalPointID: FocalPointID
            var address: String
        }
        var last: [Subscription: MailingListChange] = [:]
        var wasOn: [Subscription: Bool] = [:]
        for change in mailingListChanges {
            let key = Subscription(focalPointID: change.focalPointID, address: change.email.lowercased())
            if let since, change.at <= since {
                wasOn[key] = change.added
                continue
            }
            if wasOn[key] == nil && last[key] == nil { wasOn[key] = !change.added }
            last[key] = change
        }
        let net = last.filter { wasOn[$0.key] != $0.value.added }.values
            .sorted { ($0.at, $0.focalPointID, $0.email) < ($1.at, $1.focalPointID, $1.email) }
        return MailingListDelta(additions: net.filter(\.added), removals: net.filter { !$0.added })
    }

    /// The same, since the start of a day in Asia/Tashkent.
    public func mailingListDelta(since day: LocalDate) -> MailingListDelta {
        mailingListDelta(since: Instant(secondsSinceEpoch: Instant(tashkent: day).secondsSinceEpoch - 1))
    }

    /// Whether nothing has been recorded since the network was founded (its members and grants
    /// aside): no meeting, focal point, consensus item or work plan.
    public var holdsOnlyFoundingRecords: Bool { meetings.isEmpty && focalPoints.isEmpty && items.isEmpty && workPlans.isEmpty }

    /// Focal points whose non-corporate address was allowed as an exception that has ended:
    /// the ToR allow one only for a "(temporary) absence of access".
    public func expiredEmailExceptions(on today: LocalDate) -> [FocalPoint] {
        focalPoints.filter { $0.isActive && $0.emailException?.isExpired(on: today) == true }
    }

    /// Member entities with nobody on the mailing list: they receive none of the network's mail.
    public var membersOffTheMailingList: [MemberEntity] {
        let listed = Set(mailingList.map(\.entity))
        return members.filter { !listed.contains($0.code) }
    }

    /// Focal points below the participation the ToR ask for ("deputies/senior programme or
    /// project managers").
    public var focalPointsBelowLevel: [FocalPoint] { focalPoints.filter { $0.isActive && !$0.meetsParticipationLevel } }

    /// The focal point the RCO nominated for the network: the recipient of the minutes.
    public var rcoFocalPoint: FocalPoint? { focalPoints.first { $0.isActive && $0.isRCOFocalPoint == true } }

    /// Everyone on the list now.
    public var mailingList: [FocalPoint] { focalPoints.filter { $0.isActive && $0.isOnMailingList } }

    // MARK: Work plans

    /// Progress of a plan's actions grouped by lead entity.
    public func progressByLead(year: Int) -> [EntityCode: ProgressRollUp] {
        Dictionary(grouping: workPlans[year]?.actions ?? [], by: \.lead).mapValues(ProgressRollUp.init)
    }

    /// Progress of the actions an entity leads or takes part in.
    public func progress(of entity: EntityCode, year: Int) -> ProgressRollUp {
        ProgressRollUp((workPlans[year]?.actions ?? []).filter { $0.involves(entity) })
    }

    /// Progress of a plan's actions grouped by status (the roll-up within each group; the
    /// cancelled group counts no action, by the roll-up rule).
    public func progressByStatus(year: Int) -> [KeyAction.Status: ProgressRollUp] {
        Dictionary(grouping: workPlans[year]?.actions ?? [], by: \.status).mapValues(ProgressRollUp.init)
    }

    /// How many actions have each status.
    public func statusCounts(year: Int) -> [KeyAction.Status: Int] {
        Dictionary(grouping: workPlans[year]?.actions ?? [], by: \.status).mapValues(\.count)
    }

    /// For each GCM objective 1–23, the actions serving it and their progress; an objective no
    /// action serves shows as a gap (zero actions).
    public func progressByObjective(year: Int) -> [Int: ProgressRollUp] {
        let actions = workPlans[year]?.actions ?? []
        return Dictionary(
            uniqueKeysWithValues: (1...23).map { number in (number, ProgressRollUp(actions.filter { $0.gcmObjectives.contains(number) })) })
    }

    /// Funded against required, in USD, over the actions not cancelled.
    public func budget(year: Int) -> BudgetSummary {
        let actions = (workPlans[year]?.actions ?? []).filter { $0.status != .cancelled }
        return BudgetSummary(required: actions.reduce(0) { $0 + $1.budgetRequired }, funded: actions.reduce(0) { $0 + $1.budgetFunded })
    }
}

public struct QuarterCadence: Hashable, Sendable {
    public enum State: String, Hashable, Sendable {
        /// A meeting of the network was held in the quarter (its attendance is on record).
        case met
        /// A meeting took place by its date but its attendance is not recorded yet.
        case awaitingRecord = "awaiting record"
        /// The quarter ended without one.
        case missed
        /// The quarter ended before the network's journal began: nothing is known of it.
        case beforeRecords = "before records began"
        /// The quarter is under way, no meeting yet, none scheduled.
        case due
        /// A meeting is scheduled in the quarter.
        case scheduled
        /// The quarter has not begun.
        case upcoming
    }

    public var year: Int
    public var quarter: Int
    public var state: State
    /// The meetings held in the quarter, in date order: what met it.
    public var held: [Meeting]
    /// Past meetings of the quarter whose attendance is not recorded yet.
    public var awaitingRecord: [Meeting]

    public var regular: Int { held.filter { $0.kind == .regular }.count }
    public var requested: Int { held.filter { if case .requested = $0.kind { return true } else { return false } }.count }
    public var extraordinary: Int { held.filter { $0.kind == .extraordinary }.count }

    /// `met by MTG/2025/03 (requested by ILO)`, `awaiting record of MTG/2026/04`, or the state.
    public var description: String {
        switch state {
        case .met:
            return "met by " + held.map { "\($0.reference) (\($0.kind.title))" }.joined(separator: ", ")
        case .awaitingRecord:
            return "awaiting record of " + awaitingRecord.map(\.reference.rawValue).joined(separator: ", ")
        default:
            return state.rawValue
        }
    }
}

public struct ItemTally: Hashable, Sendable {
    public var agree = 0
    public var standAside = 0
    public var object = 0
    public var noAnswer = 0

    public init(agree: Int = 0, standAside: Int = 0, object: Int = 0, noAnswer: Int = 0) {
        self.agree = agree
        self.standAside = standAside
        self.object = object
        self.noAnswer = noAnswer
    }
}

public enum ItemGroup: String, Hashable, Sendable, CaseIterable {
    case pending
    case readyToAdopt = "ready to adopt"
    case held, closed
}

/// One entry of the decisions log.
public struct Decision: Hashable, Sendable {
    /// `2026/03`.
    public var number: String
    public var item: ConsensusItem
    public var adoptedOn: LocalDate
    public var statement: String

    /// The number's parts, parsed once: the log sorts thousands of decisions per keystroke.
    let year: Int
    let sequence: Int

    init(number: String, item: ConsensusItem, adoptedOn: LocalDate, statement: String) {
        self.number = number
        self.item = item
        self.adoptedOn = adoptedOn
        self.statement = statement
        (year, sequence) = Self.parts(of: number)
    }

    /// `2026/03` → (2026, 3), read digit by digit: no strings made per decision.
    static func parts(of number: String) -> (year: Int, sequence: Int) {
        var parts = (0, 0)
        var seenSlash = false
        for byte in number.utf8 {
            if byte == UInt8(ascii: "/") {
                seenSlash = true
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                if seenSlash { parts.1 = parts.1 &* 10 &+ Int(byte - 48) } else { parts.0 = parts.0 &* 10 &+ Int(byte - 48) }
            }
        }
        return parts
    }
}

public struct MailingListDelta: Hashable, Sendable {
    public var additions: [MailingListChange]
    public var removals: [MailingListChange]
    public var isEmpty: Bool { additions.isEmpty && removals.isEmpty }
}

public struct BudgetSummary: Hashable, Sendable {
    public var required: Decimal
    public var funded: Decimal
    /// Funded as a share of required, 0–100+ (0 when nothing is required).
    public var fundedPercent: Int {
        guard required > 0 else { return 0 }
        return NSDecimalNumber(decimal: funded * 100 / required).intValue
    }
}
