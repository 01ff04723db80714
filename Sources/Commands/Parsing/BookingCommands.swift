import Clinic

/// SLOTS and BOOK: a doctor, then a day (and for BOOK a time and a reason).
extension LineParser {
    static let reasonLimit = 200

    /// `SLOTS <doctor> [day] [part of the day]`. A weekday that is today means today. Words after them are ignored.
    func slots(_ args: Words, clock: inout ClinicToday) -> LineReading {
        let (index, afterName): (Int, Words)
        switch self.doctor(args, for: .slots, understood: Understood("SLOTS")) {
        case .found(let found, let rest): (index, afterName) = (found, rest)
        case .problem(let problem): return .problem(problem)
        }
        let id = names.doctors[index].id
        func problem(_ wrong: CommandWrong) -> LineReading {
            let doctor = names.doctors[index]
            return .problem(CommandProblem(.slots, understood: Understood("SLOTS", doctor: doctor.name, link: .for), wrong: wrong,
                                           doctor: names.shortReference(doctor)))
        }
        let rest = afterName.dropping(.beforeDay)
        if rest.isEmpty { return .command(.slots(doctorID: id, day: nil)) }
        if let (part, _, today) = DayParts.read(rest) {
            return .command(.slots(doctorID: id, day: today ? clock.now().date : nil, asked: SlotsAsked(part: part)))
        }
        switch Dates.read(rest, dayFirst: dayFirst) {
        case .day(let spec, let consumed):
            switch resolve(spec, time: nil, clock: &clock) {
            case .success(let day):
                let part = DayParts.read(rest.dropFirst(consumed))?.part
                return .command(.slots(doctorID: id, day: day, asked: SlotsAsked(part: part)))
            case .failure(let wrong): return problem(wrong)
            }
        case .invalid(let written, let why):
            return problem(.notADate(written: written, why))
        case .none:
            return problem(.notADay(written: rest.written()))
        }
    }

    /// `BOOK <doctor> <day> <time> [reason]`; the reason is the rest of the line (nil if empty, courtesy left
    /// out). Without a time (`BOOK Dr Rao`, `BOOK Dr Rao Tue morning`) the free times are offered and nothing is
    /// booked; `BOOK <doctor|specialty> [day] earliest [reason]` books the earliest free slot.
    func book(_ args: Words, clock: inout ClinicToday) -> LineReading {
        if let earliest = bookEarliest(args, clock: &clock) { return earliest }
        let (index, afterName): (Int, Words)
        switch self.doctor(args, for: .book, understood: Understood("BOOK")) {
        case .found(let found, let rest): (index, afterName) = (found, rest)
        case .problem(let problem): return .problem(problem)
        }
        switch appointmentTime(afterName, clock: &clock) {
        case .success(let (day, time, rest)):
            return .command(.book(doctorID: names.doctors[index].id, day: day, time: time, reason: bookingReason(rest)))
        case .failure(let problem):
            if let offer = freeTimesOffer(afterName, doctorID: names.doctors[index].id, clock: &clock) { return offer }
            let doctor = names.doctors[index]
            return .problem(CommandProblem(.book, understood: problem.understood(Understood("BOOK", doctor: doctor.name)),
                                           wrong: problem.wrong, doctor: names.shortReference(doctor)))
        }
    }

    /// A reason as written after the day and time, without fillers before it and courtesy around it.
    func bookingReason(_ rest: Words) -> String? {
        var text = TrailingCourtesy.dropped(from: rest.dropping(.courtesy).dropping(.beforeReason)).text
        while let last = text.last, last == "," || last == ";" || last == ":" || last == "-" || last == " " { text.removeLast() }
        return FreeText.clean(text, limit: Self.reasonLimit)
    }

    /// A BOOK that gives a doctor and perhaps a day or a part of the day, but no time and nothing else: the
    /// doctor's free times then, for booking (nil when the line says more than that, or a day that is wrong).
    private func freeTimesOffer(_ afterName: Words, doctorID: String, clock: inout ClinicToday) -> LineReading? {
        let when = self.when(afterName)
        guard when.wrong == nil, when.time == nil else { return nil }
        var rest = when.rest
        var part: DayPart? = nil
        var day: LocalDate? = nil
        if let read = DayParts.read(rest) {
            part = read.part
            rest = rest.dropFirst(read.consumed)
            if read.today, when.day == nil { day = clock.now().date }
        }
        guard TrailingCourtesy.dropped(from: rest).isEmpty else { return nil }
        if let spec = when.day {
            guard case .success(let resolved) = resolve(spec, time: nil, clock: &clock) else { return nil }
            day = resolved
        }
        return .command(.slots(doctorID: doctorID, day: day, asked: SlotsAsked(part: part, forBooking: true)))
    }
}
