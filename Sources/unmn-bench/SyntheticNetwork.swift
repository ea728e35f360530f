import Foundation
import UNMNDomain

/// A synthetic network of many years, built through the domain's commands (so it obeys every
/// rule): focal points, quarterly meetings with attendance and minutes, consensus items with
/// every member's position, and work plans with progress updates.
struct SyntheticNetwork {
    var state: NetworkState
    var batches: [EventBatch] = []
    var eventCount = 0
    let secretariat = Operator(name: "Bench Secretariat", entity: "IOM", role: .secretariat)
    let chair = Operator(name: "Bench Chair", entity: "IOM", role: .chair)

    init(entities: [MemberEntity], policy: EmailPolicy) {
        let founding = NetworkState.founding(
            entities: entities, emailPolicy: policy, by: secretariat,
            at: Instant(tashkent: LocalDate(year: 2016, month: 1, day: 4)!, hour: 9))
        state = founding.state
        batches = [founding.batch]
        eventCount = 1
    }

    mutating func run(_ command: Command, as op: Operator, on day: LocalDate, hour: Int = 10) {
        do {
            let batch = try state.decide(command, context: CommandContext(operator: op, now: Instant(tashkent: day, hour: hour)))
            state.apply(batch)
            batches.append(batch)
            eventCount += batch.events.count
        } catch {
            fatalError("synthetic command refused: \(error)")
        }
    }

    /// Adds years of activity until about `events` events exist.
    /// Ten years hold about 50,000 events; a larger target packs more consensus items into each
    /// year, so that even a million events stay within twenty years.
    mutating func grow(toEvents target: Int, progressPerAction: Int = 40) {
        let itemsPerYear = max(150, target / 20 / 18)
        let members = addFocalPoints()
        var year = 2016
        while eventCount < target {
            oneYear(year, members: members, itemsPerYear: itemsPerYear, progressPerAction: progressPerAction, target: target)
            year += 1
        }
    }

    /// A network as a real one grows: ten years at the sample network's rate (a dozen key actions a
    /// year with a few progress updates each, four meetings, a handful of consensus items), about
    /// 2,000 records — what a secretariat's console opens after a decade.
    mutating func growTenYears() {
        let members = addFocalPoints()
        for year in 2016..<2026 {
            oneYear(year, members: members, itemsPerYear: 4, progressPerAction: 3, target: .max, actionsPerYear: 12)
        }
    }

    private mutating func addFocalPoints() -> [MemberEntity] {
        let members = state.members
        for (index, member) in members.enumerated() {
            run(
                .addFocalPoint(
                    FocalPointDraft(
                        entity: member.code, name: "Focal Point \(index)", position: "Officer", level: .projectManager,
                        email: "fp\(index)@un.org")), as: secretariat, on: LocalDate(year: 2016, month: 1, day: 5)!)
        }
        return members
    }

    mutating func oneYear(
        _ year: Int, members: [MemberEntity], itemsPerYear: Int, progressPerAction: Int, target: Int, actionsPerYear: Int = 20
    ) {
        func day(_ month: Int, _ d: Int) -> LocalDate { LocalDate(year: year, month: month, day: d)! }
        run(.draftWorkPlan(year: year), as: secretariat, on: day(1, 10))
        for index in 0..<actionsPerYear {
            let lead = members[index % members.count].code
            run(
                .addKeyAction(
                    year: year,
                    KeyActionDraft(
                        code: "\(year)-\(index)", title: "Key action \(index) of \(year)", lead: lead,
                        starts: day(1, 15), ends: day(12, 15), budgetRequired: 100_000, budgetFunded: 50_000,
                        fundingSource: .coreFunds, gcmObjectives: [index % 23 + 1])), as: secretariat, on: day(1, 12))
        }
        for quarter in 1...4 where eventCount < target {
            let date = day(quarter * 3, 10)
            run(
                .scheduleMeeting(MeetingDraft(kind: .regular, date: date, startMinute: 600, location: "UN House", mode: .inPerson)),
                as: secretariat, on: day(quarter * 3, 1))
            let reference = state.meetings.last!.reference
            for item in 0..<3 {
                run(.addAgendaItem(meeting: reference, title: "Item \(item)"), as: secretariat, on: day(quarter * 3, 2))
                run(
                    .writeMinutes(meeting: reference, item: item, text: "Discussion of item \(item); the network agreed to follow up."),
                    as: secretariat, on: date)
            }
            for member in members {
                run(.recordAttendance(meeting: reference, entity: member.code, .present(focalPoints: [])), as: secretariat, on: date)
            }
            run(
                .addActionPoint(meeting: reference, text: "Follow up", responsible: [members[quarter].code], due: day(quarter * 3, 28)),
                as: secretariat, on: date)
            run(.finaliseMinutes(reference), as: secretariat, on: day(quarter * 3, 12))
            run(.shareMinutesWithRCO(reference, on: day(quarter * 3, 14)), as: secretariat, on: day(quarter * 3, 14))
        }
        for item in 0..<itemsPerYear where eventCount < target {
            let opened = day(item % 12 + 1, 1)
            run(
                .openItem(
                    ConsensusItemDraft(
                        title: "Item \(item) of \(year)", text: "Proposal \(item).", kind: .general, raisedAt: .writtenConsultation,
                        deadline: opened.adding(days: 20))), as: secretariat, on: opened)
            let reference = state.items.last!.reference
            for member in members {
                run(
                    .recordPosition(item: reference, entity: member.code, .agree, source: .email), as: secretariat,
                    on: opened.adding(days: 5))
            }
            run(.adoptItem(reference, statement: "Adopted."), as: chair, on: opened.adding(days: 10))
        }
        for step in 1...progressPerAction where eventCount < target {
            for index in 0..<actionsPerYear {
                let percent = min(99, step * 100 / progressPerAction)
                run(
                    .recordProgress(year: year, code: "\(year)-\(index)", percent: percent, status: .onTrack, note: "Step \(step)."),
                    as: secretariat, on: day(min(12, step * 12 / progressPerAction + 1), 20))
            }
        }
    }
}
