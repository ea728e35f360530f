/// An entity's place in the network, from the Terms of Reference: IOM chairs and coordinates
/// (and is the secretariat), the UN Resident Coordinator co-chairs, the rest are members.
public enum NetworkRole: String, Hashable, Sendable, Codable, CaseIterable {
    case chair
    case coChair = "co-chair"
    case member

    public var title: String {
        switch self {
        case .chair: return "Chair"
        case .coChair: return "Co-chair"
        case .member: return "Member"
        }
    }
}
