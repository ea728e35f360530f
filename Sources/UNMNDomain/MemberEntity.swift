/// A UN system entity that belongs to (or applies to, or has left) the network.
public struct MemberEntity: Hashable, Sendable, Codable, Identifiable {
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case member, applicant, withdrawn
    }

    public var code: EntityCode
    public var fullName: String
    public var role: NetworkRole
    public var status: Status
    /// How the Terms of Reference or a decision describes the entity's functions, e.g.
    /// "chair, coordinator and secretariat".
    public var functions: String

    public var id: EntityCode { code }

    public init(code: EntityCode, fullName: String, role: NetworkRole, status: Status = .member, functions: String = "") {
        self.code = code
        self.fullName = fullName
        self.role = role
        self.status = status
        self.functions = functions
    }
}
