import Clinic
import Foundation

/// How one attempt to hand a message over ended.
public enum AttemptOutcome: Sendable, Equatable {
    case sent
    /// Done, with Stripe's answer for the clinic (a PaymentIntent made, a refund through).
    case answered(PaymentReport)
    /// Worth trying again later (4xx, refused connection, timeout).
    case temporary(String)
    /// Never worth trying again (5xx, an address the server refuses).
    case permanent(String)
    /// An event webhook endpoint answered 410 Gone: it wants nothing more from us.
    case gone(String)
}

/// The outbox seen from the deliverer: claim what is due, record how each attempt ended. Claims and results
/// are journaled, so two processes on one data folder never send the same message at once, and a process
/// that dies mid-send leaves its claim to expire: the message is then sent again, with the same Message-ID.
extension Desk {
    /// How long a claim holds by default before another pass may take the message over (longer than any
    /// transfer); `DeliverySettings.claimSeconds` sets it.
    public static let claimSeconds: Int64 = 15 * 60

    /// Claims the messages due at `now`, fresh ones (never tried) before retries so a backlog never holds up new
    /// mail, at most `limit`. Messages whose every recipient bounced earlier fail at once, without an attempt.
    public func claimDue(now: Int64, limit: Int = 1000, claimSeconds: Int64 = Desk.claimSeconds) throws -> [OutboxMessage] {
        if let ids = try store.claimOutbox(dueAt: now, limit: limit, until: now + claimSeconds) {
            return try claimedByStore(ids, now: now)
        }
        return try store.update { state -> ([DeskRecord], [OutboxMessage]) in
            var fresh: [OutboxMessage] = [], retries: [OutboxMessage] = []
            var updates: [OutboxUpdate] = []
            let reach = Reachability(state)
            for message in state.outbox.pending where (message.nextAttemptAt ?? 0) <= now {
                if let refusal = reach.refusal(of: message, now: now) {
                    updates.append(refusal)
                } else if message.attempts == 0 && message.state != .sending {
                    fresh.append(message)
                } else {
                    retries.append(message)
                }
            }
            let order: (OutboxMessage, OutboxMessage) -> Bool = { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            let claimed = Array((fresh.sorted(by: order) + retries.sorted(by: order)).prefix(limit))
            for message in claimed {
                updates.append(OutboxUpdate(id: message.id, state: .sending, at: now, attempts: message.attempts,
                                            nextAttemptAt: now + claimSeconds))
            }
            guard !updates.isEmpty else { return ([], []) }
            state.absorb(.outboxUpdates(updates), eventsApplied: false)
            return ([.outboxUpdates(updates)], claimed)
        }
    }

    /// Whether other processes may be handing this desk's outbox over at the same moment (a shared database):
    /// then nothing is handed over without a claim, not even a reply just committed.
    public var outboxIsShared: Bool { store.claimsOutbox }

    /// The messages a store claimed itself (see `StateStore.claimOutbox`), as this desk knows them (caught up
    /// first if another process queued one it has not seen); those whose every recipient bounced before fail at
    /// once, without an attempt, as with journaled claims.
    private func claimedByStore(_ ids: [String], now: Int64) throws -> [OutboxMessage] {
        guard !ids.isEmpty else { return [] }
        if ids.contains(where: { store.state.outbox[$0] == nil }) { try store.refresh() }
        let messages = ids.compactMap { store.state.outbox[$0] }.filter(\.isPending)
        let reach = Reachability(store.state)
        let refusals = messages.compactMap { reach.refusal(of: $0, now: now) }
        if !refusals.isEmpty {
            try store.update { state -> ([DeskRecord], Void) in
                state.absorb(.outboxUpdates(refusals), eventsApplied: false)
                return ([.outboxUpdates(refusals)], ())
            }
        }
        let refused = Set(refusals.map(\.id))
        return messages.filter { !refused.contains($0.id) }
    }

    /// Journals how the attempts on claimed messages ended: sent, deferred by the retry policy, or failed.
    @discardableResult
    public func recordAttempts(_ results: [(id: String, outcome: AttemptOutcome)], policy: RetryPolicy, now: Int64) throws -> [OutboxUpdate] {
        guard !results.isEmpty else { return [] }
        let result = try store.update { state -> ([DeskRecord], [OutboxUpdate]) in
            var updates: [OutboxUpdate] = []
            var answers: [(key: String, report: PaymentReport)] = []
            var gone = Set<String>()
            for (id, outcome) in results {
                guard let message = state.outbox[id], message.isPending else { continue }
                let attempts = message.attempts + 1
                switch outcome {
                case .sent:
                    updates.append(OutboxUpdate(id: id, state: .sent, at: now, attempts: attempts))
                case .answered(let report):
                    updates.append(OutboxUpdate(id: id, state: .sent, at: now, attempts: attempts))
                    answers.append((key: "stripe answer \(id)", report: report))
                case .permanent(let reason):
                    updates.append(OutboxUpdate(id: id, state: .failed, at: now, attempts: attempts, error: reason))
                case .gone(let reason):
                    updates.append(OutboxUpdate(id: id, state: .failed, at: now, attempts: attempts, error: reason))
                    if let url = message.recipients.first { gone.insert(url) }
                case .temporary(let reason):
                    if let next = policy.nextAttempt(after: attempts, now: now, queuedAt: message.createdAt) {
                        updates.append(OutboxUpdate(id: id, state: .deferred, at: now, attempts: attempts, nextAttemptAt: next, error: reason))
                    } else {
                        updates.append(OutboxUpdate(id: id, state: .failed, at: now, attempts: attempts,
                                                    error: "gave up after \(policy.giveUpHours) hours: \(reason)"))
                    }
                }
            }
            guard !updates.isEmpty else { return ([], []) }
            state.absorb(.outboxUpdates(updates), eventsApplied: false)
            var records: [DeskRecord] = [.outboxUpdates(updates)]
            records += disable(gone.subtracting(state.disabledEndpoints), state: &state, now: now)
            records += applyPaymentReports(answers, state: &state, now: now)
            return (records, updates)
        }
        try compactAfterErasureAnswers()
        return result
    }

    /// Hands a claim back untried (the pass stopped early: the server went away): the message keeps its
    /// attempts and is due again at `retryAt`.
    public func releaseClaims(_ ids: [String], retryAt: Int64, reason: String, now: Int64) throws {
        guard !ids.isEmpty else { return }
        try store.update { state -> ([DeskRecord], Void) in
            let updates = ids.compactMap { id in
                state.outbox[id].map {
                    OutboxUpdate(id: id, state: $0.attempts == 0 ? .queued : .deferred, at: now, attempts: $0.attempts,
                                 nextAttemptAt: retryAt, error: reason)
                }
            }
            guard !updates.isEmpty else { return ([], ()) }
            state.absorb(.outboxUpdates(updates), eventsApplied: false)
            return ([.outboxUpdates(updates)], ())
        }
    }

    /// Drops sent and failed messages finished more than `keepDays` ago.
    public func forgetFinished(now: Int64, keepDays: Int) throws {
        let horizon = now - Int64(keepDays) * 86_400
        try store.update { state -> ([DeskRecord], Void) in
            let ids = state.outbox.values.filter { !$0.isPending && ($0.finishedAt ?? $0.createdAt) < horizon }.map(\.id).sorted()
            guard !ids.isEmpty else { return ([], ()) }
            state.absorb(.forgotten(ids), eventsApplied: false)
            return ([.forgotten(ids)], ())
        }
    }
}
