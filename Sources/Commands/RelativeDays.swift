import Clinic

/// Days written relative to today, as people write them: "day after tomorrow", "in 3 days", "after 2 days",
/// "in a week", "this Friday", "coming Friday", "next Tuesday" (the Tuesday of next week, weeks starting on
/// Monday), and "this" before a part of the day ("this evening": today).
enum RelativeDays {
    private static let day = WordKey("day"), days = WordKey("days"), week = WordKey("week"), weeks = WordKey("weeks")
    private static let after = WordKey("after"), the = WordKey("the"), inWord = WordKey("in")
    private static let this = WordKey("this"), coming = WordKey("coming"), next = WordKey("next")
    private static let counts: [WordKey: Int] = [
        WordKey("a"): 1, WordKey("an"): 1, WordKey("one"): 1, WordKey("two"): 2, WordKey("three"): 3, WordKey("four"): 4,
        WordKey("five"): 5, WordKey("six"): 6, WordKey("seven"): 7, WordKey("eight"): 8, WordKey("nine"): 9, WordKey("ten"): 10,
    ]

    static func read(_ words: Words) -> DayReading {
        guard var first = words.first else { return .none }
        var skipped = 0
        if first.key == the, let second = words.peek(1), second.key == day {   // "the day after tomorrow"
            first = second
            skipped = 1
        }
        let next1 = words.peek(skipped + 1), next2 = words.peek(skipped + 2)
        if first.key == day, next1?.key == after, let offset = next2?.meaning.dayOffset, offset == 1 {
            return .day(.offset(2), consumed: skipped + 3)
        }
        guard skipped == 0 else { return .none }
        if first.key == inWord || first.key == after, let counted = next1, let unit = next2 {
            guard let count = counts[counted.key] ?? Digits.value(counted.key, maxCount: 3) else { return .none }
            let perUnit: Int
            switch unit.key {
            case day, days: perUnit = 1
            case week, weeks: perUnit = 7
            default: return .none
            }
            guard count * perUnit <= 366 else {
                return .invalid(written: words.written(3), why: .moreThanAYearAhead)
            }
            return .day(.offset(count * perUnit), consumed: 3)
        }
        if first.key == this || first.key == coming || first.key == next, let second = next1 {
            var consumed = 1, weekdayWord = second
            if first.key == this, second.key == coming, let third = next2 {   // "this coming Friday"
                consumed = 2
                weekdayWord = third
            }
            if let weekday = weekdayWord.meaning.weekday {
                return .day(first.key == next ? .nextWeek(weekday) : .weekday(weekday), consumed: consumed + 1)
            }
            if first.key == this, DayParts.read(words.dropFirst()) != nil { return .day(.offset(0), consumed: 1) }
        }
        return .none
    }
}
