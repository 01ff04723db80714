extension String {
    /// The string with A–Z made a–z and every other character left as it is: how addresses compare.
    /// Unicode lowercasing would turn a look-alike such as the Kelvin sign (U+212A) into "k", letting
    /// "des\u{212A}@…" act as "desk@…".
    public var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

extension String {
    /// Whether the two are equal once A–Z are folded to a–z (nothing else folded), compared byte by byte
    /// without making either string anew: how `role(of:)` matches an address against every doctor's.
    public func equalsFoldingASCII(_ other: String) -> Bool {
        var a = utf8.makeIterator(), b = other.utf8.makeIterator()
        while true {
            switch (a.next(), b.next()) {
            case (nil, nil): return true
            case (let x?, let y?):
                if x == y { continue }
                if x | 0x20 != y | 0x20 { return false }
                let lower = x | 0x20
                if lower < 0x61 || lower > 0x7A { return false }
            default: return false
            }
        }
    }
}
