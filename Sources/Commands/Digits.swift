/// ASCII digit runs, read without Foundation or `Int(String)`.
enum Digits {
    /// The value of `text` if it is 1...`maxCount` ASCII digits.
    static func value(_ text: some StringProtocol, maxCount: Int = 9) -> Int? {
        var value = 0
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39, count < maxCount else { return nil }
            value = value * 10 + Int(byte - 0x30)
            count += 1
        }
        return count == 0 ? nil : value
    }

    /// The digits of a short key from byte `start` on (at most `maxCount` of them): their value, how many,
    /// and where they stop.
    static func leading(_ key: WordKey, from start: Int = 0, maxCount: Int = 9) -> (value: Int, count: Int, next: Int)? {
        guard key.isShort else { return nil }
        var value = 0
        var i = start
        let end = key.count
        while i < end, i - start < maxCount, key[i] >= 0x30, key[i] <= 0x39 {
            value = value * 10 + Int(key[i] - 0x30)
            i += 1
        }
        return i == start ? nil : (value, i - start, i)
    }

    /// The value of a short key that is 1...`maxCount` digits.
    static func value(_ key: WordKey, maxCount: Int = 9) -> Int? {
        guard let (value, _, next) = leading(key, maxCount: maxCount), next == key.count else { return nil }
        return value
    }
}
