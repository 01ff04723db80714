import Clinic

/// HOURS and LEAVE: a doctor's weekly hours and days off.
extension LineParser {
    private static let offWords: Set<String> = ["off", "closed", "none"]
    private static let untilWords = [WordKey("to"), WordKey("until"), WordKey("till")]

    /// `HOURS <days> <ranges>` (`HOURS Mon-Fri 09:00-13:00 17:00-19:00`) or `HOURS <days> off`. Not followed by a
    /// day it is prose ("Hours please?").
    func hours(_ args: Words) -> LineReading {
        let words = args.text.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() }
        func problem(_ wrong: String) -> LineReading {
            .problem(CommandProblem(Help.hours, understood: "HOURS", wrong: wrong, doctor: nil))
        }
        var days: [Weekday] = []
        var rest = words[...]
        while let word = rest.first, let found = Self.weekdays(word) {
            days += found
            rest = rest.dropFirst()
        }
        guard !days.isEmpty else { return words.isEmpty ? problem("no days given") : .unrecognised }
        guard let first = rest.first else { return problem("no hours given (write them as 09:00-13:00, or off)") }
        if Self.offWords.contains(first), rest.count == 1 { return .command(.setHours(days: days, ranges: [])) }
        var ranges: [TimeRange] = []
        for word in rest {
            guard let range = TimeRange(text: word) else { return problem("\"\(word.prefix(40))\" is not a range of hours such as 09:00-13:00") }
            ranges.append(range)
        }
        ranges.sort { $0.start < $1.start }
        for (a, b) in zip(ranges, ranges.dropFirst()) where b.start < a.end {
            return problem("\(a) and \(b) overlap")
        }
        return .command(.setHours(days: days, ranges: ranges))
    }

    /// The weekdays one word names: "mon", "monday", "mon-fri" (wrapping past Sunday), or nil.
    static func weekdays(_ word: String) -> [Weekday]? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        func day(_ text: Substring) -> Weekday? {
            guard text.count >= 3 else { return nil }
            return Weekday.allCases.first { $0.fullName.lowercased().hasPrefix(text) }
        }
        if parts.count == 1 { return day(parts[0]).map { [$0] } }
        guard parts.count == 2, let from = day(parts[0]), let to = day(parts[1]) else { return nil }
        let all = Weekday.allCases
        let start = all.firstIndex(of: from)!, end = all.firstIndex(of: to)!
        return (0...((end - start + 7) % 7)).map { all[(start + $0) % 7] }
    }

    /// `LEAVE <day> [to <day>] [reason]`. Not followed by a day it is prose ("Leave it").
    func leave(_ args: Words, clock: inout ClinicToday) -> LineReading {
        func problem(_ wrong: String) -> LineReading {
            .problem(CommandProblem(Help.leave, understood: "LEAVE", wrong: wrong, doctor: nil))
        }
        let rest = args.dropping(.beforeDay)
        guard case .day(let spec, let consumed) = Dates.read(rest, dayFirst: dayFirst) else {
            if case .invalid(let written, let why) = Dates.read(rest, dayFirst: dayFirst) { return problem(CommandWrong.notADate(written: written, why).english) }
            return rest.isEmpty ? problem("no day given") : .unrecognised
        }
        let from: LocalDate
        switch resolve(spec, time: nil, clock: &clock) {
        case .success(let day): from = day
        case .failure(let wrong): return problem(wrong.text)
        }
        var after = rest.dropFirst(consumed)
        var to = from
        if let word = after.first, Self.untilWords.contains(word.key) {
            guard case .day(let last, let used) = Dates.read(after.dropFirst(), dayFirst: dayFirst) else {
                return problem("no last day given after \"\(after.written())\"")
            }
            switch resolve(last, time: nil, clock: &clock) {
            case .success(let day): to = day
            case .failure(let wrong): return problem(wrong.text)
            }
            after = after.dropFirst(1 + used)
        }
        return .command(.leave(from: from, to: to, reason: FreeText.clean(after.dropping(.beforeReason).text, limit: Self.noteLimit)))
    }
}
