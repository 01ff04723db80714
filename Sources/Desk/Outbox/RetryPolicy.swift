/// When a message that could not be handed over is tried again: doubling waits from `firstRetryMinutes`,
/// never more than `maxRetryMinutes` apart, and given up `giveUpHours` after it was queued.
public struct RetryPolicy: Sendable, Codable, Equatable {
    public var firstRetryMinutes: Int
    public var maxRetryMinutes: Int
    public var giveUpHours: Int

    public init(firstRetryMinutes: Int = 5, maxRetryMinutes: Int = 60, giveUpHours: Int = 120) {
        self.firstRetryMinutes = firstRetryMinutes
        self.maxRetryMinutes = maxRetryMinutes
        self.giveUpHours = giveUpHours
    }

    /// The instant of the next attempt after `attempts` failed ones ended at `now`, or nil to give up.
    public func nextAttempt(after attempts: Int, now: Int64, queuedAt: Int64) -> Int64? {
        let giveUpAt = queuedAt + Int64(giveUpHours) * 3600
        guard now < giveUpAt else { return nil }
        let doublings = min(max(attempts - 1, 0), 30)
        let minutes = min(Int64(firstRetryMinutes) << doublings, Int64(maxRetryMinutes))
        return min(now + max(minutes, 1) * 60, giveUpAt)
    }
}
