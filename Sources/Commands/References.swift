import Clinic

/// Booking references as patients type them: any case, an optional leading "#".
enum References {
    /// The reference in upper case, or what is wrong with it.
    static func read(_ token: Token, in words: Words) -> Result<String, CommandWrong> {
        let hash = token.first == UInt8(ascii: "#") ? 1 : 0
        if let ref = wellFormed(token.key.dropFirst(hash)) { return .success(ref) }
        let ref = words.key(token).dropFirst(hash).uppercased()
        let written = words.written()
        if ref.count != length {
            return .failure(.notAReference(written: written, .length))
        }
        if ref.contains(where: { "01IOL".contains($0) }) {
            return .failure(.notAReference(written: written, .lookalikes))
        }
        return .failure(.notAReference(written: written, .symbols))
    }
}

extension References {
    /// Whether a word that is no reference was meant as one: it starts with "#", holds a digit, or has a
    /// reference's length ("A7K2", "#A7K2Q1"; not "with" or "thanks").
    static func looksLikeReference(_ token: Token) -> Bool {
        let key = token.key
        guard token.first != UInt8(ascii: "#"), key.isShort, key.count != length else { return true }
        for i in 0..<key.count where key[i] >= 0x30 && key[i] <= 0x39 { return true }
        return false
    }

    /// The length `Reference.isWellFormed` asks for.
    private static let length = 5

    /// The alphabet of `Reference`, as a table of upper-case ASCII bytes.
    private static let allowed: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in Reference.alphabet.compactMap(\.asciiValue) { table[Int(byte)] = true }
        return table
    }()

    /// The reference upper-cased, if `key` (lower case) is one.
    private static func wellFormed(_ key: WordKey) -> String? {
        guard key.isShort, key.count == length else { return nil }
        var valid = true
        let ref = String(unsafeUninitializedCapacity: length) { buffer in
            for i in 0..<length {
                let byte = key[i]
                let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                if upper >= 0x80 || !allowed[Int(upper)] { valid = false }
                buffer[i] = upper
            }
            return length
        }
        return valid ? ref : nil
    }
}

