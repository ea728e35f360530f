import Foundation

/// The state in the snapshot cache's binary form: every stored property, in declaration order,
/// so that loading a snapshot builds the state directly instead of through Codable's keyed
/// containers (three quarters of a JSON snapshot's decode). A snapshot is a cache: the form may
/// change freely with `StateSnapshot`'s format number, and the journal stays JSON.
extension NetworkState {
    /// The fingerprint of the cases, the table of strings, then four parts: the first half of
    /// the consensus items, the second half, the rest of the state, and the change log. Reading
    /// takes the halves on two threads (the rest with the second), and leaves the change log in
    /// its bytes until it is first needed (see `ChangeLog`): at a million events the items and
    /// the change log are nine tenths of the work, and the first screen needs neither whole.
    public func stateEncoded() -> [UInt8] {
        var fingerprint = StateWriter()
        fingerprint.string(StateCoding.fingerprint)
        var writer = StateWriter()
        var parts: [[UInt8]] = []
        let half = items.count / 2
        for range in [0..<half, half..<items.count] {
            writer.unsigned(UInt64(range.count))
            for item in items[range] { item.write(to: &writer) }
            parts.append(writer.bytes)
            writer.bytes = []
        }
        writeRemainder(to: &writer)
        parts.append(writer.bytes)
        writer.bytes = []
        writer.write(changes.all)
        parts.append(writer.bytes)
        var head = StateWriter()
        for part in parts { head.unsigned(UInt64(part.count)) }
        return fingerprint.stringTable() + writer.stringTable() + head.bytes + parts.joined()
    }

    /// Runs its body for parts 0 and 1, at the same time if it can. The domain does no threading
    /// of its own: the store that reads a snapshot passes threads in.
    public typealias PartRunner = (_ body: @Sendable (_ part: Int) -> Void) -> Void

    /// The state `stateEncoded` wrote; throws when the bytes are damaged, never crashes.
    public init(
        stateEncoded bytes: UnsafeRawBufferPointer,
        runningParts runParts: PartRunner = { body in
            body(0)
            body(1)
        }
    ) throws(StateReader.Failure) {
        var reader = StateReader(bytes)
        guard try reader.stringTable() == [StateCoding.fingerprint] else {
            throw StateReader.Failure("it was written by a version of unmn with other cases", isOtherVersion: true)
        }
        let strings = try reader.stringTable()
        let hashes = StateReader.hashes(of: strings)
        var ranges: [Range<Int>] = []
        let lengths = [try reader.count(), try reader.count(), try reader.count(), try reader.count()]
        var start = reader.position
        for length in lengths {
            ranges.append(start..<(start + length))
            start += length
        }
        guard start == bytes.count else { throw StateReader.Failure("its parts do not add up to its length") }
        // Each part gets the address, which (unlike the buffer) may cross to another thread; the
        // buffer outlives both.
        let (address, count) = (UInt(bitPattern: bytes.baseAddress), bytes.count)
        let parts = DecodedParts()
        let (first, second, remainder, changeLog) = (ranges[0], ranges[1], ranges[2], ranges[3])
        runParts { part in
            let whole = UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: address), count: count)
            func reader(_ range: Range<Int>) -> StateReader {
                StateReader(UnsafeRawBufferPointer(rebasing: whole[range]), strings: strings, hashes: hashes)
            }
            if part == 0 {
                parts.firstItems = Result { () throws(StateReader.Failure) in
                    var items = reader(first)
                    return try items.read([ConsensusItem].self, wholly: true)
                }
            } else {
                parts.secondItems = Result { () throws(StateReader.Failure) in
                    var items = reader(second)
                    return try items.read([ConsensusItem].self, wholly: true)
                }
                parts.remainder = Result { () throws(StateReader.Failure) in
                    var rest = reader(remainder)
                    return try NetworkState(remainderFrom: &rest)
                }
            }
        }
        guard let remainder = parts.remainder, let firstItems = parts.firstItems, let secondItems = parts.secondItems else {
            throw StateReader.Failure("a part was not read")
        }
        self = try remainder.get()
        self.items = try firstItems.get() + secondItems.get()
        rebuildItemLists()
        self.changes = ChangeLog(deferred: DeferredChanges(bytes: Array(bytes[changeLog]), strings: strings, hashes: hashes))
        guard itemIndex.count == self.items.count,
            itemIndex.allSatisfy({ self.items.indices.contains($0.value) && self.items[$0.value].reference == $0.key })
        else { throw StateReader.Failure("the items' index does not match the items") }
    }

    /// Work a state read from a snapshot left for later (its change log), to be run on another
    /// thread while the first screen is drawn; nil when there is none.
    public var deferredReading: (@Sendable () -> Void)? { changes.decodeDeferred }

    /// Everything but the items.
    private func writeRemainder(to writer: inout StateWriter) {
        writer.write(entities)
        writer.write(focalPoints)
        writer.write(mailingListChanges)
        writer.write(mailingListRequests)
        writer.write(meetings)
        writer.write(actionPoints)
        writer.write(workPlans)
        // Undo plans hold commands, dozens at most (one per person): JSON keeps their coding in
        // one place, Command's.
        writer.unsigned(UInt64(undoPlans.count))
        for (key, plan) in undoPlans {
            writer.string(key)
            writer.string(String(decoding: (try? JSONEncoder().encode(plan)) ?? Data(), as: UTF8.self))
        }
        writer.int(batchCount)
        writer.write(itemIndex)
        writer.write(itemsPerYear)
        writer.write(decisionsPerYear)
        writer.write(grants)
        writer.write(amendmentsShared)
        writer.write(reportsSentRecord)
        writer.write(foundedOn)
        writer.bool(isSandbox)
        writer.bool(isVerified)
        writer.write(emailPolicy.corporateDomains)
    }

    private init(remainderFrom reader: inout StateReader) throws(StateReader.Failure) {
        let entities = try reader.read([MemberEntity].self)
        let focalPoints = try reader.read([FocalPoint].self)
        let mailingListChanges = try reader.read([MailingListChange].self)
        let mailingListRequests = try reader.read([Instant].self)
        let meetings = try reader.read([Meeting].self)
        let actionPoints = try reader.read([ActionPoint].self)
        let workPlans = try reader.read([Int: WorkPlan].self)
        var undoPlans: [String: UndoPlan] = [:]
        for _ in 0..<(try reader.count()) {
            let key = try reader.string()
            guard let plan = try? JSONDecoder().decode(UndoPlan.self, from: Data(try reader.string().utf8)) else {
                throw StateReader.Failure("an undo plan is unreadable")
            }
            undoPlans[key] = plan
        }
        let batchCount = try reader.int()
        let itemIndex = try reader.read([ItemReference: Int].self)
        let itemsPerYear = try reader.read([Int: Int].self)
        let decisionsPerYear = try reader.read([Int: Int].self)
        let grants = try reader.read([String: Grant].self)
        let amendmentsShared = try reader.read([MeetingReference: Int].self)
        let reportsSentRecord = try reader.read([ReportSent]?.self)
        let foundedOn = try reader.read(LocalDate?.self)
        let isSandbox = try reader.bool()
        let isVerified = try reader.bool()
        let domains = try reader.read(Set<String>.self)
        guard reader.isAtEnd else { throw StateReader.Failure("bytes follow the state at byte \(reader.position)") }
        self.init(emailPolicy: EmailPolicy(corporateDomains: domains))
        (self.entities, self.focalPoints, self.mailingListChanges, self.mailingListRequests) =
            (entities, focalPoints, mailingListChanges, mailingListRequests)
        (self.meetings, self.actionPoints, self.workPlans, self.undoPlans) = (meetings, actionPoints, workPlans, undoPlans)
        (self.batchCount, self.itemIndex, self.itemsPerYear, self.decisionsPerYear) = (
            batchCount, itemIndex, itemsPerYear, decisionsPerYear
        )
        (self.grants, self.amendmentsShared, self.reportsSentRecord, self.foundedOn) = (
            grants, amendmentsShared, reportsSentRecord, foundedOn
        )
        (self.isSandbox, self.isVerified) = (isSandbox, isVerified)
    }
}

/// What the two parts read, each into its own properties, handed back after both have ended.
private final class DecodedParts: @unchecked Sendable {
    var firstItems: Result<[ConsensusItem], StateReader.Failure>?
    var secondItems: Result<[ConsensusItem], StateReader.Failure>?
    var remainder: Result<NetworkState, StateReader.Failure>?
}

// MARK: Leaves

extension Dictionary: StateCodable where Key: StateCodable, Value: StateCodable {
    func write(to writer: inout StateWriter) { writer.write(self) }
    init(from reader: inout StateReader) throws(StateReader.Failure) { self = try reader.read(Self.self) }
}

extension Int: StateCodable {
    func write(to writer: inout StateWriter) { writer.int(self) }
    init(from reader: inout StateReader) throws(StateReader.Failure) { self = try reader.int() }
}

extension String: StateCodable {
    func write(to writer: inout StateWriter) { writer.string(self) }
    init(from reader: inout StateReader) throws(StateReader.Failure) { self = try reader.string() }
}

extension HashedString: StateCodable {
    func write(to writer: inout StateWriter) { writer.string(text) }
    init(from reader: inout StateReader) throws(StateReader.Failure) { self = try reader.hashedString() }
}

extension EntityCode: StateCodable {
    func write(to writer: inout StateWriter) { writer.string(rawValue) }
    init(from reader: inout StateReader) throws(StateReader.Failure) { self.init(try reader.hashedString()) }
}

extension StateCodable where Self: TextIdentifier & HashedText {
    func write(to writer: inout StateWriter) { writer.string(rawValue) }
    init(from reader: inout StateReader) throws(StateReader.Failure) { self.init(try reader.hashedString()) }
}

extension MeetingReference: StateCodable {}
extension ItemReference: StateCodable {}
extension ActionPointID: StateCodable {}
extension FocalPointID: StateCodable {}

/// An enumeration without payloads is written as its place among `stateCases` (one byte).
/// Reordering or renaming cases changes `StateCoding.fingerprint`, so that a snapshot written
/// before is replayed over, never misread.
protocol StateCodableCases: StateCodable, Equatable, RawRepresentable where RawValue == String {
    static var stateCases: [Self] { get }
}

extension StateCodableCases {
    func write(to writer: inout StateWriter) { writer.byte(UInt8(Self.stateCases.firstIndex(of: self)!)) }
    init(from reader: inout StateReader) throws(StateReader.Failure) {
        let cases = Self.stateCases
        self = cases[Int(try reader.tag(below: UInt8(cases.count), of: "\(Self.self)"))]
    }
}

extension MemberEntity.Status: StateCodableCases { static let stateCases = allCases }
extension NetworkRole: StateCodableCases { static let stateCases = allCases }
extension Operator.Role: StateCodableCases { static let stateCases = allCases }
extension FocalPoint.Level: StateCodableCases { static let stateCases = allCases }
extension Meeting.Mode: StateCodableCases { static let stateCases = allCases }
extension ActionPoint.Status: StateCodableCases { static let stateCases = allCases }
extension KeyAction.Status: StateCodableCases { static let stateCases = allCases }
extension WorkPlan.Revision.Change: StateCodableCases { static let stateCases: [Self] = [.added, .changed, .cancelled] }
extension PositionRecord.Source: StateCodableCases { static let stateCases = allCases }

public enum StateCoding {
    /// The cases of every enumeration written by place, in order: a snapshot carries it, and one
    /// written under other cases is not read.
    public static let fingerprint: String = {
        func names<Cases: StateCodableCases>(_: Cases.Type) -> String { Cases.stateCases.map(\.rawValue).joined(separator: ",") }
        return [
            names(MemberEntity.Status.self), names(NetworkRole.self), names(Operator.Role.self), names(FocalPoint.Level.self),
            names(Meeting.Mode.self), names(ActionPoint.Status.self), names(KeyAction.Status.self), names(WorkPlan.Revision.Change.self),
            names(PositionRecord.Source.self),
        ].joined(separator: ";")
    }()
}

extension Instant: StateCodable {
    func write(to writer: inout StateWriter) { writer.int64(secondsSinceEpoch) }
    init(from reader: inout StateReader) throws(StateReader.Failure) { self.init(secondsSinceEpoch: try reader.int64()) }
}

extension LocalDate: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.int(year)
        writer.byte(UInt8(truncatingIfNeeded: month))
        writer.byte(UInt8(truncatingIfNeeded: day))
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        let (year, month, day) = (try reader.int(), Int(try reader.byte()), Int(try reader.byte()))
        guard let date = LocalDate(year: year, month: month, day: day) else {
            throw StateReader.Failure("\(year)-\(month)-\(day) is not a date")
        }
        self = date
    }
}

/// Amounts keep their exact decimal text (`1250000.5`), as in the journal.
extension Decimal: StateCodable {
    func write(to writer: inout StateWriter) { writer.string(description) }
    init(from reader: inout StateReader) throws(StateReader.Failure) {
        let text = try reader.string()
        guard let value = Decimal(amount: text) else { throw StateReader.Failure("“\(text)” is not an amount") }
        self = value
    }
}

extension Decimal {
    /// An amount from its text (`1250000`, `-0.5`, `2E-2`), as `Decimal(string:)` reads it. A whole
    /// number of up to eighteen digits — most budgets — is the `Decimal` of its integer, the same to
    /// the bit, without `Decimal(string:)`'s ~13 k instructions: an amount is read for every key
    /// action of every record replayed and every snapshot loaded.
    public init?(amount text: String) {
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        if !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }), let whole = Int64(text) {
            self.init(whole)
            return
        }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self = value
    }
}

// MARK: Records

extension DatedNote: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(text)
        writer.string(by)
        writer.write(on)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(text: try reader.string(), by: try reader.string(), on: try reader.read())
    }
}

extension MemberEntity: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.write(code)
        writer.string(fullName)
        writer.write(role)
        writer.write(status)
        writer.string(functions)
        writer.write(memberSince)
        writer.write(admittedBy)
        writer.write(withdrawnOn)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            code: try reader.read(), fullName: try reader.string(), role: try reader.read(), status: try reader.read(),
            functions: try reader.string(), memberSince: try reader.read(), admittedBy: try reader.read(), withdrawnOn: try reader.read())
    }
}

extension FocalPoint.EmailException: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(reason)
        writer.string(verifiedBy)
        writer.write(until)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(reason: try reader.string(), verifiedBy: try reader.string(), until: try reader.read())
    }
}

extension FocalPoint: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.write(id)
        writer.write(entity)
        writer.string(name)
        writer.string(position)
        writer.write(level)
        writer.string(email)
        writer.bool(isOnMailingList)
        writer.write(emailException)
        writer.write(retiredOn)
        writer.write(isRCOFocalPoint)
        writer.write(familyName)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            id: try reader.read(), entity: try reader.read(), name: try reader.string(), position: try reader.string(),
            level: try reader.read(),
            email: try reader.string(), isOnMailingList: try reader.bool(), emailException: try reader.read(), retiredOn: try reader.read())
        isRCOFocalPoint = try reader.read()
        familyName = try reader.read()
    }
}

extension Bool: StateCodable {
    func write(to writer: inout StateWriter) { writer.bool(self) }
    init(from reader: inout StateReader) throws(StateReader.Failure) { self = try reader.bool() }
}

extension MailingListChange: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.write(focalPointID)
        writer.string(name)
        writer.string(email)
        writer.bool(added)
        writer.write(at)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            focalPointID: try reader.read(), name: try reader.string(), email: try reader.string(), added: try reader.bool(),
            at: try reader.read())
    }
}

extension Meeting.Kind: StateCodable {
    func write(to writer: inout StateWriter) {
        switch self {
        case .regular: writer.byte(0)
        case .requested(let by):
            writer.byte(1)
            writer.write(by)
        case .extraordinary: writer.byte(2)
        }
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        switch try reader.tag(below: 3, of: "a meeting's kind") {
        case 0: self = .regular
        case 1: self = .requested(by: try reader.read())
        default: self = .extraordinary
        }
    }
}

extension Meeting.Attendance: StateCodable {
    func write(to writer: inout StateWriter) {
        switch self {
        case .present(let focalPoints):
            writer.byte(0)
            writer.write(focalPoints)
        case .apologies: writer.byte(1)
        case .absent: writer.byte(2)
        }
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        switch try reader.tag(below: 3, of: "attendance") {
        case 0: self = .present(focalPoints: try reader.read())
        case 1: self = .apologies
        default: self = .absent
        }
    }
}

extension Meeting.MinutesStatus: StateCodable {
    func write(to writer: inout StateWriter) {
        switch self {
        case .draft: writer.byte(0)
        case .finalised(let on):
            writer.byte(1)
            writer.write(on)
        case .shared(let finalisedOn, let sharedOn):
            writer.byte(2)
            writer.write(finalisedOn)
            writer.write(sharedOn)
        }
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        switch try reader.tag(below: 3, of: "the minutes' status") {
        case 0: self = .draft
        case 1: self = .finalised(on: try reader.read())
        default: self = .shared(finalisedOn: try reader.read(), sharedOn: try reader.read())
        }
    }
}

extension Meeting.AgendaItem: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(title)
        writer.string(minutes)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) { self.init(title: try reader.string(), minutes: try reader.string()) }
}

extension Meeting.Decision: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(text)
        writer.write(item)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) { self.init(text: try reader.string(), item: try reader.read()) }
}

extension Meeting.Guest: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(name)
        writer.string(organisation)
        writer.string(role)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(name: try reader.string(), organisation: try reader.string(), role: try reader.string())
    }
}

extension Meeting.Postponement: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.write(from)
        writer.write(to)
        writer.write(note)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(from: try reader.read(), to: try reader.read(), note: try reader.read())
    }
}

extension Meeting: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.write(reference)
        writer.write(kind)
        writer.write(date)
        writer.int(startMinute)
        writer.int(durationMinutes)
        writer.string(location)
        writer.write(mode)
        writer.write(modeReason)
        writer.write(attendance)
        writer.write(agenda)
        writer.write(decisions)
        writer.write(status)
        writer.write(amendments)
        writer.write(cancellation)
        writer.write(postponements)
        writer.write(guests)
        writer.write(sequence)
        writer.write(lastModified)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            reference: try reader.read(), kind: try reader.read(), date: try reader.read(), startMinute: try reader.int(),
            durationMinutes: try reader.int(), location: try reader.string(), mode: try reader.read(), modeReason: try reader.read())
        attendance = try reader.read()
        agenda = try reader.read()
        decisions = try reader.read()
        status = try reader.read()
        amendments = try reader.read()
        cancellation = try reader.read()
        postponements = try reader.read()
        guests = try reader.read()
        sequence = try reader.read()
        lastModified = try reader.read()
    }
}

extension ActionPoint: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.write(id)
        writer.write(meeting)
        writer.string(text)
        writer.write(responsible)
        writer.write(due)
        writer.write(status)
        writer.write(notes)
        writer.write(implements)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            id: try reader.read(), meeting: try reader.read(), text: try reader.string(), responsible: try reader.read(),
            due: try reader.read(),
            status: try reader.read(), notes: try reader.read(), implements: try reader.read())
    }
}

// MARK: Work plans

extension KeyAction.FundingSource: StateCodable {
    func write(to writer: inout StateWriter) {
        switch self {
        case .migrationMPTF: writer.byte(0)
        case .coreFunds: writer.byte(1)
        case .donor(let name):
            writer.byte(2)
            writer.string(name)
        case .unfunded: writer.byte(3)
        }
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        switch try reader.tag(below: 4, of: "a funding source") {
        case 0: self = .migrationMPTF
        case 1: self = .coreFunds
        case 2: self = .donor(try reader.string())
        default: self = .unfunded
        }
    }
}

extension KeyAction.ProgressUpdate: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.write(on)
        writer.string(by)
        writer.write(entity)
        writer.int(percent)
        writer.write(status)
        writer.string(note)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            on: try reader.read(), by: try reader.string(), entity: try reader.read(), percent: try reader.int(), status: try reader.read(),
            note: try reader.string())
    }
}

extension KeyAction: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(code)
        writer.string(title)
        writer.string(description)
        writer.write(lead)
        writer.write(participants)
        writer.write(starts)
        writer.write(ends)
        writer.write(budgetRequired)
        writer.write(budgetFunded)
        writer.write(fundingSource)
        writer.write(gcmObjectives)
        writer.write(sdgTargets)
        writer.write(cooperationFrameworkOutcome)
        writer.write(status)
        writer.int(progress)
        writer.write(history)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            code: try reader.string(), title: try reader.string(), description: try reader.string(), lead: try reader.read(),
            participants: try reader.read(), starts: try reader.read(), ends: try reader.read(), budgetRequired: try reader.read(),
            budgetFunded: try reader.read(), fundingSource: try reader.read(), gcmObjectives: try reader.read(),
            sdgTargets: try reader.read(),
            cooperationFrameworkOutcome: try reader.read(), status: try reader.read(), progress: try reader.int(),
            history: try reader.read())
    }
}

extension KeyActionDraft: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(code)
        writer.string(title)
        writer.string(description)
        writer.write(lead)
        writer.write(participants)
        writer.write(starts)
        writer.write(ends)
        writer.write(budgetRequired)
        writer.write(budgetFunded)
        writer.write(fundingSource)
        writer.write(gcmObjectives)
        writer.write(sdgTargets)
        writer.write(cooperationFrameworkOutcome)
        writer.bool(acceptsOverfunding)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            code: try reader.string(), title: try reader.string(), description: try reader.string(), lead: try reader.read(),
            participants: try reader.read(), starts: try reader.read(), ends: try reader.read(), budgetRequired: try reader.read(),
            budgetFunded: try reader.read(), fundingSource: try reader.read(), gcmObjectives: try reader.read(),
            sdgTargets: try reader.read(),
            cooperationFrameworkOutcome: try reader.read(), acceptsOverfunding: try reader.bool())
    }
}

extension WorkPlan.Status: StateCodable {
    func write(to writer: inout StateWriter) {
        switch self {
        case .draft: writer.byte(0)
        case .endorsed(let on, let reference):
            writer.byte(1)
            writer.write(on)
            writer.string(reference)
        case .closed(let endorsedOn, let reference, let closedOn):
            writer.byte(2)
            writer.write(endorsedOn)
            writer.string(reference)
            writer.write(closedOn)
        }
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        switch try reader.tag(below: 3, of: "a work plan's status") {
        case 0: self = .draft
        case 1: self = .endorsed(on: try reader.read(), reference: try reader.string())
        default: self = .closed(endorsedOn: try reader.read(), reference: try reader.string(), closedOn: try reader.read())
        }
    }
}

extension WorkPlan.Revision: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(code)
        writer.write(change)
        writer.write(fields)
        writer.string(reason)
        writer.write(on)
        writer.string(by)
        writer.bool(needsEndorsement)
        writer.write(endorsedBy)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            code: try reader.string(), change: try reader.read(), fields: try reader.read(), reason: try reader.string(),
            on: try reader.read(),
            by: try reader.string(), needsEndorsement: try reader.bool(), endorsedBy: try reader.read())
    }
}

extension WorkPlan: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.int(year)
        writer.write(status)
        writer.write(actions)
        writer.write(revisions)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(year: try reader.int(), status: try reader.read(), actions: try reader.read())
        revisions = try reader.read()
    }
}

// MARK: Consensus items

extension ConsensusItem.Kind: StateCodable {
    func write(to writer: inout StateWriter) {
        switch self {
        case .general: writer.byte(0)
        case .admission(let code, let fullName):
            writer.byte(1)
            writer.write(code)
            writer.string(fullName)
        case .workPlanEndorsement(let year):
            writer.byte(2)
            writer.int(year)
        case .jointStatement: writer.byte(3)
        case .workingMethod: writer.byte(4)
        }
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        switch try reader.tag(below: 5, of: "an item's kind") {
        case 0: self = .general
        case 1: self = .admission(try reader.read(), fullName: try reader.string())
        case 2: self = .workPlanEndorsement(year: try reader.int())
        case 3: self = .jointStatement
        default: self = .workingMethod
        }
    }
}

extension ConsensusItem.RaisedAt: StateCodable {
    func write(to writer: inout StateWriter) {
        switch self {
        case .meeting(let reference):
            writer.byte(0)
            writer.write(reference)
        case .writtenConsultation: writer.byte(1)
        }
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        switch try reader.tag(below: 2, of: "where an item was raised") {
        case 0: self = .meeting(try reader.read())
        default: self = .writtenConsultation
        }
    }
}

extension ConsensusItem.Status: StateCodable {
    func write(to writer: inout StateWriter) {
        switch self {
        case .open: writer.byte(0)
        case .deferred: writer.byte(1)
        case .adopted(let decisionNumber):
            writer.byte(2)
            writer.string(decisionNumber)
        case .notAdopted: writer.byte(3)
        case .withdrawn: writer.byte(4)
        }
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        switch try reader.tag(below: 5, of: "an item's status") {
        case 0: self = .open
        case 1: self = .deferred
        case 2: self = .adopted(decisionNumber: try reader.string())
        case 3: self = .notAdopted
        default: self = .withdrawn
        }
    }
}

extension ConsensusItem.Closure: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(by)
        writer.write(entity)
        writer.write(at)
        writer.string(statement)
        writer.write(silent)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            by: try reader.string(), entity: try reader.read(), at: try reader.read(), statement: try reader.string(),
            silent: try reader.read())
    }
}

extension Position: StateCodable {
    func write(to writer: inout StateWriter) {
        switch self {
        case .agree: writer.byte(0)
        case .standAside(let reason):
            writer.byte(1)
            writer.write(reason)
        case .object(let reason):
            writer.byte(2)
            writer.string(reason)
        }
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        switch try reader.tag(below: 3, of: "a position") {
        case 0: self = .agree
        case 1: self = .standAside(reason: try reader.read())
        default: self = .object(reason: try reader.string())
        }
    }
}

extension PositionRecord: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.write(entity)
        writer.write(position)
        writer.write(source)
        writer.string(recordedBy)
        writer.write(at)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            entity: try reader.read(), position: try reader.read(), source: try reader.read(), recordedBy: try reader.string(),
            at: try reader.read())
    }
}

extension ConsensusItem: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.write(reference)
        writer.string(title)
        writer.string(text)
        writer.write(kind)
        writer.write(raisedAt)
        writer.write(deadline)
        writer.write(openedOn)
        writer.write(status)
        writer.write(history)
        Self.writePositions(positions, in: history, to: &writer)
        writer.write(closure)
        writer.write(deferrals)
        writer.write(underSilence)
        writer.write(consultedActions)
        writer.write(reopenings)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        let (reference, title, text): (ItemReference, String, String) = (try reader.read(), try reader.string(), try reader.string())
        let (kind, raisedAt): (Kind, RaisedAt) = (try reader.read(), try reader.read())
        let (deadline, openedOn, status): (LocalDate, LocalDate, Status) = (try reader.read(), try reader.read(), try reader.read())
        let history: [PositionRecord] = try reader.read()
        let positions = try Self.readPositions(in: history, from: &reader)
        self.init(
            reference: reference, title: title, text: text, kind: kind, raisedAt: raisedAt, deadline: deadline, openedOn: openedOn,
            status: status, positions: positions, history: history, closure: try reader.read(), deferrals: try reader.read(),
            underSilence: try reader.read(), consultedActions: try reader.read(), reopenings: try reader.read())
    }

    /// Each member's current position is also the last of its records in the history (`apply`
    /// records it in both), so it is written as that record's place: a number instead of a
    /// record to decode again — the items' positions were the bulk of a large snapshot's reading.
    /// A position not found there (never so today) is written whole, behind a 0.
    static func writePositions(_ positions: Positions, in history: [PositionRecord], to writer: inout StateWriter) {
        writer.unsigned(UInt64(positions.count))
        for record in positions {
            writer.write(record.entity)
            if let index = history.lastIndex(of: record) {
                writer.unsigned(UInt64(index) + 1)
            } else {
                writer.unsigned(0)
                writer.write(record)
            }
        }
    }

    static func readPositions(in history: [PositionRecord], from reader: inout StateReader) throws(StateReader.Failure) -> Positions {
        let count = try reader.count()
        var positions = Positions()
        positions.reserveCapacity(count)
        for _ in 0..<count {
            let entity: EntityCode = try reader.read()
            let place = try reader.unsigned()
            let record: PositionRecord
            if place == 0 {
                record = try reader.read()
            } else {
                guard place <= UInt64(history.count) else { throw StateReader.Failure("a position refers past its item's history") }
                record = history[Int(place - 1)]
            }
            guard record.entity == entity else { throw StateReader.Failure("a position is recorded for another member") }
            positions.record(record)
        }
        guard positions.count == count else { throw StateReader.Failure("an item's positions repeat a member") }
        return positions
    }
}

// MARK: The rest of the state

extension RecordKey: StateCodable {
    func write(to writer: inout StateWriter) {
        switch self {
        case .entity(let code):
            writer.byte(0)
            writer.write(code)
        case .focalPoint(let id):
            writer.byte(1)
            writer.write(id)
        case .meeting(let reference):
            writer.byte(2)
            writer.write(reference)
        case .actionPoint(let id):
            writer.byte(3)
            writer.write(id)
        case .plan(let year):
            writer.byte(4)
            writer.int(year)
        case .keyAction(let year, let code):
            writer.byte(5)
            writer.int(year)
            writer.string(code)
        case .item(let reference):
            writer.byte(6)
            writer.write(reference)
        }
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        switch try reader.tag(below: 7, of: "a record's key") {
        case 0: self = .entity(try reader.read())
        case 1: self = .focalPoint(try reader.read())
        case 2: self = .meeting(try reader.read())
        case 3: self = .actionPoint(try reader.read())
        case 4: self = .plan(year: try reader.int())
        case 5: self = .keyAction(year: try reader.int(), code: try reader.string())
        default: self = .item(try reader.read())
        }
    }
}

extension FieldChange: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.int(version)
        writer.string(by)
        writer.write(entity)
        writer.write(at)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(version: try reader.int(), by: try reader.string(), entity: try reader.read(), at: try reader.read())
    }
}

extension Grant: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(login)
        writer.string(name)
        writer.write(entity)
        writer.write(role)
        writer.write(key)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(
            login: try reader.string(), name: try reader.string(), entity: try reader.read(), role: try reader.read(),
            key: try reader.read())
    }
}

extension ReportSent: StateCodable {
    func write(to writer: inout StateWriter) {
        writer.string(period)
        writer.write(on)
        writer.string(by)
    }

    init(from reader: inout StateReader) throws(StateReader.Failure) {
        self.init(period: try reader.string(), on: try reader.read(), by: try reader.string())
    }
}
