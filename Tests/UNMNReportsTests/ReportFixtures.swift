import Foundation
import Testing
import UNMNDomain
import UNMNReports
import UNMNResources

enum ReportFixture {
    static let entities = try! AnnexI.parse(ShippedData.annexIMembers)
    static let policy = EmailPolicy.parse(ShippedData.corporateEmailDomains)
    static let objectives = try! GCMObjective.parseList(ShippedData.gcmObjectives)
    static let today = LocalDate(year: 2026, month: 11, day: 29)!
    static let stamp = Instant(tashkent: today, hour: 12)

    static let sampleBatches = try! SampleNetwork.batches(entities: entities, emailPolicy: policy)
    static let sample: NetworkState = {
        var network = NetworkState(emailPolicy: policy)
        for batch in sampleBatches { network.apply(batch) }
        return network
    }()

    /// The report as `unmn report` makes it: from the record as it stood at the end of the period
    /// (or of today, for a period under way).
    static func report(_ period: ProgressReport.Period, today: LocalDate = today) -> String {
        let asOf = min(period.last, today)
        let network = NetworkState.asOf(asOf, batches: sampleBatches, emailPolicy: policy)
        return ProgressReport.render(network: network, period: period, asOf: asOf, objectives: objectives)
    }

    /// Every document the golden files hold, by file name.
    static func documents() -> [(String, String)] {
        let network = sample
        return [
            ("minutes-MTG-2026-01.md", MinutesDocument.render(network.meeting("MTG/2026/01")!, network: network, format: .md)),
            ("minutes-MTG-2025-02.txt", MinutesDocument.render(network.meeting("MTG/2025/02")!, network: network, format: .txt)),
            ("meetings.ics", CalendarDocument.render(network.meetings, stamp: stamp)),
            ("workplan-2026.csv", WorkplanDocument.render(network.workPlans[2026]!, objectives: objectives, format: .csv)),
            ("workplan-2026.md", WorkplanDocument.render(network.workPlans[2026]!, objectives: objectives, format: .md)),
            ("mailing-list.csv", MailingListDocument.render(network: network, changesSince: nil, format: .csv, today: ReportFixture.today)),
            ("mailing-list-outlook.csv", MailingListDocument.render(network: network, for: .outlook)),
            ("mailing-list-thunderbird.csv", MailingListDocument.render(network: network, for: .thunderbird)),
            ("mailing-list.vcf", MailingListDocument.render(network: network, changesSince: nil, format: .vcf, today: ReportFixture.today)),
            (
                "mailing-list-changes-2026.csv",
                MailingListDocument.render(
                    network: network, changesSince: LocalDate(year: 2026, month: 1, day: 1), format: .csv, today: ReportFixture.today)
            ),
            ("decisions.md", DecisionsDocument.render(network: network, year: nil, format: .md)),
            ("decisions-2026.csv", DecisionsDocument.render(network: network, year: 2026, format: .csv)),
            (
                "report-2026Q3.md",
                report(.quarter(year: 2026, quarter: 3))
            ),
            ("report-2026.md", report(.year(2026))),
        ]
    }

    /// Runs a program, returning its exit status and output (posix_spawn: the test runner's
    /// Process can miss a child's exit).
    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let outputPath = NSTemporaryDirectory() + "unmn-run-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return (127, "cannot run \(arguments[0])") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return ((status >> 8) & 0xFF, (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }

    /// True when Python's icalendar and vobject are importable (CI installs them; see .ci/run).
    /// True when khal, calcurse, khard, LibreOffice and pdfinfo are installed (CI installs them; see scripts/test).
    static let hasCalendarClients =
        run(["sh", "-c", "command -v khal && command -v calcurse && command -v khard && command -v soffice && command -v pdfinfo"])
        .status == 0

    /// True when Python's openpyxl is importable (CI installs it; see scripts/test).
    static let hasOpenpyxl = run(["python3", "-c", "import openpyxl"]).status == 0

    static let hasPythonParsers: Bool = run(["python3", "-c", "import icalendar, vobject"]).status == 0
}
