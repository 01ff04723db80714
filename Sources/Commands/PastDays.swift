import Clinic

/// Days looked for in the past, for commands about days already worked (EARNING): a weekday or a date
/// without a year means the most recent such day that is not in the future, today included.
extension Dates {
    static func resolveBack(_ spec: DaySpec, today: LocalDate) -> Result<LocalDate, CheckedDayMismatch> {
        switch spec {
        case .offset(let days):
            return .success(today.adding(days: days))
        case .weekday(let weekday):
            return .success(today.adding(days: -((today.weekday.index - weekday.index + 7) % 7)))
        case .date(let date):
            return .success(date)
        case .nextWeek(let weekday):
            return .success(nextWeek(weekday, today: today))
        case .monthDay(let month, let day):
            // 29 February can be up to eight years back (2104 -> 2096); other days at most one.
            for year in stride(from: today.year, through: today.year - 8, by: -1) {
                if let date = LocalDate.valid(year: year, month: month, day: day), date <= today { return .success(date) }
            }
            return .success(LocalDate(year: today.year, month: month, day: day))   // unreachable: the day was checked
        case .checked(let weekday, let inner):
            let result = resolveBack(inner, today: today)
            if case .success(let date) = result, date.weekday != weekday {
                return .failure(CheckedDayMismatch(date: date, written: weekday))
            }
            return result
        }
    }
}

extension LineParser {
    /// The date `spec` names looking back from today, or what is wrong with it.
    func resolveBack(_ spec: DaySpec, clock: inout ClinicToday) -> Result<LocalDate, CommandWrong> {
        Dates.resolveBack(spec, today: clock.now().date).mapError(\.wrong)
    }
}
