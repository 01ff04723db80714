/// Character classes the lexer and the validators share, decided on UTF-8 bytes (the hot path never
/// decodes scalars).
enum ScalarClasses {
    /// The byte length of the separator at `i`, or 0. Separators: ASCII white space, NBSP (U+00A0), NEL,
    /// the Unicode spaces U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, and the invisible
    /// zero-width space, word joiner and byte-order mark (U+200B, U+2060, U+FEFF) that mail clients leave.
    @inline(__always)
    static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : 0 }
        let n = bytes.count
        if b == 0xC2 { return i + 1 < n && (bytes[i + 1] == 0xA0 || bytes[i + 1] == 0x85) ? 2 : 0 }
        guard b >= 0xE1, b <= 0xEF, i + 2 < n else { return 0 }
        let c = bytes[i + 1], d = bytes[i + 2]
        switch (b, c) {
        case (0xE1, 0x9A): return d == 0x80 ? 3 : 0
        case (0xE2, 0x80): return d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF ? 3 : 0
        case (0xE2, 0x81): return d == 0x9F || d == 0xA0 ? 3 : 0
        case (0xE3, 0x80): return d == 0x80 ? 3 : 0
        case (0xEF, 0xBB): return d == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// Control characters (category Cc) and the invisible format characters that can hide or reorder
    /// text (LRM/RLM, bidi embeddings, overrides and isolates). ZWJ and ZWNJ are allowed: Indic scripts need them.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        switch v {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Whether `text` holds any unsafe scalar; printable ASCII is checked without decoding.
    static func containsUnsafe(_ text: some StringProtocol) -> Bool {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return false }
        return text.unicodeScalars.contains(where: isUnsafe)
    }
}
