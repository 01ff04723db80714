/// A phone number in E.164 form: `+`, then 8 to 15 digits, the first not 0.
/// The number is an SMS sender's identity, so two spellings of one number
/// must compare equal: spaces, dashes and parentheses are dropped.
public struct E164: Sendable, Hashable, CustomStringConvertible {
    /// `+` and the digits, e.g. `+442071838750`.
    public let value: String

    /// Nil unless `text` is `+` and 8 to 15 ASCII digits once spaces,
    /// dashes and parentheses are removed ("+44 (20) 7183-8750").
    public init?(_ text: String) {
        let kept = text.unicodeScalars.filter { scalar in
            !(scalar.properties.isWhitespace || scalar == "-" || scalar == "(" || scalar == ")")
        }
        guard kept.first == "+" else { return nil }
        let digits = kept.dropFirst()
        guard (8...15).contains(digits.count),
              digits.allSatisfy({ $0.isASCII && ("0"..."9").contains($0) }),
              digits.first != "0" else {
            return nil
        }
        value = "+" + String(String.UnicodeScalarView(digits))
    }

    public var description: String { value }
}
