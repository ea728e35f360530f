/// A person nominated by a member entity to the network.
public struct FocalPoint: Hashable, Sendable, Codable, Identifiable {
    public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
        case deputyHead = "deputy head"
        case seniorProgrammeManager = "senior programme manager"
        case projectManager = "project manager"
        case other
    }

    /// A non-corporate address allowed as a recorded, verified exception (Terms of Reference:
    /// "verified non-corporate accounts" when the corporate one is temporarily out of reach).
    public struct EmailException: Hashable, Sendable, Codable {
        public var reason: String
        public var verifiedBy: String
        /// The last day the exception holds: it is temporary ("(temporary) absence of access").
        /// Nil in records from before exceptions ended; those count as expired.
        public var until: LocalDate?

        public init(reason: String, verifiedBy: String, until: LocalDate? = nil) {
            self.reason = reason
            self.verifiedBy = verifiedBy
            self.until = until
        }

        /// How long an exception holds when no end is given.
        public static let defaultDays = 90
        /// The longest an exception may be granted for at once.
        public static let longestDays = 365

        /// Past its last day, or recorded without one.
        public func isExpired(on today: LocalDate) -> Bool { until.map { $0 < today } ?? true }
    }

    /// The Terms of Reference ask for "deputies/senior programme or project managers".
    public var meetsParticipationLevel: Bool { level != .other }

    public var id: FocalPointID
    public var entity: EntityCode
    public var name: String
    public var position: String
    public var level: Level
    public var email: String
    public var isOnMailingList: Bool
    public var emailException: EmailException?
    /// Set when the focal point stepped down; the record stays for history.
    public var retiredOn: LocalDate?
    /// The focal point the RCO nominated for the network (ToR: "The RCO will also nominate a
    /// focal point"): a UNRC focal point, the recipient of the minutes for the RCO's archive.
    public var isRCOFocalPoint: Bool?
    /// The family name within `name`, for sorting and address books. Nil: the name's last word,
    /// the rule records from before it was kept are read with (and can be corrected by an edit).
    public var familyName: String?

    /// The name split for address books: the family name, and the given names before it.
    public var nameParts: (family: String, given: String) { FocalPoint.split(name, familyName: familyName) }

    /// `Dilnoza Yusupova` → family `Yusupova`, given `Dilnoza`; with a family name given, the
    /// rest of the name is the given names wherever it stands.
    public static func split(_ name: String, familyName: String?) -> (family: String, given: String) {
        let words = name.split(separator: " ").map(String.init)
        guard let family = familyName?.trimmingCharacters(in: .whitespaces), !family.isEmpty, let range = name.range(of: family)
        else {
            return (words.last ?? name, words.dropLast().joined(separator: " "))
        }
        var given = name
        given.removeSubrange(range)
        return (family, given.split(separator: " ").joined(separator: " "))
    }

    public init(
        id: FocalPointID, entity: EntityCode, name: String, position: String, level: Level, email: String,
        isOnMailingList: Bool, emailException: EmailException? = nil, retiredOn: LocalDate? = nil
    ) {
        self.id = id
        self.entity = entity
        self.name = name
        self.position = position
        self.level = level
        self.email = email
        self.isOnMailingList = isOnMailingList
        self.emailException = emailException
        self.retiredOn = retiredOn
    }

    public var isActive: Bool { retiredOn == nil }
}

/// What the secretariat types when adding or editing a focal point.
public struct FocalPointDraft: Hashable, Sendable, Codable {
    public var entity: EntityCode
    public var name: String
    public var position: String
    public var level: FocalPoint.Level
    public var email: String
    public var isOnMailingList: Bool
    /// The reason a non-corporate address is allowed; required when the address is not corporate.
    public var exceptionReason: String?
    /// The exception's last day (nil: 90 days from the day it is recorded).
    public var exceptionUntil: LocalDate?
    /// The RCO's focal point for the network (a UNRC focal point only).
    public var isRCOFocalPoint: Bool?
    /// The family name within the name (nil: its last word).
    public var familyName: String?

    public init(
        entity: EntityCode, name: String, position: String, level: FocalPoint.Level, email: String,
        isOnMailingList: Bool = true, exceptionReason: String? = nil, exceptionUntil: LocalDate? = nil, isRCOFocalPoint: Bool = false,
        familyName: String? = nil
    ) {
        self.familyName = familyName
        self.entity = entity
        self.name = name
        self.position = position
        self.level = level
        self.email = email
        self.isOnMailingList = isOnMailingList
        self.exceptionReason = exceptionReason
        self.exceptionUntil = exceptionUntil
        self.isRCOFocalPoint = isRCOFocalPoint ? true : nil
    }
}

/// One change to who is on the network's mailing list, kept so that the secretariat can hand
/// the IT unit "add these, remove these since the last request".
public struct MailingListChange: Hashable, Sendable, Codable {
    public var focalPointID: FocalPointID
    public var name: String
    public var email: String
    public var added: Bool
    public var at: Instant

    public init(focalPointID: FocalPointID, name: String, email: String, added: Bool, at: Instant) {
        self.focalPointID = focalPointID
        self.name = name
        self.email = email
        self.added = added
        self.at = at
    }
}
