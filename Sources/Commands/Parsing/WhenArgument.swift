import Clinic

/// A day and a time as written, and the words after them. Reading stops at the first word that is
/// shaped like a day or a time but is not one (`wrong`); what was read before it is kept.
struct When {
    var day: DaySpec?
    var time: TimeOfDay?
    var rest: Words
    var wrong: CommandWrong?
}

extension LineParser {
    /// A day and a time in either order ("Tue 10:00", "10am tomorrow", "on Tue at 10"); either may be missing.
    func when(_ args: Words) -> When {
        var when = When(rest: args.dropping(.beforeDay))
        readDay(into: &when)
        guard when.wrong == nil else { return when }
        when.rest = when.rest.dropping(.beforeTime)
        switch Times.read(when.rest) {
        case .time(let time, let consumed):
            when.time = time
            when.rest = when.rest.dropFirst(consumed)
        case .invalid(let written, let why):
            when.wrong = .notATime(written: written, why)
            return when
        case .none:
            break
        }
        if when.day == nil, when.time != nil {
            when.rest = when.rest.dropping(.beforeDay)
            readDay(into: &when)
        }
        return when
    }

    private func readDay(into when: inout When) {
        switch Dates.read(when.rest, dayFirst: dayFirst) {
        case .day(let spec, let consumed):
            when.day = spec
            when.rest = when.rest.dropFirst(consumed)
        case .invalid(let written, let why):
            when.wrong = .notADate(written: written, why)
        case .none:
            break
        }
    }

    /// The date `spec` names today, or what is wrong with it ("Wed 3 Mar" when 3 March is a Tuesday).
    func resolve(_ spec: DaySpec, time: TimeOfDay?, clock: inout ClinicToday) -> Result<LocalDate, CommandWrong> {
        let now = clock.now()
        return Dates.resolve(spec, today: now.date, now: now.time, time: time).mapError(\.wrong)
    }

    /// The day and time a BOOK or RESCHEDULE asks for, and the words after them.
    func appointmentTime(_ args: Words, clock: inout ClinicToday)
        -> Result<(LocalDate, TimeOfDay, rest: Words), AppointmentTimeProblem> {
        let when = self.when(args)
        var day: LocalDate? = nil
        if let spec = when.day {
            switch resolve(spec, time: when.time, clock: &clock) {
            case .success(let resolved): day = resolved
            case .failure(let wrong): return .failure(AppointmentTimeProblem(wrong: wrong))
            }
        }
        func failure(_ wrong: CommandWrong) -> Result<(LocalDate, TimeOfDay, rest: Words), AppointmentTimeProblem> {
            .failure(AppointmentTimeProblem(wrong: wrong, day: day, time: when.time))
        }
        if let wrong = when.wrong { return failure(wrong) }
        guard let day else {
            guard !when.rest.isEmpty else { return failure(.noDay) }
            return failure(.noDayBut(written: when.rest.written()))
        }
        guard let time = when.time else { return failure(.noTime) }
        return .success((day, time, when.rest))
    }
}

/// Why a BOOK or RESCHEDULE has no day and time, and what of them was understood.
struct AppointmentTimeProblem: Error {
    var wrong: CommandWrong
    var day: LocalDate? = nil
    var time: TimeOfDay? = nil

    /// `understood` with what was understood of the day and time.
    func understood(_ understood: Understood, dayLink: Understood.DayLink = .on) -> Understood {
        var reading = understood
        reading.day = day
        reading.dayLink = dayLink
        reading.time = time
        return reading
    }
}
