import Clinic
import Foundation
import Testing
@testable import Desk

/// The outbox's counts by state, its pending ids and when one last went are kept as it changes, so they
/// always equal a walk over every message — after queueing, claiming, sending, deferring, failing,
/// forgetting, and a snapshot read back.
@Suite struct OutboxCountsTests {
    func expectCountsMatchAWalk(_ outbox: Outbox, _ note: String) {
        for state in OutboxMessage.State.allCases {
            #expect((outbox.counts[state] ?? 0) == outbox.values.filter { $0.state == state }.count, "\(state) after \(note)")
        }
        #expect(outbox.pendingIDs == Set(outbox.values.filter(\.isPending).map(\.id)), "pending after \(note)")
        let sent = outbox.values.filter { $0.state == .sent }.compactMap(\.finishedAt).max()
        if let sent { #expect(outbox.lastSentAt.map { $0 >= sent } == true, "last sent after \(note)") }
    }

    @Test func countsFollowEveryChange() throws {
        var state = DeskState()
        var random = SeededGenerator(seed: 3)
        var ids: [String] = []
        for step in 0..<600 {
            let roll = random.next() % 6
            let id = ids.isEmpty || roll == 0 ? "m\(step)" : ids[Int(random.next() % UInt64(ids.count))]
            let at = Int64(1_000 + step)
            let record: DeskRecord
            switch roll {
            case 0:
                ids.append(id)
                record = .message(HandledMessage(key: "in-\(step)", events: [],
                                                 replies: [OutboxMessage(id: id, envelopeFrom: "", recipients: ["a@example.in"], data: "x", createdAt: at)]))
            case 1: record = .delivered([id])
            case 2: record = .outboxUpdates([OutboxUpdate(id: id, state: .sending, at: at, attempts: 0, nextAttemptAt: at + 60)])
            case 3: record = .outboxUpdates([OutboxUpdate(id: id, state: .deferred, at: at, attempts: 1, nextAttemptAt: at + 300, error: "451")])
            case 4: record = .outboxUpdates([OutboxUpdate(id: id, state: .failed, at: at, attempts: 2, error: "550")])
            default:
                ids.removeAll { $0 == id }
                record = .forgotten([id])
            }
            state.apply(record)
            expectCountsMatchAWalk(state.outbox, "step \(step) (\(roll))")
        }
        let decoded = try JSONDecoder().decode(Outbox.self, from: JSONEncoder().encode(state.outbox))
        #expect(decoded == state.outbox)
        #expect(decoded.counts.filter { $0.value != 0 } == state.outbox.counts.filter { $0.value != 0 })
        #expect(decoded.pendingIDs == state.outbox.pendingIDs)
    }
}
