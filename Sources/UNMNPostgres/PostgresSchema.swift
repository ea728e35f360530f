/// The journal's schema in PostgreSQL, as versioned migrations applied in order (all that are
/// missing in one transaction) and recorded in `unmn.schema_migrations`. A migration is never edited once
/// shipped: a change is a new one.
///
/// The guarantees live in the engine, not in the console: the server stamps who wrote a record
/// (`current_user`) and when, whatever the client sends; a record must follow the network's
/// last one (so two consoles appending at once cannot both succeed, and no gap can be made);
/// nobody — not even the tables' owner — may update, delete or truncate records without first
/// dropping the triggers; ordinary roles get `SELECT` and `INSERT` only.
enum PostgresSchema {
    /// The role consoles that may change the record log in as (directly or by membership).
    static let memberRole = "unmn_member"
    /// The role that may only read (auditors, `unmn journal pull`, `--read-only`).
    static let readerRole = "unmn_reader"

    static let migrations: [(version: Int, statements: [String])] = [
        (
            1,
            [
                """
                CREATE TABLE unmn.networks (
                    network text PRIMARY KEY,
                    created_by name NOT NULL DEFAULT current_user,
                    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
                )
                """,
                """
                CREATE TABLE unmn.records (
                    network text NOT NULL REFERENCES unmn.networks,
                    sequence bigint NOT NULL CHECK (sequence > 0),
                    checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{8}$'),
                    body text NOT NULL,
                    written_by name NOT NULL,
                    written_at timestamptz NOT NULL,
                    PRIMARY KEY (network, sequence)
                )
                """,
                """
                CREATE FUNCTION unmn.stamp_record() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    last_sequence bigint;
                BEGIN
                    NEW.written_by := current_user;
                    NEW.written_at := clock_timestamp();
                    SELECT max(sequence) INTO last_sequence FROM unmn.records WHERE network = NEW.network;
                    IF NEW.sequence <> coalesce(last_sequence, 0) + 1 THEN
                        RAISE EXCEPTION 'record % does not follow record % of network %',
                            NEW.sequence, coalesce(last_sequence, 0), NEW.network
                            USING ERRCODE = 'unique_violation';
                    END IF;
                    RETURN NEW;
                END
                $$
                """,
                "CREATE TRIGGER stamp BEFORE INSERT ON unmn.records FOR EACH ROW EXECUTE FUNCTION unmn.stamp_record()",
                """
                CREATE FUNCTION unmn.refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the journal is append-only: records are never changed or removed'
                        USING ERRCODE = 'insufficient_privilege';
                END
                $$
                """,
                "CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON unmn.records FOR EACH ROW EXECUTE FUNCTION unmn.refuse_rewrite()",
                """
                CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON unmn.records
                FOR EACH STATEMENT EXECUTE FUNCTION unmn.refuse_rewrite()
                """,
                """
                CREATE FUNCTION unmn.announce_record() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('unmn_' || NEW.network, NEW.sequence::text);
                    RETURN NULL;
                END
                $$
                """,
                "CREATE TRIGGER announce AFTER INSERT ON unmn.records FOR EACH ROW EXECUTE FUNCTION unmn.announce_record()",
                """
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(memberRole)') THEN CREATE ROLE \(memberRole) NOLOGIN; END IF;
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(readerRole)') THEN CREATE ROLE \(readerRole) NOLOGIN; END IF;
                END
                $$
                """,
                "REVOKE ALL ON ALL TABLES IN SCHEMA unmn FROM PUBLIC",
                "GRANT USAGE ON SCHEMA unmn TO \(memberRole), \(readerRole)",
                "GRANT SELECT ON unmn.networks, unmn.records TO \(memberRole), \(readerRole)",
                "GRANT INSERT ON unmn.records TO \(memberRole)",
            ]
        )
    ]

    /// The advisory lock migrations run under (any constant; "unmn" in ASCII).
    static let migrationLock: Int64 = 0x756E_6D6E
}
