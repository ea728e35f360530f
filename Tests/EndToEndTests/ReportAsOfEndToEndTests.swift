import Foundation
import Testing
import UNMNDomain
import UNMNJournal
import UNMNResources

/// ToR: "implementation is to be monitored and reported to UNCT on regular basis". A report on a
/// past quarter is computed from the journal as it stood when the quarter ended, so sending it
/// again later gives the UNCT the same numbers.
@Suite("Reports as of a date, end to end")
struct ReportAsOfEndToEndTests {
    let unmn = TmuxSession.binary

    @Test("report --quarter 2025Q3 says the requested meeting met the quarter, and later records do not change a word of it")
    func pastQuarterIsStable() throws {
        let directory = try makeTestDirectory("e2e-report")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/journal"
        #expect(Subprocess.run([unmn, "init", "--demo", "--journal", path]).status == 0)
        let before = Subprocess.run([unmn, "report", "--quarter", "2025Q3", "--journal", path])
        #expect(before.status == 0, "\(before.output)")
        #expect(before.output.contains("### Q3: met by MTG/2025/03 (requested by ILO, UNICEF)"))
        #expect(before.output.contains("As of Tue 30 Sep 2025, the end of the period"))

        // Later records: a progress update on the 2026 plan, and the plan closed.
        let journal = try Journal(
            path: path, emailPolicy: EmailPolicy.parse(ShippedData.corporateEmailDomains), osUser: "tester", readOnly: false)
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        try journal.commit(
            .recordProgress(year: 2026, code: "2026-05", percent: 60, status: .onTrack, note: "Screening points opened."),
            context: CommandContext(operator: SampleNetwork.secretariat, now: now))
        try journal.commit(
            .closeWorkPlan(year: 2026, on: now.tashkentDate), context: CommandContext(operator: SampleNetwork.secretariat, now: now))

        let after = Subprocess.run([unmn, "report", "--quarter", "2025Q3", "--journal", path])
        #expect(after.status == 0)
        #expect(after.output == before.output)
        // The same day asked for directly gives the same text.
        let asOf = Subprocess.run([unmn, "report", "--quarter", "2025Q3", "--as-of", "2025-09-30", "--journal", path])
        #expect(asOf.output == before.output)
        // The year as it is now does see the closing.
        let year = Subprocess.run([unmn, "report", "--year", "2026", "--journal", path])
        #expect(year.output.contains("Status: closed"))
    }

    @Test("--as-of before the period, or not a date, is a usage error that says so")
    func badAsOf() throws {
        let early = Subprocess.run([unmn, "report", "--quarter", "2025Q3", "--as-of", "2025-06-30", "--journal", "/nonexistent"])
        #expect(early.status == 64)
        #expect(early.output.contains("--as-of 2025-06-30 is before the period 2025 Q3 begins (2025-07-01)"))
        let garbled = Subprocess.run([unmn, "report", "--as-of", "30/09/2025", "--journal", "/nonexistent"])
        #expect(garbled.status == 64)
        #expect(garbled.output.contains("--as-of must be a date"))
    }
}
