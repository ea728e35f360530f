import UNMNDomain

/// Which record a form edits and the version it was opened on: what conflicts are found
/// against, what a refreshed screen warns about, and what "keep yours" saves over.
extension FormPurpose {
    /// The record the form edits and its version when the form opened, if it edits one.
    var editedRecord: (record: RecordKey, basedOn: Int)? {
        switch self {
        case .chooseOperator, .overview, .asOf: return nil
        case .members(let form): return form.editedRecord
        case .meetings(let form): return form.editedRecord
        case .workplan(let form): return form.editedRecord
        case .decisions(let form): return form.editedRecord
        }
    }

    /// The same form, now based on the record as it stands: saving it again keeps the
    /// operator's values over the change they have now seen.
    func rebased(on network: NetworkState) -> FormPurpose {
        switch self {
        case .chooseOperator, .overview, .asOf: return self
        case .members(let form): return .members(form.rebased(on: network))
        case .meetings(let form): return .meetings(form.rebased(on: network))
        case .workplan(let form): return .workplan(form.rebased(on: network))
        case .decisions(let form): return .decisions(form.rebased(on: network))
        }
    }

    /// The form field that edits a record field named in a conflict.
    func formField(forConflict field: String) -> String? {
        switch self {
        case .chooseOperator, .overview, .asOf: return nil
        case .members(let form): return form.formField(forConflict: field)
        case .meetings(let form): return form.formField(forConflict: field)
        case .workplan(let form): return form.formField(forConflict: field)
        case .decisions(let form): return form.formField(forConflict: field)
        }
    }
}

extension EditorPurpose {
    var editedRecord: (record: RecordKey, basedOn: Int)? {
        switch self {
        case .minutes(let meeting, _, let basedOn): return basedOn.map { (.meeting(meeting), $0) }
        case .amendment: return nil
        }
    }

    func rebased(on network: NetworkState) -> EditorPurpose {
        switch self {
        case .minutes(let meeting, let item, _):
            return .minutes(meeting: meeting, item: item, basedOn: network.version(of: .meeting(meeting)))
        case .amendment: return self
        }
    }
}
