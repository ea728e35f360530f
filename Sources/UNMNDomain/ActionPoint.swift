/// A follow-up from a meeting.
public struct ActionPoint: Hashable, Sendable, Codable, Identifiable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case open, done, dropped
    }

    /// A follow-up note: who wrote what, when.
    public typealias Note = DatedNote

    /// `AP/2026/004`.
    public var id: ActionPointID
    public var meeting: MeetingReference
    public var text: String
    public var responsible: [EntityCode]
    public var due: LocalDate
    public var status: Status
    public var notes: [Note]
    /// The adopted item (decision) this action point follows up, if any.
    public var implements: ItemReference?

    public init(
        id: ActionPointID, meeting: MeetingReference, text: String, responsible: [EntityCode], due: LocalDate, status: Status = .open,
        notes: [Note] = [], implements: ItemReference? = nil
    ) {
        self.implements = implements
        self.id = id
        self.meeting = meeting
        self.text = text
        self.responsible = responsible
        self.due = due
        self.status = status
        self.notes = notes
    }

    /// Past its due date and not done (nor dropped).
    public func isOverdue(on today: LocalDate) -> Bool { status == .open && due < today }
}
