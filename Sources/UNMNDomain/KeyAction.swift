import Foundation

/// One key action of an annual work plan.
public struct KeyAction: Hashable, Sendable, Codable, Identifiable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case notStarted = "not started"
        case onTrack = "on track"
        case atRisk = "at risk"
        case delayed
        case completed
        case cancelled
    }

    public enum FundingSource: Hashable, Sendable, Codable {
        case migrationMPTF
        case coreFunds
        case donor(String)
        case unfunded

        public var title: String {
            switch self {
            case .migrationMPTF: return "Migration MPTF"
            case .coreFunds: return "core funds"
            case .donor(let name): return "donor: \(name)"
            case .unfunded: return "not yet funded"
            }
        }
    }

    public struct ProgressUpdate: Hashable, Sendable, Codable {
        public var on: LocalDate
        public var by: String
        public var entity: EntityCode
        public var percent: Int
        public var status: Status
        public var note: String

        public init(on: LocalDate, by: String, entity: EntityCode, percent: Int, status: Status, note: String) {
            self.on = on
            self.by = by
            self.entity = entity
            self.percent = percent
            self.status = status
            self.note = note
        }
    }

    /// `2026-03`: unique within the plan.
    public var code: String
    public var title: String
    public var description: String
    public var lead: EntityCode
    public var participants: [EntityCode]
    public var starts: LocalDate
    public var ends: LocalDate
    /// USD.
    public var budgetRequired: Decimal
    /// USD; may exceed what is required only when the caller has been warned and confirmed.
    public var budgetFunded: Decimal
    public var fundingSource: FundingSource
    public var gcmObjectives: Set<Int>
    public var sdgTargets: [String]
    public var cooperationFrameworkOutcome: String?
    public var status: Status
    /// 0–100, entered, never derived.
    public var progress: Int
    public var history: [ProgressUpdate]

    public var id: String { code }

    /// True when `entity` leads the action or takes part in it.
    public func involves(_ entity: EntityCode) -> Bool { lead == entity || participants.contains(entity) }

    /// Past its end date and not completed or cancelled.
    public func isOverdue(on today: LocalDate) -> Bool { ends < today && status != .completed && status != .cancelled }
}

/// What the secretariat enters to add or edit a key action.
extension KeyAction {
    /// A key action as it is added to a plan: the draft's values as they stand, not started.
    /// (Deciding tidies a draft first; this takes values already decided, as a record holds them.)
    public init(added draft: KeyActionDraft) {
        self.init(
            code: draft.code, title: draft.title, description: draft.description, lead: draft.lead, participants: draft.participants,
            starts: draft.starts, ends: draft.ends, budgetRequired: draft.budgetRequired, budgetFunded: draft.budgetFunded,
            fundingSource: draft.fundingSource, gcmObjectives: draft.gcmObjectives, sdgTargets: draft.sdgTargets,
            cooperationFrameworkOutcome: draft.cooperationFrameworkOutcome, status: .notStarted, progress: 0, history: [])
    }
}

public struct KeyActionDraft: Hashable, Sendable, Codable {
    public var code: String
    public var title: String
    public var description: String
    public var lead: EntityCode
    public var participants: [EntityCode]
    public var starts: LocalDate
    public var ends: LocalDate
    public var budgetRequired: Decimal
    public var budgetFunded: Decimal
    public var fundingSource: KeyAction.FundingSource
    public var gcmObjectives: Set<Int>
    public var sdgTargets: [String]
    public var cooperationFrameworkOutcome: String?
    /// Set to accept funding above the requirement after the warning.
    public var acceptsOverfunding: Bool

    public init(
        code: String, title: String, description: String = "", lead: EntityCode, participants: [EntityCode] = [],
        starts: LocalDate, ends: LocalDate, budgetRequired: Decimal = 0, budgetFunded: Decimal = 0,
        fundingSource: KeyAction.FundingSource = .unfunded, gcmObjectives: Set<Int>, sdgTargets: [String] = ["10.7"],
        cooperationFrameworkOutcome: String? = nil, acceptsOverfunding: Bool = false
    ) {
        self.code = code
        self.title = title
        self.description = description
        self.lead = lead
        self.participants = participants
        self.starts = starts
        self.ends = ends
        self.budgetRequired = budgetRequired
        self.budgetFunded = budgetFunded
        self.fundingSource = fundingSource
        self.gcmObjectives = gcmObjectives
        self.sdgTargets = sdgTargets
        self.cooperationFrameworkOutcome = cooperationFrameworkOutcome
        self.acceptsOverfunding = acceptsOverfunding
    }
}

extension KeyActionDraft {
    /// Whether `target` names an SDG target as the UN writes them: a goal of one or two digits, a
    /// dot, then one or two digits or lower-case letters (10.7, 8.a, 17.18). Checked over the bytes:
    /// a pattern built for every replayed record cost more than the rest of the check together.
    public static func isSDGTarget(_ target: String) -> Bool {
        var target = target
        return target.withUTF8(isSDGTarget(bytes:))
    }

    private static func isSDGTarget(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let goal = bytes[..<dot]
        let target = bytes[(dot + 1)...]
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let isDigitOrLetter = { (byte: UInt8) in isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) }
        return (1...2).contains(goal.count) && goal.allSatisfy(isDigit) && (1...2).contains(target.count)
            && target.allSatisfy(isDigitOrLetter)
    }
}
