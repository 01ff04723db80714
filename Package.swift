// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]
let tcmalloc: [LinkerSetting] = [.linkedLibrary(":libtcmalloc_minimal.so.4", .when(platforms: [.linux]))]

let package = Package(
    name: "CareDesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "caredesk", targets: ["caredesk"]),
        .executable(name: "caredesk-bench", targets: ["caredesk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // 4.x: jwt-kit 5 asks for it
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // tests only: random histories against the desk's invariants, a failing seed printed for replay
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // core: the clinic, pure functions of (state, intent, now)
        .target(name: "Clinic", swiftSettings: strict),
        // the command language: text -> intents
        .target(name: "Commands", dependencies: ["Clinic"], swiftSettings: strict),
        // RFC 5322 / MIME parse and build, Maildir and mbox spools
        .target(name: "Mail", swiftSettings: strict),
        // journal + snapshot + lock, generic over the state it keeps
        .target(name: "Store", swiftSettings: strict),
        // libcurl (system library) + typed setopt/getinfo shims; only Transport touches them
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShims", dependencies: ["CCurl"]),
        // SMTP sender and HTTP poster over one reused libcurl easy handle each
        .target(name: "Transport", dependencies: ["CCurlShims"], swiftSettings: strict),
        // SMS conventions: carrier keywords (STOP, START, HELP), GSM-7/UCS-2 segments, E.164 numbers; pure
        .target(name: "SMS", swiftSettings: strict),
        // webhook building blocks: form bodies, Twilio / Standard Webhooks signatures, the generic JSON message; no I/O
        .target(name: "Webhooks", dependencies: [
            "SMS",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),
        // the pay page's links: signed, expiring JWTs (HS256) naming one appointment and nothing else
        .target(name: "PayLinks", dependencies: [
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: strict),
        // one message in -> one commit
        .target(name: "Desk", dependencies: [
            "Clinic", "Commands", "Mail", "Store", "SMS", "PayLinks",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // the desk's state in PostgreSQL (postgres-nio): the same log of records as the journal, under an advisory
        // lock, with tables the database itself keeps true (no two active appointments overlap, ids handled once)
        .target(name: "DeskDatabase", dependencies: [
            "Desk", "Clinic", "Store",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // the desk's outbox handed to real transports (SMTP now; SMS and webhooks later)
        .target(name: "Delivery", dependencies: ["Desk", "Clinic", "Transport", "Webhooks"], swiftSettings: strict),
        // the long-lived process: HTTP intake (Hummingbird), the Maildir watcher, delivery and tick rounds,
        // and the one serial owner of the desk they all go through
        .target(name: "Server", dependencies: [
            "Desk", "Delivery", "Store", "Webhooks", "SMS", "Clinic", "PayLinks",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .executableTarget(name: "caredesk", dependencies: [
            "Desk", "Clinic", "Mail", "Store", "Delivery", "Server", "DeskDatabase",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict,
        // glibc's malloc takes a lock and coalesces for every block over 1 KB freed on another thread than the
        // one that made it — every reply and message here; tcmalloc's per-thread caches do not (about 14% less
        // CPU per ingested message, see README). Linked by file name: only the runtime package
        // (libtcmalloc-minimal4, installed by scripts/deps.sh) is needed, not the -dev one.
        linkerSettings: tcmalloc),
        // child processes started with default signal dispositions and an empty mask, from any thread (posix_spawn)
        .target(name: "ChildProcess", swiftSettings: strict),
        // a large made-up clinic and its mail, for measurements only (the bench, the opt-in speed suites)
        .target(name: "SyntheticData", dependencies: ["Desk", "Clinic", "Store"], swiftSettings: strict),
        // every measurement, apart from the product: the load generators, the peers, the figures
        .executableTarget(name: "caredesk-bench", dependencies: [
            "Desk", "Clinic", "Commands", "Mail", "Store", "Delivery", "Server", "DeskDatabase", "ChildProcess", "SyntheticData",
            // signs its requests (Webhooks); plays the patients paying on the Stripe API (Transport)
            "Webhooks", "Transport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            // the bare endpoint beside the desk's, both stopped as `serve` stops
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: strict,
        // the same allocator as the product, so the figures are the product's
        linkerSettings: tcmalloc),

        .testTarget(name: "ClinicTests", dependencies: ["Clinic"]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "Clinic"]),
        .testTarget(name: "MailTests", dependencies: ["Mail"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        // what every store promises the desk, run against the journal and a real PostgreSQL alike
        .testTarget(name: "StoreContractTests", dependencies: ["Store", "Desk", "DeskDatabase", "Clinic", "TestServers"]),
        // real servers the tests start on loopback (aiosmtpd, PostgreSQL, test certificates), shared by the test targets
        .target(name: "TestServers", dependencies: ["ChildProcess"], path: "Tests/TestServers"),
        .testTarget(name: "WebhooksTests", dependencies: ["Webhooks"], swiftSettings: strict),
        .testTarget(name: "SMSTests", dependencies: ["SMS"], swiftSettings: strict),
        .testTarget(name: "PayLinksTests", dependencies: ["PayLinks"], swiftSettings: strict),
        .testTarget(name: "ChildProcessTests", dependencies: ["ChildProcess"], swiftSettings: strict),
        .testTarget(name: "TransportTests", dependencies: ["Transport", "TestServers"], swiftSettings: strict),
        // swift-mustache only as the reference the reply templates' own renderer is checked against
        .testTarget(name: "DeskTests", dependencies: [
            "Desk", "Clinic", "Commands", "Mail", "Store", "SyntheticData",
            // the disk-fault loop's children, reaped with waitpid (not Foundation's SIGCHLD watch)
            "ChildProcess",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "Mail", "SMS", "TestServers",
            // HMAC for signing webhook requests the way Twilio and Standard Webhooks senders do, independently of ours
            .product(name: "Crypto", package: "swift-crypto"),
        ], exclude: ["Golden"]),
    ]
)
