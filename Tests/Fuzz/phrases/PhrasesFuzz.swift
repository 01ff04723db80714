// libFuzzer target "phrases": the day, time, month and amount readers on the words of one line, each from
// every one of its first few words, and what they read resolved against a few todays; plus the phone number,
// digit and subject helpers. Built by scripts/fuzz.sh.
import Clinic
@testable import Commands

private let todays = [LocalDate(year: 2026, month: 3, day: 2), LocalDate(year: 2026, month: 12, day: 31),
                      LocalDate(year: 2028, month: 2, day: 29)]
private let nows = [TimeOfDay(minutes: 0), TimeOfDay(minutes: 10 * 60), TimeOfDay(minutes: 23 * 60 + 59)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let words = Lexer.lex(line).words
    var rest = words
    for _ in 0..<4 {
        read(rest)
        if rest.isEmpty { break }
        rest = rest.dropFirst()
    }
    _ = PhoneNumbers.read(line)
    if let value = Digits.value(line) { require(value >= 0) }
    _ = Subject.withoutReplyPrefixes(line)
    _ = words.text
    _ = words.textToEnd
    _ = words.written(words.count)
    return 0
}

private func read(_ words: Words) {
    for dayFirst in [true, false] {
        if case .day(let spec, let consumed) = Dates.read(words, dayFirst: dayFirst) {
            require(consumed >= 1 && consumed <= words.count, "day consumed \(consumed) of \(words.count)")
            for (index, today) in todays.enumerated() {
                if case .success(let date) = Dates.resolve(spec, today: today, now: nows[index], time: nil) {
                    checkValid(date)
                    if isAhead(spec) { require(date >= today, "\(spec) resolved to \(date), before \(today)") }
                }
                if case .success(let date) = Dates.resolve(spec, today: today, now: nows[index], time: nows[2 - index]) {
                    checkValid(date)
                }
                if case .success(let date) = Dates.resolveBack(spec, today: today) { checkValid(date) }
            }
        }
    }
    if case .time(let time, let consumed) = Times.read(words) {
        require(consumed >= 1 && consumed <= words.count, "time consumed \(consumed) of \(words.count)")
        require((0..<24 * 60).contains(time.minutes), "time \(time.minutes) minutes")
    }
    if case .month(let spec, let consumed) = Months.read(words) {
        require(consumed >= 1 && consumed <= words.count, "month consumed \(consumed) of \(words.count)")
        for today in todays {
            let month = Months.resolve(spec, today: today)
            require((1...12).contains(month.month), "month \(month.month)")
        }
    }
    if case .success(let (money, consumed)) = Amounts.read(words) {
        require(consumed >= 1 && consumed <= words.count, "amount consumed \(consumed) of \(words.count)")
        require(money.minorUnits > 0, "amount \(money.minorUnits)")
        _ = money.description
    }
}

/// Specs that name the next such day: never one before today.
private func isAhead(_ spec: DaySpec) -> Bool {
    switch spec {
    case .weekday, .monthDay, .nextWeek: true
    case .offset(let days): days >= 0
    case .date: false
    case .checked(_, let inner): isAhead(inner)
    }
}

private func checkValid(_ date: LocalDate) {
    require(LocalDate.valid(year: date.year, month: date.month, day: date.day) != nil, "invalid date \(date)")
    _ = CalendarWords.describe(date)
}

/// A check of the harness: unlike `precondition`, says what failed in an optimized build too.
private func require(_ condition: Bool, _ message: @autoclosure () -> String = "", line: UInt = #line) {
    if !condition { fatalError("fuzz check failed: \(message())", line: line) }
}
