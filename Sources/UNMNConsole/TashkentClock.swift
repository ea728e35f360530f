import Foundation
import UNMNDomain

/// Today's date in the network's time zone, Asia/Tashkent (UTC+5 all year; used as a fallback
/// when the system has no zone data).
public struct TashkentClock: Sendable {
    private let zone = TimeZone(identifier: "Asia/Tashkent") ?? TimeZone(secondsFromGMT: 5 * 3600)!

    public init() {}

    public func today() -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

extension Instant {
    /// Now, from the system clock: only the outer layers read it.
    public static var now: Instant { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }
}
