// unmn-bench: measures the console's hot paths on synthetic networks, through the same code
// the console runs (domain decide/apply, the journal, AppUpdate and AppView). Release build:
//   swift run -c release unmn-bench --quick
import ArgumentParser
import Foundation
import TerminalUI
import UNMNApp
import UNMNDomain
import UNMNJournal
import UNMNResources

/// The benchmark's options, parsed like `unmn`'s: `--help` prints them and runs nothing.
struct BenchOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmn-bench", abstract: "Measure replay, the first frame, keystrokes, appends and memory on synthetic networks.")
    @Flag(help: "A shorter run (100,000-event stress network) that prints the headline figures first.") var quick = false
    @Option(help: ArgumentHelp("Events in the realistic network.", valueName: "N")) var realistic: Int = 50_000
    @Option(help: ArgumentHelp("Events in the stress network (default 1,000,000; 100,000 with --quick).", valueName: "N")) var stress: Int?
    @Option(help: ArgumentHelp("Only write a synthetic journal here (for bench/peers.sh), then stop.", valueName: "PATH"))
    var writeJournal: String?
    @Option(help: ArgumentHelp("Events in the journal --write-journal writes.", valueName: "N")) var events: Int?
    @Flag(help: "With --write-journal: write the ten-year network (a real network's mix of records) instead of --events.")
    var tenYears = false
    @Option(
        help: ArgumentHelp(
            "Only do one measured thing on --journal's journal, for bench/callgrind.sh: replay (no snapshot), first-frame (snapshot "
                + "written first) or keys (a fixed walk).",
            valueName: "replay|first-frame|keys|append"))
    var instructions: String?
    @Option(help: ArgumentHelp("The journal --instructions and --console-memory work on.", valueName: "PATH")) var journal: String?
    @Flag(
        help: ArgumentHelp(
            "Only replay --journal's journal (no snapshot, on every core) five times, then print the best records a second; and "
                + "its two halves apart: reading its lines into records (every core), verifying and applying them (one thread)."))
    var replayOnly = false
    @Flag(help: "Only open --journal's journal as a console does (its snapshot if any), then print the first frame's time and peak memory.")
    var consoleMemory = false
    @Option(
        help: ArgumentHelp(
            "Only measure the journal in PostgreSQL on this server (bench/postgres.sh starts one): appends, another console's "
                + "notice, replay.", valueName: "URL"))
    var postgres: String?
}

let options = BenchOptions.parseOrExit()
let quick = options.quick
let realisticEvents = options.realistic
let stressEvents = options.stress ?? (quick ? 100_000 : 1_000_000)

let entities = try AnnexI.parse(ShippedData.annexIMembers)
let policy = EmailPolicy.parse(ShippedData.corporateEmailDomains)
let objectives = try GCMObjective.parseList(ShippedData.gcmObjectives)
let directory = NSTemporaryDirectory() + "unmn-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
}

func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

/// Builds a network of about `events` events and writes it as a journal; returns its path.
func journal(events: Int, name: String) throws -> (path: String, network: SyntheticNetwork, buildSeconds: Double) {
    var network = SyntheticNetwork(entities: entities, policy: policy)
    let build = seconds { network.grow(toEvents: events) }
    let path = directory + "/" + name
    try Journal.create(at: path, batches: network.batches, osUser: "bench")
    return (path, network, build)
}

/// Opens the journal (snapshot and tail when present) and renders the Overview at 200×50.
func firstFrame(_ path: String) throws -> (Double, Journal) {
    var opened: Journal!
    let elapsed = try seconds {
        opened = try Journal(path: path, emailPolicy: policy, osUser: "bench")
        var state = AppState(
            width: 200, height: 50, today: LocalDate(year: 2026, month: 11, day: 29)!, currentOperator: SampleNetwork.secretariat,
            journalPath: path, entities: opened.state.entities, gcmObjectives: objectives)
        state.network = opened.state
        _ = AppView.render(state)
    }
    return (elapsed, opened)
}

/// The fixed walk through every pane: update plus render at 200×50 for each key.
let walk: [Key] =
    [.character("1"), .character("2")] + Array(repeating: .character("j"), count: 8) + [.enter, .escape, .character("3"), .character("4")]
    + Array(repeating: .character("j"), count: 8) + [
        .enter, .escape, .character("s"), .escape, .character("m"), .character("m"), .character("b"), .character("b"),
        .character("5"), .character("j"), .character("j"), .character("r"), .character("]"), .character("j"), .character("j"), .escape,
        .character("l"), .character("l"),
        .character("?"), .escape, .tab, .backTab,
    ]

func walkState(_ network: NetworkState, path: String) -> AppState {
    var state = AppState(
        width: 200, height: 50, today: LocalDate(year: 2026, month: 11, day: 29)!, currentOperator: SampleNetwork.chair,
        journalPath: path, entities: network.entities, gcmObjectives: objectives)
    state.network = network
    return state
}

// The measured parts alone, named so that callgrind collects only inside them
// (`--toggle-collect=*measuredReplay*`, `*measuredKeys*`): instruction counts, steady on a noisy machine.
/// Returns the journal, so that releasing its state (as a console never does) is not counted.
@inline(never) func measuredReplay(_ path: String) throws -> Journal {
    try Journal(path: path, emailPolicy: policy, osUser: "bench", readOnly: true, useSnapshot: false)
}

/// The seconds a replay of the whole journal (no snapshot) takes, to the state ready; the state
/// is released after the clock stops, as a console never releases it.
func replayTime(_ path: String) throws -> Double { try replayTimes(path).wall }

/// The same, with the CPU time every thread of this process spent meanwhile.
func replayTimes(_ path: String) throws -> (wall: Double, cpu: Double) {
    var opened: Journal?
    let cpu = processCPUSeconds()
    let elapsed = try seconds { opened = try Journal(path: path, emailPolicy: policy, osUser: "bench", useSnapshot: false) }
    let used = processCPUSeconds() - cpu
    withExtendedLifetime(opened) {}
    return (elapsed, used)
}

/// Returns the journal, so that releasing its state (as a console never does) is not counted.
@inline(never) func measuredFirstFrame(_ path: String) throws -> Journal { try firstFrame(path).1 }

@inline(never) func measuredKeys(_ state: inout AppState) -> Int {
    for key in walk {
        _ = AppUpdate.update(&state, KeyBindings.message(for: key, in: state))
        _ = AppView.render(state)
    }
    return walk.count
}

/// Appends 100 focal points, as the append figure does: the work around each `fdatasync`.
@inline(never) func measuredAppends(_ journal: Journal) throws -> Int {
    for index in 0..<100 { try append(index, to: journal) }
    return 100
}

func append(_ index: Int, to journal: Journal) throws {
    let command = Command.addFocalPoint(
        FocalPointDraft(entity: "WHO", name: "Appended \(index)", position: "Officer", level: .other, email: "append\(index)@who.int"))
    let context = CommandContext(
        operator: SampleNetwork.secretariat, now: Instant(tashkent: LocalDate(year: 2026, month: 11, day: 29)!, hour: 10))
    try journal.commit(command, context: context)
}

/// Runs one of the single-purpose modes, which a person points at a path: an error (a journal
/// that is already there, one that cannot be read) is said in words and ends the run with status
/// 1, instead of crashing with a backtrace.
func runMode(_ body: () throws -> Void) -> Never {
    do {
        try body()
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("unmn-bench: \(error)\n".utf8))
        exit(1)
    }
}

/// The machine's cores' time so far as the kernel counts it (`/proc/stat`), for the share the
/// hypervisor gave to other virtual machines meanwhile (steal): on a shared VM, one of the things
/// that move every figure here from one hour to the next (the same binary's replay by half).
struct MachineTicks {
    let steal: UInt64
    let total: UInt64

    /// Nil where there is no `/proc/stat` with a steal column.
    static func now() -> MachineTicks? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first, line.hasPrefix("cpu ")
        else { return nil }
        // user nice system idle iowait irq softirq steal (guest time is counted in user already)
        let fields = line.split(separator: " ").dropFirst().prefix(8).compactMap { UInt64($0) }
        guard fields.count == 8 else { return nil }
        return MachineTicks(steal: fields[7], total: fields.reduce(0, +))
    }

    /// What the hypervisor took from `start` to now, said as a line for the bench's output.
    static func stealLine(since start: MachineTicks?) -> String {
        guard let start, let end = now(), end.total > start.total else {
            return "machine_steal_percent: unknown (no steal time in /proc/stat)"
        }
        let percent = Double(end.steal - start.steal) / Double(end.total - start.total) * 100
        return "machine_steal_percent: \(String(format: "%.1f", percent)) (of the cores' time during this run, taken by the "
            + "hypervisor for other machines)"
    }
}

/// How fast this machine runs two fixed pieces of work on one core, in nanoseconds a step, best
/// of a few: a chain of multiplications, each waiting for the one before (no memory touched),
/// and a walk through 64 MiB in an order no cache or prefetcher can guess, each step waiting for
/// the memory the one before named. The same binary's keys and first frames ran half as fast in
/// this machine's slow hours with no steal reported; these say which hour a run was in, so that
/// the code's figures can be told from the machine's.
struct MachineSpeed {
    let multiplyNanoseconds: Double
    let memoryNanoseconds: Double

    static func measure() -> MachineSpeed {
        MachineSpeed(multiplyNanoseconds: multiplyStep(), memoryNanoseconds: memoryStep())
    }

    private static func multiplyStep() -> Double {
        let steps = 10_000_000
        var best = Double.infinity
        for _ in 0..<5 {
            var value: UInt64 = 0x9E37_79B9_7F4A_7C15
            let start = DispatchTime.now().uptimeNanoseconds
            for step in 0..<UInt64(steps) {
                value = (value ^ step) &* 0xBF58_476D_1CE4_E5B9
                value ^= value >> 31
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
            // Used, so that the loop is not thrown away.
            if value == 42 { print("") }
            best = min(best, elapsed / Double(steps))
        }
        return best
    }

    private static func memoryStep() -> Double {
        // One cycle through every place (Sattolo's shuffle, a fixed seed): each step's address
        // is the value read by the step before.
        let count = 8 << 20
        var next = [Int](0..<count)
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        for place in stride(from: count - 1, to: 0, by: -1) {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            next.swapAt(place, Int(seed % UInt64(place)))
        }
        let steps = 1_000_000
        var best = Double.infinity
        next.withUnsafeBufferPointer { next in
            var place = 0
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                for _ in 0..<steps { place = next[place] }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(steps))
            }
            if place == -1 { print("") }
        }
        return best
    }

    /// The steps' times at `start` and now, said as a line for the bench's output.
    static func line(start: MachineSpeed) -> String {
        let end = measure()
        func figures(_ speed: MachineSpeed) -> String {
            String(format: "%.2f / %.1f", speed.multiplyNanoseconds, speed.memoryNanoseconds)
        }
        return "machine_step_ns: \(figures(start)) at the start, \(figures(end)) at the end (a multiplication / a read from "
            + "memory no cache holds, each waiting for the one before, on one core: higher means this machine was slower, "
            + "not the code)"
    }
}

/// The machine as a run found it at its start, said with what it is at the end: the bench's last
/// two lines, about the machine rather than the code.
struct MachineAtStart {
    let ticks = MachineTicks.now()
    let speed = MachineSpeed.measure()

    func lines() -> String { MachineTicks.stealLine(since: ticks) + "\n" + MachineSpeed.line(start: speed) }
}

/// This process's CPU time so far (every thread, user and system), in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

if options.replayOnly, let path = options.journal {
    runMode {
        let machine = MachineAtStart()
        var (walls, cpus): ([Double], [Double]) = ([], [])
        for _ in 0..<5 {
            let (wall, cpu) = try replayTimes(path)
            walls.append(wall)
            cpus.append(cpu)
        }
        let best = walls.min()!
        let records = try Journal(path: path, emailPolicy: policy, osUser: "bench", readOnly: true).state.batchCount
        print("replay_records_per_s: \(Int(Double(records) / best)) (\(records) records, best of 5)")
        // CPU time beside wall time tells a replay's threads waiting from its work costing more than
        // the same work done in halves (below).
        let fastest = walls.firstIndex(of: best)!
        print(
            String(
                format: "replay_cpu_us_per_record: %.2f (the fastest run, on %.2f cores on average; least of 5: %.2f)",
                cpus[fastest] / Double(records) * 1e6, cpus[fastest] / best, cpus.min()! / Double(records) * 1e6))
        let (read, applied, readCPU, appliedCPU) = try replayHalves(path)
        // Reading took both cores for `read`; overlapped with applying on two cores, the two can
        // take no less than the slower of applying alone and all their work shared by both.
        let bound = max(applied, read + applied / 2)
        print(
            "replay_read_records_per_s: \(Int(Double(records) / read)) (lines into records on every core, best of 5)\n"
                + "replay_apply_records_per_s: \(Int(Double(records) / applied)) (verified and applied on one thread, best of 5)\n"
                + "replay_overlap_bound_records_per_s: \(Int(Double(records) / bound)) (the two halves overlapped without a loss)\n"
                + String(
                    format: "replay_halves_cpu_us_per_record: %.2f reading + %.2f applying (least of 5 each)",
                    readCPU / Double(records) * 1e6, appliedCPU / Double(records) * 1e6))
        print(machine.lines())
    }
}

/// The best of five times for each half of a replay on its own: reading the whole journal's
/// lines into records (on every core), and verifying and applying records already read (on
/// one thread, as a replay must). How far a replay is from the two overlapped without a loss
/// is what overlapping them costs. With the least CPU time each half took (every thread).
func replayHalves(_ path: String) throws -> (read: Double, apply: Double, readCPU: Double, applyCPU: Double) {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    var (read, apply, readCPU, applyCPU) = (Double.infinity, Double.infinity, Double.infinity, Double.infinity)
    for _ in 0..<5 {
        var scan: JournalScan?
        let beforeReading = processCPUSeconds()
        read = min(read, seconds { scan = bytes.withUnsafeBytes { JournalScan.scan($0) } })
        let beforeApplying = processCPUSeconds()
        readCPU = min(readCPU, beforeApplying - beforeReading)
        guard var scan else { continue }
        var state = NetworkState(emailPolicy: policy)
        apply = min(apply, seconds { scan.replay(onto: &state) })
        applyCPU = min(applyCPU, processCPUSeconds() - beforeApplying)
        withExtendedLifetime((scan, state)) {}
    }
    return (read, apply, readCPU, applyCPU)
}

if let mode = options.instructions, let path = options.journal {
    runMode { try measureInstructions(mode, path) }
}

func measureInstructions(_ mode: String, _ path: String) throws {
    switch mode {
    case "replay":
        // On one thread: callgrind counts only the thread that entered the measured function,
        // and the count is of all the work, wherever it would run.
        print("records: \(try JournalScan.$parallelLines.withValue(.max) { try measuredReplay(path) }.state.batchCount)")
    case "first-frame":
        // The snapshot is written outside the measured part, as the console would have left it.
        try Journal(path: path, emailPolicy: policy, osUser: "bench").writeSnapshot()
        // All of it on this thread, as for replay: callgrind counts only the thread it entered on.
        print("replayed: \(try JournalScan.$parallelLines.withValue(.max) { try measuredFirstFrame(path) }.replayedAtStart)")
    case "append":
        // One append first, not counted: a process's first record written sets up the Swift
        // runtime's generic types for encoding (~18 M instructions, once), which opening no
        // longer does now that no record is read through Codable.
        let journal = try Journal(path: path, emailPolicy: policy, osUser: "bench")
        try append(-1, to: journal)
        print("appends: \(try measuredAppends(journal))")
    case "keys":
        var state = walkState(try Journal(path: path, emailPolicy: policy, osUser: "bench", readOnly: true).state, path: path)
        print("keys: \(measuredKeys(&state))")
    default:
        print("--instructions is replay, first-frame, keys or append")
        exit(64)
    }
}

/// The peak resident memory of this process so far, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// This process's own peak resident memory (VmHWM), in MiB: unlike `ru_maxrss`, which Linux
/// carries over from the parent across exec, it starts afresh in a new program.
func ownPeakMemoryMiB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan) / 1024
}

if options.consoleMemory, let path = options.journal {
    runMode {
        let (elapsed, journal) = try firstFrame(path)
        // The change log, read on another thread after the first frame, counts in the memory.
        journal.state.deferredReading?()
        print(
            "peak_mib: \(String(format: "%.0f", ownPeakMemoryMiB())) first_frame_ms: \(String(format: "%.1f", elapsed * 1000)) "
                + "replayed: \(journal.replayedAtStart)")
    }
}

/// One console's peak memory over a journal, measured in a process of its own (this one has
/// built the synthetic networks in memory).
func consolePeakMemoryMiB(_ path: String) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["--console-memory", "--journal", path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return Double(text.split(separator: " ").dropFirst().first ?? "") ?? .nan
}

if let url = options.postgres {
    runMode { try PostgresBench.run(url: url, events: options.events ?? 10_000) }
}

// `--write-journal PATH --events N`: only write a synthetic journal (for bench/peers.sh).
if let path = options.writeJournal {
    runMode {
        var network = SyntheticNetwork(entities: entities, policy: policy)
        if options.tenYears { network.growTenYears() } else { network.grow(toEvents: options.events ?? realisticEvents) }
        try Journal.create(at: path, batches: network.batches, osUser: "bench")
        print("wrote \(path): \(network.eventCount) events in \(network.batches.count) records")
    }
}

print("unmn-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(quick ? "quick" : "full") run")
let machineAtStart = MachineAtStart()

// The minutes editor with 100,000 pasted characters: each key (type, move, delete) and the
// frame it draws at 120×40 must stay well under a 60 Hz frame (16 ms).
var editorKeys: [Double] = []
do {
    var editor = TextEditor()
    let paragraph = "Members discussed the joint approach to reintegration; Ўзбекистон and Oʻzbekiston both appear. "
    var pasted = ""
    while pasted.count < 100_000 { pasted += paragraph + (pasted.count % 700 < 100 ? "\n" : "") }
    _ = editor.handle(.paste(pasted))
    var buffer = Buffer(width: 120, height: 40)
    let keys: [Key] = [.character("x"), .left, .backspace, .up, .character("é"), .end, .pageUp, .down, .delete, .home]
    for index in 0..<400 {
        editorKeys.append(
            seconds {
                _ = editor.handle(keys[index % keys.count])
                editor.render(in: buffer.area, buffer: &buffer)
            })
    }
}
print(
    "minutes_100k_key_p99_ms: \(String(format: "%.2f", percentile(editorKeys, 0.99) * 1000)) (paste of 100,000 characters, key "
        + "and frame at 120x40)"
)

// A ten-year network at the sample's rate: the first frame a real secretariat sees.
var decade = SyntheticNetwork(entities: entities, policy: policy)
decade.growTenYears()
let decadePath = directory + "/decade"
try Journal.create(at: decadePath, batches: decade.batches, osUser: "bench")
try Journal(path: decadePath, emailPolicy: policy, osUser: "bench").writeSnapshot()
var decadeFirstFrame = Double.infinity
for _ in 0..<5 { decadeFirstFrame = min(decadeFirstFrame, try firstFrame(decadePath).0) }
print(
    "ten_year_first_frame_ms: \(String(format: "%.1f", decadeFirstFrame * 1000)) (\(decade.batches.count) records, "
        + "\(fileSize(decadePath) / 1024) KiB)")

// Realistic network: replay, first frame, keystrokes, appends.
let realistic = try journal(events: realisticEvents, name: "realistic")
let records = realistic.network.batches.count
var replaySeconds = Double.infinity
for _ in 0..<3 {
    replaySeconds = min(replaySeconds, try replayTime(realistic.path))
}
try Journal(path: realistic.path, emailPolicy: policy, osUser: "bench").writeSnapshot()
var firstFrameSeconds = Double.infinity
var opened: Journal!
for _ in 0..<3 {
    let (elapsed, journal) = try firstFrame(realistic.path)
    firstFrameSeconds = min(firstFrameSeconds, elapsed)
    opened = journal
}

// A scripted walk through every pane, update plus render at 200×50 for each key.
var state = walkState(opened.state, path: realistic.path)
var keystrokes: [Double] = []
var slowest: [String: Double] = [:]
// A console's first key sets up what every later key reuses (the Swift runtime's type metadata
// for the update path, the key tables): about 3 M instructions, once a process. It is printed
// apart, so that the steady keys' figures say what a person feels on every key after it.
var firstKey: Double?
for _ in 0..<20 {
    for key in walk {
        let elapsed = seconds {
            _ = AppUpdate.update(&state, KeyBindings.message(for: key, in: state))
            _ = AppView.render(state)
        }
        guard firstKey != nil else {
            firstKey = elapsed
            continue
        }
        keystrokes.append(elapsed)
        let name = "\(key) on \(state.pane.title)"
        slowest[name] = max(slowest[name] ?? 0, elapsed)
    }
}

// Appends with fsync, against a bare fdatasync of the same size on the same disk, in turns (an
// append, a bare write and sync, an append…): measured one block after the other, a minute's
// change in this machine's or its disk's speed fell on one side of the ratio only.
// The bare line is the size of an average record of this journal.
let line = Array(repeating: UInt8(ascii: "x"), count: max(1, fileSize(realistic.path) / records - 1)) + [0x0A]
let bare = open(directory + "/bare", O_WRONLY | O_CREAT | O_APPEND, 0o600)
let appender = try Journal(path: realistic.path, emailPolicy: policy, osUser: "bench")
var (appends, syncs): ([Double], [Double]) = ([], [])
for index in 0..<300 {
    appends.append(try seconds { try append(index, to: appender) })
    syncs.append(
        seconds {
            _ = line.withUnsafeBytes { write(bare, $0.baseAddress, $0.count) }
            fdatasync(bare)
        })
}
close(bare)

// Stress network: replay and first frame at size.
let stress = try journal(events: stressEvents, name: "stress")
var stressReplay = Double.infinity
stressReplay = try replayTime(stress.path)
let consoleReplayingMiB = try consolePeakMemoryMiB(stress.path)
try Journal(path: stress.path, emailPolicy: policy, osUser: "bench").writeSnapshot()
let consoleFromSnapshotMiB = try consolePeakMemoryMiB(stress.path)
let (stressFirstFrame, _) = try firstFrame(stress.path)
let peakMB = peakMemoryMiB()

print("replay_records_per_s: \(Int(Double(records) / replaySeconds))")
print("first_frame_ms: \(String(format: "%.1f", firstFrameSeconds * 1000))")
print("keystroke_p99_ms: \(String(format: "%.3f", percentile(keystrokes, 0.99) * 1000))")
print("append_p50_vs_fdatasync: \(String(format: "%.2f", percentile(appends, 0.5) / percentile(syncs, 0.5)))")
print(
    "realistic_events: \(realistic.network.eventCount) in \(records) records, \(fileSize(realistic.path) / 1024) KiB, built in "
        + "\(String(format: "%.1f", realistic.buildSeconds)) s"
)
print("replay_events_per_s: \(Int(Double(realistic.network.eventCount) / replaySeconds))")
print("first_key_ms: \(String(format: "%.2f", (firstKey ?? 0) * 1000)) (once a console: the first key after the first frame)")
print("keystroke_p50_ms: \(String(format: "%.3f", percentile(keystrokes, 0.5) * 1000)) over \(keystrokes.count) keys at 200x50")
print(
    "append_p50_ms: \(String(format: "%.3f", percentile(appends, 0.5) * 1000)) p99_ms: "
        + "\(String(format: "%.3f", percentile(appends, 0.99) * 1000))"
)
print(
    "fdatasync_p50_ms: \(String(format: "%.3f", percentile(syncs, 0.5) * 1000)) p99_ms: "
        + "\(String(format: "%.3f", percentile(syncs, 0.99) * 1000)) (\(line.count) bytes)"
)
print("stress_events: \(stress.network.eventCount) in \(stress.network.batches.count) records, \(fileSize(stress.path) / 1024 / 1024) MiB")
print("stress_replay_records_per_s: \(Int(Double(stress.network.batches.count) / stressReplay))")
print("stress_first_frame_ms: \(String(format: "%.1f", stressFirstFrame * 1000))")
print(
    "slowest_keys: "
        + slowest.sorted { $0.value > $1.value }.prefix(4).map { "\($0.key) \(String(format: "%.1f", $0.value * 1000)) ms" }.joined(
            separator: ", "))
let stressMiB = Double(fileSize(stress.path)) / 1024 / 1024
let (replayingRatio, snapshotRatio) = (consoleReplayingMiB / stressMiB, consoleFromSnapshotMiB / stressMiB)
print(
    "console_peak_memory_vs_journal: \(String(format: "%.2f", replayingRatio)) replaying all "
        + "(\(String(format: "%.0f", consoleReplayingMiB)) MiB), \(String(format: "%.2f", snapshotRatio)) from the snapshot "
        + "(\(String(format: "%.0f", consoleFromSnapshotMiB)) MiB); journal \(String(format: "%.0f", stressMiB)) MiB"
)
print(
    "bench_peak_memory_mib: \(String(format: "%.0f", peakMB)) (the bench itself, holding both synthetic networks; journals: "
        + "\((fileSize(realistic.path) + fileSize(stress.path)) / 1024 / 1024) MiB)"
)
print(machineAtStart.lines())
