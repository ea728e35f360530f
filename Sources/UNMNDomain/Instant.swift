/// A moment in UTC, to the second: when a command was decided. Injected by the caller; the
/// domain never reads the clock.
public struct Instant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// The instant at a wall-clock time in Asia/Tashkent (UTC+5 all year: Uzbekistan has kept
    /// no daylight saving time since 1992).
    public init(tashkent date: LocalDate, hour: Int = 0, minute: Int = 0) {
        secondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60) - Instant.tashkentOffset
    }

    public static let tashkentOffset: Int64 = 5 * 3600

    /// The last second of a day in Asia/Tashkent: what "as of that day" includes.
    public static func endOfDay(_ day: LocalDate) -> Instant {
        Instant(secondsSinceEpoch: Instant(tashkent: day.adding(days: 1)).secondsSinceEpoch - 1)
    }

    /// The calendar day in Asia/Tashkent.
    public var tashkentDate: LocalDate {
        let local = secondsSinceEpoch + Instant.tashkentOffset
        return LocalDate(daysSinceEpoch: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
    }

    /// `2026-11-29T09:30:00Z`.
    public var description: String {
        let day = LocalDate(
            daysSinceEpoch: Int(secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400))
        let seconds = Int(secondsSinceEpoch - Int64(day.daysSinceEpoch) * 86_400)
        return "\(day)T\(padded(seconds / 3600, to: 2)):\(padded(seconds / 60 % 60, to: 2)):\(padded(seconds % 60, to: 2))Z"
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}

extension LocalDate {
    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (civil_from_days).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)!
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Whole days from this date to `other` (negative when `other` is earlier).
    public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }
}
