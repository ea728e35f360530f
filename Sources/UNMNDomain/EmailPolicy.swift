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
        withASCII(email) { isWellFormed(ascii: $0) } ?? isWellFormedByCharacters(email)
    }

    /// The same rules over the bytes of an ASCII address, where a character is a byte (a
    /// space or a control, the only characters that join, is refused anyway), read where they
    /// lie: the grapheme walk was a quarter of deciding a new focal point, and splitting a copy
    /// of the bytes into lists a tenth of what was left.
    static func isWellFormed(ascii email: UnsafeBufferPointer<UInt8>) -> Bool {
        var at: Int?
        for index in email.indices {
            if email[index] <= 0x20 { return false }
            if email[index] == UInt8(ascii: "@") {
                guard at == nil else { return false }
                at = index
            }
        }
        guard let at, (1...64).contains(at) else { return false }
        // The domain's labels, between its dots: none empty, none starting or ending with a
        // hyphen, at least two, the last of two letters or more.
        var (start, labels) = (at + 1, 0)
        while true {
            var end = start
            while end < email.count && email[end] != UInt8(ascii: ".") { end += 1 }
            guard end > start, email[start] != UInt8(ascii: "-"), email[end - 1] != UInt8(ascii: "-") else { return false }
            labels += 1
            guard end < email.count else {
                return labels >= 2 && end - start >= 2 && email[start..<end].allSatisfy { (0x41...0x5A).contains($0 & 0xDF) }
            }
            start = end + 1
        }
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
        Self.withASCII(email) { ascii in
            // The domain: after the last @ that has something after it (trailing ones are not
            // followed by anything), the whole address when it has none.
            var end = ascii.count
            while end > 0 && ascii[end - 1] == UInt8(ascii: "@") { end -= 1 }
            guard end > 0 else { return false }
            var start = end
            while start > 0 && ascii[start - 1] != UInt8(ascii: "@") { start -= 1 }
            // Lowered, it is corporate when it or what follows any of its dots is listed: one
            // lookup a label, not a suffix a domain.
            let domain = String(unsafeUninitializedCapacity: end - start) { lowered in
                for index in start..<end {
                    let byte = ascii[index]
                    lowered[index - start] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                }
                return end - start
            }
            if corporateDomains.contains(domain) { return true }
            let labels = domain.utf8
            return labels.indices.contains {
                labels[$0] == UInt8(ascii: ".") && corporateDomains.contains(String(domain[labels.index(after: $0)...]))
            }
        } ?? isCorporateByCharacters(email)
    }

    /// `body` over the text's bytes when they are all ASCII (then a byte is a character, bar
    /// "\r\n"); nil, without calling it, when they are not.
    static func withASCII(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? body(bytes) : nil }
    }

    func isCorporateByCharacters(_ email: String) -> Bool {
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
