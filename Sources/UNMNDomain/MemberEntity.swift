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
    /// When the entity became a member (nil for Annex I members: since the Terms of Reference).
    public var memberSince: LocalDate?
    /// The consensus item that admitted it (nil for Annex I members).
    public var admittedBy: String?
    public var withdrawnOn: LocalDate?

    public var id: EntityCode { code }

    public init(
        code: EntityCode, fullName: String, role: NetworkRole, status: Status = .member, functions: String = "",
        memberSince: LocalDate? = nil, admittedBy: String? = nil, withdrawnOn: LocalDate? = nil
    ) {
        self.code = code
        self.fullName = fullName
        self.role = role
        self.status = status
        self.functions = functions
        self.memberSince = memberSince
        self.admittedBy = admittedBy
        self.withdrawnOn = withdrawnOn
    }

    /// Members are consulted on items; applicants and withdrawn entities are not.
    public var isMember: Bool { status == .member }
}

extension MemberEntity {
    /// Whether the entity was a member on a day: admitted on or before it, and not withdrawn by
    /// then (`NetworkState.members(on:)`).
    public func isMember(on day: LocalDate) -> Bool {
        guard status != .applicant, memberSince.map({ $0 <= day }) ?? true else { return false }
        return withdrawnOn.map { $0 > day } ?? (status == .member)
    }
}
