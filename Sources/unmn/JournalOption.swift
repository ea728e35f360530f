import ArgumentParser

/// `--journal PATH`, shared by every subcommand that reads or writes the journal.
struct JournalOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The journal file (default: $UNMN_JOURNAL, else $XDG_DATA_HOME/unmn/journal), or a network in PostgreSQL: "
                + "postgres://user@host:port/database?network=uz.",
            valueName: "PATH|URL"))
    var journal: String?

    func validate() throws {
        if let journal, journal.isEmpty { throw ValidationError("--journal needs a path; an empty one names no file.") }
    }
}
