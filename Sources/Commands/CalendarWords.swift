import Clinic

/// Names of weekdays and months as patients write them, and as replies print them.
enum CalendarWords {
    static let weekdays: [(String, Weekday)] = [
        ("mon", .mon), ("monday", .mon),
        ("tue", .tue), ("tues", .tue), ("tuesday", .tue),
        ("wed", .wed), ("weds", .wed), ("wednesday", .wed),
        ("thu", .thu), ("thur", .thu), ("thurs", .thu), ("thursday", .thu),
        ("fri", .fri), ("friday", .fri),
        ("sat", .sat), ("saturday", .sat),
        ("sun", .sun), ("sunday", .sun),
    ]

    static let months: [(String, Int)] = [
        ("jan", 1), ("january", 1), ("feb", 2), ("february", 2), ("mar", 3), ("march", 3), ("apr", 4), ("april", 4),
        ("may", 5), ("jun", 6), ("june", 6), ("jul", 7), ("july", 7), ("aug", 8), ("august", 8),
        ("sep", 9), ("sept", 9), ("september", 9), ("oct", 10), ("october", 10), ("nov", 11), ("november", 11),
        ("dec", 12), ("december", 12),
    ]

    /// Days counted from today.
    static let relativeDays: [(String, Int)] = [
        ("yesterday", -1), ("yday", -1),
        ("today", 0), ("tomorrow", 1), ("tmrw", 1), ("tmr", 1), ("tmw", 1), ("tomorow", 1), ("tommorow", 1), ("tommorrow", 1),
    ]

    static let monthShortNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    private static let ordinals = [WordKey("st"), WordKey("nd"), WordKey("rd"), WordKey("th")]

    /// A day of the month as written before or after a month name: "4", "04", "4th", "21st".
    static func dayOfMonth(_ key: WordKey) -> Int? {
        guard let (value, _, next) = Digits.leading(key, maxCount: 2) else { return nil }
        if next == key.count { return value }
        let suffix = key.dropFirst(next)
        return ordinals.contains(suffix) ? value : nil
    }

    /// "3 Mar 2026".
    static func describe(day date: LocalDate) -> String { "\(date.day) \(monthShortNames[date.month - 1]) \(date.year)" }

    /// "Tue 3 Mar 2026", the form replies and problems print.
    static func describe(_ date: LocalDate) -> String { "\(date.weekday.shortName) \(describe(day: date))" }
}
