import Foundation

/// The corporate-email rule: UN system corporate accounts are the rule, and the list of
/// corporate domains is data (`Resources/corporate-email-domains.tsv`), not code.
public struct EmailPolicy: Hashable, Sendable, Codable {
    /// Lower-case domains; an address at the domain or any subdomain of it is corporate.
    public var corporateDomains: Set<String>

    public init(corporateDomains: Set<String>) {
        self.corporateDomains = Set(corporateDomains.map { $0.lowercased() })
    }

    /// Reads the shipped list: one domain a line (entity code, tab, domain); `#` starts a comment.
    public static func parse(_ text: String) -> EmailPolicy {
        var domains: Set<String> = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            if let domain = line.split(separator: "\t").last.map({ String($0).trimmed }), !domain.isEmpty {
                domains.insert(domain)
            }
        }
        return EmailPolicy(corporateDomains: domains)
    }

    /// True for a plausible address: one @, a non-empty local part without spaces, a domain
    /// with a dot and no empty labels.
    public static func isWellFormed(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
            !email.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.value < 0x20 } })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
            && labels.last!.count >= 2 && labels.last!.allSatisfy(\.isLetter)
    }

    public func isCorporate(_ email: String) -> Bool {
        guard let domain = email.split(separator: "@").last?.lowercased() else { return false }
        return corporateDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }
}

extension String {
    /// The text with leading and trailing whitespace removed. Text that begins and ends with a
    /// visible ASCII character (nearly every name, address and code) is itself, without the
    /// Foundation call that was a seventh of an append's work.
    var trimmed: String {
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
