import UNMNDomain

/// What the secretariat records besides items — the network founded, a meeting scheduled, its
/// agenda, its minutes written, finalised and shared, its action points; a work plan drafted, a
/// key action and a focal point added — read straight from the tape. In a real network's journal
/// these are a third of the records (the ten-year network: 2,267 records, 40 meetings), and
/// through `Codable` each cost as much as a dozen positions; a journal none of whose records goes
/// that way also never pays the runtime's one-time set-up of `Codable`'s generic types (a sixth
/// of replaying the ten-year network).
///
/// As in `commonRecord`, only the shapes `JSONEncoder` writes are read, and only as a record of its
/// kind normally has them (an action point as it is added: open, no notes). Anything else gives
/// nil and the general reader takes the record, and says what is wrong with it.
extension TapeDecoder {
    func secretariatCommand(named name: Int, at details: Int) -> Command? {
        guard let fields = Object(self, details) else { return nil }
        if isName("scheduleMeeting", name) {
            guard fields.count == 1, let draftNode = fields["_0"], let (draft, extra) = meetingFields(at: draftNode), extra == 0 else {
                return nil
            }
            return .scheduleMeeting(draft)
        }
        if isName("addAgendaItem", name) {
            guard fields.count == 2, let meeting = fields.string("meeting"), let title = fields.string("title") else { return nil }
            return .addAgendaItem(meeting: MeetingReference(meeting), title: title)
        }
        if isName("writeMinutes", name) {
            guard let meeting = fields.string("meeting"), let item = fields.integer("item"), let text = fields.string("text"),
                let basedOn = fields.optional("basedOn", { $0.integer($1) }), fields.count == 3 + fields.present("basedOn")
            else { return nil }
            return .writeMinutes(meeting: MeetingReference(meeting), item: item, text: text, basedOn: basedOn)
        }
        if isName("finaliseMinutes", name) {
            guard fields.count == 1, let meeting = fields.string("_0") else { return nil }
            return .finaliseMinutes(MeetingReference(meeting))
        }
        if isName("shareMinutesWithRCO", name) {
            guard fields.count == 2, let meeting = fields.string("_0"), let on = fields.date("on") else { return nil }
            return .shareMinutesWithRCO(MeetingReference(meeting), on: on)
        }
        if isName("addActionPoint", name) {
            guard let meeting = fields.string("meeting"), let text = fields.string("text"), let responsible = fields.strings("responsible"),
                let due = fields.date("due"), let implements = fields.optional("implements", { $0.string($1) }),
                fields.count == 4 + fields.present("implements")
            else { return nil }
            return .addActionPoint(
                meeting: MeetingReference(meeting), text: text, responsible: responsible.map { EntityCode($0) }, due: due,
                implements: implements.map { ItemReference($0) })
        }
        if isName("draftWorkPlan", name) {
            guard fields.count == 1, let year = fields.integer("year") else { return nil }
            return .draftWorkPlan(year: year)
        }
        if isName("found", name) {
            guard fields.count == 2, let entitiesNode = fields["entities"], let entities = memberEntities(at: entitiesNode),
                let sandbox = fields.bool("sandbox")
            else { return nil }
            return .found(entities: entities, sandbox: sandbox)
        }
        if isName("addFocalPoint", name) {
            guard fields.count == 1, let draftNode = fields["_0"], let draft = focalPointDraft(at: draftNode) else { return nil }
            return .addFocalPoint(draft)
        }
        if isName("addKeyAction", name) {
            guard let year = fields.integer("year"), let draftNode = fields["_1"],
                let (draft, overfunding) = keyActionFields(at: draftNode),
                let acceptsOverfunding = overfunding, let revision = fields.optional("revision", { $0.string($1) }),
                fields.count == 2 + fields.present("revision")
            else { return nil }
            var withOverfunding = draft
            withOverfunding.acceptsOverfunding = acceptsOverfunding
            return .addKeyAction(year: year, withOverfunding, revision: revision)
        }
        return nil
    }

    func secretariatEvent(named name: Int, at details: Int) -> Event? {
        guard let fields = Object(self, details) else { return nil }
        if isName("meetingScheduled", name) {
            guard fields.count == 1, let meetingNode = fields["_0"], let meeting = scheduledMeeting(at: meetingNode) else { return nil }
            return .meetingScheduled(meeting)
        }
        if isName("agendaItemAdded", name) {
            guard fields.count == 2, let meeting = fields.string("meeting"), let title = fields.string("title") else { return nil }
            return .agendaItemAdded(meeting: MeetingReference(meeting), title: title)
        }
        if isName("minutesWritten", name) {
            guard fields.count == 3, let meeting = fields.string("meeting"), let item = fields.integer("item"),
                let text = fields.string("text")
            else { return nil }
            return .minutesWritten(meeting: MeetingReference(meeting), item: item, text: text)
        }
        if isName("minutesFinalised", name) || isName("minutesShared", name) {
            guard fields.count == 2, let meeting = fields.string("_0"), let on = fields.date("on") else { return nil }
            return isName("minutesFinalised", name)
                ? .minutesFinalised(MeetingReference(meeting), on: on) : .minutesShared(MeetingReference(meeting), on: on)
        }
        if isName("actionPointAdded", name) {
            guard fields.count == 1, let pointNode = fields["_0"], let point = addedActionPoint(at: pointNode) else { return nil }
            return .actionPointAdded(point)
        }
        if isName("workPlanDrafted", name) {
            guard fields.count == 1, let year = fields.integer("year") else { return nil }
            return .workPlanDrafted(year: year)
        }
        if isName("networkFounded", name) {
            guard fields.count == 1, let entitiesNode = fields["entities"], let entities = memberEntities(at: entitiesNode) else {
                return nil
            }
            return .networkFounded(entities: entities)
        }
        if isName("sandboxDeclared", name) { return fields.count == 0 ? .sandboxDeclared : nil }
        if isName("focalPointAdded", name) {
            guard fields.count == 1, let pointNode = fields["_0"], let point = addedFocalPoint(at: pointNode) else { return nil }
            return .focalPointAdded(point)
        }
        if isName("mailingListChanged", name) {
            guard fields.count == 1, let changeNode = fields["_0"], let change = Object(self, changeNode, exactly: 5),
                let id = change.string("focalPointID"), let name = change.string("name"), let email = change.string("email"),
                let added = change.bool("added"), let at = change.instant("at")
            else { return nil }
            return .mailingListChanged(MailingListChange(focalPointID: FocalPointID(id), name: name, email: email, added: added, at: at))
        }
        if isName("keyActionAdded", name) {
            guard fields.count == 2, let year = fields.integer("year"), let actionNode = fields["_1"],
                let (draft, overfunding) = keyActionFields(at: actionNode),
                overfunding == nil, let action = Object(self, actionNode), action.word("status", of: KeyAction.Status.self) == .notStarted,
                action.integer("progress") == 0, action.isEmptyArray("history")
            else { return nil }
            return .keyActionAdded(year: year, KeyAction(added: draft))
        }
        return nil
    }

    /// A key action's fields as a draft (what a key action and its draft share), and whether it
    /// accepts overfunding when it says (a draft does; an added action does not, and has its
    /// status, progress and history instead: three more members).
    private func keyActionFields(at node: Int) -> (KeyActionDraft, Bool?)? {
        guard let fields = Object(self, node), let code = fields.string("code"), let title = fields.string("title"),
            let description = fields.string("description"), let lead = fields.string("lead"),
            let participants = fields.strings("participants"), let starts = fields.date("starts"), let ends = fields.date("ends"),
            let requiredNode = fields["budgetRequired"], let required = try? decimal(at: requiredNode),
            let fundedNode = fields["budgetFunded"], let funded = try? decimal(at: fundedNode),
            let sourceNode = fields["fundingSource"], let source = fundingSource(at: sourceNode),
            let objectives = fields.integers("gcmObjectives"), let targets = fields.strings("sdgTargets")
        else { return nil }
        guard let outcome = fields.optional("cooperationFrameworkOutcome", { $0.string($1) }),
            let overfunding = fields.optional("acceptsOverfunding", { $0.bool($1) }),
            fields.count == 12 + fields.present("cooperationFrameworkOutcome") + (overfunding == nil ? 3 : 1)
        else { return nil }
        let draft = KeyActionDraft(
            code: code, title: title, description: description, lead: EntityCode(lead), participants: participants.map { EntityCode($0) },
            starts: starts, ends: ends, budgetRequired: required, budgetFunded: funded, fundingSource: source,
            gcmObjectives: Set(objectives), sdgTargets: targets, cooperationFrameworkOutcome: outcome)
        return (draft, overfunding)
    }

    private func fundingSource(at node: Int) -> KeyAction.FundingSource? {
        guard let (name, details) = enumCase(at: node) else { return nil }
        if details.count == 0 {
            if isName("migrationMPTF", name) { return .migrationMPTF }
            if isName("coreFunds", name) { return .coreFunds }
            if isName("unfunded", name) { return .unfunded }
            return nil
        }
        if isName("donor", name), details.count == 1, let donor = details.string("_0") { return .donor(donor) }
        return nil
    }

    /// A meeting's schedule (what a draft and a meeting share), and how many members the object
    /// has besides it.
    private func meetingFields(at node: Int) -> (MeetingDraft, extra: Int)? {
        guard let fields = Object(self, node), let kindNode = fields["kind"], let kind = meetingKind(at: kindNode),
            let date = fields.date("date"), let startMinute = fields.integer("startMinute"),
            let durationMinutes = fields.integer("durationMinutes"), let location = fields.string("location")
        else { return nil }
        guard let mode = fields.optional("mode", { $0.word($1, of: Meeting.Mode.self) }),
            let modeReason = fields.optional("modeReason", { $0.string($1) })
        else { return nil }
        let draft = MeetingDraft(
            kind: kind, date: date, startMinute: startMinute, durationMinutes: durationMinutes, location: location, mode: mode,
            modeReason: modeReason)
        return (draft, fields.count - 5 - fields.present("mode", "modeReason"))
    }

    /// A meeting as it is scheduled: a draft's schedule, its reference, nothing recorded on it.
    private func scheduledMeeting(at node: Int) -> Meeting? {
        guard let (draft, extra) = meetingFields(at: node), extra == 6, let fields = Object(self, node),
            let reference = fields.string("reference"), fields.isEmptyArray("attendance"), fields.isEmptyArray("agenda"),
            fields.isEmptyArray("decisions"), fields.isEmptyArray("amendments"), let statusNode = fields["status"],
            let (status, details) = enumCase(at: statusNode), isName("draft", status), details.count == 0
        else { return nil }
        return Meeting(
            reference: MeetingReference(reference), kind: draft.kind, date: draft.date, startMinute: draft.startMinute,
            durationMinutes: draft.durationMinutes, location: draft.location, mode: draft.mode, modeReason: draft.modeReason)
    }

    private func meetingKind(at node: Int) -> Meeting.Kind? {
        guard let (name, details) = enumCase(at: node) else { return nil }
        if details.count == 0 {
            if isName("regular", name) { return .regular }
            if isName("extraordinary", name) { return .extraordinary }
            return nil
        }
        if isName("requested", name), details.count == 1, let by = details.strings("by") {
            return .requested(by: by.map { EntityCode($0) })
        }
        return nil
    }

    /// The entities a network is founded with (the Annex I roster, or a sandbox's).
    private func memberEntities(at node: Int) -> [MemberEntity]? {
        guard nodes[node].kind == .array else { return nil }
        var entities: [MemberEntity] = []
        entities.reserveCapacity(Int(nodes[node].count))
        var element = node + 1
        for _ in 0..<nodes[node].count {
            guard let fields = Object(self, element), let code = fields.string("code"), let fullName = fields.string("fullName"),
                let role = fields.word("role", of: NetworkRole.self), let status = fields.word("status", of: MemberEntity.Status.self),
                let functions = fields.string("functions")
            else { return nil }
            guard let memberSince = fields.optional("memberSince", { $0.date($1) }),
                let admittedBy = fields.optional("admittedBy", { $0.string($1) }),
                let withdrawnOn = fields.optional("withdrawnOn", { $0.date($1) }),
                fields.count == 5 + fields.present("memberSince", "admittedBy", "withdrawnOn")
            else { return nil }
            let entity = MemberEntity(
                code: EntityCode(code), fullName: fullName, role: role, status: status, functions: functions, memberSince: memberSince,
                admittedBy: admittedBy, withdrawnOn: withdrawnOn)
            entities.append(entity)
            element = Int(nodes[element].next)
        }
        return entities
    }

    private func focalPointDraft(at node: Int) -> FocalPointDraft? {
        guard let fields = Object(self, node), let entity = fields.string("entity"), let name = fields.string("name"),
            let position = fields.string("position"), let level = fields.word("level", of: FocalPoint.Level.self),
            let email = fields.string("email"), let isOnMailingList = fields.bool("isOnMailingList")
        else { return nil }
        guard let exceptionReason = fields.optional("exceptionReason", { $0.string($1) }),
            let exceptionUntil = fields.optional("exceptionUntil", { $0.date($1) }),
            let isRCOFocalPoint = fields.optional("isRCOFocalPoint", { $0.bool($1) }),
            let familyName = fields.optional("familyName", { $0.string($1) }),
            fields.count == 6 + fields.present("exceptionReason", "exceptionUntil", "isRCOFocalPoint", "familyName")
        else { return nil }
        var draft = FocalPointDraft(
            entity: EntityCode(entity), name: name, position: position, level: level, email: email, isOnMailingList: isOnMailingList,
            exceptionReason: exceptionReason, exceptionUntil: exceptionUntil, familyName: familyName)
        // Set as written: the initialiser would make `false` absent.
        draft.isRCOFocalPoint = isRCOFocalPoint
        return draft
    }

    /// A focal point as it is added: not retired.
    private func addedFocalPoint(at node: Int) -> FocalPoint? {
        guard let fields = Object(self, node), let id = fields.string("id"), let entity = fields.string("entity"),
            let name = fields.string("name"), let position = fields.string("position"),
            let level = fields.word("level", of: FocalPoint.Level.self), let email = fields.string("email"),
            let isOnMailingList = fields.bool("isOnMailingList"), fields["retiredOn"] == nil
        else { return nil }
        guard let emailException = fields.optional("emailException", { $0.emailException($1) }),
            let isRCOFocalPoint = fields.optional("isRCOFocalPoint", { $0.bool($1) }),
            let familyName = fields.optional("familyName", { $0.string($1) }),
            fields.count == 7 + fields.present("emailException", "isRCOFocalPoint", "familyName")
        else { return nil }
        var point = FocalPoint(
            id: FocalPointID(id), entity: EntityCode(entity), name: name, position: position, level: level, email: email,
            isOnMailingList: isOnMailingList, emailException: emailException)
        point.isRCOFocalPoint = isRCOFocalPoint
        point.familyName = familyName
        return point
    }

    /// An action point as it is added: open, without notes.
    private func addedActionPoint(at node: Int) -> ActionPoint? {
        guard let fields = Object(self, node), let id = fields.string("id"), let meeting = fields.string("meeting"),
            let text = fields.string("text"), let responsible = fields.strings("responsible"), let due = fields.date("due"),
            fields.word("status", of: ActionPoint.Status.self) == .open, fields.isEmptyArray("notes"),
            let implements = fields.optional("implements", { $0.string($1) }), fields.count == 7 + fields.present("implements")
        else { return nil }
        return ActionPoint(
            id: ActionPointID(id), meeting: MeetingReference(meeting), text: text, responsible: responsible.map { EntityCode($0) },
            due: due, implements: implements.map { ItemReference($0) })
    }
}

extension TapeDecoder.Object {
    /// A focal point's email exception: a reason, who verified it, and until when (if set).
    fileprivate func emailException(_ name: StaticString) -> FocalPoint.EmailException? {
        guard let node = self[name], let exception = TapeDecoder.Object(decoder, node), let reason = exception.string("reason"),
            let verifiedBy = exception.string("verifiedBy"), let until = exception.optional("until", { $0.date($1) }),
            exception.count == 2 + exception.present("until")
        else { return nil }
        return FocalPoint.EmailException(reason: reason, verifiedBy: verifiedBy, until: until)
    }
}
