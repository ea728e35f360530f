/// A calendar day in the network's time zone (Asia/Tashkent), without a time.
/// Ordered, and formatted as ISO 8601 (`2026-11-29`).
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A date that exists in the Gregorian calendar, or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        padded(year, to: 4) + "-" + padded(month, to: 2) + "-" + padded(day, to: 2)
    }

    /// 1 for January–March … 4 for October–December.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// Monday … Sunday, by Zeller's congruence.
    public var weekday: Weekday {
        var m = month
        var y = year
        if m < 3 {
            m += 12
            y -= 1
        }
        let h = (day + (13 * (m + 1)) / 5 + y + y / 4 - y / 100 + y / 400) % 7  // 0 = Saturday
        return Weekday.allCases[(h + 5) % 7]
    }

    /// `29 Nov`: the day within its year, for tables of one year.
    public var shortDescription: String { "\(day) \(LocalDate.monthAbbreviations[month - 1])" }

    /// `Sun 29 Nov 2026`.
    public var longDescription: String {
        "\(weekday.abbreviation) \(day) \(LocalDate.monthAbbreviations[month - 1]) \(year)"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    public enum Weekday: String, CaseIterable, Sendable {
        case monday, tuesday, wednesday, thursday, friday, saturday, sunday
        public var abbreviation: String { String(rawValue.prefix(1).uppercased() + rawValue.dropFirst().prefix(2)) }
    }

    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

/// Zero-padded decimal digits: `padded(7, to: 2)` is "07".
func padded(_ value: Int, to digits: Int) -> String {
    // `String(_:)` and the digits' bytes, not an interpolation and a count of characters: dates,
    // references and decision numbers are made for every item opened or adopted, and every frame.
    let text = String(value)
    let missing = digits - text.utf8.count
    return missing > 0 ? String(repeating: "0", count: missing) + text : text
}
