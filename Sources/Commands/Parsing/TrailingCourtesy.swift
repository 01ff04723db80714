/// "please", "thanks", "thank you" at the end of a line: courtesy, not part of a reason ("BOOK Dr Rao Tue 10:00
/// fever please" has the reason "fever").
enum TrailingCourtesy {
    private static let words = (Keyword.courtesy + ["kindly", "thanks", "thx", "ty", "tq"]).map { WordKey($0) }
    private static let thank = WordKey("thank"), you = WordKey("you"), much = WordKey("much"), very = WordKey("very")
    private static let symbols: Set<Character> = [".", "!", ",", ")", "(", ":", "-", "🙏", "🙂", "😊"]

    /// `words` without the courtesy words (and "thank you", "thank you very much") they end with.
    static func dropped(from words: Words) -> Words {
        var words = words
        while let last = words.tokens.last {
            let key = words.key(last).filter { !symbols.contains($0) }
            let lastKey = WordKey(key)
            if words.count >= 2, lastKey == you, words.tokens[words.tokens.endIndex - 2].key == thank {
                words = words.dropLast(2)
            } else if words.count >= 4, lastKey == much, words.tokens[words.tokens.endIndex - 2].key == very,
                      words.tokens[words.tokens.endIndex - 3].key == you, words.tokens[words.tokens.endIndex - 4].key == thank {
                words = words.dropLast(4)
            } else if key.isEmpty || Self.words.contains(lastKey) {
                words = words.dropLast()
            } else {
                return words
            }
        }
        return words
    }
}
