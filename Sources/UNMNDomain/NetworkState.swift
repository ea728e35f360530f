/// The whole record of the network, rebuilt by applying events in order.
public struct NetworkState: Hashable, Sendable, Codable {
    public internal(set) var entities: [MemberEntity] = []
    public internal(set) var focalPoints: [FocalPoint] = []
    public internal(set) var mailingListChanges: [MailingListChange] = []
    /// When the secretariat last sent the IT unit a change request.
    public internal(set) var mailingListRequests: [Instant] = []
    public internal(set) var meetings: [Meeting] = []
    public internal(set) var actionPoints: [ActionPoint] = []
    public internal(set) var workPlans: [Int: WorkPlan] = [:]
    public internal(set) var items: [ConsensusItem] = []
    /// What `undo` would do for each operator (by name and entity), decided when their last
    /// change was applied.
    public internal(set) var undoPlans: [String: UndoPlan] = [:]
    /// The number of batches applied: the journal's sequence, and so every record's version.
    public internal(set) var batchCount = 0
    /// Who last changed each field of each record, and at which version: what edits are
    /// merged or refused against. Kept by `apply`.
    var changes = ChangeLog()
    /// Where each item is in `items`, and how many items and decisions each year has: kept by
    /// `apply`, so that a decade of items costs nothing per command.
    var itemIndex: [ItemReference: Int] = [:]
    var itemsPerYear: [Int: Int] = [:]
    var decisionsPerYear: [Int: Int] = [:]
    /// Places in `items`: those not closed, in the order opened, and the adopted ones in
    /// decision-number order. Kept by `apply` (and rebuilt when a snapshot is read), so that the
    /// decisions log and the open items read only what they list, never a decade of items.
    public internal(set) var openItemIndices: [Int] = []
    var decisionItemIndices: [Int] = []
    /// Who may act, by login. Empty for a network from before the roster: then nobody's
    /// authority is checked until the first grant.
    public internal(set) var grants: [String: Grant] = [:]
    /// How many amendments each meeting's minutes had when last shared with the RCO: more now
    /// means the RCO's copy is out of date, and the minutes may be shared again.
    public internal(set) var amendmentsShared: [MeetingReference: Int] = [:]
    /// The progress reports the secretariat sent to the UNCT, oldest first (nil until the first).
    var reportsSentRecord: [ReportSent]?
    /// The day (Asia/Tashkent) the network's journal was founded: nothing before it is on record.
    public internal(set) var foundedOn: LocalDate?
    /// A sandbox (created with --demo): anyone may take any role, for training.
    public internal(set) var isSandbox = false
    /// True once a record carrying its command was applied: from then on every record must.
    public internal(set) var isVerified = false
    /// The corporate email domains: data shipped with unmn, not an event.
    public let emailPolicy: EmailPolicy

    public init(emailPolicy: EmailPolicy) {
        self.emailPolicy = emailPolicy
    }

    // MARK: Lookups

    /// One copy of the entity found, not one of each entity passed over.
    public func entity(_ code: EntityCode) -> MemberEntity? { entities.firstIndex { $0.code == code }.map { entities[$0] } }
    public var members: [MemberEntity] { entities.filter(\.isMember) }
    public func focalPoint(_ id: FocalPointID) -> FocalPoint? { focalPoints.first { $0.id == id } }
    public func meeting(_ reference: MeetingReference) -> Meeting? { meetings.first { $0.reference == reference } }
    public func actionPoint(_ id: ActionPointID) -> ActionPoint? { actionPoints.first { $0.id == id } }
    public func item(_ reference: ItemReference) -> ConsensusItem? { itemIndex[reference].map { items[$0] } }

    static func operatorKey(_ op: Operator) -> String { "\(op.entity)/\(op.name)" }

    /// What `undo` would do for this operator now.
    public func undoPlan(for op: Operator) -> UndoPlan? { undoPlans[NetworkState.operatorKey(op)] }
}

/// A progress report sent to the UN Country Team (ToR: "monitored and reported to UNCT on
/// regular basis"): which period, when, by whom.
public struct ReportSent: Hashable, Sendable, Codable {
    /// `2026Q3` or `2026`.
    public var period: String
    public var on: LocalDate
    public var by: String

    public init(period: String, on: LocalDate, by: String) {
        self.period = period
        self.on = on
        self.by = by
    }
}

/// What undoing an operator's last change would do.
public enum UndoPlan: Hashable, Sendable, Codable {
    /// Decide these inverse commands now; `summary` says what is undone.
    case inverse(summary: String, commands: [Command])
    /// It cannot be undone, and why.
    case impossible(summary: String, reason: String)
}
