import UNMNDomain

/// The next commonest records after positions and progress — an item opened, adopted, rejected or
/// withdrawn, and a member's attendance at a meeting — read straight from the tape. Through
/// `Codable` one of these cost more than ten position records together (an item is a dozen
/// nested enums and containers); they are one record in ten of a network's journal.
///
/// As in `commonRecord`, only the shapes `JSONEncoder` writes for these types are read, and only
/// those a record of its kind normally has: an item as it is opened (no positions, history,
/// closure or deferrals yet; a work plan's endorsement, which carries the actions consulted on,
/// goes the general way). Anything else gives nil and the general reader takes the record.
extension TapeDecoder {
    func itemOrAttendanceCommand(named name: Int, at details: Int) -> Command? {
        guard let fields = Object(self, details) else { return nil }
        if isName("openItem", name) {
            guard fields.count == 1, let draftNode = fields["_0"], let draft = itemDraft(at: draftNode) else { return nil }
            return .openItem(draft)
        }
        if isName("adoptItem", name) || isName("rejectItem", name) || isName("withdrawItem", name) {
            guard fields.count == 2, let item = fields.string("_0").map({ ItemReference($0) }), let statement = fields.string("statement")
            else { return nil }
            if isName("adoptItem", name) { return .adoptItem(item, statement: statement) }
            if isName("rejectItem", name) { return .rejectItem(item, statement: statement) }
            return .withdrawItem(item, statement: statement)
        }
        if isName("recordAttendance", name) {
            guard let meeting = fields.text("meeting", as: MeetingReference.self), let entity = fields.text("entity", as: EntityCode.self)
            else { return nil }
            let (attendanceNode, basedOnNode) = (fields["_2"], fields["basedOn"])
            guard fields.count == 2 + (attendanceNode == nil ? 0 : 1) + (basedOnNode == nil ? 0 : 1) else { return nil }
            var attendance: Meeting.Attendance?
            if let attendanceNode {
                guard let decoded = self.attendance(at: attendanceNode) else { return nil }
                attendance = decoded
            }
            var basedOn: Int?
            if let basedOnNode {
                guard let decoded = try? integer(Int.self, at: basedOnNode) else { return nil }
                basedOn = decoded
            }
            return .recordAttendance(meeting: meeting, entity: entity, attendance, basedOn: basedOn)
        }
        return nil
    }

    func itemOrAttendanceEvent(named name: Int, at details: Int) -> Event? {
        guard let fields = Object(self, details) else { return nil }
        if isName("itemOpened", name) {
            guard fields.count == 1, let itemNode = fields["_0"], let item = openedItem(at: itemNode) else { return nil }
            return .itemOpened(item)
        }
        if isName("itemClosed", name) {
            guard fields.count == 3, let item = fields.string("_0"), let statusNode = fields["_1"], let status = itemStatus(at: statusNode),
                let closureNode = fields["_2"], let closure = closure(at: closureNode)
            else { return nil }
            return .itemClosed(ItemReference(item), status, closure)
        }
        if isName("attendanceRecorded", name) {
            guard let meeting = fields.text("meeting", as: MeetingReference.self), let entity = fields.text("entity", as: EntityCode.self)
            else { return nil }
            let attendanceNode = fields["_2"]
            guard fields.count == 2 + (attendanceNode == nil ? 0 : 1) else { return nil }
            var attendance: Meeting.Attendance?
            if let attendanceNode {
                guard let decoded = self.attendance(at: attendanceNode) else { return nil }
                attendance = decoded
            }
            return .attendanceRecorded(meeting: meeting, entity: entity, attendance)
        }
        return nil
    }

    private func itemDraft(at node: Int) -> ConsensusItemDraft? {
        guard let fields = Object(self, node), let title = fields.string("title"), let text = fields.string("text"),
            let kindNode = fields["kind"], let kind = itemKind(at: kindNode), let raisedAtNode = fields["raisedAt"],
            let raisedAt = raisedAt(at: raisedAtNode), let deadline = fields.date("deadline")
        else { return nil }
        let underSilenceNode = fields["underSilence"]
        guard fields.count == 5 + (underSilenceNode == nil ? 0 : 1) else { return nil }
        var draft = ConsensusItemDraft(title: title, text: text, kind: kind, raisedAt: raisedAt, deadline: deadline)
        if let underSilenceNode {
            guard let underSilence = try? bool(at: underSilenceNode) else { return nil }
            draft.underSilence = underSilence
        }
        return draft
    }

    /// An item as an `itemOpened` event holds it: open, nothing recorded on it yet.
    private func openedItem(at node: Int) -> ConsensusItem? {
        guard let fields = Object(self, node), let reference = fields.string("reference"), let title = fields.string("title"),
            let text = fields.string("text"), let kindNode = fields["kind"], let kind = itemKind(at: kindNode),
            let raisedAtNode = fields["raisedAt"], let raisedAt = raisedAt(at: raisedAtNode), let deadline = fields.date("deadline"),
            let openedOn = fields.date("openedOn"), let statusNode = fields["status"], itemStatus(at: statusNode) == .open,
            fields.isEmptyArray("positions"), fields.isEmptyArray("history"), fields.isEmptyArray("deferrals")
        else { return nil }
        let underSilenceNode = fields["underSilence"]
        guard fields.count == 11 + (underSilenceNode == nil ? 0 : 1) else { return nil }
        var underSilence: Bool?
        if let underSilenceNode {
            guard let decoded = try? bool(at: underSilenceNode) else { return nil }
            underSilence = decoded
        }
        return ConsensusItem(
            opened: ItemReference(reference), title: title, text: text, kind: kind, raisedAt: raisedAt, deadline: deadline,
            openedOn: openedOn, underSilence: underSilence)
    }

    /// An enum as Swift writes it, {"case": {…}}: the case's name node and its details.
    func enumCase(at node: Int) -> (name: Int, details: Object)? {
        guard Object(self, node, exactly: 1) != nil, let details = Object(self, node + 2) else { return nil }
        return (node + 1, details)
    }

    private func itemKind(at node: Int) -> ConsensusItem.Kind? {
        guard let (name, details) = enumCase(at: node) else { return nil }
        if details.count == 0 {
            if isName("general", name) { return .general }
            if isName("jointStatement", name) { return .jointStatement }
            if isName("workingMethod", name) { return .workingMethod }
            return nil
        }
        if isName("admission", name), details.count == 2, let code = details.string("_0"), let fullName = details.string("fullName") {
            return .admission(EntityCode(code), fullName: fullName)
        }
        return nil
    }

    private func raisedAt(at node: Int) -> ConsensusItem.RaisedAt? {
        guard let (name, details) = enumCase(at: node) else { return nil }
        if isName("writtenConsultation", name), details.count == 0 { return .writtenConsultation }
        if isName("meeting", name), details.count == 1, let meeting = details.string("_0") { return .meeting(MeetingReference(meeting)) }
        return nil
    }

    private func itemStatus(at node: Int) -> ConsensusItem.Status? {
        guard let (name, details) = enumCase(at: node) else { return nil }
        if details.count == 0 {
            if isName("open", name) { return .open }
            if isName("deferred", name) { return .deferred }
            if isName("notAdopted", name) { return .notAdopted }
            if isName("withdrawn", name) { return .withdrawn }
            return nil
        }
        if isName("adopted", name), details.count == 1, let number = details.string("decisionNumber") {
            return .adopted(decisionNumber: number)
        }
        return nil
    }

    private func closure(at node: Int) -> ConsensusItem.Closure? {
        guard let fields = Object(self, node), let by = fields.string("by"), let entity = fields.string("entity"),
            let at = fields.instant("at"), let statement = fields.string("statement")
        else { return nil }
        let silentNode = fields["silent"]
        guard fields.count == 4 + (silentNode == nil ? 0 : 1) else { return nil }
        var silent: [EntityCode]?
        if silentNode != nil {
            guard let codes = fields.strings("silent") else { return nil }
            silent = codes.map { EntityCode($0) }
        }
        return ConsensusItem.Closure(by: by, entity: EntityCode(entity), at: at, statement: statement, silent: silent)
    }

    private func attendance(at node: Int) -> Meeting.Attendance? {
        guard let (name, details) = enumCase(at: node) else { return nil }
        if details.count == 0 {
            if isName("apologies", name) { return .apologies }
            if isName("absent", name) { return .absent }
            return nil
        }
        if isName("present", name), details.count == 1, let focalPoints = details.strings("focalPoints") {
            return .present(focalPoints: focalPoints.map { FocalPointID($0) })
        }
        return nil
    }
}
