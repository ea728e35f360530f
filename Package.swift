// swift-tools-version:6.0
import PackageDescription

// Dependencies point inward: unmn → UNMNConsole → UNMNApp → TerminalUI, UNMNDomain; CursesBackend → TerminalUI.
// Only CursesBackend imports ncurses; only the executable, UNMNConsole and the journal do file I/O.
let package = Package(
    name: "unmn",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "unmn", targets: ["unmn"]),
        .executable(name: "unmn-bench", targets: ["unmn-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .target(name: "UNMNDomain"),
        .target(
            name: "UNMNResources",
            path: "Resources",
            exclude: ["README.md"],
            resources: [
                .copy("annex-i-members.tsv"),
                .copy("gcm-objectives.tsv"),
                .copy("corporate-email-domains.tsv"),
            ]
        ),
        // CRC-32C with the processor's instruction where it has one (C: Swift has no intrinsics).
        .target(name: "CCRC32C"),
        .target(name: "UNMNJournal", dependencies: ["UNMNDomain", "CCRC32C"]),
        // The journal in PostgreSQL (issue 19): its own target, so that the rest builds and tests without postgres-nio.
        .target(
            name: "UNMNPostgres",
            dependencies: [
                "UNMNDomain", "UNMNJournal", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        .target(name: "UNMNReports", dependencies: ["UNMNDomain"]),
        .target(name: "TerminalUI"),
        .target(name: "UNMNApp", dependencies: ["UNMNDomain", "UNMNReports", "TerminalUI"]),
        // The effect performer: the journal, files, $EDITOR, the operator's memory (and an in-memory double).
        .target(name: "UNMNConsole", dependencies: ["UNMNApp", "UNMNDomain", "UNMNJournal", "TerminalUI"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesBackend", dependencies: ["CNcursesw", "TerminalUI"]),
        .executableTarget(
            name: "unmn",
            dependencies: [
                "UNMNDomain", "UNMNResources", "UNMNJournal", "UNMNReports", "TerminalUI", "UNMNApp", "UNMNConsole", "CursesBackend",
                "UNMNPostgres", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Appends until killed; the kill -9 test's writer. Not a product.
        .executableTarget(name: "unmn-stress", dependencies: ["UNMNDomain", "UNMNJournal", "UNMNPostgres"]),
        // Benchmarks (issue 9): swift run -c release unmn-bench --quick
        .executableTarget(
            name: "unmn-bench",
            dependencies: [
                "UNMNDomain", "UNMNJournal", "UNMNApp", "TerminalUI", "UNMNResources", "UNMNPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "UNMNDomainTests", dependencies: ["UNMNDomain", "UNMNResources", "TestSupport"]),
        .testTarget(name: "UNMNJournalTests", dependencies: ["UNMNJournal", "UNMNResources", "TestSupport"], exclude: ["Fixtures"]),
        // For tests only: a private PostgreSQL cluster (initdb and pg_ctl on 127.0.0.1), a seeded random generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "UNMNPostgresTests", dependencies: ["UNMNPostgres", "UNMNJournal", "UNMNResources", "TestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"]),
        .testTarget(
            name: "UNMNReportsTests", dependencies: ["UNMNReports", "UNMNResources", "UNMNJournal", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "UNMNAppTests", dependencies: ["UNMNApp", "UNMNResources", "TerminalUI"]),
        .testTarget(name: "UNMNConsoleTests", dependencies: ["UNMNConsole", "UNMNApp", "UNMNJournal", "UNMNResources", "TerminalUI"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "CNcursesw"]),
        .testTarget(name: "unmnTests", dependencies: ["unmn"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["unmn", "unmn-stress", "UNMNJournal", "UNMNPostgres", "UNMNResources", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
