/// A proposal the network decides on by consensus, after consulting all members.
public struct ConsensusItem: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: Hashable, Sendable, Codable {
        case general
        /// Admission of a new member entity: adopted only when every member agrees.
        case admission(EntityCode, fullName: String)
        /// Endorsement of the annual work plan of a year.
        case workPlanEndorsement(year: Int)
        case jointStatement
        case workingMethod

        public var title: String {
            switch self {
            case .general: return "general"
            case .admission(let code, _): return "admission of \(code)"
            case .workPlanEndorsement(let year): return "AWP \(year) endorsement"
            case .jointStatement: return "joint statement"
            case .workingMethod: return "working method"
            }
        }

        /// The kind without its particulars, for filtering: every admission is an admission.
        public enum Category: String, Hashable, Sendable, CaseIterable {
            case general
            case admission
            case workPlanEndorsement = "AWP endorsement"
            case jointStatement = "joint statement"
            case workingMethod = "working method"

            public var title: String { rawValue }
        }

        public var category: Category {
            switch self {
            case .general: return .general
            case .admission: return .admission
            case .workPlanEndorsement: return .workPlanEndorsement
            case .jointStatement: return .jointStatement
            case .workingMethod: return .workingMethod
            }
        }
    }

    public enum RaisedAt: Hashable, Sendable, Codable {
        case meeting(MeetingReference)
        case writtenConsultation
    }

    public enum Status: Hashable, Sendable, Codable {
        case open
        /// Deferred to a new deadline; consultation continues.
        case deferred
        case adopted(decisionNumber: String)
        case notAdopted
        case withdrawn

        public var isAdopted: Bool {
            if case .adopted = self { return true }
            return false
        }

        public var isClosed: Bool {
            switch self {
            case .open, .deferred: return false
            case .adopted, .notAdopted, .withdrawn: return true
            }
        }

        public var title: String {
            switch self {
            case .open: return "open"
            case .deferred: return "deferred"
            case .adopted(let number): return "adopted (decision \(number))"
            case .notAdopted: return "not adopted"
            case .withdrawn: return "withdrawn"
            }
        }
    }

    /// Who closed the item, when, and with what outcome statement.
    public struct Closure: Hashable, Sendable, Codable {
        public var by: String
        public var entity: EntityCode
        public var at: Instant
        public var statement: String
        /// Adopted under the silence procedure: the members who did not answer by the deadline,
        /// counted as not objecting (nil when the item was not decided under silence).
        public var silent: [EntityCode]?

        public init(by: String, entity: EntityCode, at: Instant, statement: String, silent: [EntityCode]? = nil) {
            self.by = by
            self.entity = entity
            self.at = at
            self.statement = statement
            self.silent = silent
        }

        /// Whether the item was adopted under silence, some members staying silent.
        public var wasDecidedUnderSilence: Bool { silent != nil }

        /// `under silence; silent: UNDRR and WB`: how it was decided, for the log, review and exports.
        public var silenceSummary: String? {
            guard let silent else { return nil }
            return silent.isEmpty ? "under silence; every member answered" : "under silence; silent: \(listed(silent.map(\.rawValue)))"
        }
    }

    /// `UNMN/2026/007`.
    public var reference: ItemReference
    public var title: String
    public var text: String
    public var kind: Kind
    public var raisedAt: RaisedAt
    public var deadline: LocalDate
    public var openedOn: LocalDate
    public var status: Status
    /// One current position per member entity that has answered.
    public var positions: Positions
    /// Every position ever recorded, oldest first.
    public var history: [PositionRecord]
    public var closure: Closure?
    /// Earlier outcomes (deferrals) with their statements.
    public var deferrals: [Closure]
    /// Put under the silence procedure when opened (nil in records from before it existed).
    public var underSilence: Bool?
    /// For a work plan's endorsement: the key actions as they stood when the consultation opened
    /// (or was last re-opened). The members endorse this version, not whatever the plan became.
    public var consultedActions: [KeyActionDraft]?
    /// The days the consultation was re-opened on a changed plan, positions reset each time.
    public var reopenings: [LocalDate]?

    public var id: ItemReference { reference }

    /// Under the silence procedure, a working method common in the UN system: after the deadline a
    /// member who did not answer is counted as not objecting; an objection still blocks.
    public var isUnderSilence: Bool { underSilence == true }
}

extension ConsensusItem {
    /// An item as it is opened: open, with no positions, history, closure or deferrals yet.
    public init(
        opened reference: ItemReference, title: String, text: String, kind: Kind, raisedAt: RaisedAt, deadline: LocalDate,
        openedOn: LocalDate, underSilence: Bool?
    ) {
        self.init(
            reference: reference, title: title, text: text, kind: kind, raisedAt: raisedAt, deadline: deadline, openedOn: openedOn,
            status: .open, positions: Positions(), history: [], closure: nil, deferrals: [], underSilence: underSilence)
    }
}

/// One member entity's answer on an item.
public enum Position: Hashable, Sendable, Codable {
    case agree
    /// A member standing aside may say why; the record keeps it (records from before reasons were kept decode with none).
    case standAside(reason: String?)
    /// An objection always carries its reason.
    case object(reason: String)

    public var title: String {
        switch self {
        case .agree: return "agree"
        case .standAside: return "stand aside"
        case .object: return "object"
        }
    }

    /// The reason an objection gives, or a stand-aside gave.
    public var reason: String? {
        switch self {
        case .agree: return nil
        case .standAside(let reason): return reason
        case .object(let reason): return reason
        }
    }

    /// Whether this is a stand-aside, with or without a reason.
    public var isStandAside: Bool {
        if case .standAside = self { return true }
        return false
    }
}

/// A position as recorded: by whom, when, and where it came from.
public struct PositionRecord: Hashable, Sendable, Codable {
    public enum Source: String, Hashable, Sendable, Codable, CaseIterable {
        /// Recorded by the entity's own operator in the console.
        case console, email, meeting, phone
    }

    public var entity: EntityCode
    /// Nil withdraws an earlier answer (back to "no answer"), e.g. when undoing.
    public var position: Position? {
        get {
            guard case .given(let position) = answer else { return nil }
            return position
        }
        set { answer = Answer(newValue) }
    }
    public var source: Source
    public var recordedBy: String
    public var at: Instant
    /// The position, held as an enum of its own rather than an optional: with an optional among
    /// its fields, the optimizer copied the whole record (its strings retained, then released) at
    /// the end of the initializer, for every position replayed.
    private var answer: Answer

    /// Whether the record gives a position (asked without copying it).
    var hasPosition: Bool {
        if case .none = answer { return false }
        return true
    }

    private enum Answer: Hashable, Sendable {
        case none
        case given(Position)

        init(_ position: Position?) { self = position.map { .given($0) } ?? .none }
    }

    public init(entity: EntityCode, position: Position?, source: Source, recordedBy: String, at: Instant) {
        self.entity = entity
        answer = Answer(position)
        self.source = source
        self.recordedBy = recordedBy
        self.at = at
    }

    // Written and read as the record it is, with its position (or none).
    private enum CodingKeys: String, CodingKey {
        case entity, position, source, recordedBy, at
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            entity: try container.decode(EntityCode.self, forKey: .entity),
            position: try container.decodeIfPresent(Position.self, forKey: .position),
            source: try container.decode(Source.self, forKey: .source), recordedBy: try container.decode(String.self, forKey: .recordedBy),
            at: try container.decode(Instant.self, forKey: .at))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entity, forKey: .entity)
        try container.encodeIfPresent(position, forKey: .position)
        try container.encode(source, forKey: .source)
        try container.encode(recordedBy, forKey: .recordedBy)
        try container.encode(at, forKey: .at)
    }
}

/// What the secretariat enters to open an item.
public struct ConsensusItemDraft: Hashable, Sendable, Codable {
    public var title: String
    public var text: String
    public var kind: ConsensusItem.Kind
    public var raisedAt: ConsensusItem.RaisedAt
    public var deadline: LocalDate
    /// Under the silence procedure until the deadline (nil: not, as in records from before it).
    public var underSilence: Bool?

    public init(
        title: String, text: String, kind: ConsensusItem.Kind, raisedAt: ConsensusItem.RaisedAt, deadline: LocalDate,
        underSilence: Bool = false
    ) {
        self.title = title
        self.text = text
        self.kind = kind
        self.raisedAt = raisedAt
        self.deadline = deadline
        self.underSilence = underSilence ? true : nil
    }
}
