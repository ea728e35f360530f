import Foundation
import TestSupport
import Testing

@testable import UNMNDomain

/// The written-out field lists that say which fields of a record an event changed (issue 18:
/// they replace reflection, which cost a fifth of every replayed record).
@Suite("Record fields")
struct RecordFieldsTests {
    /// What the lists replace: the stored properties by reflection, compared as `AnyHashable`.
    static func reflected<Record>(from old: Record?, to new: Record) -> [String] {
        let newFields = Mirror(reflecting: new).children
        guard let old else { return newFields.compactMap(\.label) }
        let oldValues = Dictionary(
            uniqueKeysWithValues: Mirror(reflecting: old).children.compactMap { child in child.label.map { ($0, child.value) } })
        return newFields.compactMap { child in
            guard let label = child.label, let before = oldValues[label] as? AnyHashable, let after = child.value as? AnyHashable else {
                return child.label
            }
            return before == after ? nil : label
        }
    }

    /// The records of one kind in a state, by identity, for comparing a state with the next.
    struct Kind<Record: FieldListed & Equatable> {
        let records: (NetworkState) -> [String: Record]

        /// Checks every record that changed from one state to the next: the list names what
        /// reflection names. Returns how many changed records were compared.
        func compare(_ before: NetworkState, _ after: NetworkState) -> Int {
            let old = records(before)
            var compared = 0
            for (id, new) in records(after) where old[id] != new {
                let changed = RecordFields.changedNames(from: old[id], to: new)
                #expect(changed == RecordFieldsTests.reflected(from: old[id], to: new), "\(id)")
                // The numbers the change log keeps are those names' numbers.
                let numbers = RecordFields.changed(from: old[id], to: new)
                #expect(numbers == changed.map { FieldNames.shared.number(HashedString($0)) }, "\(id)")
                compared += 1
            }
            return compared
        }
    }

    static func keyed<Record>(_ records: [Record], by id: (Record) -> String) -> [String: Record] {
        Dictionary(records.map { (id($0), $0) }) { first, _ in first }
    }

    @Test("every list names the type's stored properties, in order")
    func listsAreComplete() throws {
        let state = try StateCodingTests.sampleState()
        let meeting = try #require(state.meetings.first)
        let action = try #require(state.workPlans.values.first?.actions.first)
        func check<Record: FieldListed>(_ value: Record) {
            let stored = Mirror(reflecting: value).children.compactMap(\.label)
            #expect(
                Record.recordFields.map(\.name.text) == stored,
                "\(Record.self)'s field list differs from its stored properties: add the new one to RecordChanges.swift")
        }
        check(try #require(state.entities.first))
        check(try #require(state.focalPoints.first))
        check(meeting)
        check(MeetingDraft(meeting))
        check(try #require(state.actionPoints.first))
        check(action)
        check(KeyActionDraft(action))
        check(try #require(state.items.first))
    }

    @Test("each change of the sample network's records names the fields reflection names")
    func sampleChangesMatchReflection() throws {
        var state = NetworkState(emailPolicy: Fixture.policy)
        var compared = 0
        for batch in try SampleNetwork.batches(entities: Fixture.entities, emailPolicy: Fixture.policy) {
            let before = state
            state.apply(batch)
            compared += Kind { Self.keyed($0.entities) { $0.code.rawValue } }.compare(before, state)
            compared += Kind { Self.keyed($0.focalPoints) { $0.id.rawValue } }.compare(before, state)
            compared += Kind { Self.keyed($0.meetings) { $0.reference.rawValue } }.compare(before, state)
            compared += Kind { Self.keyed($0.meetings.map(MeetingDraft.init)) { "\($0.date)\($0.kind)" } }.compare(before, state)
            compared += Kind { Self.keyed($0.actionPoints) { $0.id.rawValue } }.compare(before, state)
            compared += Kind { Self.keyed($0.items) { $0.reference.rawValue } }.compare(before, state)
            let actions = { (state: NetworkState) in state.workPlans.values.flatMap { plan in plan.actions.map { (plan.year, $0) } } }
            compared += Kind { Self.keyed(actions($0).map(\.1)) { $0.code } }.compare(before, state)
            compared += Kind { Self.keyed(actions($0).map { KeyActionDraft($0.1) }) { $0.code } }.compare(before, state)
        }
        #expect(compared > 300)
    }

    @Test("a record compared with itself changed nothing; a new record changed every field")
    func identityAndNew() throws {
        let state = try StateCodingTests.sampleState()
        let point = try #require(state.focalPoints.first)
        #expect(RecordFields.changed(from: point, to: point).isEmpty)
        #expect(RecordFields.changedNames(from: nil, to: point) == FocalPoint.recordFields.map(\.name.text))
        #expect(RecordFields.changed(from: nil, to: point) == FocalPoint.recordFields.map(\.number))
        var moved = point
        moved.email = "other@iom.int"
        moved.retiredOn = Fixture.today
        #expect(RecordFields.changedNames(from: point, to: moved) == ["email", "retiredOn"])
    }
}
