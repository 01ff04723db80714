import PropertyBased

/// One step of a random history, as drawn: what happens (a message of some kind, time passing, the clock's
/// round, a crash, a compaction), who writes, and three small numbers the run reads against the state it has
/// reached (which doctor, day, time or appointment). Drawn blind, so the same numbers name a real appointment
/// in one history and nothing in another — both must be answered.
struct HistoryStep: Sendable, CustomStringConvertible {
    enum Kind: String, Sendable, CaseIterable {
        // patients
        case book, cancel, reschedule, forgetMe, readOnly, register, verify
        // doctors
        case done, noShow, cancelDay, leave, hours
        // the front desk
        case broadcastCancel, paidCash
        // anyone
        case confirm, gibberish, resend
        // not a message
        case advance, clockRound, paidOnline, crash, tornCommit, compact
    }

    var kind: Kind
    /// Who writes: a patient on file, a newcomer, a doctor or the desk, depending on the kind (see HistoryCast).
    var sender: Int
    var a: Int
    var b: Int
    var c: Int
    /// Whether the clinic's mail server vouched for the sender (DMARC pass); without it destructive commands wait for CONFIRM.
    var authenticated: Bool

    var description: String { "\(kind.rawValue)(\(sender),\(a),\(b),\(c)\(authenticated ? "" : ",unauthenticated"))" }

    /// How often each kind is drawn, out of the sum: bookings most, crashes and compactions often enough that a
    /// history of forty steps meets a few.
    static let weights: [(Kind, Int)] = [
        (.book, 22), (.cancel, 8), (.reschedule, 6), (.forgetMe, 2), (.readOnly, 4), (.register, 2), (.verify, 2),
        (.done, 4), (.noShow, 3), (.cancelDay, 2), (.leave, 1), (.hours, 1),
        (.broadcastCancel, 2), (.paidCash, 2),
        (.confirm, 5), (.gibberish, 2), (.resend, 5),
        (.advance, 10), (.clockRound, 5), (.paidOnline, 4), (.crash, 3), (.tornCommit, 3), (.compact, 3),
    ]

    static func kind(drawn: Int) -> Kind {
        var left = drawn % weights.reduce(0) { $0 + $1.1 }
        for (kind, weight) in weights {
            if left < weight { return kind }
            left -= weight
        }
        return .book
    }

    /// A step: every part a plain integer, so shrinking a failing history makes its numbers smaller too.
    static let generator = zip(Gen.int(in: 0...999), Gen.int(in: 0...15), Gen.int(in: 0...999), Gen.int(in: 0...999),
                               Gen.int(in: 0...999), Gen.bool(0.8))
        .map { drawn in
            HistoryStep(kind: kind(drawn: drawn.0), sender: drawn.1, a: drawn.2, b: drawn.3, c: drawn.4, authenticated: drawn.5)
        }
}

/// A whole history: the seed of the desk's own randomness (codes and references), whether the clinic takes
/// payment online, and the steps.
struct History: Sendable, CustomStringConvertible {
    var seed: UInt64
    var paymentsOnline: Bool
    var steps: [HistoryStep]

    var description: String {
        "History(seed: \(seed), paymentsOnline: \(paymentsOnline), \(steps.count) steps: \(steps.map(\.description).joined(separator: " ")))"
    }

    static func generator(steps: ClosedRange<Int>) -> Generator<History, some SendableSequenceType> {
        zip(Gen.uint64(in: 0...UInt64(UInt32.max)), Gen.bool(0.5), HistoryStep.generator.array(of: steps))
            .map { History(seed: $0.0, paymentsOnline: $0.1, steps: $0.2) }
    }
}
