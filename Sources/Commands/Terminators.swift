/// Lines that end the commands of a message: "thanks", "thank you", "quit", "stop", "--", and the usual
/// sign-offs ("Regards", "Thanks, Ravi"), so a signature that follows is not read as commands.
/// Case and trailing punctuation, emoji or spaces do not matter. Thanks in Tamil and Hindi (நன்றி, धन्यवाद,
/// शुक्रिया) end them too.
enum Terminators {
    /// One-word terminators (looked up with the vocabulary).
    static let words = ["thanks", "thx", "quit", "stop", "--", "regards", "cheers"] + LanguageWords.thanks
    private static let whole: Set<String> = [
        "thanks", "thank you", "thx", "quit", "stop", "--",
        "many thanks", "thanks again", "thanks a lot", "thank you very much",
        "regards", "best regards", "kind regards", "warm regards", "cheers",
    ]
    /// Followed by a comma, these end the commands whatever comes after: "Thanks, Ravi".
    private static let signOffs: Set<String> = ["thanks", "thank you", "regards", "best regards", "kind regards", "cheers"]

    static func isTerminator(_ words: Words) -> Bool {
        if words.count == 1, let only = words.first {
            if only.is(.terminator) { return true }
            let last = only.key.isShort ? only.key[only.key.count - 1] : 0
            if (last >= 0x61 && last <= 0x7A) || (last >= 0x30 && last <= 0x39) { return false }   // no symbols to drop
        }
        if words.count <= 5, whole.contains(withoutTrailingSymbols(words.tokens.map(words.key).joined(separator: " "))) {
            return true
        }
        return signOffAt(words)
    }

    /// "Thanks, ..." / "Thank you, ...": a sign-off word run ending in a comma at the start of the line.
    private static func signOffAt(_ words: Words) -> Bool {
        var key = ""
        for token in words.tokens.prefix(2) {
            key += key.isEmpty ? words.key(token) : " " + words.key(token)
            if words.text(token).hasSuffix(","), signOffs.contains(key) { return true }
        }
        return false
    }

    /// Drops trailing characters that are neither letters, digits nor "-": "thanks :)" -> "thanks".
    private static func withoutTrailingSymbols(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, !(last.properties.isAlphabetic || ("0"..."9").contains(last) || last == "-") {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
