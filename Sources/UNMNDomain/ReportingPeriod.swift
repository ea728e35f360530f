/// A period the network reports on to the UNCT: a quarter (`2026Q3`) or a year (`2026`).
public struct ReportingPeriod: Hashable, Sendable {
    public var year: Int
    /// 1–4, or nil for the whole year.
    public var quarter: Int?

    public init(year: Int, quarter: Int? = nil) {
        self.year = year
        self.quarter = quarter
    }

    /// Reads `2026Q3` (any case) or `2026`.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard let year = Int(parts[0]), (2000...2100).contains(year), parts.count <= 2 else { return nil }
        if parts.count == 2 {
            guard let quarter = Int(parts[1]), (1...4).contains(quarter) else { return nil }
            self.init(year: year, quarter: quarter)
        } else {
            self.init(year: year)
        }
    }

    public static func quarter(year: Int, quarter: Int) -> ReportingPeriod { ReportingPeriod(year: year, quarter: quarter) }
    public static func year(_ year: Int) -> ReportingPeriod { ReportingPeriod(year: year) }

    /// The quarter a day falls in.
    public static func quarter(of day: LocalDate) -> ReportingPeriod { ReportingPeriod(year: day.year, quarter: day.quarter) }

    /// `2026Q3` or `2026`: how the journal and the command line write it.
    public var code: String { quarter.map { "\(year)Q\($0)" } ?? "\(year)" }
    /// `2026 Q3` or `2026`: how people read it.
    public var title: String { quarter.map { "\(year) Q\($0)" } ?? "\(year)" }
    public var first: LocalDate { LocalDate(year: year, month: quarter.map { $0 * 3 - 2 } ?? 1, day: 1)! }
    public var last: LocalDate {
        let month = quarter.map { $0 * 3 } ?? 12
        return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
    }

    /// The quarter before this one (for a quarter).
    public var previousQuarter: ReportingPeriod {
        guard let quarter else { return ReportingPeriod(year: year - 1, quarter: 4) }
        return quarter == 1 ? ReportingPeriod(year: year - 1, quarter: 4) : ReportingPeriod(year: year, quarter: quarter - 1)
    }
}

extension NetworkState {
    /// The progress reports sent to the UNCT, oldest first.
    public var reportsSent: [ReportSent] { reportsSentRecord ?? [] }

    /// Where reporting to the UNCT stands on a day: the last report sent, and the quarter whose
    /// report is due (the last quarter that has ended) when it has not gone yet.
    public func reporting(on today: LocalDate) -> (last: ReportSent?, due: ReportingPeriod?) {
        let last = reportsSent.max { ($0.on, $0.period) < ($1.on, $1.period) }
        let ended = ReportingPeriod.quarter(of: today).previousQuarter
        // Nothing is due for a quarter that ended before the journal began.
        if let foundedOn, ended.last < foundedOn { return (last, nil) }
        let sent = reportsSent.contains { $0.period == ended.code || $0.period == "\(ended.year)" && ended.quarter == 4 }
        return (last, sent ? nil : ended)
    }
}
