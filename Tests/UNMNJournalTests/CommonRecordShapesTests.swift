import Foundation
import TestSupport
import Testing
import UNMNDomain

@testable import UNMNJournal

/// The typed reader for the commonest records (positions, progress, items, attendance) must read them exactly as
/// the general reader does, or step aside: never a different value.
@Suite("The commonest records, read straight from the tape")
struct CommonRecordShapesTests {
    /// What the typed reader makes of a body, if anything.
    static func common(_ json: [UInt8]) -> JournalRecord.Body? {
        json.withUnsafeBytes { bytes in
            var tape = JSONTape()
            guard (try? tape.parse(bytes)) != nil else { return nil }
            return tape.withNodes { TapeDecoder(bytes: bytes, nodes: $0).commonRecord(sequence: 1) }.map {
                JournalRecord.Body(osUser: $0.osUser, batch: $0.batch)
            }
        }
    }

    static func general(_ json: [UInt8]) -> JournalRecord.Body? {
        try? JournalJSONDecoder().decode(JournalRecord.Body.self, from: json)
    }

    /// The sample network's records, with positions given every way a member can give one.
    static func bodies() throws -> [[UInt8]] {
        var bodies = try RecordDecoderTests.sampleBatches.map {
            try JournalJSONEncoder().encode(JournalRecord.Body(osUser: "tester", batch: $0))
        }
        let op = Operator(name: "Oʻgʻiloy \"Ўзбек\"\n", entity: "UN Women", role: .member)
        let at = Instant(secondsSinceEpoch: 1_796_000_000)
        let positions: [Position?] = [.agree, .standAside(reason: nil), .standAside(reason: "HQ \\ consulted"), .object(reason: "🌸"), nil]
        for (index, position) in positions.enumerated() {
            let source = PositionRecord.Source.allCases[index % 4]
            let record = PositionRecord(entity: "UN Women", position: position, source: source, recordedBy: op.name, at: at)
            let command = Command.recordPosition(
                item: ItemReference("UNMN/2026/0\(index)"), entity: "UN Women", position, source: source,
                basedOn: index % 2 == 0 ? nil : index)
            let batch = EventBatch(
                operator: op, at: at, events: [.positionRecorded(item: ItemReference("UNMN/2026/0\(index)"), record)], summary: "s\(index)",
                isUndo: index == 3, command: command, login: index == 1 ? nil : "login\(index)")
            bodies.append(try JournalJSONEncoder().encode(JournalRecord.Body(osUser: "u", batch: batch)))
        }
        for (command, events) in itemAndAttendanceRecords() + secretariatRecords() {
            let batch = EventBatch(operator: op, at: at, events: events, summary: "item", isUndo: false, command: command, login: nil)
            bodies.append(try JournalJSONEncoder().encode(JournalRecord.Body(osUser: "u", batch: batch)))
        }
        return bodies
    }

    /// Items opened, closed every way, and attendance of every kind, with each optional member
    /// present and absent.
    static func itemAndAttendanceRecords() -> [(Command, [Event])] {
        let deadline = LocalDate(year: 2026, month: 12, day: 31)!
        let kinds: [ConsensusItem.Kind] = [
            .general, .jointStatement, .workingMethod, .admission("UNDRR", fullName: "UN Office for Disaster Risk Reduction"),
            .workPlanEndorsement(year: 2026),
        ]
        var records: [(Command, [Event])] = []
        for (index, kind) in kinds.enumerated() {
            let raisedAt: ConsensusItem.RaisedAt = index % 2 == 0 ? .writtenConsultation : .meeting(MeetingReference("MTG/2026/0\(index)"))
            var draft = ConsensusItemDraft(
                title: "Item \(index) «ў»", text: "Text\n\(index)", kind: kind, raisedAt: raisedAt, deadline: deadline)
            draft.underSilence = [nil, true, false][index % 3]
            let item = ConsensusItem(
                opened: ItemReference("UNMN/2026/00\(index)"), title: draft.title, text: draft.text, kind: kind, raisedAt: raisedAt,
                deadline: deadline, openedOn: LocalDate(year: 2026, month: 3, day: index + 1)!, underSilence: draft.underSilence)
            records.append((.openItem(draft), [.itemOpened(item)]))
        }
        let statuses: [ConsensusItem.Status] = [.adopted(decisionNumber: "2026/01"), .notAdopted, .withdrawn, .deferred, .open]
        let silences: [[EntityCode]?] = [nil, [], ["WB", "UN Women"]]
        for (index, status) in statuses.enumerated() {
            let item = ItemReference("UNMN/2026/01\(index)")
            let closure = ConsensusItem.Closure(
                by: "Laura Bianchi", entity: "IOM", at: Instant(secondsSinceEpoch: 1_790_000_000 + Int64(index)),
                statement: "Noted \"\(index)\"",
                silent: silences[index % 3])
            let commands: [Command] = [
                .adoptItem(item, statement: closure.statement), .rejectItem(item, statement: closure.statement),
                .withdrawItem(item, statement: closure.statement),
            ]
            records.append((commands[index % 3], [.itemClosed(item, status, closure)]))
        }
        let attendances: [Meeting.Attendance?] = [
            .present(focalPoints: []), .present(focalPoints: ["FP-0001", "FP-0002"]), .apologies, .absent, nil,
        ]
        for (index, attendance) in attendances.enumerated() {
            let (meeting, entity) = (MeetingReference("MTG/2026/0\(index)"), EntityCode(index % 2 == 0 ? "IOM" : "UN Women"))
            records.append(
                (
                    .recordAttendance(meeting: meeting, entity: entity, attendance, basedOn: index % 2 == 0 ? nil : index),
                    [.attendanceRecorded(meeting: meeting, entity: entity, attendance)]
                ))
        }
        return records
    }

    /// A meeting's agenda, minutes (written, finalised, shared) and action points, and a plan
    /// drafted, with each optional member present and absent, and text a person could type.
    static func secretariatRecords() -> [(Command, [Event])] {
        let meeting = MeetingReference("MTG/2026/03")
        let on = LocalDate(year: 2026, month: 3, day: 14)!
        var records: [(Command, [Event])] = [
            (
                .addAgendaItem(meeting: meeting, title: "Ўзбекистон «returns» \\ 🌸"),
                [.agendaItemAdded(meeting: meeting, title: "Ўзбекистон «returns» \\ 🌸")]
            ),
            (.finaliseMinutes(meeting), [.minutesFinalised(meeting, on: on)]),
            (.shareMinutesWithRCO(meeting, on: on), [.minutesShared(meeting, on: on)]),
            (.draftWorkPlan(year: 2027), [.workPlanDrafted(year: 2027)]),
        ]
        for (index, basedOn) in [nil, 4].enumerated() {
            let text = index == 0 ? "" : "Agreed:\n\"follow up\" — Oʻzbekiston"
            records.append(
                (
                    .writeMinutes(meeting: meeting, item: index, text: text, basedOn: basedOn),
                    [.minutesWritten(meeting: meeting, item: index, text: text)]
                ))
        }
        for (index, implements) in [nil, ItemReference("UNMN/2026/004")].enumerated() {
            let responsible: [EntityCode] = index == 0 ? [] : ["UNRC", "UN Women"]
            let due = LocalDate(year: 2026, month: 4, day: 1 + index)!
            let point = ActionPoint(
                id: ActionPointID("AP/2026/00\(index)"), meeting: meeting, text: "Follow up \(index)", responsible: responsible, due: due,
                implements: implements)
            records.append(
                (
                    .addActionPoint(meeting: meeting, text: point.text, responsible: responsible, due: due, implements: implements),
                    [.actionPointAdded(point)]
                ))
        }
        let kinds: [Meeting.Kind] = [.regular, .extraordinary, .requested(by: ["UNICEF", "UN Women"]), .requested(by: [])]
        let modes: [(Meeting.Mode?, String?)] = [(nil, nil), (.inPerson, nil), (.virtual, "Travel «ban» \\ 🌸"), (.hybrid, "")]
        for (index, kind) in kinds.enumerated() {
            let draft = MeetingDraft(
                kind: kind, date: LocalDate(year: 2026, month: 3 + index, day: 10)!, startMinute: 600 + index, durationMinutes: 60 * index,
                location: index == 2 ? "" : "UN House, Тошкент", mode: modes[index].0, modeReason: modes[index].1)
            let scheduled = Meeting(
                reference: MeetingReference("MTG/2026/0\(index)"), kind: kind, date: draft.date, startMinute: draft.startMinute,
                durationMinutes: draft.durationMinutes, location: draft.location, mode: draft.mode, modeReason: draft.modeReason)
            records.append((.scheduleMeeting(draft), [.meetingScheduled(scheduled)]))
        }
        for index in 0..<3 {
            var draft = FocalPointDraft(
                entity: index == 2 ? "UNRC" : "UN Women", name: ["Гулнора \"Gulya\" Тошматова 🌸", "Oʻgʻiloy Karimova", "Ann Lee"][index],
                position: "Officer", level: FocalPoint.Level.allCases[index], email: "fp\(index)@unwomen.org", isOnMailingList: index != 1,
                exceptionReason: index == 1 ? "Personal address \\ verified" : nil,
                exceptionUntil: index == 1 ? LocalDate(year: 2026, month: 6, day: 30)! : nil, isRCOFocalPoint: index == 2,
                familyName: index == 0 ? "Тошматова" : nil)
            if index == 1 { draft.isRCOFocalPoint = false }
            let id = FocalPointID("FP-000\(index)")
            var point = FocalPoint(
                id: id, entity: draft.entity, name: draft.name, position: draft.position, level: draft.level, email: draft.email,
                isOnMailingList: draft.isOnMailingList,
                emailException: index == 1
                    ? FocalPoint.EmailException(reason: "Personal", verifiedBy: "Dilnoza", until: draft.exceptionUntil) : nil)
            point.isRCOFocalPoint = draft.isRCOFocalPoint
            point.familyName = draft.familyName
            var events: [Event] = [.focalPointAdded(point)]
            if draft.isOnMailingList {
                events.append(
                    .mailingListChanged(
                        MailingListChange(
                            focalPointID: id, name: draft.name, email: draft.email, added: true,
                            at: Instant(secondsSinceEpoch: 1_790_000_000))))
            }
            records.append((.addFocalPoint(draft), events))
        }
        let roster = [
            MemberEntity(code: "IOM", fullName: "International Organization for Migration", role: .chair, functions: "chair"),
            MemberEntity(
                code: "UNDRR", fullName: "UN Office «ДРР» \\ 🌸", role: .member, status: .withdrawn, functions: "",
                memberSince: LocalDate(year: 2025, month: 2, day: 1)!, admittedBy: "UNMN/2025/001",
                withdrawnOn: LocalDate(year: 2026, month: 1, day: 31)!),
            MemberEntity(code: "UN Women", fullName: "UN Women", role: .coChair, status: .applicant),
        ]
        records.append((.found(entities: roster, sandbox: true), [.networkFounded(entities: roster), .sandboxDeclared]))
        records.append((.found(entities: [], sandbox: false), [.networkFounded(entities: [])]))
        let sources: [KeyAction.FundingSource] = [.unfunded, .coreFunds, .migrationMPTF, .donor("EU «ЕИ» \\ 🌸")]
        for (index, source) in sources.enumerated() {
            var draft = KeyActionDraft(
                code: "2026-0\(index)", title: "Reintegration «ў» \(index)", description: index == 1 ? "Line\nbreak" : "", lead: "IOM",
                participants: index == 0 ? [] : ["UNICEF", "UN Women"], starts: LocalDate(year: 2026, month: 1, day: 15)!,
                ends: LocalDate(year: 2026, month: 12, day: 15)!, budgetRequired: Decimal(string: index == 2 ? "1234.56" : "100000")!,
                budgetFunded: Decimal(index * 2500), fundingSource: source, gcmObjectives: Set(0..<index).union([7]),
                sdgTargets: index == 3 ? [] : ["10.7", "8.8"], cooperationFrameworkOutcome: index % 2 == 0 ? nil : "Outcome \(index)",
                acceptsOverfunding: index == 2)
            let command = Command.addKeyAction(year: 2026, draft, revision: index == 3 ? "Added after review" : nil)
            draft.acceptsOverfunding = false
            records.append((command, [.keyActionAdded(year: 2026, KeyAction(added: draft))]))
        }
        return records
    }

    /// Whether the typed reader is meant to read a record: its command and every event are of
    /// the shapes it knows.
    static func hasTypedShape(_ batch: EventBatch) -> Bool {
        let typedCommand: Bool
        switch batch.command {
        case .recordPosition?, .recordProgress?, .adoptItem?, .rejectItem?, .withdrawItem?, .recordAttendance?, .addAgendaItem?,
            .writeMinutes?, .finaliseMinutes?, .shareMinutesWithRCO?, .addActionPoint?, .draftWorkPlan?, .addKeyAction?, .scheduleMeeting?,
            .addFocalPoint?, .found?:
            typedCommand = true
        case .openItem(let draft)?: typedCommand = draft.kind.category != .workPlanEndorsement
        default: typedCommand = false
        }
        return typedCommand
            && batch.events.allSatisfy {
                switch $0 {
                case .positionRecorded, .progressRecorded, .itemClosed, .attendanceRecorded, .agendaItemAdded, .minutesWritten,
                    .minutesFinalised, .minutesShared, .workPlanDrafted:
                    return true
                case .actionPointAdded(let point): return point.status == .open && point.notes.isEmpty
                case .keyActionAdded(_, let action): return action.status == .notStarted && action.progress == 0 && action.history.isEmpty
                case .mailingListChanged, .networkFounded, .sandboxDeclared: return true
                case .focalPointAdded(let point): return point.retiredOn == nil
                case .meetingScheduled(let meeting):
                    return meeting.attendance.isEmpty && meeting.agenda.isEmpty && meeting.decisions.isEmpty && meeting.status == .draft
                        && meeting.amendments.isEmpty && meeting.cancellation == nil && meeting.postponements == nil
                        && meeting.guests == nil
                        && meeting.sequence == nil && meeting.lastModified == nil
                case .itemOpened(let item):
                    return item.kind.category != .workPlanEndorsement && item.status == .open && item.positions.isEmpty
                        && item.history.isEmpty
                        && item.closure == nil && item.deferrals.isEmpty && item.consultedActions == nil && item.reopenings == nil
                default: return false
                }
            }
    }

    @Test("every sample record reads the same; positions, progress, items opened and closed and attendance take the typed way")
    func sampleRecordsAgree() throws {
        var typed = 0
        for body in try Self.bodies() {
            guard let common = Self.common(body) else { continue }
            typed += 1
            #expect(common == Self.general(body), "\(String(decoding: body, as: UTF8.self))")
            #expect(Self.hasTypedShape(common.batch), "read a record of another kind: \(String(decoding: body, as: UTF8.self))")
        }
        let expected = try Self.bodies().filter { body in Self.general(body).map { Self.hasTypedShape($0.batch) } ?? false }
        for body in expected where Self.common(body) == nil {
            Issue.record("left to the general way: \(String(decoding: body, as: UTF8.self))")
        }
        let items = expected.filter { body in
            switch Self.general(body)?.batch.command {
            case .openItem?, .adoptItem?, .rejectItem?, .withdrawItem?, .recordAttendance?: return true
            default: return false
            }
        }
        #expect(typed == expected.count && typed > 20 && items.count > 12)
    }

    @Test("a record whose members are written in another order (reversed at every level) reads the same, the typed way")
    func membersInAnyOrder() throws {
        var compared = 0
        for body in try Self.bodies() {
            guard let common = Self.common(body) else { continue }
            let reversed = Array(Self.reversingMembers(try JSONSerialization.jsonObject(with: Data(body), options: .fragmentsAllowed)).utf8)
            #expect(Self.common(reversed) == common, "\(String(decoding: reversed, as: UTF8.self))")
            compared += 1
        }
        #expect(compared > 20)
    }

    /// JSON text of a parsed value with every object's members in reverse order of their names.
    static func reversingMembers(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            let members = object.keys.sorted(by: >).map { key in "\(quoted(key)):\(reversingMembers(object[key]!))" }
            return "{" + members.joined(separator: ",") + "}"
        case let array as [Any]: return "[" + array.map(reversingMembers).joined(separator: ",") + "]"
        case let string as String: return quoted(string)
        case is NSNull: return "null"
        case let number as NSNumber:
            // Foundation reads true and false as numbers of a Boolean type.
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        default: return "null"
        }
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    @Test(
        "one reader over many records, in any order, gives each its own operator and names: what it keeps is used only for the same bytes")
    func readerKeepsOnlyTheSame() throws {
        var bodies = try Self.bodies()
        // Operators and names one byte apart, of the same length: a kept value must not answer for them.
        let sample = try #require(bodies.first { String(decoding: $0, as: UTF8.self).contains("\"positionRecorded\"") })
        let text = String(decoding: sample, as: UTF8.self)
        for (old, new) in [("Oʻgʻiloy", "Oʻgʻilay"), ("\"member\"", "\"viewer\""), ("UN Women\",\"name", "UN Wumen\",\"name")]
        where text.contains(old) {
            bodies.append(Array(text.replacingOccurrences(of: old, with: new).utf8))
        }
        var random = SeededGenerator(state: 41)
        let reader = JournalJSONDecoder()
        var compared = 0
        for _ in 0..<2_000 {
            let body = bodies.randomElement(using: &random)!
            let fresh = try? body.withUnsafeBytes { try JournalJSONDecoder().decodeRecord(from: $0, sequence: 1) }
            let kept = try? body.withUnsafeBytes { try reader.decodeRecord(from: $0, sequence: 1) }
            #expect(kept == fresh, "\(String(decoding: body, as: UTF8.self))")
            let foundation = try? JSONDecoder().decode(JournalRecord.Body.self, from: Data(body))
            #expect(kept == foundation.map { JournalRecord(sequence: 1, osUser: $0.osUser, batch: $0.batch) })
            compared += 1
        }
        #expect(compared == 2_000 && bodies.count > 25)
    }

    @Test("a damaged or unusual body is read as the general reader reads it, or left to it", arguments: [7, 18, 2026] as [UInt64])
    func damagedBodiesAgreeOrStepAside(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let eligible = try Self.bodies().filter { Self.common($0) != nil }
        let pool = Array("\"{}[],:a1n \\_-.eu0".utf8)
        var readTyped = 0
        for _ in 0..<3_000 {
            var body = eligible.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                body[Int.random(in: 0..<body.count, using: &random)] = pool.randomElement(using: &random)!
            }
            guard let common = Self.common(body) else { continue }
            readTyped += 1
            #expect(common == Self.general(body), "\(String(decoding: body, as: UTF8.self))")
        }
        #expect(readTyped > 100)
    }

    /// Each variant differs from the body, and the typed reader leaves it to the general one.
    static func expectStepsAside(body: String, _ variants: [String]) {
        for variant in variants {
            #expect(variant != body)
            #expect(Self.common(Array(variant.utf8)) == nil, "\(variant)")
        }
    }

    @Test("members added, removed, nulled or renamed send the record the general way")
    func unexpectedMembersStepAside() throws {
        let body = try #require(
            try Self.bodies().map { String(decoding: $0, as: UTF8.self) }.first {
                $0.contains("\"positionRecorded\"") && Self.common(Array($0.utf8)) != nil
            })
        Self.expectStepsAside(
            body: body,
            [
                body.replacingOccurrences(of: "\"osUser\"", with: "\"extra\":1,\"osUser\""),
                body.replacingOccurrences(of: "\"isUndo\":false,", with: ""),
                body.replacingOccurrences(of: "\"summary\":", with: "\"summary\":null,\"x\":"),
                body.replacingOccurrences(of: "\"source\":\"", with: "\"sourc\\u0065\":\""),
                body.replacingOccurrences(of: "{\"agree\":{}}", with: "{\"agree\":{},\"object\":{}}"),
            ])
    }

    @Test("an action point added with notes or closed, or minutes with a member too many or of another kind, go the general way")
    func unusualMeetingRecordsStepAside() throws {
        let bodies = try Self.bodies().map { String(decoding: $0, as: UTF8.self) }
        let point = try #require(bodies.first { $0.contains("\"actionPointAdded\"") && $0.contains("\"implements\"") })
        let minutes = try #require(bodies.first { $0.contains("\"minutesWritten\"") && $0.contains("\"basedOn\"") })
        let shared = try #require(bodies.first { $0.contains("\"minutesShared\"") })
        for body in [point, minutes, shared] { #expect(Self.common(Array(body.utf8)) != nil, "\(body)") }
        Self.expectStepsAside(
            body: point,
            [
                point.replacingOccurrences(of: "\"notes\":[]", with: "\"notes\":[{}]"),
                point.replacingOccurrences(of: "\"status\":\"open\"", with: "\"status\":\"done\""),
                point.replacingOccurrences(of: "\"responsible\":[\"", with: "\"responsible\":[1,\""),
                point.replacingOccurrences(of: "\"implements\":\"", with: "\"implements\":null,\"x\":\""),
            ])
        Self.expectStepsAside(
            body: minutes,
            [
                minutes.replacingOccurrences(of: "\"item\":1", with: "\"item\":1.5"),
                minutes.replacingOccurrences(of: "\"basedOn\":4", with: "\"basedOn\":\"4\""),
                minutes.replacingOccurrences(of: "\"text\":", with: "\"title\":\"x\",\"text\":"),
            ])
        Self.expectStepsAside(
            body: shared,
            [
                shared.replacingOccurrences(of: "\"on\":{\"day\":", with: "\"on\":{\"x\":0,\"day\":"),
                shared.replacingOccurrences(of: "\"minutesShared\"", with: "\"minutesAmended\""),
            ])
    }

    @Test("a key action added with progress, history or a draft's member, or funded from an unknown source, goes the general way")
    func unusualKeyActionsStepAside() throws {
        let body = try #require(
            try Self.bodies().map { String(decoding: $0, as: UTF8.self) }.first {
                $0.contains("\"keyActionAdded\"") && $0.contains("\"coreFunds\"") && Self.common(Array($0.utf8)) != nil
            })
        Self.expectStepsAside(
            body: body,
            [
                body.replacingOccurrences(of: "\"status\":\"not started\"", with: "\"status\":\"on track\""),
                body.replacingOccurrences(of: "\"progress\":0", with: "\"progress\":5"),
                body.replacingOccurrences(of: "\"history\":[]", with: "\"history\":[{}]"),
                body.replacingOccurrences(of: "\"history\":[]", with: "\"acceptsOverfunding\":false,\"history\":[]"),
                body.replacingOccurrences(of: "{\"coreFunds\":{}}", with: "{\"grant\":{}}"),
                body.replacingOccurrences(of: "{\"coreFunds\":{}}", with: "{\"donor\":{}}"),
                body.replacingOccurrences(of: "\"gcmObjectives\":[", with: "\"gcmObjectives\":[\"1\","),
            ])
    }

    @Test("a meeting scheduled with something already recorded on it, or of a kind not known, goes the general way")
    func unusualMeetingsStepAside() throws {
        let body = try #require(
            try Self.bodies().map { String(decoding: $0, as: UTF8.self) }.first {
                $0.contains("\"meetingScheduled\"") && $0.contains("{\"regular\":{}}") && Self.common(Array($0.utf8)) != nil
            })
        Self.expectStepsAside(
            body: body,
            [
                body.replacingOccurrences(of: "\"agenda\":[]", with: "\"agenda\":[{\"minutes\":\"\",\"title\":\"x\"}]"),
                body.replacingOccurrences(of: "{\"draft\":{}}", with: "{\"finalised\":{\"on\":{\"day\":1,\"month\":1,\"year\":2026}}}"),
                body.replacingOccurrences(of: "\"status\":{\"draft\":{}}", with: "\"sequence\":1,\"status\":{\"draft\":{}}"),
                body.replacingOccurrences(of: "{\"regular\":{}}", with: "{\"weekly\":{}}"),
                body.replacingOccurrences(of: "{\"regular\":{}}", with: "{\"regular\":{\"by\":[]}}"),
            ])
    }

    @Test("a focal point added already retired, with a member too many, or of a level not known, goes the general way")
    func unusualFocalPointsStepAside() throws {
        let body = try #require(
            try Self.bodies().map { String(decoding: $0, as: UTF8.self) }.first {
                $0.contains("\"focalPointAdded\"") && $0.contains("\"emailException\"") && Self.common(Array($0.utf8)) != nil
            })
        Self.expectStepsAside(
            body: body,
            [
                body.replacingOccurrences(
                    of: "\"isOnMailingList\":", with: "\"retiredOn\":{\"day\":1,\"month\":1,\"year\":2026},\"isOnMailingList\":"),
                body.replacingOccurrences(of: "\"isOnMailingList\":", with: "\"phone\":\"+998\",\"isOnMailingList\":"),
                body.replacingOccurrences(of: "\"level\":\"", with: "\"level\":\"x"),
                body.replacingOccurrences(of: "\"verifiedBy\":", with: "\"until\":null,\"verifiedBy\":"),
            ])
    }

    @Test("a founding with an entity of an unknown role, a member too many, or a sandbox declared with details, goes the general way")
    func unusualFoundingsStepAside() throws {
        let body = try #require(
            try Self.bodies().map { String(decoding: $0, as: UTF8.self) }.first {
                $0.contains("\"sandboxDeclared\"") && Self.common(Array($0.utf8)) != nil
            })
        Self.expectStepsAside(
            body: body,
            [
                body.replacingOccurrences(of: "\"role\":\"chair\"", with: "\"role\":\"president\""),
                body.replacingOccurrences(of: "\"functions\":\"chair\"", with: "\"functions\":\"chair\",\"seat\":1"),
                body.replacingOccurrences(of: "{\"sandboxDeclared\":{}}", with: "{\"sandboxDeclared\":{\"by\":\"x\"}}"),
                body.replacingOccurrences(of: "\"sandbox\":true", with: "\"sandbox\":1"),
            ])
    }

    @Test("an item opened with something already on it, or of a shape not known, goes the general way")
    func unusualItemsStepAside() throws {
        let body = try #require(
            try Self.bodies().map { String(decoding: $0, as: UTF8.self) }.first { body in
                guard case .openItem? = Self.common(Array(body.utf8))?.batch.command else { return false }
                return body.contains("{\"general\":{}}") && body.contains("{\"writtenConsultation\":{}}")
            })
        Self.expectStepsAside(
            body: body,
            [
                body.replacingOccurrences(of: "\"history\":[]", with: "\"history\":[{}]"),
                body.replacingOccurrences(of: "\"deferrals\":[]", with: "\"deferrals\":{}"),
                body.replacingOccurrences(of: "{\"open\":{}}", with: "{\"deferred\":{},\"open\":{}}"),
                body.replacingOccurrences(of: "{\"general\":{}}", with: "{\"general\":{\"year\":1}}"),
                body.replacingOccurrences(of: "\"openedOn\":", with: "\"reopenings\":[],\"openedOn\":"),
                body.replacingOccurrences(of: "{\"writtenConsultation\":{}}", with: "{\"writtenConsultation\":{}"),
            ])
    }
}
