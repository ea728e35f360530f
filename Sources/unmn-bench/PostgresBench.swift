import Foundation
import UNMNDomain
import UNMNJournal
import UNMNPostgres

/// `unmn-bench --postgres URL`: the journal in PostgreSQL against the file journal, on the same
/// machine — appends, how soon another console sees a change, and replay. The server is the
/// caller's (bench/postgres.sh starts a private one); each run makes networks of its own.
enum PostgresBench {
    static func run(url: String, events: Int) throws {
        let base = try PostgresAddress.parse(url, environment: ProcessInfo.processInfo.environment)
        let suffix = "\(getpid())\(UInt32.random(in: 0...UInt32.max))"
        func network(_ name: String) -> PostgresAddress {
            var address = base
            address.network = "bench_\(name)_\(suffix)"
            return address
        }
        let context = CommandContext(
            operator: SampleNetwork.secretariat, now: Instant(tashkent: LocalDate(year: 2026, month: 11, day: 29)!, hour: 10))
        func addFocalPoint(_ index: Int) -> Command {
            .addFocalPoint(
                FocalPointDraft(
                    entity: "WHO", name: "Appended \(index)", position: "Officer", level: .other, email: "append\(index)@who.int"))
        }

        // Replay: the realistic journal pushed into a network, then opened (every record verified).
        let built = try journal(events: events, name: "postgres-source")
        let lines = try JournalMaintenance.readRecords(path: built.path)
        let replayed = network("replay")
        let pushSeconds = try seconds { try PostgresJournal.create(at: replayed, lines: lines, emailPolicy: policy) }
        var replaySeconds = Double.infinity
        var records = 0
        for _ in 0..<3 {
            replaySeconds = min(
                replaySeconds,
                try seconds { records = Int(try PostgresJournal(address: replayed, emailPolicy: policy, osUser: "bench").lastSequence) })
        }
        let fileReplaySeconds = try seconds { _ = try Journal(path: built.path, emailPolicy: policy, osUser: "bench", useSnapshot: false) }

        // Appends: 300 commits each, the file journal's on the same journal content.
        let appendNetwork = network("append")
        try PostgresJournal.create(at: appendNetwork, lines: lines)
        let database = try PostgresJournal(address: appendNetwork, emailPolicy: policy, osUser: "bench")
        let file = try Journal(path: built.path, emailPolicy: policy, osUser: "bench")
        var databaseAppends: [Double] = []
        var fileAppends: [Double] = []
        for index in 0..<300 {
            databaseAppends.append(try seconds { _ = try database.commit(addFocalPoint(index), context: context) })
            fileAppends.append(try seconds { _ = try file.commit(addFocalPoint(index), context: context) })
        }

        // Another console's view: from a commit's return until the watcher's refresh returns the
        // record, the watcher looking every millisecond (its notice, then one read).
        let watched = network("watch")
        try PostgresJournal.create(at: watched, lines: Array(lines.prefix { $0 != 0x0A }) + [0x0A])
        let writer = try PostgresJournal(address: watched, emailPolicy: policy, osUser: "bench")
        let watcher = try PostgresJournal(address: watched, emailPolicy: policy, osUser: "bench", readOnly: true)
        var notices: [Double] = []
        for index in 0..<50 {
            _ = try writer.commit(addFocalPoint(index), context: context)
            let committed = DispatchTime.now().uptimeNanoseconds
            while try watcher.refresh().isEmpty { usleep(1_000) }
            notices.append(Double(DispatchTime.now().uptimeNanoseconds - committed) / 1e9)
        }

        func ms(_ value: Double) -> String { String(format: "%.3f", value * 1000) }
        print(
            "postgres_replay_records_per_s: \(Int(Double(records) / replaySeconds)) (\(records) records; file: "
                + "\(Int(Double(records) / fileReplaySeconds)); push took \(String(format: "%.1f", pushSeconds)) s)")
        print(
            "postgres_append_p50_ms: \(ms(percentile(databaseAppends, 0.5))) p99_ms: \(ms(percentile(databaseAppends, 0.99))) "
                + "(file: p50 \(ms(percentile(fileAppends, 0.5))) p99 \(ms(percentile(fileAppends, 0.99))); "
                + "ratio \(String(format: "%.2f", percentile(databaseAppends, 0.5) / percentile(fileAppends, 0.5))))")
        print(
            "postgres_notice_p50_ms: \(ms(percentile(notices, 0.5))) p99_ms: \(ms(percentile(notices, 0.99))) "
                + "(a console looks every \(watcher.pollMilliseconds) ms, so another console shows a change within about "
                + "\(ms(percentile(notices, 0.99) + Double(watcher.pollMilliseconds) / 1000)) ms; the file journal's consoles "
                + "look once a second)")
    }
}
