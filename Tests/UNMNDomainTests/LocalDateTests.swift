import Testing
import UNMNDomain

@Suite("Local dates")
struct LocalDateTests {
    @Test("Only real calendar dates exist")
    func validity() {
        #expect(LocalDate(year: 2028, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(iso: "2026-11-31") == nil)
        #expect(LocalDate(iso: "2026-1-01") == nil)
        #expect(LocalDate(iso: "2026-11-29")?.description == "2026-11-29")
    }

    @Test(
        "Weekday, quarter and long form",
        arguments: [
            ("2026-11-29", "Sun 29 Nov 2026", 4), ("2025-01-01", "Wed 1 Jan 2025", 1), ("2024-02-29", "Thu 29 Feb 2024", 1),
            ("2026-07-15", "Wed 15 Jul 2026", 3),
        ])
    func calendar(iso: String, long: String, quarter: Int) throws {
        let date = try #require(LocalDate(iso: iso))
        #expect(date.longDescription == long)
        #expect(date.quarter == quarter)
    }

    @Test("Dates order by year, month, day")
    func ordering() throws {
        let dates = ["2026-03-01", "2025-12-31", "2026-02-28"].compactMap { LocalDate(iso: $0) }
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-02-28", "2026-03-01"])
    }
}
