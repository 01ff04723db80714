import Clinic

/// What the words at the head of a command's arguments say about a time of day.
enum TimeReading: Sendable, Equatable {
    case time(TimeOfDay, consumed: Int)
    /// Starts like a time but is not one ("25:00", "10:75").
    case invalid(written: String, why: TimeFlaw)
    /// No time here.
    case none
}

/// The time forms of the language: `10`, `10:00`, `10.30`, `10am`, `10 am`, `10:30 pm`, `17:00`, `noon`.
///
/// `12am` is 00:00 and `12pm` is 12:00. A bare hour from 1 to 7, written without a leading zero and without
/// am/pm (`3`, `3:30`), means the afternoon (15:00, 15:30): clinics do not open at 3 in the morning.
/// `03:00` is 03:00.
enum Times {
    static let am = ["am", "a.m", "a.m."]
    static let pm = ["pm", "p.m", "p.m."]
    static let noon = ["noon", "midday"]
    private static let amKeys = am.map { WordKey($0) }
    private static let pmKeys = pm.map { WordKey($0) }

    static func read(_ words: Words) -> TimeReading {
        guard let first = words.first else { return .none }
        if first.is(.noon) { return .time(TimeOfDay(minutes: 12 * 60), consumed: 1) }
        guard first.startsWithDigit else { return .none }

        func invalid(_ why: TimeFlaw, consumed: Int = 1) -> TimeReading { .invalid(written: words.written(consumed), why: why) }
        let key = first.key
        guard let (hour, hourDigits, afterHour) = Digits.leading(key, maxCount: 3), hourDigits <= 2 else {
            return invalid(.notATime)
        }
        var minute = 0
        var suffixStart = afterHour
        if afterHour < key.count, key[afterHour] == UInt8(ascii: ":") || key[afterHour] == UInt8(ascii: ".") {
            guard let (value, digits, next) = Digits.leading(key, from: afterHour + 1, maxCount: 3), digits == 2 else {
                return invalid(.notATime)
            }
            minute = value
            suffixStart = next
        }

        var consumed = 1
        var pm: Bool? = nil   // nil: no am/pm written
        if suffixStart < key.count {
            let suffix = key.dropFirst(suffixStart)
            if amKeys.contains(suffix) { pm = false }
            else if pmKeys.contains(suffix) { pm = true }
            else { return invalid(.notATime) }
        } else if let next = words.peek(1) {
            if next.is(.am) { pm = false; consumed = 2 }
            else if next.is(.pm) { pm = true; consumed = 2 }
            else if next.is(.noon), hour == 12, minute == 0 { return .time(TimeOfDay(minutes: 12 * 60), consumed: 2) }
        }

        guard minute <= 59 else { return invalid(.minutes, consumed: consumed) }
        guard let pm else {
            guard hour <= 23 else { return invalid(.hours, consumed: consumed) }
            let hour24 = hourDigits == 1 && (1...7).contains(hour) ? hour + 12 : hour
            return .time(TimeOfDay(minutes: hour24 * 60 + minute), consumed: consumed)
        }
        guard (1...12).contains(hour) else { return invalid(.twelveHour, consumed: consumed) }
        return .time(TimeOfDay(minutes: (hour % 12 + (pm ? 12 : 0)) * 60 + minute), consumed: consumed)
    }
}
