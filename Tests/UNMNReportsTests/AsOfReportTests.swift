import Foundation
import TestSupport
import Testing
import UNMNDomain
import UNMNJournal

@testable import UNMNReports

/// ToR: "implementation is to be monitored and reported to UNCT on regular basis". A report as of
/// a date is the report on the journal as it stood then: cut the journal at the last record
/// written before the end of that day, and the report is the same, word for word.
@Suite("Reports as of a date")
struct AsOfReportTests {
    static let directory: String = {
        let path = NSTemporaryDirectory() + "unmn-asof-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try! Journal.create(at: path + "/journal", batches: ReportFixture.sampleBatches, osUser: "tester")
        return path
    }()

    @Test("report --as-of D equals the report on the journal truncated at the last record before the end of D", arguments: [7, 21, 1984])
    func asOfEqualsTruncated(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let first = LocalDate(year: 2025, month: 1, day: 6)!
        let full = Self.directory + "/journal"
        for _ in 0..<8 {
            let day = first.adding(days: Int.random(in: 0...720, using: &random))
            let period = ProgressReport.Period.quarter(year: day.year, quarter: day.quarter)
            let asOf = try JournalMaintenance.state(path: full, emailPolicy: ReportFixture.policy, asOf: day)
            #expect(asOf.problem == nil)

            let kept = ReportFixture.sampleBatches.prefix { $0.at <= Instant.endOfDay(day) }
            let truncated = Self.directory + "/cut-\(day)"
            try Journal.create(at: truncated, batches: Array(kept), osUser: "tester")
            let cut = try Journal(path: truncated, emailPolicy: ReportFixture.policy, osUser: "tester", readOnly: true)

            let fromAsOf = ProgressReport.render(network: asOf.state, period: period, asOf: day, objectives: ReportFixture.objectives)
            let fromCut = ProgressReport.render(network: cut.state, period: period, asOf: day, objectives: ReportFixture.objectives)
            #expect(fromAsOf == fromCut, "as of \(day)")
            #expect(asOf.state == NetworkState.asOf(day, batches: ReportFixture.sampleBatches, emailPolicy: ReportFixture.policy))
        }
    }

    @Test("A past quarter's report does not change when later records are appended")
    func stableAfterAppending() throws {
        let period = ProgressReport.Period.quarter(year: 2025, quarter: 3)
        let before = ReportFixture.report(period)
        var later = ReportFixture.sampleBatches
        var state = ReportFixture.sample
        let now = Instant(tashkent: ReportFixture.today, hour: 15)
        for command in [
            Command.recordProgress(year: 2026, code: "2026-05", percent: 60, status: .onTrack, note: "Screening points opened."),
            .closeWorkPlan(year: 2026, on: ReportFixture.today),
        ] {
            let batch = try state.execute(command, context: CommandContext(operator: SampleNetwork.secretariat, now: now))
            later.append(batch)
        }
        let asOf = period.last
        let after = ProgressReport.render(
            network: NetworkState.asOf(asOf, batches: later, emailPolicy: ReportFixture.policy), period: period, asOf: asOf,
            objectives: ReportFixture.objectives)
        #expect(after == before)
        #expect(before.contains("### Q3: met by MTG/2025/03 (requested by ILO, UNICEF)"))
    }
}
