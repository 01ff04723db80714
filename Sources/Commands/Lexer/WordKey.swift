/// A lowercased word as a plain value: its UTF-8 bytes packed into two integers (bytes 0–7 in `low`,
/// 8–14 in `high`, the length in the top byte of `high`). A word longer than 15 bytes keeps only a
/// 64-bit digest (length byte 0xFF), which no short word can equal. Copying, comparing and hashing a key
/// costs a few instructions, and tokens holding keys need no reference counting.
struct WordKey: Hashable, Sendable {
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0

    static let maximumLength = 15

    private init() {}

    /// The key of `bytes`, with ASCII capitals lowered when `lowercasing` (other bytes are kept as they are).
    init(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool = false) {
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 {
            lowercasing && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        guard bytes.count <= Self.maximumLength else {
            var digest: UInt64 = 0xCBF2_9CE4_8422_2325   // FNV-1a
            for byte in bytes { digest = (digest ^ UInt64(lower(byte))) &* 0x0100_0000_01B3 }
            low = digest
            high = 0xFF << 56 | UInt64(truncatingIfNeeded: bytes.count)
            return
        }
        for i in 0..<bytes.count {
            let byte = UInt64(lower(bytes[i]))
            if i < 8 { low |= byte << (8 * i) } else { high |= byte << (8 * (i - 8)) }
        }
        high |= UInt64(bytes.count) << 56
    }

    /// The key of a word of at most 15 bytes, with ASCII capitals lowered eight bytes at a time; also
    /// whether the word is all ASCII and whether it holds a dot.
    static func lowercasing(short bytes: UnsafeBufferPointer<UInt8>) -> (key: WordKey, ascii: Bool, dot: Bool) {
        precondition(bytes.count <= maximumLength)
        var low: UInt64 = 0
        var high: UInt64 = 0
        let n = bytes.count
        var i = 0
        while i < n && i < 8 { low |= UInt64(bytes[i]) << (8 * i); i += 1 }
        while i < n { high |= UInt64(bytes[i]) << (8 * (i - 8)); i += 1 }
        let ascii = (low | high) & highBits == 0
        let dot = hasByte(low, 0x2E) || hasByte(high, 0x2E)
        var key = WordKey()
        key.low = lowerASCII(low)
        key.high = lowerASCII(high) | UInt64(bytes.count) << 56
        return (key, ascii, dot)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// `x` with the bytes "A"..."Z" lowered; other bytes (non-ASCII ones included) unchanged.
    @inline(__always)
    private static func lowerASCII(_ x: UInt64) -> UInt64 {
        let heptets = x & (0x7F &* ones)
        let atLeastA = heptets &+ (0x80 - 0x41) &* ones   // high bit set where a byte is >= "A"
        let pastZ = heptets &+ (0x80 - 0x5B) &* ones      // high bit set where a byte is > "Z"
        let upper = atLeastA & ~pastZ & ~x & highBits
        return x | (upper >> 2)
    }

    /// Whether one of the bytes of `x` is `byte` (zero bytes never match a non-zero `byte`).
    @inline(__always)
    private static func hasByte(_ x: UInt64, _ byte: UInt8) -> Bool {
        let v = x ^ (UInt64(byte) &* ones)
        return (v &- ones) & ~v & highBits != 0
    }

    /// The key of a lowercased word.
    init(_ word: String) {
        var word = word
        self = word.withUTF8 { WordKey($0) }
    }

    /// Whether the bytes are kept (the word has at most 15 bytes).
    var isShort: Bool { high >> 56 != 0xFF }
    /// The number of bytes of a short word.
    var count: Int { isShort ? Int(high >> 56) : Int(truncatingIfNeeded: high & 0xFFFF_FFFF) }

    /// Byte `i` of a short word.
    subscript(i: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: i < 8 ? low >> (8 * i) : high >> (8 * (i - 8)))
    }

    /// The bytes of a short word from `start` on: "10am" from 2 is "am".
    func dropFirst(_ start: Int) -> WordKey {
        guard isShort, start > 0 else { return self }
        let n = max(0, count - start)
        var key = WordKey()
        for i in 0..<n {
            let byte = UInt64(self[start + i])
            if i < 8 { key.low |= byte << (8 * i) } else { key.high |= byte << (8 * (i - 8)) }
        }
        key.high |= UInt64(n) << 56
        return key
    }

    /// Whether a short word's bytes include `byte`.
    func contains(_ byte: UInt8) -> Bool {
        guard isShort else { return false }
        for i in 0..<count where self[i] == byte { return true }
        return false
    }

    /// The word, for a short one.
    var string: String? {
        guard isShort else { return nil }
        let n = count
        return String(unsafeUninitializedCapacity: n) { buffer in
            for i in 0..<n { buffer[i] = self[i] }
            return n
        }
    }

    /// Mixes the key with `context` (a trie node) into a table slot hash.
    @inline(__always)
    func hash(context: UInt64 = 0) -> UInt64 {
        (((low ^ (context &* 0xD6E8_FEB8_6659_FD93)) &* 0x9E37_79B9_7F4A_7C15) ^ high) &* 0xBF58_476D_1CE4_E5B9
    }
}
