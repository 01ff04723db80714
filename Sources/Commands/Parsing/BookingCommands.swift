import Clinic

/// SLOTS and BOOK: a doctor, then a day (and for BOOK a time and a reason).
extension LineParser {
    static let reasonLimit = 200

    /// `SLOTS <doctor> [day]`. A weekday that is today means today. Words after the day are ignored.
    func slots(_ args: Words, clock: inout ClinicToday) -> LineReading {
        let (index, afterName): (Int, Words)
        switch self.doctor(args, for: .slots, understood: "SLOTS") {
        case .found(let found, let rest): (index, afterName) = (found, rest)
        case .problem(let problem): return .problem(problem)
        }
        let id = names.doctors[index].id
        func problem(_ wrong: CommandWrong) -> LineReading {
            let doctor = names.doctors[index]
            return .problem(CommandProblem(.slots, understood: "SLOTS for \(doctor.name)", wrong: wrong.text,
                                           doctor: names.shortReference(doctor)))
        }
        let rest = afterName.dropping(.beforeDay)
        if rest.isEmpty { return .command(.slots(doctorID: id, day: nil)) }
        switch Dates.read(rest, dayFirst: dayFirst) {
        case .day(let spec, _):
            switch resolve(spec, time: nil, clock: &clock) {
            case .success(let day): return .command(.slots(doctorID: id, day: day))
            case .failure(let wrong): return problem(wrong)
            }
        case .invalid(let written, let why):
            return problem(CommandWrong("\"\(written)\" is not a date: \(why)"))
        case .none:
            return problem(CommandWrong("\"\(rest.written())\" is not a day"))
        }
    }

    /// `BOOK <doctor> <day> <time> [reason]`; the reason is the rest of the line (nil if empty).
    func book(_ args: Words, clock: inout ClinicToday) -> LineReading {
        let (index, afterName): (Int, Words)
        switch self.doctor(args, for: .book, understood: "BOOK") {
        case .found(let found, let rest): (index, afterName) = (found, rest)
        case .problem(let problem): return .problem(problem)
        }
        switch appointmentTime(afterName, clock: &clock) {
        case .success(let (day, time, rest)):
            let reason = FreeText.clean(rest.dropping(.beforeReason).text, limit: Self.reasonLimit)
            return .command(.book(doctorID: names.doctors[index].id, day: day, time: time, reason: reason))
        case .failure(let problem):
            let doctor = names.doctors[index]
            return .problem(CommandProblem(.book, understood: problem.understood("BOOK with \(doctor.name)", dayWord: "on"),
                                           wrong: problem.wrong.text, doctor: names.shortReference(doctor)))
        }
    }
}
