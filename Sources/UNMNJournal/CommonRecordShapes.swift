import UNMNDomain

/// The records a network writes most — a member's position on an item (seven in ten of a
/// network's records) and progress on a key action (one in six) — read straight from the tape,
/// without the `Codable` machinery (boxed containers, runtime type lookups) that was two thirds of
/// a replayed record's instructions.
///
/// The shapes are exactly those `JSONEncoder` writes for these types. Anything else — another
/// command or event, a member this reader does not expect, a missing one, a null, a value of
/// another kind — gives nil, and the record is read through `Codable` instead, which also says
/// what is wrong. So this reader can only ever agree with the general one, or step aside; the
/// tests hold it to that on every sample record and on damaged variants of them.
extension TapeDecoder {
    /// The record of this body, made here so that its batch is moved into it, not copied.
    func commonRecord(sequence: UInt64) -> JournalRecord? {
        guard let object = Object(self, 0, exactly: 2), let batch = object["batch"], let osUser = object.string("osUser"),
            let body = commonBatch(at: batch)
        else { return nil }
        return JournalRecord(sequence: sequence, osUser: osUser, batch: body)
    }

    private func commonBatch(at node: Int) -> EventBatch? {
        // Asked in the order written (see `member(_:of:)`).
        guard let object = Object(self, node), let at = object.instant("at") else { return nil }
        let commandNode = object["command"]
        guard let eventsNode = object["events"], nodes[eventsNode].kind == .array, let isUndo = object.bool("isUndo") else { return nil }
        let loginNode = object["login"]
        guard let operatorNode = object["operator"], let op = operatorValue(at: operatorNode), let summary = object.string("summary")
        else { return nil }
        guard object.count == 5 + (commandNode == nil ? 0 : 1) + (loginNode == nil ? 0 : 1) else { return nil }
        var command: Command?
        if let commandNode {
            guard let decoded = commonCommand(at: commandNode) else { return nil }
            command = decoded
        }
        var login: String?
        if let loginNode {
            guard let decoded = try? string(at: loginNode) else { return nil }
            login = decoded
        }
        var events: [Event] = []
        events.reserveCapacity(Int(nodes[eventsNode].count))
        var element = eventsNode + 1
        for _ in 0..<nodes[eventsNode].count {
            guard let event = commonEvent(at: element) else { return nil }
            events.append(event)
            element = Int(nodes[element].next)
        }
        return EventBatch(operator: op, at: at, events: events, summary: summary, isUndo: isUndo, command: command, login: login)
    }

    private func operatorValue(at node: Int) -> Operator? {
        let written = text(at: node)
        if let base = written.baseAddress, let (known, count) = recent?.operator(at: base, available: written.count),
            count == written.count
        {
            return known
        }
        guard let object = Object(self, node, exactly: 3), let entity = object.string("entity"), let name = object.string("name"),
            let role = object.word("role", of: Operator.Role.self)
        else { return nil }
        let value = Operator(name: name, entity: EntityCode(entity), role: role)
        recent?.remember(operator: value, written: written)
        return value
    }

    /// A command as Swift writes an enum: {"case": {"label": value, "_2": value}}.
    private func commonCommand(at node: Int) -> Command? {
        guard Object(self, node, exactly: 1) != nil else { return nil }
        let details = node + 2
        if isName("recordPosition", node + 1) {
            guard let fields = Object(self, details) else { return nil }
            let (positionNode, basedOnNode) = (fields["_2"], fields["basedOn"])
            guard let entity = fields.text("entity", as: EntityCode.self), let item = fields.text("item", as: ItemReference.self),
                let source = fields.word("source", of: PositionRecord.Source.self)
            else { return nil }
            guard fields.count == 3 + (positionNode == nil ? 0 : 1) + (basedOnNode == nil ? 0 : 1) else { return nil }
            var position: Position?
            if let positionNode {
                guard let decoded = try? self.position(at: positionNode) else { return nil }
                position = decoded
            }
            var basedOn: Int?
            if let basedOnNode {
                guard let decoded = try? integer(Int.self, at: basedOnNode) else { return nil }
                basedOn = decoded
            }
            return .recordPosition(item: item, entity: entity, position, source: source, basedOn: basedOn)
        }
        if isName("recordProgress", node + 1) {
            guard let fields = Object(self, details) else { return nil }
            let basedOnNode = fields["basedOn"]
            guard let code = fields.string("code"), let note = fields.string("note"), let percent = fields.integer("percent"),
                let status = fields.word("status", of: KeyAction.Status.self), let year = fields.integer("year")
            else { return nil }
            guard fields.count == 5 + (basedOnNode == nil ? 0 : 1) else { return nil }
            var basedOn: Int?
            if let basedOnNode {
                guard let decoded = try? integer(Int.self, at: basedOnNode) else { return nil }
                basedOn = decoded
            }
            return .recordProgress(year: year, code: code, percent: percent, status: status, note: note, basedOn: basedOn)
        }
        return itemOrAttendanceCommand(named: node + 1, at: details) ?? secretariatCommand(named: node + 1, at: details)
    }

    private func commonEvent(at node: Int) -> Event? {
        guard Object(self, node, exactly: 1) != nil else { return nil }
        let details = node + 2
        if isName("positionRecorded", node + 1) {
            guard let fields = Object(self, details, exactly: 2), let recordNode = fields["_1"],
                let item = fields.text("item", as: ItemReference.self), let record = Object(self, recordNode),
                let at = record.instant("at"), let entity = record.text("entity", as: EntityCode.self)
            else { return nil }
            let positionNode = record["position"]
            guard let recordedBy = record.string("recordedBy"), let source = record.word("source", of: PositionRecord.Source.self)
            else { return nil }
            guard record.count == 4 + (positionNode == nil ? 0 : 1) else { return nil }
            var position: Position?
            if let positionNode {
                guard let decoded = try? self.position(at: positionNode) else { return nil }
                position = decoded
            }
            return .positionRecorded(
                item: item,
                PositionRecord(entity: entity, position: position, source: source, recordedBy: recordedBy, at: at))
        }
        if isName("progressRecorded", node + 1) {
            guard let fields = Object(self, details, exactly: 3), let updateNode = fields["_2"],
                let update = Object(self, updateNode, exactly: 6),
                let by = update.string("by"), let entity = update.text("entity", as: EntityCode.self), let note = update.string("note"),
                let on = update.date("on"), let percent = update.integer("percent"),
                let status = update.word("status", of: KeyAction.Status.self), let code = fields.string("code"),
                let year = fields.integer("year")
            else { return nil }
            return .progressRecorded(
                year: year, code: code,
                KeyAction.ProgressUpdate(on: on, by: by, entity: entity, percent: percent, status: status, note: note))
        }
        return itemOrAttendanceEvent(named: node + 1, at: details) ?? secretariatEvent(named: node + 1, at: details)
    }

    /// An object node and typed reads of its members; each read is nil when the member is
    /// missing or of another kind.
    struct Object {
        let decoder: TapeDecoder
        let node: Int

        init?(_ decoder: TapeDecoder, _ node: Int, exactly count: Int? = nil) {
            guard decoder.nodes[node].kind == .object, count.map({ Int(decoder.nodes[node].count) == $0 }) ?? true else { return nil }
            (self.decoder, self.node) = (decoder, node)
        }

        var count: Int { Int(decoder.nodes[node].count) }
        @inline(__always) subscript(name: StaticString) -> Int? { decoder.member(name, of: node) }

        @inline(__always) func string(_ name: StaticString) -> String? { self[name].flatMap { try? decoder.string(at: $0) } }
        /// An identifier or entity code (see `TapeDecoder.hashedText`).
        @inline(__always) func text<Text: HashedText>(_ name: StaticString, as type: Text.Type) -> Text? {
            self[name].flatMap { try? decoder.hashedText(at: $0, as: type) }
        }

        /// A member that may be absent, read by `read`: `.some(nil)` when absent, nil when present
        /// but not readable (the record then goes the general way).
        @inline(__always) func optional<Value>(_ name: StaticString, _ read: (Object, StaticString) -> Value?) -> Value?? {
            guard self[name] != nil else { return .some(nil) }
            return read(self, name).map { .some($0) }
        }

        /// How many of these members the object has: with its required ones, what its count must be.
        func present(_ names: StaticString...) -> Int { names.reduce(0) { $0 + (self[$1] == nil ? 0 : 1) } }

        /// One of a closed set of words (a role, a source, a status): read as a string (kept from
        /// one record to the next) and compared with each word (`init(rawValue:)` cost more).
        @inline(__always) func word<Word: RawRepresentable & CaseIterable>(_ name: StaticString, of type: Word.Type) -> Word?
        where Word.RawValue == String {
            guard let written = string(name) else { return nil }
            return Word.allCases.first { $0.rawValue == written }
        }

        @inline(__always) func integer(_ name: StaticString) -> Int? { self[name].flatMap { try? decoder.integer(Int.self, at: $0) } }
        @inline(__always) func bool(_ name: StaticString) -> Bool? { self[name].flatMap { try? decoder.bool(at: $0) } }

        @inline(__always) func instant(_ name: StaticString) -> Instant? {
            guard let at = self[name], let object = Object(decoder, at, exactly: 1), let seconds = object["secondsSinceEpoch"],
                let value = try? decoder.integer(Int64.self, at: seconds)
            else { return nil }
            return Instant(secondsSinceEpoch: value)
        }

        /// Whether the member is an empty array (`[]`).
        func isEmptyArray(_ name: StaticString) -> Bool {
            guard let member = self[name] else { return false }
            return decoder.nodes[member].kind == .array && decoder.nodes[member].count == 0
        }

        /// An array of whole numbers; nil when missing or when any element is not one.
        func integers(_ name: StaticString) -> [Int]? { array(name) { try decoder.integer(Int.self, at: $0) } }

        /// An array of strings; nil when missing or when any element is not a string.
        func strings(_ name: StaticString) -> [String]? { array(name) { try decoder.string(at: $0) } }

        /// An array member, each element read by `read` (given its node); nil when missing or when
        /// any element does not read.
        private func array<Element>(_ name: StaticString, _ read: (Int) throws -> Element) -> [Element]? {
            guard let member = self[name], decoder.nodes[member].kind == .array else { return nil }
            var elements: [Element] = []
            elements.reserveCapacity(Int(decoder.nodes[member].count))
            var element = member + 1
            for _ in 0..<decoder.nodes[member].count {
                guard let value = try? read(element) else { return nil }
                elements.append(value)
                element = Int(decoder.nodes[element].next)
            }
            return elements
        }

        @inline(__always) func date(_ name: StaticString) -> LocalDate? {
            guard let at = self[name], let object = Object(decoder, at, exactly: 3), let day = object.integer("day"),
                let month = object.integer("month"), let year = object.integer("year")
            else { return nil }
            return LocalDate(year: year, month: month, day: day)
        }
    }
}
