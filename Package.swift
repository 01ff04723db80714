// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "CareDesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "caredesk", targets: ["caredesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
        // one message in -> one commit
        .target(name: "Desk", dependencies: [
            "Clinic", "Commands", "Mail", "Store",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .executableTarget(name: "caredesk", dependencies: [
            "Desk", "Clinic", "Mail", "Store",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        .testTarget(name: "ClinicTests", dependencies: ["Clinic"]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "Clinic"]),
        .testTarget(name: "MailTests", dependencies: ["Mail"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        // swift-mustache only as the reference the reply templates' own renderer is checked against
        .testTarget(name: "DeskTests", dependencies: [
            "Desk", "Clinic", "Commands", "Mail", "Store",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["Mail"], exclude: ["Golden"]),
    ]
)
