/// The names an export may take without replacing a file already there: the name itself, then
/// `-2`, `-3`… before the extension (`decisions-2026-11-29-2.md`), as browsers save downloads.
enum FreshFileName {
    static let attempts = 100

    static func candidates(for name: String) -> [String] {
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 } ?? name.endIndex
        let stem = name[..<dot]
        let suffix = name[dot...]
        return [name] + (2...attempts).map { "\(stem)-\($0)\(suffix)" }
    }
}
