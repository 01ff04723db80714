import Foundation
import PostgresNIO

/// Delivery claims in the outbox table, not in the log: each round takes the rows due `FOR UPDATE SKIP LOCKED`
/// and marks them claimed until its lease ends, in a short transaction of its own that does not wait for the
/// log's lock — rounds on several instances claim at once, and a row goes to exactly one of them. The
/// attempt's result is journaled as ever (and clears the claim); a dead instance's claim runs out.
extension PostgresDeskStore {
    /// An instance's name on its claims (host and process), for the operator's queries.
    static let claimant = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"

    public var claimsOutbox: Bool { true }

    public func claimOutbox(dueAt now: Int64, limit: Int, until: Int64) throws -> [String]? {
        let rows = try db.run("""
            UPDATE caredesk_outbox SET claimed_by = \(Self.claimant), claimed_until = \(until)
            WHERE id IN (
                SELECT id FROM caredesk_outbox
                WHERE state IN ('queued', 'sending', 'deferred') AND coalesce(next_attempt_at, 0) <= \(now)
                  AND coalesce(claimed_until, 0) <= \(now)
                ORDER BY (attempts = 0 AND state = 'queued') DESC, created_at, id
                LIMIT \(Int64(limit))
                FOR UPDATE SKIP LOCKED)
            RETURNING id, (attempts = 0 AND state = 'queued') AS fresh, created_at
            """).rows
        // RETURNING keeps no order: put fresh mail first, then the oldest, as the claim chose them.
        var claimed: [(id: String, fresh: Bool, createdAt: Int64)] = []
        for row in rows {
            let (id, fresh, createdAt) = try row.decode((String, Bool, Int64).self)
            claimed.append((id, fresh, createdAt))
        }
        claimed.sort { ($0.fresh ? 0 : 1, $0.createdAt, $0.id) < ($1.fresh ? 0 : 1, $1.createdAt, $1.id) }
        return claimed.map(\.id)
    }
}
