import TestSupport
import Testing

@testable import UNMNDomain

/// A model-based property test of issue 13: two operators work from their own, possibly stale,
/// views of one network, interleaved, with undos. The model remembers, for every field they
/// touch, the last value someone was told was saved; after every step the network must hold
/// exactly those values, every refusal of a stale edit must be a conflict naming who made the
/// change it met, and replaying the journal's batches must give the same network.
@Suite("Concurrent edits: model-based")
struct ConcurrentEditPropertyTests {
    static let dilnoza = Operator(name: "Dilnoza Yusupova", entity: "IOM", role: .secretariat)
    static let laura = Operator(name: "Laura Bianchi", entity: "IOM", role: .chair)
    static let entities: [EntityCode] = ["FAO", "ILO", "UNICEF"]

    /// A field the operators edit, and how to read it from the network.
    enum Field: Hashable, CaseIterable {
        case name, position, minutes0, minutes1, attendanceFAO, attendanceILO, progress, positionFAO, positionUNICEF

        func value(in state: NetworkState) -> String {
            switch self {
            case .name: return state.focalPoint("FP-0001")!.name
            case .position: return state.focalPoint("FP-0001")!.position
            case .minutes0: return state.meeting("MTG/2026/01")!.agenda[0].minutes
            case .minutes1: return state.meeting("MTG/2026/01")!.agenda[1].minutes
            case .attendanceFAO: return Meeting.Attendance.title(state.meeting("MTG/2026/01")!.attendance["FAO"])
            case .attendanceILO: return Meeting.Attendance.title(state.meeting("MTG/2026/01")!.attendance["ILO"])
            case .progress: return "\(state.workPlans[2026]!.actions[0].progress)"
            case .positionFAO: return state.item("UNMN/2026/001")!.positions["FAO"]?.position?.title ?? "no answer"
            case .positionUNICEF: return state.item("UNMN/2026/001")!.positions["UNICEF"]?.position?.title ?? "no answer"
            }
        }

        /// The command that sets the field to `value`, as an operator whose view is `view` sends it.
        func command(_ value: String, view: NetworkState) -> Command {
            let meetingVersion = view.version(of: .meeting("MTG/2026/01"))
            switch self {
            case .name, .position:
                let original = FocalPointDraft(view.focalPoint("FP-0001")!)
                var values = original
                if self == .name { values.name = value } else { values.position = value }
                return .editFocalPoint(id: "FP-0001", Edit(from: original, to: values, basedOn: view.version(of: .focalPoint("FP-0001"))))
            case .minutes0: return .writeMinutes(meeting: "MTG/2026/01", item: 0, text: value, basedOn: meetingVersion)
            case .minutes1: return .writeMinutes(meeting: "MTG/2026/01", item: 1, text: value, basedOn: meetingVersion)
            case .attendanceFAO, .attendanceILO:
                let attendance: Meeting.Attendance =
                    value == "present" ? .present(focalPoints: []) : value == "apologies" ? .apologies : .absent
                return .recordAttendance(
                    meeting: "MTG/2026/01", entity: self == .attendanceFAO ? "FAO" : "ILO", attendance, basedOn: meetingVersion)
            case .progress:
                return .recordProgress(
                    year: 2026, code: "A", percent: Int(value)!, status: .onTrack, note: "",
                    basedOn: view.version(of: .keyAction(year: 2026, code: "A")))
            case .positionFAO, .positionUNICEF:
                let position: Position =
                    value == "agree" ? .agree : value == "stand aside" ? .standAside(reason: nil) : .object(reason: "r")
                return .recordPosition(
                    item: "UNMN/2026/001", entity: self == .positionFAO ? "FAO" : "UNICEF", position, source: .email,
                    basedOn: view.version(of: .item("UNMN/2026/001")))
            }
        }

        func randomValue(_ generator: inout SeededGenerator) -> String {
            switch self {
            case .name: return ["Azizbek Rahimov", "Aziz Rahimov", "A. Rahimov"][Int(generator.next() % 3)]
            case .position: return ["Programme Officer", "Senior Officer", "Coordinator", "Head"][Int(generator.next() % 4)]
            case .minutes0, .minutes1: return ["", "Agreed.", "Agreed.\nILO to comment.", "Postponed."][Int(generator.next() % 4)]
            case .attendanceFAO, .attendanceILO: return ["present", "apologies", "absent"][Int(generator.next() % 3)]
            case .progress: return "\(generator.next() % 100)"
            case .positionFAO, .positionUNICEF: return ["agree", "stand aside", "object"][Int(generator.next() % 3)]
            }
        }
    }

    /// The value a field was last told saved, who saved it, and at which version.
    struct Saved {
        var value: String
        var by: String
        var version: Int
    }

    static func attempt(_ command: Command, on state: NetworkState, _ context: CommandContext) -> Result<EventBatch, CommandRejection> {
        do {
            return .success(try state.decide(command, context: context))
        } catch {
            return .failure(error)
        }
    }

    static func network() throws -> (NetworkState, [EventBatch]) {
        var state = Fixture.founded()
        var batches: [EventBatch] = []
        let context = Fixture.context(dilnoza)
        func run(_ command: Command) throws {
            let batch = try state.decide(command, context: context)
            state.apply(batch)
            batches.append(batch)
        }
        try run(.addFocalPoint(Fixture.draft("Azizbek Rahimov", "ILO", "rahimov@ilo.org")))
        try run(.scheduleMeeting(MeetingDraft(kind: .regular, date: Fixture.today, startMinute: 600, location: "UN House")))
        try run(.addAgendaItem(meeting: "MTG/2026/01", title: "Returns"))
        try run(.addAgendaItem(meeting: "MTG/2026/01", title: "AOB"))
        try run(.draftWorkPlan(year: 2026))
        try run(
            .addKeyAction(
                year: 2026,
                KeyActionDraft(code: "A", title: "A", lead: "UNICEF", starts: Fixture.today, ends: Fixture.today, gcmObjectives: [7])))
        try run(
            .openItem(
                ConsensusItemDraft(
                    title: "Statement", text: "Text", kind: .general, raisedAt: .writtenConsultation,
                    deadline: Fixture.today.adding(days: 9))))
        return (state, batches)
    }

    @Test("Two operators from stale views, with undos: nothing anyone was told was saved disappears", arguments: 0..<200)
    func interleavings(seed: Int) throws {
        var generator = SeededGenerator(state: UInt64(seed) &* 7919 &+ 13)
        var (state, batches) = try Self.network()
        let operators = [Self.dilnoza, Self.laura]
        var views = [state, state]
        var saved: [Field: Saved] = [:]
        for field in Field.allCases { saved[field] = Saved(value: field.value(in: state), by: Self.dilnoza.name, version: 0) }
        /// Each operator's last change: the field, the value before it, and the version it made.
        var lastChange: [Int: (field: Field, before: String, version: Int)] = [:]
        for step in 0..<80 {
            let who = Int(generator.next() % 2)
            let op = operators[who]
            if generator.next() % 3 == 0 { views[who] = state }  // the screen refreshed
            let context = Fixture.context(op, hour: 8 + step % 10)
            if generator.next() % 6 == 0 {
                // Undo: accepted exactly when nobody changed that field since, and puts it back.
                let change = lastChange[who]
                let expected = change.map { saved[$0.field]!.version == $0.version }
                switch Self.attempt(.undo, on: state, context) {
                case .success(let batch):
                    state.apply(batch)
                    batches.append(batch)
                    #expect(
                        expected == true, "seed \(seed) step \(step): undo accepted over someone's later change or with nothing to undo")
                    if let change { saved[change.field] = Saved(value: change.before, by: op.name, version: state.batchCount) }
                case .failure(let error):
                    if let change, expected == true {
                        #expect(saved[change.field]!.value == change.before, "seed \(seed) step \(step): undo refused: \(error)")
                    }
                }
                lastChange[who] = nil
            } else {
                let field = Field.allCases[Int(generator.next() % UInt64(Field.allCases.count))]
                let value = field.randomValue(&generator)
                let view = views[who]
                let current = saved[field]!
                let stale = current.version > view.batchCount
                switch Self.attempt(field.command(value, view: view), on: state, context) {
                case .success(let batch):
                    state.apply(batch)
                    batches.append(batch)
                    #expect(!stale || current.value == value, "seed \(seed) step \(step): \(field) overwritten from a stale view")
                    lastChange[who] = (field, current.value, state.batchCount)
                    saved[field] = Saved(value: value, by: op.name, version: state.batchCount)
                case .failure(let error) where !error.conflicts.isEmpty:
                    #expect(stale, "seed \(seed) step \(step): conflict without a later change: \(error)")
                    #expect(error.conflicts.allSatisfy { $0.change.by == current.by }, "seed \(seed) step \(step): \(error)")
                case .failure(let error):
                    // Only the rules' own refusals remain: the value is already there, or (a form)
                    // the operator left the field as their screen showed it, which changes nothing.
                    let isForm = field == .name || field == .position
                    #expect(current.value == value || (isForm && field.value(in: view) == value), "seed \(seed) step \(step): \(error)")
                }
            }
            for field in Field.allCases {
                #expect(field.value(in: state) == saved[field]!.value, "seed \(seed) step \(step): \(field) lost what was saved")
            }
        }
        var replayed = NetworkState(emailPolicy: Fixture.policy)
        replayed.apply(
            NetworkState.founding(
                entities: Fixture.entities, emailPolicy: Fixture.policy, by: Self.dilnoza,
                at: Instant(tashkent: LocalDate(year: 2025, month: 1, day: 6)!, hour: 9)
            ).batch)
        for batch in batches { replayed.apply(batch) }
        #expect(replayed == state)
    }
}
