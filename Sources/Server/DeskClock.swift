import Foundation

/// The instant the desk decides at: fixed (tests, `--now`) or the system clock, in seconds since 1970 (UTC).
public struct DeskClock: Sendable {
    private let fixed: Int64?

    public init(fixedAt instant: Int64? = nil) {
        fixed = instant
    }

    public static let system = DeskClock()

    public func now() -> Int64 {
        fixed ?? Int64(Date().timeIntervalSince1970)
    }
}
