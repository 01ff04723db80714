/// A doctor's earnings report for one month, built from the daily entries, the appointments kept and the
/// fees paid for them.
public struct MonthlyEarnings: Sendable, Equatable, Codable {
    public struct Day: Sendable, Equatable, Codable {
        public var day: LocalDate
        /// The EARNING entries of the day, in the order they came; none on a day with only fees paid.
        public var entries: [EarningEntry]
        /// The entries' sum.
        public var total: Money
        /// The fees paid for the appointments of the day (online, in cash) and what went back to cards.
        public var fees: FeesTaken

        public var online: Money { fees.online }
        public var cash: Money { fees.cash }
        public var refunded: Money { fees.refunded }
    }

    public var doctorID: String
    public var month: YearMonth
    /// Days with at least one entry, or with a fee paid or refunded for one of their appointments, in order.
    public var days: [Day]
    /// The EARNING entries of the month; the fees are apart, in `fees`.
    public var total: Money
    /// Average of the EARNING entries over the days worked (days with entries), rounded down to the minor unit.
    public var averagePerDay: Money
    /// Appointments of the month marked DONE.
    public var consultationsCompleted: Int
    public var previousTotal: Money
    /// Change against the previous month in whole percent; nil when the previous month had nothing.
    public var changePercent: Int?
    /// The fees paid for the doctor's appointments of the month (by the appointment's day, whenever paid),
    /// and what went back to the cards.
    public var fees: FeesTaken

    /// Paid by card for the month's appointments.
    public var paidOnline: Money { fees.online }
    /// Paid at the desk (PAID <ref> CASH) for the month's appointments.
    public var paidCash: Money { fees.cash }
    /// Given back to the cards for the month's appointments.
    public var refunded: Money { fees.refunded }
    /// Paid online and in cash, less the refunds.
    public var collected: Money { fees.collected }

    /// Days with EARNING entries.
    public var daysWorked: Int { days.count { !$0.entries.isEmpty } }
    /// The largest day's total, for drawing bars.
    public var bestDay: Money { days.map(\.total).max() ?? Money(minorUnits: 0) }
}

extension ClinicState {
    /// The earnings report of `doctorID` for `month`.
    public func earnings(of doctorID: String, in month: YearMonth) -> MonthlyEarnings {
        if let closed = closedMonths[month]?.earnings[doctorID] { return closed }
        let entries = earnings[doctorID] ?? []
        var byDay: [LocalDate: [EarningEntry]] = [:]
        // A closed previous month's entries leave memory with it; its total was kept.
        let previousClosed = closedMonths[month.previous] != nil
        var previous: Int64 = closedMonths[month.previous]?.earnings[doctorID]?.total.minorUnits ?? 0
        for entry in entries {
            if month.contains(entry.day) { byDay[entry.day, default: []].append(entry) }
            if !previousClosed, month.previous.contains(entry.day) { previous += entry.amount.minorUnits }
        }
        var completed = 0
        var feesByDay: [LocalDate: FeesTaken] = [:]
        var day = month.first
        while day <= month.last {
            var fees = FeesTaken()
            for appointment in appointments(doctorID: doctorID, on: day) {
                if appointment.status == .completed { completed += 1 }
                if let payment = payments[appointment.ref] { fees.add(payment) }
            }
            if !fees.isEmpty { feesByDay[day] = fees }
            day = day.adding(days: 1)
        }
        let days = Set(byDay.keys).union(feesByDay.keys).sorted().map { day in
            let entries = byDay[day] ?? []
            return MonthlyEarnings.Day(day: day, entries: entries, total: Money(minorUnits: entries.reduce(0) { $0 + $1.amount.minorUnits }),
                                       fees: feesByDay[day] ?? FeesTaken())
        }
        let total = days.reduce(Int64(0)) { $0 + $1.total.minorUnits }
        let worked = Int64(days.count { !$0.entries.isEmpty })
        let change: Int? = previous == 0 ? nil : Int((total - previous) * 100 / previous)
        return MonthlyEarnings(doctorID: doctorID, month: month, days: days, total: Money(minorUnits: total),
                               averagePerDay: Money(minorUnits: worked == 0 ? 0 : total / worked),
                               consultationsCompleted: completed, previousTotal: Money(minorUnits: previous), changePercent: change,
                               fees: days.reduce(FeesTaken()) { $0 + $1.fees })
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
