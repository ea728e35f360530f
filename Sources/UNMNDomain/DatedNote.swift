/// Text someone wrote on a day: an action point's follow-up note, an amendment to minutes.
public struct DatedNote: Hashable, Sendable, Codable {
    public var text: String
    public var by: String
    public var on: LocalDate

    public init(text: String, by: String, on: LocalDate) {
        self.text = text
        self.by = by
        self.on = on
    }
}
