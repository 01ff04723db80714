import Clinic

/// Amounts of money as doctors write them: `2500`, `2,500`, `2,50,000`, `2500.50`, with the currency before
/// (`₹2500`, `₹ 2500`, `Rs 2500`, `Rs. 2500`, `INR 2500`) or after (`2500 rupees`, `2500/-`), or none.
///
/// Read exactly, digit by digit into minor units (paise): never through floating point. Commas must group
/// digits (the last group has three; "2500,50" is refused rather than guessed as a decimal comma), at most two
/// decimals are allowed, and a negative or zero amount is refused.
enum Amounts {
    /// More whole digits than this is not an amount anyone earned (and would not fit the minor units).
    static let maximumDigits = 12

    /// Words naming the currency, before or after the amount.
    private static let currencyWords = ["₹", "rs", "rs.", "inr", "rupees", "rupee", "/-"].map { WordKey($0) }

    /// The amount at the head of `words` and how many words it took, or what is wrong with it.
    static func read(_ words: Words) -> Result<(Money, consumed: Int), CommandWrong> {
        guard let first = words.first else { return .failure(CommandWrong("no amount given")) }
        var used = 0
        if currencyWords.contains(first.key) {
            guard words.peek(1) != nil else { return .failure(CommandWrong("no amount given after \"\(words.written())\"")) }
            used = 1
        }
        let token = words.peek(used)!
        used += 1
        let written = { words.written(used) }
        let parsed: Parsed
        if token.key.isShort {
            let key = token.key
            parsed = parse(count: key.count) { key[$0] }
        } else {
            var key = words.key(token)
            parsed = key.withUTF8 { bytes in parse(count: bytes.count) { bytes[$0] } }
        }
        switch parsed {
        case .amount(let minor):
            if let next = words.peek(used), currencyWords.contains(next.key) { used += 1 }
            return .success((Money(minorUnits: minor), used))
        case .notDigits:
            return .failure(CommandWrong("\"\(written())\" is not an amount: write it in digits, like 2500 or 2,500.50"))
        case .negative:
            return .failure(CommandWrong("\"\(written())\" is negative: write the amount earned, like 2500"))
        case .zero:
            return .failure(CommandWrong("\"\(written())\" is zero: write the amount earned, like 2500"))
        case .tooManyDecimals:
            return .failure(CommandWrong("\"\(written())\" has more than two decimals: write paise with two digits, like 2500.50"))
        case .decimalComma:
            return .failure(CommandWrong("\"\(written())\" is not an amount: write paise after a point, like 2500.50"))
        case .misgrouped:
            return .failure(CommandWrong("\"\(written())\" is not an amount: commas go between thousands, like 2,500 or 2,50,000"))
        case .tooLarge:
            return .failure(CommandWrong("\"\(written())\" is too large to be an amount"))
        }
    }

    /// Currency written before the digits of the same word ("₹2500", "Rs.2500"), longest first.
    private static let prefixes = ["₹", "rs.", "inr", "rs"].map { Array($0.utf8) }
    /// And after them ("2500/-", "2500rs").
    private static let suffixes = ["/-", "rs", "inr"].map { Array($0.utf8) }

    private enum Parsed {
        case amount(Int64)
        case notDigits, negative, zero, tooManyDecimals, decimalComma, misgrouped, tooLarge
    }

    /// One word's amount, its `count` bytes given by `byte` (lower case).
    private static func parse(count: Int, _ byte: (Int) -> UInt8) -> Parsed {
        func isDigit(_ i: Int) -> Bool { i < count && byte(i) >= 0x30 && byte(i) <= 0x39 }
        func has(_ text: [UInt8], at i: Int) -> Bool {
            guard i + text.count <= count else { return false }
            for k in 0..<text.count where byte(i + k) != text[k] { return false }
            return true
        }
        var i = 0
        for prefix in prefixes where has(prefix, at: 0) {
            i = prefix.count
            break
        }
        if i < count, byte(i) == UInt8(ascii: "-") { return isDigit(i + 1) ? .negative : .notDigits }
        guard isDigit(i) else { return .notDigits }

        var whole: Int64 = 0
        var digits = 0, group = 0, commas = 0
        while i < count {
            let b = byte(i)
            if b >= 0x30 && b <= 0x39 {
                digits += 1
                group += 1
                guard digits <= maximumDigits else { return .tooLarge }
                whole = whole * 10 + Int64(b - 0x30)
            } else if b == UInt8(ascii: ","), isDigit(i + 1) {
                // the first group has 1-3 digits, the next ones 2 (lakhs, crores) or 3
                guard commas == 0 ? group <= 3 : (group == 2 || group == 3) else {
                    var end = i + 1
                    while isDigit(end) { end += 1 }
                    return commas == 0 && end - i - 1 <= 2 && end == count ? .decimalComma : .misgrouped   // "2500,50"
                }
                commas += 1
                group = 0
            } else {
                break
            }
            i += 1
        }
        if commas > 0, group != 3 {
            return commas == 1 && group <= 2 && !(i < count && byte(i) == UInt8(ascii: ".")) ? .decimalComma : .misgrouped
        }

        var minor: Int64 = 0
        if i < count, byte(i) == UInt8(ascii: ".") {
            i += 1
            var decimals = 0
            while isDigit(i) {
                decimals += 1
                guard decimals <= 2 else { return .tooManyDecimals }
                minor += Int64(byte(i) - 0x30) * (decimals == 1 ? 10 : 1)
                i += 1
            }
        }
        guard i == count || suffixes.contains(where: { i + $0.count == count && has($0, at: i) }) else { return .notDigits }
        let total = whole * 100 + minor
        return total == 0 ? .zero : .amount(total)
    }
}
