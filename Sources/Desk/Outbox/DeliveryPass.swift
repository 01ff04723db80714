import Dispatch
import Foundation

/// One round of delivery: claim what is due, hand it over on every courier at once, journal how each attempt
/// ended, and go on until nothing due is left. When a channel's destination cannot be reached, that channel
/// stops and what it had not tried is handed back, so a dead server costs one timeout per worker, not one per
/// message; the other channels go on with the chunk, and the pass ends after it.
public struct DeliveryPass {
    public struct Summary: Sendable, Equatable {
        public var sent = 0
        public var deferred = 0
        public var failed = 0
        public var lastError: String?
        public init() {}
    }

    let desk: Desk
    let policy: RetryPolicy
    let couriers: [any Courier]
    /// Messages claimed (and journaled) at a time.
    let chunk: Int
    /// How long each claim holds (`DeliverySettings.claimSeconds`).
    let claimSeconds: Int64

    public init(desk: Desk, policy: RetryPolicy, couriers: [any Courier], chunk: Int = 1024, claimSeconds: Int64 = Desk.claimSeconds) {
        precondition(!couriers.isEmpty, "a delivery pass needs a courier")
        self.claimSeconds = claimSeconds
        self.desk = desk
        self.policy = policy
        self.couriers = couriers
        self.chunk = chunk
    }

    public func run(now: Int64) throws -> Summary {
        var summary = Summary()
        while true {
            let claimed = try desk.claimDue(now: now, limit: chunk, claimSeconds: claimSeconds)
            guard !claimed.isEmpty else { break }
            let signer = desk.bounceSigner
            let (results, unreachable) = hand(claimed.map { message in
                var sending = message
                sending.envelopeFrom = signer.sign(message.envelopeFrom)
                return sending
            })
            let updates = try desk.recordAttempts(results.compactMap { $0 }.map { ($0.id, $0.result.attempt) }, policy: policy, now: now)
            for update in updates {
                switch update.state {
                case .sent: summary.sent += 1
                case .deferred: summary.deferred += 1
                case .failed: summary.failed += 1
                default: break
                }
                if let error = update.error { summary.lastError = error }
            }
            if let unreachable {
                let untried = zip(claimed, results).filter { $0.1 == nil }.map(\.0.id)
                let retryAt = policy.nextAttempt(after: 1, now: now, queuedAt: now) ?? now + 300
                try desk.releaseClaims(untried, retryAt: retryAt, reason: unreachable, now: now)
                summary.deferred += untried.count
                summary.lastError = unreachable
                break
            }
        }
        return summary
    }

    /// Hands the messages over on all couriers; nil results were not tried (their channel's destination went
    /// away). A dead mail server stops the mail, not the texts, the event webhooks or Stripe beside it.
    private func hand(_ messages: [OutboxMessage]) -> ([(id: String, result: CourierResult)?], unreachable: String?) {
        let results = ResultsByIndex<(id: String, result: CourierResult)>(count: messages.count)
        let next = NextIndex(count: messages.count)
        let gone = UnreachableChannels()
        let couriers = self.couriers
        DispatchQueue.concurrentPerform(iterations: couriers.count) { worker in
            // Each index is taken by exactly one worker, so no two threads write the same element.
            while let i = next.take() {
                guard !gone.contains(messages[i].channel) else { continue }
                let result = couriers[worker].hand(messages[i])
                results[i] = (messages[i].id, result)
                if case .unreachable(let reason) = result { gone.insert(messages[i].channel, reason: reason) }
            }
        }
        return (results.all, gone.firstReason)
    }
}

/// The channels whose destination could not be reached during one hand-over, and the first reason given.
private final class UnreachableChannels: @unchecked Sendable {
    private let lock = NSLock()
    private var channels: Set<OutboxMessage.Channel> = []
    private var reason: String?  // both read and written under `lock`

    func contains(_ channel: OutboxMessage.Channel) -> Bool { lock.withLock { channels.contains(channel) } }

    func insert(_ channel: OutboxMessage.Channel, reason why: String) {
        lock.withLock {
            channels.insert(channel)
            if reason == nil { reason = why }
        }
    }

    var firstReason: String? { lock.withLock { reason } }
}
