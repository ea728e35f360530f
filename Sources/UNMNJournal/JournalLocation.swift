/// Where the journal lives: `--journal`, else `UNMN_JOURNAL`, else
/// `$XDG_DATA_HOME/unmn/journal`, else `~/.local/share/unmn/journal` (DESIGN.md section 7).
public struct JournalLocation: Hashable, Sendable {
    public var path: String

    public init(path: String) { self.path = path }

    public static func resolve(flag: String?, environment: [String: String]) -> JournalLocation {
        if let flag, !flag.isEmpty { return JournalLocation(path: expandingTilde(flag, environment: environment)) }
        if let path = environment["UNMN_JOURNAL"], !path.isEmpty {
            return JournalLocation(path: expandingTilde(path, environment: environment))
        }
        return JournalLocation(path: dataDirectory(environment: environment) + "/journal")
    }

    /// `$XDG_DATA_HOME/unmn` or `~/.local/share/unmn`.
    public static func dataDirectory(environment: [String: String]) -> String {
        if let base = environment["XDG_DATA_HOME"], base.hasPrefix("/") { return base + "/unmn" }
        return home(environment) + "/.local/share/unmn"
    }

    /// `$XDG_CONFIG_HOME/unmn` or `~/.config/unmn`: where the remembered operator is kept.
    public static func configDirectory(environment: [String: String]) -> String {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") { return base + "/unmn" }
        return home(environment) + "/.config/unmn"
    }

    /// `$XDG_CACHE_HOME/unmn` or `~/.cache/unmn`: snapshots of journals kept elsewhere (PostgreSQL).
    public static func cacheDirectory(environment: [String: String]) -> String {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return base + "/unmn" }
        return home(environment) + "/.cache/unmn"
    }

    /// The path with the home directory written as `~`, for display.
    public func abbreviated(environment: [String: String]) -> String {
        let home = JournalLocation.home(environment)
        if home != "/", path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }

    private static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/root"
    }

    private static func expandingTilde(_ path: String, environment: [String: String]) -> String {
        path == "~" || path.hasPrefix("~/") ? home(environment) + path.dropFirst() : path
    }
}
