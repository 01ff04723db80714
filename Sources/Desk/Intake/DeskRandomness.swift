import Clinic

/// Where the desk draws verification codes, references and request ids from. Whatever is drawn ends up
/// in the message's events in the journal, so a replay reaches the same state without drawing again.
public enum DeskRandomness: Sendable, Equatable {
    /// The system's CSPRNG (getrandom): nothing a sender writes, the Message-ID included, says what is drawn.
    case system
    /// For the demo and the tests only, never a clinic: each message's draws follow from this seed and the
    /// message's key, so a transcript can be kept and compared. The command line honours it only together
    /// with a fixed clock.
    case predictable(seed: UInt64)
}

/// The generator one message's decision draws from.
struct MessageRandom: RandomNumberGenerator {
    private var system: SystemRandomNumberGenerator?
    private var seeded: SeededGenerator?

    init(_ randomness: DeskRandomness, for mail: InboundMessage) {
        switch randomness {
        case .system: system = SystemRandomNumberGenerator()
        case .predictable(let seed): seeded = SeededGenerator(seed: seed ^ mail.seed)
        }
    }

    /// For what the clock or Stripe causes, named by its key (predictable draws follow from the key).
    init(_ randomness: DeskRandomness, key: String) {
        switch randomness {
        case .system: system = SystemRandomNumberGenerator()
        case .predictable(let seed): seeded = SeededGenerator(seed: seed ^ InboundMessage.seed(of: key))
        }
    }

    mutating func next() -> UInt64 {
        if system != nil { return system!.next() }
        return seeded!.next()
    }
}
