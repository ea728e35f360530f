import ArgumentParser
import Foundation

/// What the SSH gateway runs for a person's `ssh unmn@host COMMAND`: only the read-only
/// subcommands (reports and exports of the journal), with the journal forced; nothing else —
/// no shell, no other files, no writes.
enum Gateway {
    static let allowed: Set<String> = ["report", "export"]

    static func run(_ original: String, journal: String, login: String) throws {
        let words = original.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first, allowed.contains(first),
            !words.contains(where: { $0.hasPrefix("--journal") || $0 == "-o" || $0.hasPrefix("--output") })
        else {
            CommandLineOutput.error(
                "Not available through the gateway: \(SafeCommandText.shown(original)). Reports and exports (report …, export "
                    + "…) are; they print "
                    + "to standard output.")
            throw ExitCode(77)
        }
        var command = try UNMN.parseAsRoot(words + ["--journal", journal])
        try command.run()
    }
}

/// A command line as it may be shown back: control characters made visible.
enum SafeCommandText {
    static func shown(_ text: String) -> String {
        String(
            String.UnicodeScalarView(text.unicodeScalars.flatMap { $0.value < 0x20 || $0.value == 0x7F ? Array("?".unicodeScalars) : [$0] })
        )
    }
}
