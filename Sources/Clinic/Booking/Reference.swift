/// Appointment references: five characters a person can read aloud and type from a phone without confusion.
public enum Reference {
    /// Digits and capitals without 0/O, 1/I/L — 31 symbols, 28 million references.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// A fresh reference with both letters and digits, drawn from `random` until it is unused.
    public static func make(isUsed: (String) -> Bool, random: inout some RandomNumberGenerator) -> String {
        while true {
            let chars = (0..<5).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            guard chars.contains(where: \.isLetter), chars.contains(where: \.isNumber) else { continue }
            let ref = String(chars)
            if !isUsed(ref) { return ref }
        }
    }

    /// Whether `text` has the shape of a reference (after uppercasing).
    public static func isWellFormed(_ text: String) -> Bool {
        text.count == 5 && text.allSatisfy { alphabet.contains($0) }
    }
}

/// SplitMix64: a small seeded generator, so that the core's choices (references, codes) are reproducible
/// from the seed the desk derives from each message.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
