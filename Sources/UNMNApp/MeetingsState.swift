/// What the Meetings pane shows: the list by year and quarter, or one meeting with its
/// attendance grid.
public struct MeetingsState: Sendable, Hashable {
    public var list = ListState()
    /// The meeting opened with Enter, by reference.
    public var opened: String?
    /// The selected entity in the opened meeting's attendance grid.
    public var member = 0
    /// True when the pane shows the action points of all meetings.
    public var showsActionPoints = false
    public var actionPoint = 0

    public init() {}
}
