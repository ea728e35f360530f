import Foundation
import Testing
import UNMNDomain

@testable import UNMNReports

/// Each format from the sample network, compared with a reviewed golden file. Set
/// UNMN_UPDATE_GOLDEN=1 to rewrite them after an intended change (and read the diff).
@Suite("Golden files from the sample network")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test("Every document matches its golden file", arguments: ReportFixture.documents().map(\.0))
    func golden(name: String) throws {
        let document = try #require(ReportFixture.documents().first { $0.0 == name }?.1)
        let url = Self.directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UNMN_UPDATE_GOLDEN"] == "1" {
            try document.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(document == golden, "\(name) differs from its golden file")
    }

    @Test("The minutes of every sample meeting record its mode")
    func modeInEveryMinutes() {
        for meeting in ReportFixture.sample.meetings {
            let minutes = MinutesDocument.render(meeting, network: ReportFixture.sample, format: .md)
            #expect(minutes.contains("- **Mode:** " + (meeting.mode?.rawValue ?? "missing")), "\(meeting.reference)")
        }
    }

    @Test("A meeting is found by reference or by its date")
    func lookup() {
        #expect(MinutesDocument.meeting("MTG/2025/03", in: ReportFixture.sample)?.date.description == "2025-09-24")
        #expect(MinutesDocument.meeting("2026-06-17", in: ReportFixture.sample)?.reference == "MTG/2026/02")
        #expect(MinutesDocument.meeting("2026-06-18", in: ReportFixture.sample) == nil)
    }

    @Test("Calendar lines are at most 75 octets and end in CRLF")
    func folding() {
        let calendar = CalendarDocument.render(ReportFixture.sample.meetings, stamp: ReportFixture.stamp)
        let lines = calendar.components(separatedBy: "\r\n").dropLast()
        #expect(calendar.hasSuffix("END:VCALENDAR\r\n"))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!calendar.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(calendar.components(separatedBy: "BEGIN:VEVENT").count - 1 == ReportFixture.sample.meetings.count)
    }

    @Test("A cancelled meeting goes out as STATUS:CANCELLED with the reason, so calendars drop it")
    func cancelledEvent() throws {
        var network = ReportFixture.sample
        let upcoming = try #require(network.meetings.last)
        try network.execute(
            .cancelMeeting(upcoming.reference, reason: "The chair is at the Global Forum"),
            context: CommandContext(operator: SampleNetwork.secretariat, now: ReportFixture.stamp))
        let calendar = CalendarDocument.render(network.meetings, stamp: ReportFixture.stamp).replacingOccurrences(of: "\r\n ", with: "")
        let events = calendar.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        let cancelled = try #require(events.first { $0.contains(upcoming.reference.rawValue.replacingOccurrences(of: "/", with: "-")) })
        #expect(cancelled.contains("STATUS:CANCELLED"))
        #expect(cancelled.contains("DESCRIPTION:Cancelled on "))
        // The sample's own cancelled meeting, and this one.
        #expect(events.filter { $0.contains("STATUS:CANCELLED") }.count == 2)
    }
}
