import Clinic

/// EARNING and EARNING SET: an amount a doctor earned on a day worked.
extension LineParser {
    static let noteLimit = 200

    private static let set = WordKey("set")

    /// `EARNING <amount> [day] [note]` and `EARNING SET <amount> [day]`. The day may come first
    /// ("EARNING yesterday 3000"); a weekday or a date without a year is the most recent one, today included.
    func earning(_ args: Words, clock: inout ClinicToday) -> LineReading {
        var args = args
        let replacing = args.first?.key == Self.set
        if replacing { args = args.dropFirst() }
        let entry = replacing ? Help.earningSet : Help.earning
        let command = replacing ? "EARNING SET" : "EARNING"
        func problem(_ understood: String, _ wrong: CommandWrong) -> LineReading {
            .problem(CommandProblem(entry, understood: understood, wrong: wrong.text, doctor: nil))
        }

        var day: DaySpec? = nil
        var rest = args
        let amount: Money
        switch Amounts.read(args) {
        case .success(let (found, consumed)):
            amount = found
            rest = args.dropFirst(consumed)
        case .failure(let wrong):
            // "EARNING yesterday 3000": the day first
            let afterFiller = args.dropping(.beforeDay)
            if case .day(let spec, let consumed) = Dates.read(afterFiller, dayFirst: dayFirst),
               case .success(let (found, amountWords)) = Amounts.read(afterFiller.dropFirst(consumed)) {
                day = spec
                amount = found
                rest = afterFiller.dropFirst(consumed + amountWords)
            } else if !replacing, let first = args.first, first.meaning.month > 0 {
                return problem(command, CommandWrong("\"\(args.written())\" is not an amount; for a month's earnings write EARNINGS \(args.written())"))
            } else {
                return problem(command, wrong)
            }
        }

        if day == nil {
            let afterFiller = rest.dropping(.beforeDay)
            switch Dates.read(afterFiller, dayFirst: dayFirst) {
            case .day(let spec, let consumed):
                day = spec
                rest = afterFiller.dropFirst(consumed)
            case .invalid(let written, let why):
                return problem("\(command) \(amount)", .notADate(written: written, why))
            case .none:
                break
            }
        }
        var date: LocalDate? = nil
        if let day {
            switch resolveBack(day, clock: &clock) {
            case .success(let resolved): date = resolved
            case .failure(let wrong): return problem("\(command) \(amount)", wrong)
            }
        }
        let note = FreeText.clean(rest.dropping(.beforeReason).text, limit: Self.noteLimit)
        return .command(.earning(amount: amount, day: date, note: note, replacingDay: replacing))
    }
}
