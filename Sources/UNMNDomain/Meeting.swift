/// A meeting of the network and its minutes.
public struct Meeting: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: Hashable, Sendable, Codable {
        /// The quarterly meeting the Terms of Reference call for.
        case regular
        /// Called upon request by one or more members.
        case requested(by: [EntityCode])
        case extraordinary

        public var title: String {
            switch self {
            case .regular: return "regular"
            case .requested(let by): return "requested by " + by.map(\.rawValue).joined(separator: ", ")
            case .extraordinary: return "extraordinary"
            }
        }
    }

    public enum Mode: String, Hashable, Sendable, Codable, CaseIterable {
        case inPerson = "in person"
        case virtual
        case hybrid
    }

    public enum Attendance: Hashable, Sendable, Codable {
        /// Present, with the focal points who attended (by id).
        case present(focalPoints: [FocalPointID])
        case apologies
        case absent

        public var isPresent: Bool {
            if case .present = self { return true }
            return false
        }

        /// `present`, `apologies`, `absent`, or `not recorded`.
        public static func title(_ attendance: Attendance?) -> String {
            switch attendance {
            case .present?: return "present"
            case .apologies?: return "apologies"
            case .absent?: return "absent"
            case nil: return "not recorded"
            }
        }
    }

    public enum MinutesStatus: Hashable, Sendable, Codable {
        case draft
        case finalised(on: LocalDate)
        /// Shared with the RCO for archiving, on that date (after finalising).
        case shared(finalisedOn: LocalDate, sharedOn: LocalDate)

        public var isLocked: Bool { self != .draft }
    }

    public struct AgendaItem: Hashable, Sendable, Codable {
        public var title: String
        public var minutes: String

        public init(title: String, minutes: String = "") {
            self.title = title
            self.minutes = minutes
        }
    }

    /// A decision taken at the meeting; `item` links it to the consensus item it adopted or opened.
    public struct Decision: Hashable, Sendable, Codable {
        public var text: String
        public var item: ItemReference?

        public init(text: String, item: ItemReference? = nil) {
            self.text = text
            self.item = item
        }
    }

    /// A participant who is not a member entity's focal point: a government body, civil society,
    /// the RCO's Development Coordination Officer, a speaker. Recorded per meeting, in the minutes.
    public struct Guest: Hashable, Sendable, Codable {
        public var name: String
        public var organisation: String
        /// What they came as: "speaker", "observer", "Development Coordination Officer".
        public var role: String

        public init(name: String, organisation: String, role: String) {
            self.name = name
            self.organisation = organisation
            self.role = role
        }

        /// `Nilufar Rashidova (Ministry of Employment, speaker)`.
        public var description: String { "\(name) (\(organisation)" + (role.isEmpty ? ")" : ", \(role))") }
    }

    /// A correction to finalised minutes: the minutes are never rewritten.
    public typealias Amendment = DatedNote

    /// `MTG/2026/03`: the third meeting scheduled for 2026.
    public var reference: MeetingReference
    public var kind: Kind
    public var date: LocalDate
    /// Minutes after midnight, Asia/Tashkent.
    public var startMinute: Int
    public var durationMinutes: Int
    public var location: String
    /// Nil until chosen; minutes cannot be finalised without it.
    public var mode: Mode?
    /// Why not in person (security, health, absence from the duty station, force majeure).
    public var modeReason: String?
    public var attendance: [EntityCode: Attendance]
    public var agenda: [AgendaItem]
    public var decisions: [Decision]
    public var status: MinutesStatus
    public var amendments: [Amendment]
    /// Set when the meeting was called off: why, by whom, on which day. It stays in the record.
    public var cancellation: Cancellation?
    /// Each postponement: the date it moved from, and why (nil in records from before they were kept).
    public var postponements: [Postponement]?

    public struct Postponement: Hashable, Sendable, Codable {
        public var from: LocalDate
        public var to: LocalDate
        public var note: DatedNote

        public init(from: LocalDate, to: LocalDate, note: DatedNote) {
            self.from = from
            self.to = to
            self.note = note
        }
    }

    /// Guests who took part (nil in records from before guests were kept).
    public var guests: [Guest]?
    /// How many times its date, time, place or mode changed, or it was called off: a calendar's
    /// SEQUENCE, so that an imported invitation is updated rather than duplicated. Kept by replay.
    public var sequence: Int?
    /// When it was scheduled or last changed (a calendar's LAST-MODIFIED). Kept by replay.
    public var lastModified: Instant?

    public typealias Cancellation = DatedNote
    public var id: MeetingReference { reference }
    public var isCancelled: Bool { cancellation != nil }

    /// Held, on the record: not cancelled, and some entity's presence recorded. A meeting whose
    /// date has passed is not taken to have happened until its attendance says so.
    public var isHeld: Bool { !isCancelled && attendance.values.contains { $0.isPresent } }

    /// How many entities are recorded present.
    public var presentCount: Int { attendance.values.reduce(0) { $0 + ($1.isPresent ? 1 : 0) } }

    /// A change calendars must see: the next SEQUENCE, and when.
    mutating func markChanged(at instant: Instant) {
        sequence = (sequence ?? 0) + 1
        lastModified = instant
    }

    /// Its day has passed, it was not called off, and its attendance is not recorded yet.
    public func isAwaitingRecord(on today: LocalDate) -> Bool { !isCancelled && !isHeld && date < today }

    public init(
        reference: MeetingReference, kind: Kind, date: LocalDate, startMinute: Int, durationMinutes: Int = 90, location: String,
        mode: Mode?, modeReason: String? = nil
    ) {
        self.reference = reference
        self.kind = kind
        self.date = date
        self.startMinute = startMinute
        self.durationMinutes = durationMinutes
        self.location = location
        self.mode = mode
        self.modeReason = modeReason
        attendance = [:]
        agenda = []
        decisions = []
        status = .draft
        amendments = []
    }

    /// `10:00`.
    public var startTime: String { padded(startMinute / 60, to: 2) + ":" + padded(startMinute % 60, to: 2) }
}

/// What the secretariat enters when scheduling or rescheduling a meeting.
public struct MeetingDraft: Hashable, Sendable, Codable {
    public var kind: Meeting.Kind
    public var date: LocalDate
    public var startMinute: Int
    public var durationMinutes: Int
    public var location: String
    public var mode: Meeting.Mode?
    public var modeReason: String?

    public init(
        kind: Meeting.Kind, date: LocalDate, startMinute: Int, durationMinutes: Int = 90, location: String,
        mode: Meeting.Mode? = nil, modeReason: String? = nil
    ) {
        self.kind = kind
        self.date = date
        self.startMinute = startMinute
        self.durationMinutes = durationMinutes
        self.location = location
        self.mode = mode
        self.modeReason = modeReason
    }
}
