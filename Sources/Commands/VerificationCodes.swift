/// The code given to VERIFY: six digits, spaces or hyphens inside tolerated ("123 456", "123-456"), and
/// digits of any script read as their value.
enum VerificationCodes {
    static let length = 6

    /// Reads the leading words made only of digits and hyphens.
    static func read(_ words: Words) -> Result<String, CommandWrong> {
        var code = ""
        var used = 0
        for token in words.tokens {
            guard let digits = digits(words.key(token)) else { break }
            code += digits
            used += 1
        }
        guard used > 0 else {
            guard !words.isEmpty else { return .failure(.noCode) }
            return .failure(.notACode(written: words.written(), digits: length))
        }
        guard code.count == length else {
            return .failure(.codeLength(expected: length, got: code.count))
        }
        return .success(code)
    }

    /// The ASCII digits of a word of digits and hyphens, or nil.
    private static func digits(_ word: String) -> String? {
        var out = ""
        for character in word {
            if character == "-" { continue }
            guard let value = character.wholeNumberValue, character.isNumber, (0...9).contains(value) else { return nil }
            out.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + value)))
        }
        return out.isEmpty ? nil : out
    }
}
