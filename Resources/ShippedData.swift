import Foundation

/// The data files that ship with unmn, read from the package's resource bundle.
public enum ShippedData {
    /// The Annex I membership (code, full name, role, tab-separated).
    public static var annexIMembers: String { load("annex-i-members.tsv") }
    /// The 23 GCM objectives (number, title, tab-separated).
    public static var gcmObjectives: String { load("gcm-objectives.tsv") }
    /// The corporate email domains of UN system entities (code, domain, tab-separated).
    public static var corporateEmailDomains: String { load("corporate-email-domains.tsv") }

    private static func load(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            // The bundle is built next to the binary; without it the build itself is broken.
            preconditionFailure("unmn's resource \(name) is missing from \(Bundle.module.bundlePath); rebuild with `swift build`.")
        }
        return text
    }
}
