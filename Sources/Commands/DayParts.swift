import Clinic

/// Parts of the day as people write them after a day or alone: "morning", "in the morning", "evening", "eve",
/// "tonight" (this evening).
enum DayParts {
    private static let parts: [WordKey: DayPart] = [
        WordKey("morning"): .morning, WordKey("mornings"): .morning, WordKey("mrng"): .morning, WordKey("morn"): .morning,
        WordKey("forenoon"): .morning, WordKey("afternoon"): .afternoon, WordKey("afternoons"): .afternoon,
        WordKey("aftn"): .afternoon, WordKey("evening"): .evening, WordKey("evenings"): .evening, WordKey("eve"): .evening,
        WordKey("evng"): .evening, WordKey("tonight"): .evening, WordKey("night"): .evening,
    ]
    private static let fillers = [WordKey("in"), WordKey("the"), WordKey("during")]
    private static let tonight = WordKey("tonight")

    /// The part of the day at the head of `words` (after "in the"), how many words it took, and whether the
    /// word also names the day ("tonight": today).
    static func read(_ words: Words) -> (part: DayPart, consumed: Int, today: Bool)? {
        var consumed = 0
        while let word = words.peek(consumed), fillers.contains(word.key), consumed < 2 { consumed += 1 }
        guard let word = words.peek(consumed), let part = parts[word.key] else { return nil }
        return (part, consumed + 1, word.key == tonight)
    }
}
