/// Commands in words: what was attempted (for refusals) and what was done (for the journal and
/// for "who changed what" in the other console).
extension NetworkState {
    static func describe(_ command: Command) -> String {
        switch command {
        case .addFocalPoint(let draft): return "add \(draft.name.trimmed.isEmpty ? "a focal point" : draft.name.trimmed) to \(draft.entity)"
        case .editFocalPoint(let id, _): return "edit focal point \(id)"
        case .retireFocalPoint(let id, _): return "retire focal point \(id)"
        case .setMailingList(let id, let on): return on ? "add \(id) to the mailing list" : "remove \(id) from the mailing list"
        case .markMailingListRequestSent: return "mark the mailing-list request sent"
        case .proposeAdmission(let code, _, _, _, _): return "propose \(code)'s admission"
        case .recordWithdrawal(let code, _, _): return "record \(code)'s withdrawal"
        case .scheduleMeeting(let draft): return "schedule a meeting on \(draft.date)"
        case .rescheduleMeeting(let reference, _): return "reschedule \(reference)"
        case .cancelMeeting(let reference, _): return "cancel \(reference)"
        case .postponeMeeting(let reference, let date, _): return "postpone \(reference) to \(date)"
        case .recordAttendance(let reference, let code, _, _): return "record \(code)'s attendance at \(reference)"
        case .addAgendaItem(let reference, _): return "add an agenda item to \(reference)"
        case .addGuest(let reference, let guest):
            return "add \(guest.name.trimmed.isEmpty ? "a guest" : guest.name.trimmed) to \(reference)"
        case .removeGuest(let reference, let guest): return "remove \(guest.name) from the guests of \(reference)"
        case .writeMinutes(let reference, let item, _, _): return "write the minutes of item \(item + 1) of \(reference)"
        case .recordMeetingDecision(let reference, _): return "record a decision of \(reference)"
        case .finaliseMinutes(let reference): return "finalise the minutes of \(reference)"
        case .amendMinutes(let reference, _): return "amend the minutes of \(reference)"
        case .shareMinutesWithRCO(let reference, _): return "mark the minutes of \(reference) shared with the RCO"
        case .addActionPoint(let reference, _, _, _, _): return "add an action point to \(reference)"
        case .updateActionPoint(let id, let status, _, _): return "mark \(id) \(status.rawValue)"
        case .draftWorkPlan(let year): return "draft the \(year) work plan"
        case .addKeyAction(let year, let draft, _): return "add \(draft.code) to the \(year) work plan"
        case .editKeyAction(let year, let code, _, _): return "edit \(code) of the \(year) work plan"
        case .recordProgress(_, let code, _, _, _, _): return "record progress on \(code)"
        case .endorseWorkPlan(let year, _, _): return "endorse the \(year) work plan"
        case .closeWorkPlan(let year, _): return "close the \(year) work plan"
        case .openItem(let draft): return "open \"\(draft.title.trimmed)\""
        case .recordPosition(let reference, let code, _, _, _): return "record \(code)'s position on \(reference)"
        case .adoptItem(let reference, _): return "adopt \(reference)"
        case .rejectItem(let reference, _): return "close \(reference) as not adopted"
        case .deferItem(let reference, _, _): return "defer \(reference)"
        case .withdrawItem(let reference, _): return "withdraw \(reference)"
        case .recordReportSent(let period, _): return "record the \(period) report sent to the UNCT"
        case .reopenConsultation(let reference, _): return "re-open the consultation on \(reference)"
        case .undo: return "undo"
        case .found: return "found the network"
        case .grantAccess(let grant): return "grant \(grant.login) access as \(grant.entity) \(grant.role.rawValue)"
        case .revokeAccess(let login): return "revoke \(login)'s access"
        }
    }

    /// The past-tense summary of a decided command: "Recorded ILO's position on UNMN/2026/004".
    static func summary(of command: Command, events: [Event]) -> String {
        switch (command, events.first) {
        case (.scheduleMeeting, .meetingScheduled(let meeting)?): return "Scheduled \(meeting.reference) on \(meeting.date)"
        case (.openItem, .itemOpened(let item)?): return "Opened \(item.reference) \"\(item.title)\""
        case (.proposeAdmission, _):
            if case .itemOpened(let item)? = events.last { return "Opened \(item.reference) \"\(item.title)\"" }
        case (.addActionPoint, .actionPointAdded(let point)?): return "Added action point \(point.id)"
        case (.addFocalPoint, .focalPointAdded(let point)?): return "Added \(point.name) (\(point.entity)) as \(point.id)"
        case (.recordPosition, _), (.recordProgress, _): return EventBatch.plainSummary(of: command) ?? ""
        case (.adoptItem(let reference, _), .itemClosed(_, .adopted(let number), _)?): return "Adopted \(reference) as decision \(number)"
        case (.recordAttendance(let reference, let code, let attendance, _), _):
            let what: String
            switch attendance {
            case .present?: what = "present"
            case .apologies?: what = "apologies"
            case .absent?: what = "absent"
            case nil: what = "cleared"
            }
            return "Recorded \(code)'s attendance at \(reference): \(what)"
        case (.finaliseMinutes(let reference), _): return "Finalised the minutes of \(reference)"
        case (.writeMinutes(let reference, let item, _, _), _): return "Wrote the minutes of item \(item + 1) of \(reference)"
        case (.amendMinutes(let reference, _), _): return "Amended the minutes of \(reference)"
        case (.recordMeetingDecision(let reference, _), _): return "Recorded a decision of \(reference)"
        case (.editFocalPoint(let id, let edit), _): return "Edited \(edit.values.name) (\(id))"
        case (.shareMinutesWithRCO(let reference, let on), _): return "Marked the minutes of \(reference) shared with the RCO on \(on)"
        case (.addAgendaItem(let reference, let title), _): return "Added \"\(title)\" to the agenda of \(reference)"
        case (.addGuest(let reference, _), .guestAdded(_, let guest)?): return "Added \(guest.description) as a guest of \(reference)"
        case (.removeGuest(let reference, let guest), _): return "Removed \(guest.name) from the guests of \(reference)"
        case (.addKeyAction(let year, let draft, let revision), _):
            return "Added \(draft.code) to the \(year) work plan" + (revision.map { " (a revision: \($0.trimmed))" } ?? "")
        case (.reopenConsultation(let reference, let deadline), _):
            return "Re-opened the consultation on \(reference) on the plan as it is now, until \(deadline)"
        case (.draftWorkPlan(let year), _): return "Drafted the \(year) work plan"
        case (.recordReportSent(let period, let on), _): return "Recorded the \(period) progress report sent to the UNCT on \(on)"
        case (.withdrawItem(let reference, _), _): return "Withdrew \(reference)"
        case (.rejectItem(let reference, _), _): return "Closed \(reference) as not adopted"
        case (.deferItem(let reference, let deadline, _), _): return "Deferred \(reference) to \(deadline)"
        case (.found(_, let sandbox), _): return "Founded the network with the Annex I membership" + (sandbox ? " (a sandbox)" : "")
        case (.grantAccess(let grant), _): return "Granted \(grant.login) access as \(grant.name), \(grant.entity) \(grant.role.rawValue)"
        case (.revokeAccess(let login), _): return "Revoked \(login)'s access"
        case (.retireFocalPoint(let id, let on), _): return "Recorded that focal point \(id) stepped down on \(on)"
        case (.setMailingList(let id, let on), _): return on ? "Added \(id) to the mailing list" : "Removed \(id) from the mailing list"
        case (.markMailingListRequestSent, _): return "Marked the mailing-list change request sent to the IT unit"
        case (.recordWithdrawal(let code, let on, _), _): return "Recorded \(code)'s withdrawal from the network on \(on)"
        case (.postponeMeeting(let reference, let date, let reason), _): return "Postponed \(reference) to \(date): \(reason.trimmed)"
        case (.cancelMeeting(let reference, let reason), _): return "Cancelled \(reference): \(reason.trimmed)"
        case (.rescheduleMeeting(let reference, let edit), _): return "Changed \(reference) (now on \(edit.values.date))"
        case (.updateActionPoint(let id, let status, _, _), _):
            switch status {
            case .open: return "Reopened action point \(id)"
            case .done: return "Marked action point \(id) done"
            case .dropped: return "Dropped action point \(id)"
            }
        case (.editKeyAction(let year, let code, _, let revision), _):
            return "Edited \(code) of the \(year) work plan" + (revision.map { " (a revision: \($0.trimmed))" } ?? "")
        case (.endorseWorkPlan(let year, let on, let reference), _): return "Endorsed the \(year) work plan on \(on) (\(reference))"
        case (.closeWorkPlan(let year, let on), _): return "Closed the \(year) work plan on \(on)"
        default: break
        }
        let attempted = describe(command)
        return attempted.prefix(1).uppercased() + attempted.dropFirst()
    }
}
