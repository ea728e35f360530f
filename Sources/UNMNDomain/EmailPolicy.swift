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
        if let ascii = email.asciiBytes { return isWellFormed(ascii: ascii) }
        return isWellFormedByCharacters(email)
    }

    /// The same rules over the bytes of an ASCII address, where a character is a byte (a
    /// space or a control, the only characters that join, is refused anyway), without the
    /// grapheme walk that was a quarter of deciding a new focal point.
    static func isWellFormed(ascii email: [UInt8]) -> Bool {
        guard !email.contains(where: { $0 <= 0x20 }) else { return false }
        let parts = email.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, (1...64).contains(parts[0].count) else { return false }
        let labels = parts[1].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { !$0.isEmpty && $0.first != UInt8(ascii: "-") && $0.last != UInt8(ascii: "-") }
            && labels.last!.count >= 2 && labels.last!.allSatisfy { (0x41...0x5A).contains($0 & 0xDF) }
    }

    static func isWellFormedByCharacters(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
            !email.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.value < 0x20 } })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
            && labels.last!.count >= 2 && labels.last!.allSatisfy(\.isLetter)
    }

    public func isCorporate(_ email: String) -> Bool {
        guard let ascii = email.asciiBytes else { return isCorporateByCharacters(email) }
        // The domain (after the last @ that has something after it), lowered; corporate when it
        // or what follows any of its dots is listed: one lookup a label, not a suffix a domain.
        guard let domain = ascii.split(separator: UInt8(ascii: "@")).last?.map({ (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }) else {
            return false
        }
        if corporateDomains.contains(String(decoding: domain, as: UTF8.self)) { return true }
        return domain.indices.contains {
            domain[$0] == UInt8(ascii: ".") && corporateDomains.contains(String(decoding: domain[($0 + 1)...], as: UTF8.self))
        }
    }

    func isCorporateByCharacters(_ email: String) -> Bool {
        guard let domain = email.split(separator: "@").last?.lowercased() else { return false }
        return corporateDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }
}

extension String {
    /// The text's bytes when it is all ASCII (then a byte is a character, bar "\r\n").
    var asciiBytes: [UInt8]? {
        let bytes = Array(utf8)
        return bytes.allSatisfy { $0 < 0x80 } ? bytes : nil
    }

    /// The text with leading and trailing whitespace removed. Text that begins and ends with a
    /// visible ASCII character (nearly every name, address and code) is itself, without the
    /// Foundation call that was a seventh of an append's work.
    var trimmed: String {
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
