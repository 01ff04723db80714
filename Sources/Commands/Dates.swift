import Clinic

/// A day as the patient wrote it, before it is resolved against today.
enum DaySpec: Sendable, Equatable {
    /// today (0), tomorrow (1)
    case offset(Int)
    /// "Tue": the next Tuesday, or today if it is Tuesday and the time is still ahead.
    case weekday(Weekday)
    /// A date with its year: "2026-03-04", "4 Mar 2026", "4/3/2026".
    case date(LocalDate)
    /// A date without a year: the next such date that is not in the past.
    case monthDay(month: Int, day: Int)
    /// A weekday and a date together, "Tue 3 Mar": the date, which must fall on that weekday.
    indirect case checked(Weekday, DaySpec)
    /// "next Tue": that weekday in the week after this one (weeks start on Monday).
    case nextWeek(Weekday)
}

/// What the words at the head of a command's arguments say about a day.
enum DayReading: Sendable, Equatable {
    case day(DaySpec, consumed: Int)
    /// Shaped like a date but not a real one ("31 Feb", "2026-13-01").
    case invalid(written: String, why: DateFlaw)
    /// No day here.
    case none
}

/// The day forms of the language. Resolution is arithmetic on `LocalDate` (no Calendar, no DateFormatter).
enum Dates {
    static func read(_ words: Words, dayFirst: Bool) -> DayReading {
        guard let first = words.first else { return .none }
        let relative = RelativeDays.read(words)
        if relative != .none { return relative }
        if let offset = first.meaning.dayOffset { return .day(.offset(Int(offset)), consumed: 1) }
        if let weekday = first.meaning.weekday {
            switch readDate(words.dropFirst(), dayFirst: dayFirst) {
            case .day(let spec, let consumed): return .day(.checked(weekday, spec), consumed: consumed + 1)
            case .invalid(let written, let why): return .invalid(written: "\(words.written()) \(written)", why: why)
            case .none: return .day(.weekday(weekday), consumed: 1)
            }
        }
        return readDate(words, dayFirst: dayFirst)
    }

    /// The date the spec names, seen from `today` at `now`; `time` is the time asked for, if any
    /// (a weekday that is today counts only while that time is still ahead).
    static func resolve(_ spec: DaySpec, today: LocalDate, now: TimeOfDay, time: TimeOfDay?) -> Result<LocalDate, CheckedDayMismatch> {
        switch spec {
        case .offset(let days):
            return .success(today.adding(days: days))
        case .weekday(let weekday):
            let ahead = (weekday.index - today.weekday.index + 7) % 7
            if ahead == 0, let time, time <= now { return .success(today.adding(days: 7)) }
            return .success(today.adding(days: ahead))
        case .date(let date):
            return .success(date)
        case .nextWeek(let weekday):
            return .success(nextWeek(weekday, today: today))
        case .monthDay(let month, let day):
            // 29 February can be up to eight years ahead (2096 -> 2104); other days at most one.
            for year in today.year...today.year + 8 {
                if let date = LocalDate.valid(year: year, month: month, day: day), date >= today { return .success(date) }
            }
            return .success(LocalDate(year: today.year, month: month, day: day))   // unreachable: the day was checked
        case .checked(let weekday, let inner):
            let result = resolve(inner, today: today, now: now, time: time)
            if case .success(let date) = result, date.weekday != weekday {
                return .failure(CheckedDayMismatch(date: date, written: weekday))
            }
            return result
        }
    }

    /// `weekday` in the week after today's (weeks start on Monday).
    static func nextWeek(_ weekday: Weekday, today: LocalDate) -> LocalDate {
        today.adding(days: 7 - today.weekday.index + weekday.index)
    }

    // MARK: dates

    private static let of = WordKey("of")

    private static func readDate(_ words: Words, dayFirst: Bool) -> DayReading {
        guard let first = words.first else { return .none }
        if first.startsWithDigit {
            if !first.key.isShort || first.key.contains(UInt8(ascii: "-")) || first.key.contains(UInt8(ascii: "/")) {
                let key = words.key(first)
                guard key.contains("-") || key.contains("/") else { return .none }
                return numeric(key, dayFirst: dayFirst) { words.written() }
            }
            // "4 Mar", "4th of March", "4 March 2026"
            guard let second = words.peek(1), let day = CalendarWords.dayOfMonth(first.key) else { return .none }
            if second.meaning.month > 0 { return named(day: day, month: Int(second.meaning.month), words, used: 2) }
            if second.key == of, let third = words.peek(2), third.meaning.month > 0 {
                return named(day: day, month: Int(third.meaning.month), words, used: 3)
            }
            return .none
        }
        // "Mar 4", "March 4th 2026"
        guard first.meaning.month > 0, let second = words.peek(1), let day = CalendarWords.dayOfMonth(second.key) else { return .none }
        return named(day: day, month: Int(first.meaning.month), words, used: 2)
    }

    /// A day and a month name in the first `used` words, and an optional four-digit year after them.
    private static func named(day: Int, month: Int, _ words: Words, used: Int) -> DayReading {
        var used = used
        var year: Int? = nil
        if let next = words.peek(used), next.key.count == 4, let value = Digits.value(next.key) {
            year = value
            used += 1
        }
        return checked(year: year, month: month, day: day, consumed: used) { words.written(used) }
    }

    /// "2026-03-04", "2026/3/4", "4/3", "4/3/2026", "4/3/26" (day first unless `dayFirst` is off).
    private static func numeric(_ key: String, dayFirst: Bool, written: () -> String) -> DayReading {
        let slash = key.contains("/")
        let parts = key.split(separator: slash ? "/" : "-", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Digits.value($0, maxCount: 4) }
        guard parts.count == 2 || parts.count == 3, numbers.count == parts.count else {
            return .invalid(written: written(), why: .notADate)
        }
        if parts[0].count == 4 {
            guard parts.count == 3 else { return .invalid(written: written(), why: .notADate) }
            return checked(year: numbers[0], month: numbers[1], day: numbers[2], consumed: 1, written: written)
        }
        guard slash else { return .invalid(written: written(), why: .notADate) }
        let (day, month) = dayFirst ? (numbers[0], numbers[1]) : (numbers[1], numbers[0])
        var year: Int? = nil
        if parts.count == 3 {
            switch parts[2].count {
            case 4: year = numbers[2]
            case 2: year = 2000 + numbers[2]
            default: return .invalid(written: written(), why: .yearDigits)
            }
        }
        return checked(year: year, month: month, day: day, consumed: 1, written: written)
    }

    /// The day if it is real, else why not (`written` quotes the words).
    private static func checked(year: Int?, month: Int, day: Int, consumed: Int, written: () -> String) -> DayReading {
        guard (1...12).contains(month) else { return .invalid(written: written(), why: .noMonth(month)) }
        guard day >= 1 else { return .invalid(written: written(), why: .noDayZero) }
        guard day <= LocalDate.daysIn(month: month, year: 2000) else {   // 2000: a leap year
            return .invalid(written: written(), why: .noSuchDay(day: day, month: month))
        }
        guard let year else { return .day(.monthDay(month: month, day: day), consumed: consumed) }
        guard let date = LocalDate.valid(year: year, month: month, day: day) else {
            return .invalid(written: written(), why: .monthLength(month: month, year: year, days: LocalDate.daysIn(month: month, year: year)))
        }
        return .day(.date(date), consumed: consumed)
    }
}

/// "Wed 3 Mar" when 3 March is a Tuesday.
struct CheckedDayMismatch: Error, Equatable {
    let date: LocalDate
    let written: Weekday

    var wrong: CommandWrong { .wrongWeekday(date, written: written) }
}
