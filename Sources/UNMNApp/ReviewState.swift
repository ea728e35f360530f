import UNMNDomain

/// Review mode (`r` in Decisions): the item under review and the selected member in its grid.
public struct ReviewState: Sendable, Hashable {
    public var item: String
    public var member: Int = 0
    public var offset: Int = 0

    public init(item: String) { self.item = item }
}
