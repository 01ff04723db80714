import Clinic

/// A month as written, before it is resolved against today.
enum MonthSpec: Sendable, Equatable {
    /// "March": the most recent March not in the future (this one, if it is March now).
    case named(Int)
    /// "March 2026", "2026-03".
    case exact(YearMonth)
    /// "this month" (0), "last month" (-1).
    case relative(Int)
}

/// What the words at the head of a command's arguments say about a month.
enum MonthReading: Sendable, Equatable {
    case month(MonthSpec, consumed: Int)
    /// Shaped like a month but not one ("2026-13", "2026-03-04").
    case invalid(written: String, why: String)
    case none
}

/// The month forms of the language: `March`, `Mar`, `march 2026`, `2026-03`, `2026/03`, `3/2026`,
/// `this month`, `last month`.
enum Months {
    private static let this = ["this", "current"].map { WordKey($0) }
    private static let last = ["last", "previous", "prev"].map { WordKey($0) }
    private static let month = WordKey("month")

    static func read(_ words: Words) -> MonthReading {
        guard let first = words.first else { return .none }
        if first.meaning.month > 0 {
            let month = Int(first.meaning.month)
            if let next = words.peek(1), next.key.count == 4, let year = Digits.value(next.key) {
                return .month(.exact(YearMonth(year: year, month: month)), consumed: 2)
            }
            return .month(.named(month), consumed: 1)
        }
        if let next = words.peek(1), next.key == month {
            if this.contains(first.key) { return .month(.relative(0), consumed: 2) }
            if last.contains(first.key) { return .month(.relative(-1), consumed: 2) }
        }
        guard first.startsWithDigit else { return .none }
        return numeric(words.key(first)) { words.written() }
    }

    /// The month `spec` names in the month of `today`.
    static func resolve(_ spec: MonthSpec, today: LocalDate) -> YearMonth {
        switch spec {
        case .named(let month):
            return YearMonth(year: month <= today.month ? today.year : today.year - 1, month: month)
        case .exact(let month):
            return month
        case .relative(let offset):
            var month = YearMonth(today)
            for _ in 0..<(-offset) { month = month.previous }
            return month
        }
    }

    /// "2026-03", "2026/03", "3/2026".
    private static func numeric(_ key: String, written: () -> String) -> MonthReading {
        let parts = key.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
        if parts.count == 1, parts[0].count == 4, let year = Digits.value(parts[0]), (1900...2199).contains(year) {
            return .invalid(written: written(), why: "write the month too, like March \(parts[0])")
        }
        guard parts.count == 2, let a = Digits.value(parts[0], maxCount: 4), let b = Digits.value(parts[1], maxCount: 4) else {
            if parts.count == 3 { return .invalid(written: written(), why: "that is a day; write only the month, like 2026-03") }
            return .none
        }
        let (year, month): (Int, Int)
        switch (parts[0].count, parts[1].count) {
        case (4, 1...2): (year, month) = (a, b)
        case (1...2, 4): (year, month) = (b, a)
        default: return .invalid(written: written(), why: "write the year with 4 digits, like 2026-03")
        }
        guard (1...12).contains(month) else { return .invalid(written: written(), why: "there is no month \(month)") }
        return .month(.exact(YearMonth(year: year, month: month)), consumed: 1)
    }
}
