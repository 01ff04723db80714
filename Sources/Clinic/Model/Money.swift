/// An exact amount in the clinic's currency, kept in minor units (paise for INR) — never floating point.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var minorUnits: Int64

    public init(minorUnits: Int64) { self.minorUnits = minorUnits }
    public init(major: Int64) { minorUnits = major * 100 }

    /// "800" or "2500.50": whole amounts print without decimals.
    public var description: String {
        let major = minorUnits / 100, minor = abs(minorUnits % 100)
        if minor == 0 { return "\(major)" }
        return "\(major).\(minor < 10 ? "0" : "")\(minor)"
    }

    public static func < (a: Money, b: Money) -> Bool { a.minorUnits < b.minorUnits }
    public static func + (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits + b.minorUnits) }

    /// Parses "800", "2500.5", "2500.50" exactly; nil for anything else (more than two decimals, signs, letters).
    public init?(decimal text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 12, whole.allSatisfy(\.isASCII),
              let major = Int64(whole), major >= 0 else { return nil }
        var minor: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCII), let value = Int64(fraction) else { return nil }
            minor = fraction.count == 1 ? value * 10 : value
        }
        minorUnits = major * 100 + minor
    }

    /// Written as a decimal string in major units ("800", "2500.50"); a bare JSON integer is read as major units.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let major = try? c.decode(Int64.self) {
            minorUnits = major * 100
            return
        }
        let text = try c.decode(String.self)
        guard let money = Money(decimal: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an amount: \(text)"))
        }
        self = money
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension Money {
    /// The amount as replies print it, digits grouped: in the Indian way for rupees ("2,00,450.50": the last three
    /// digits, then pairs), else in threes ("200,450.50").
    public func grouped(indian: Bool) -> String {
        let plain = description
        let sign = plain.hasPrefix("-") ? "-" : ""
        let unsigned = sign.isEmpty ? Substring(plain) : plain.dropFirst()
        let whole = unsigned.prefix { $0 != "." }
        let fraction = unsigned.dropFirst(whole.count)
        var digits = Array(whole)
        var groups: [String] = []
        if digits.count > 3 {
            groups.append(String(digits.suffix(3)))
            digits.removeLast(3)
            let size = indian ? 2 : 3
            while digits.count > size {
                groups.append(String(digits.suffix(size)))
                digits.removeLast(size)
            }
        }
        groups.append(String(digits))
        return sign + groups.reversed().joined(separator: ",") + fraction
    }
}
