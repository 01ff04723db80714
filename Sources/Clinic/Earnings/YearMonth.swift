/// A calendar month ("March 2026").
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month 1–12")
        self.year = year
        self.month = month
    }

    public init(_ date: LocalDate) { self.init(year: date.year, month: date.month) }

    public var first: LocalDate { LocalDate(year: year, month: month, day: 1) }
    public var last: LocalDate { LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year)) }
    public var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1) }
    public var previous: YearMonth { month == 1 ? YearMonth(year: year - 1, month: 12) : YearMonth(year: year, month: month - 1) }

    public func contains(_ date: LocalDate) -> Bool { date.year == year && date.month == month }

    public static let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                               "October", "November", "December"]

    /// "March 2026"
    public var description: String { "\(YearMonth.names[month - 1]) \(year)" }

    /// "2026-03"
    public var iso: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
