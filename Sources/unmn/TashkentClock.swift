import Foundation
import UNMNDomain

/// Today's date in the network's time zone, Asia/Tashkent (UTC+5 all year; used as a fallback
/// when the system has no zone data).
struct TashkentClock: Sendable {
    private let zone = TimeZone(identifier: "Asia/Tashkent") ?? TimeZone(secondsFromGMT: 5 * 3600)!

    func today() -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
