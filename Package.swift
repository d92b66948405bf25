// swift-tools-version:6.1
import PackageDescription

// Layers, from the inside out (see README "Design"):
//   OneWindowHan     tables of Han characters (pinyin, traditional to simplified), generated
//                    from ICU once so that neither process pages in ICU's data. No I/O.
//   OneWindowCore    the hall's domain: catalogue, guides, validation, search. No I/O.
//   OneWindowStorage SQLite through GRDB: migrations and one function per query.
//   OneWindowHTTP    libmicrohttpd wrapped: server, route table, body collector, error reply.
//   OneWindowApp     the routes and pages of the hall, wired by `Application.build`.
//   onewindowd       the thin executable: options, logging, signals.
//   OneWindowKiosk   the hall terminals' client: screens, renderer, input, printer, HTTP to the daemon.
//   onewindow-kiosk  the thin executable for kiosks, clerk consoles and text boards.
let package = Package(
    name: "OneWindow",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "onewindowd", targets: ["onewindowd"]),
        .executable(name: "onewindow-kiosk", targets: ["onewindow-kiosk"]),
        .executable(name: "onewindow-city", targets: ["onewindow-city"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Tests only: property-based fuzzing of the router, body decoding and catalogue loading.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        // The city service's PostgreSQL driver (onewindow-city only; the hall stays on SQLite).
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COneWindowMHD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .target(name: "OneWindowHan"),
        .target(name: "OneWindowCore", dependencies: ["OneWindowHan"]),
        .target(
            name: "OneWindowStorage",
            dependencies: [
                "OneWindowCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "OneWindowHTTP",
            dependencies: [
                "COneWindowMHD",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "OneWindowApp",
            dependencies: [
                "OneWindowCore",
                "OneWindowStorage",
                "OneWindowHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            // The OpenAPI document is a file, so that tools read what the server serves; the
            // pages' style sheets and the board's script are files, so that they are not strings.
            resources: [
                .embedInCode("Resources/openapi.json"),
                .embedInCode("Resources/messages.json"),
                .embedInCode("Resources/page-screen.css"), .embedInCode("Resources/page-phone.css"),
                .embedInCode("Resources/page-large.css"), .embedInCode("Resources/page-print.css"),
                .embedInCode("Resources/ticket.css"), .embedInCode("Resources/manage.css"),
                .embedInCode("Resources/board.css"), .embedInCode("Resources/board.js"),
            ]
        ),
        .executableTarget(
            name: "onewindowd",
            dependencies: [
                "OneWindowApp",
                "OneWindowCore",
                "OneWindowHTTP",
                "OneWindowStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The city service: halls' events into PostgreSQL, folded by the hall's own Core fold.
        .target(
            name: "OneWindowCity",
            dependencies: [
                "OneWindowCore",
                "OneWindowHTTP",
                "OneWindowApp",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Resources/city-openapi.json")]
        ),
        .executableTarget(
            name: "onewindow-city",
            dependencies: [
                "OneWindowCity",
                "OneWindowApp",
                "OneWindowCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The terminals' client talks to the daemon over HTTP only: it shares no code with it
        // but the Han character tables its letter keyboard reads pinyin initials from.
        .target(name: "OneWindowKiosk", dependencies: ["OneWindowHan"]),
        .executableTarget(
            name: "onewindow-kiosk",
            dependencies: ["OneWindowKiosk", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Writes a generated history (tickets, cases, visits, ratings over many days) through the
        // queue's own commands and the storage's write path, for bench/history.sh.
        .executableTarget(
            name: "onewindow-history",
            dependencies: ["OneWindowCore", "OneWindowStorage", .product(name: "GRDB", package: "GRDB.swift")],
            path: "bench/HistoryGenerator"
        ),
        // The city's year query after its rows arrive (decode, report, encode), without
        // PostgreSQL, from a real year of a hall's rollups: run by hand (see its header).
        .executableTarget(
            name: "onewindow-citysum",
            dependencies: ["OneWindowCity", "OneWindowCore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "bench/CitySum"
        ),
        .target(
            name: "OneWindowTesting",
            dependencies: ["OneWindowApp", "OneWindowCore", "OneWindowHTTP", "OneWindowStorage"]
        ),
        .testTarget(
            name: "OneWindowCoreTests",
            dependencies: [
                "OneWindowCore", "OneWindowHan", "OneWindowTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "OneWindowHTTPTests", dependencies: ["OneWindowHTTP", "OneWindowTesting"]),
        // Depends on the executable so that `swift test` builds the binary that the
        // process tests start; fixtures live in Tests/Fixtures, shared by all test targets.
        .testTarget(
            name: "OneWindowAppTests",
            dependencies: [
                "OneWindowApp", "OneWindowHan", "OneWindowTesting", "onewindowd",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // The city against a real PostgreSQL cluster (PostgresCluster) and real hall daemons.
        .testTarget(
            name: "OneWindowCityTests",
            dependencies: [
                "OneWindowCity", "OneWindowApp", "OneWindowCore", "OneWindowStorage", "OneWindowTesting", "onewindowd",
                "onewindow-city", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Depends on both executables: the end-to-end tests run the kiosk in a pseudo-terminal
        // against the real daemon.
        .testTarget(
            name: "OneWindowKioskTests",
            dependencies: [
                "OneWindowKiosk", "OneWindowTesting", "OneWindowHTTP", "OneWindowCore", "OneWindowStorage",
                "onewindowd",
                "onewindow-kiosk",
            ],
            // The receipt's golden file is read from the source tree by path.
            exclude: ["Golden"]
        ),
    ]
)
