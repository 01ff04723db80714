import Clinic

/// SCHEDULE and TODAY: a doctor's appointments on a day.
extension LineParser {
    /// `SCHEDULE [day]`: a weekday is the next one, or today (as SLOTS reads days). Words after the day are
    /// ignored. Followed by anything that is not a day it is prose ("Schedule an appointment for me"), not a command.
    func schedule(_ args: Words, clock: inout ClinicToday) -> LineReading {
        let rest = args.dropping(.beforeDay)
        if rest.isEmpty { return .command(.schedule(day: nil)) }
        func problem(_ wrong: CommandWrong) -> LineReading {
            .problem(CommandProblem(.schedule, understood: "SCHEDULE", wrong: wrong.text, doctor: nil))
        }
        switch Dates.read(rest, dayFirst: dayFirst) {
        case .day(let spec, _):
            switch resolve(spec, time: nil, clock: &clock) {
            case .success(let day): return .command(.schedule(day: day))
            case .failure(let wrong): return problem(wrong)
            }
        case .invalid(let written, let why):
            return problem(.notADate(written: written, why))
        case .none:
            return .unrecognised
        }
    }

    /// `TODAY` alone; "Today is fine" is prose.
    func today(_ args: Words) -> LineReading {
        args.isEmpty ? .command(.schedule(day: nil)) : .unrecognised
    }
}
