/// Access to the network: a login (an OS account, or an SSH key's name under the gateway) tied
/// to a person, their entity and their role. Granted and revoked in the journal, like any
/// change; who acts is never typed, it is looked up here.
public struct Grant: Hashable, Sendable, Codable {
    public var login: String
    public var name: String
    public var entity: EntityCode
    public var role: Operator.Role
    /// The person's SSH public key (`ssh-ed25519 AAAA… comment`), for the gateway.
    public var key: String?

    public init(login: String, name: String, entity: EntityCode, role: Operator.Role, key: String? = nil) {
        self.login = login
        self.name = name
        self.entity = entity
        self.role = role
        self.key = key
    }

    /// The operator this grant makes of its login.
    public var `operator`: Operator { Operator(name: name, entity: entity, role: role) }
}

extension Grant {
    /// Why this role may not be held for this entity under the Terms of Reference, if so:
    /// IOM chairs ("IOM … Chief of Mission … or designee"), the UN Resident Coordinator
    /// co-chairs, IOM is the secretariat; a member acts for its own entity; anyone may read.
    public static func roleRefusal(_ role: Operator.Role, for entity: EntityCode) -> String? {
        switch role {
        case .chair: return entity == "IOM" ? nil : "the chair is IOM's (the Chief of Mission or designee), not \(entity)'s"
        case .coChair: return entity == "UNRC" ? nil : "the co-chair is the UN Resident Coordinator's (UNRC), not \(entity)'s"
        case .secretariat: return entity == "IOM" ? nil : "the secretariat is IOM staff, not \(entity)'s"
        case .member, .viewer: return nil
        }
    }

    /// A login as a name: letters, digits and `._-@`, at most 64.
    public static func isValidLogin(_ login: String) -> Bool {
        !login.isEmpty && login.count <= 64
            && login.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-@".unicodeScalars.contains($0)
            }
    }

    /// An OpenSSH public key on one line: a known type, base64 data, an optional comment.
    public static func isValidKey(_ key: String) -> Bool {
        let parts = key.split(separator: " ", omittingEmptySubsequences: true)
        let types = [
            "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
        ]
        return parts.count >= 2 && types.contains(String(parts[0]))
            && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }
            && !key.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
