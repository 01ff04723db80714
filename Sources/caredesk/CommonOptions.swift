import ArgumentParser
import Foundation
import Desk
import Server

/// Options every subcommand that works on a data folder shares.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "The data folder (store, outgoing mail).")
    var data: String

    @Option(name: .long, help: "The store: postgres://user@host:port/database (also CAREDESK_DATABASE_URL); default: the data folder's journal.")
    var store: String?

    @Option(name: .long, help: "Fix the clock (ISO 8601, e.g. 2026-03-02T10:00:00+05:30); also CAREDESK_NOW.")
    var now: String?

    var folder: URL { URL(fileURLWithPath: data) }

    /// The store `--store` or CAREDESK_DATABASE_URL names, or the data folder's journal.
    func storeChoice() throws -> StoreChoice { try StoreChoice(option: store) }

    /// Seconds since 1970 (UTC): `--now`, else `CAREDESK_NOW`, else the system clock.
    func instant() throws -> Int64 {
        guard let text = now ?? ProcessInfo.processInfo.environment["CAREDESK_NOW"] else {
            return Int64(Date().timeIntervalSince1970)
        }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970) }
        throw ValidationError("--now \(text): not an ISO 8601 instant; write e.g. 2026-03-02T10:00:00+05:30")
    }

    /// The system's CSPRNG, unless `CAREDESK_TEST_SEED` asks for predictable codes and references (the
    /// demo, the tests); honoured only with a fixed clock, which no clinic runs with.
    func randomness() throws -> DeskRandomness {
        guard let text = ProcessInfo.processInfo.environment["CAREDESK_TEST_SEED"], !text.isEmpty else { return .system }
        guard now != nil || ProcessInfo.processInfo.environment["CAREDESK_NOW"] != nil else {
            throw ValidationError("CAREDESK_TEST_SEED makes codes and references predictable: it is for the demo and tests "
                                  + "and honoured only with a fixed clock (--now or CAREDESK_NOW); unset it")
        }
        guard let seed = UInt64(text) else { throw ValidationError("CAREDESK_TEST_SEED \(text): not a number") }
        return .predictable(seed: seed)
    }

    /// The desk's clock: fixed at `--now` or `CAREDESK_NOW` when either is set, else the system clock.
    func clock() throws -> DeskClock {
        guard now != nil || ProcessInfo.processInfo.environment["CAREDESK_NOW"] != nil else { return .system }
        return DeskClock(fixedAt: try instant())
    }
}
