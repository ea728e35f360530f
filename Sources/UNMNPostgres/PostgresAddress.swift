import Foundation

/// Where a network's journal lives in PostgreSQL: `postgres://user[:password]@host[:port]/database?network=uz`,
/// completed from libpq's environment (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`,
/// `PGPASSFILE`) as `psql` would be. A host that starts with `/` is the directory of the
/// server's Unix socket (peer authentication, no password).
public struct PostgresAddress: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// The network's name: several countries' networks can share one database.
    public var network: String
    /// Whether and how the connection is encrypted, as libpq's `sslmode`.
    public var sslMode: SSLMode = .prefer
    /// The certificates that vouch for the server (`sslrootcert`), for verify-ca and verify-full;
    /// the system's trust store when nil.
    public var sslRootCertificate: String?

    /// libpq's `sslmode`: `disable` and `allow` send in the clear; `prefer` encrypts when the
    /// server can; `require` insists on encryption; `verify-ca` also checks the server's
    /// certificate, `verify-full` its name too.
    public enum SSLMode: String, Hashable, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Why an address could not be read, worded for people.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public init(host: String, port: Int, user: String, password: String?, database: String, network: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.network = network
    }

    public static func parse(_ text: String, environment: [String: String]) throws(Invalid) -> PostgresAddress {
        guard isPostgres(text), let components = URLComponents(string: text) else {
            throw Invalid(description: "\(text) is not a postgres:// address")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let network = query["network"] ?? ""
        guard !network.isEmpty, network.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }),
            network.count <= 40
        else {
            throw Invalid(description: "the address must name the network, e.g. ?network=uz (letters, digits, _ and -)")
        }
        let modeName = query["sslmode"] ?? environment["PGSSLMODE"] ?? "prefer"
        guard let sslMode = SSLMode(rawValue: modeName) else {
            throw Invalid(description: "sslmode=\(modeName) is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let host =
            components.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? environment["PGHOST"] ?? "/var/run/postgresql"
        let port = components.port ?? environment["PGPORT"].flatMap(Int.init) ?? 5432
        let user =
            components.user?.removingPercentEncoding ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = path.isEmpty ? (environment["PGDATABASE"] ?? user) : (path.removingPercentEncoding ?? path)
        var password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        if password == nil, !host.hasPrefix("/") {
            password = Self.passwordFromFile(host: host, port: port, database: database, user: user, environment: environment)
        }
        var address = PostgresAddress(host: host, port: port, user: user, password: password, database: database, network: network)
        address.sslMode = sslMode
        address.sslRootCertificate = query["sslrootcert"] ?? environment["PGSSLROOTCERT"]
        return address
    }

    /// "the server at db.example.org:5432" (or its socket).
    public var serverDescription: String {
        host.hasPrefix("/") ? "the server on \(host)/.s.PGSQL.\(port)" : "the server at \(host):\(port)"
    }

    /// The address as shown on screen and in messages: never the password.
    public var description: String {
        let server = host.hasPrefix("/") ? "" : "\(host):\(port)"
        return "postgres://\(user)@\(server)/\(database)?network=\(network)"
    }

    /// The password from `PGPASSFILE` (or `~/.pgpass`), as libpq reads it: the first line
    /// `host:port:database:user:password` whose fields match (`*` matches anything).
    static func passwordFromFile(host: String, port: Int, database: String, user: String, environment: [String: String]) -> String? {
        let path = environment["PGPASSFILE"] ?? (environment["HOME"].map { $0 + "/.pgpass" } ?? "")
        guard !path.isEmpty, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            var fields: [String] = []
            var field = ""
            var escaped = false
            for character in line {
                if escaped {
                    field.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":" && fields.count < 4 {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            fields.append(field)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
