/// A doctor's earnings report for one month, built from the daily entries and the appointments kept.
public struct MonthlyEarnings: Sendable, Equatable {
    public struct Day: Sendable, Equatable {
        public var day: LocalDate
        public var entries: [EarningEntry]
        public var total: Money
    }

    public var doctorID: String
    public var month: YearMonth
    /// Days with at least one entry, in order.
    public var days: [Day]
    public var total: Money
    /// Average over the days worked (days with entries), rounded down to the minor unit.
    public var averagePerDay: Money
    /// Appointments of the month marked DONE.
    public var consultationsCompleted: Int
    public var previousTotal: Money
    /// Change against the previous month in whole percent; nil when the previous month had nothing.
    public var changePercent: Int?

    public var daysWorked: Int { days.count }
    /// The largest day's total, for drawing bars.
    public var bestDay: Money { days.map(\.total).max() ?? Money(minorUnits: 0) }
}

extension ClinicState {
    /// The earnings report of `doctorID` for `month`.
    public func earnings(of doctorID: String, in month: YearMonth) -> MonthlyEarnings {
        let entries = earnings[doctorID] ?? []
        var byDay: [LocalDate: [EarningEntry]] = [:]
        var previous: Int64 = 0
        for entry in entries {
            if month.contains(entry.day) { byDay[entry.day, default: []].append(entry) }
            if month.previous.contains(entry.day) { previous += entry.amount.minorUnits }
        }
        let days = byDay.keys.sorted().map { day in
            MonthlyEarnings.Day(day: day, entries: byDay[day]!, total: Money(minorUnits: byDay[day]!.reduce(0) { $0 + $1.amount.minorUnits }))
        }
        let total = days.reduce(Int64(0)) { $0 + $1.total.minorUnits }
        var completed = 0
        var day = month.first
        while day <= month.last {
            completed += appointments(doctorID: doctorID, on: day).filter { $0.status == .completed }.count
            day = day.adding(days: 1)
        }
        let change: Int? = previous == 0 ? nil : Int((total - previous) * 100 / previous)
        return MonthlyEarnings(doctorID: doctorID, month: month, days: days, total: Money(minorUnits: total),
                               averagePerDay: Money(minorUnits: days.isEmpty ? 0 : total / Int64(days.count)),
                               consultationsCompleted: completed, previousTotal: Money(minorUnits: previous), changePercent: change)
    }

    /// A day's total and the month's total up to and including that day.
    public func earningTotals(of doctorID: String, on day: LocalDate) -> (day: Money, monthToDate: Money) {
        var dayTotal: Int64 = 0, month: Int64 = 0
        for entry in earnings[doctorID] ?? [] where entry.day.year == day.year && entry.day.month == day.month && entry.day <= day {
            month += entry.amount.minorUnits
            if entry.day == day { dayTotal += entry.amount.minorUnits }
        }
        return (Money(minorUnits: dayTotal), Money(minorUnits: month))
    }
}
