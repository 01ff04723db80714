extension String {
    /// The string with A–Z made a–z and every other character left as it is: how addresses compare.
    /// Unicode lowercasing would turn a look-alike such as the Kelvin sign (U+212A) into "k", letting
    /// "des\u{212A}@…" act as "desk@…".
    public var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
