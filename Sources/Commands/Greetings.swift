/// A line that only greets ("Hello,", "Hi Doctor", "Dear Sir/Madam", "Good morning", "Namaste"): skipped, as a
/// letter's salutation is, rather than answered as a command nobody knows.
enum Greetings {
    private static let openers = ["hi", "hello", "hey", "dear", "hai", "hii", "namaste", "namaskar", "vanakkam", "greetings", "respected"]
        .map { WordKey($0) }
    private static let good = WordKey("good")
    private static let times = ["morning", "afternoon", "evening", "day"].map { WordKey($0) }

    static func isGreeting(_ words: Words) -> Bool {
        // "Hi Doctor" greets; "Hi book Dr Rao" is a command written after a greeting, and gets its answer.
        let commands = words.tokens.dropFirst().contains { token in token.meaning.keyword.map { $0 != .doctor && $0 != .doctors } ?? false }
        guard let first = words.first, words.count <= 4, !commands else { return false }
        let key = WordKey(words.key(first).filter { $0 != "!" && $0 != "," && $0 != "." })
        if openers.contains(key) { return true }
        guard key == good, let second = words.peek(1) else { return false }
        return times.contains(WordKey(words.key(second).filter { $0 != "!" && $0 != "," && $0 != "." }))
    }
}
