import Clinic

/// WAIT, WAIT OFF and YES: a place on a doctor's waitlist, and taking the slot it offers.
extension LineParser {

    /// `WAIT <doctor> [day] [between 10:00 and 12:00 | from 10 to 12 | 10:00-12:00 | after 16:00 | before 11 | morning]`,
    /// and `WAIT OFF [doctor]`.
    func wait(_ args: Words, clock: inout ClinicToday) -> LineReading {
        if args.first?.key == Self.offWord { return waitOff(args.dropFirst()) }
        let (index, afterName): (Int, Words)
        switch self.doctor(args, for: .wait, understood: Understood("WAIT")) {
        case .found(let found, let rest): (index, afterName) = (found, rest)
        case .problem(let problem): return .problem(problem)
        }
        let doctor = names.doctors[index]
        func problem(_ understood: Understood, _ wrong: CommandWrong) -> LineReading {
            .problem(CommandProblem(.wait, understood: understood, wrong: wrong, doctor: names.shortReference(doctor)))
        }
        var understood = Understood("WAIT", doctor: doctor.name, link: .for)
        var rest = afterName.dropping(.beforeDay)
        var day: LocalDate? = nil
        switch Dates.read(rest, dayFirst: dayFirst) {
        case .day(let spec, let consumed):
            switch resolve(spec, time: nil, clock: &clock) {
            case .success(let resolved): day = resolved
            case .failure(let wrong): return problem(understood, wrong)
            }
            understood.day = day
            rest = rest.dropFirst(consumed)
        case .invalid(let written, let why):
            return problem(understood, .notADate(written: written, why))
        case .none:
            break
        }
        var window: TimeRange? = nil
        if let (part, consumed, today) = DayParts.read(rest) {
            window = DayParts.window(part)
            if today, day == nil { day = clock.now().date }
            rest = rest.dropFirst(consumed)
        } else if !rest.isEmpty {
            switch WaitWindow.read(rest) {
            case .window(let range, let consumed):
                window = range
                rest = rest.dropFirst(consumed)
            case .wrong(let why): return problem(understood, why)
            case .none: break
            }
        }
        let left = TrailingCourtesy.dropped(from: rest)
        guard left.isEmpty else {
            return problem(understood, .notWaitTimes(written: left.written(min(left.count, 4))))
        }
        return .command(.wait(doctorID: doctor.id, day: day, window: window))
    }

    /// `WAIT OFF [doctor]`.
    private func waitOff(_ args: Words) -> LineReading {
        let rest = TrailingCourtesy.dropped(from: args)
        guard !rest.isEmpty else { return .command(.waitOff(doctorID: nil)) }
        switch self.doctor(rest, for: .wait, understood: Understood("WAIT OFF")) {
        case .found(let index, _): return .command(.waitOff(doctorID: names.doctors[index].id))
        case .problem(let problem): return .problem(problem)
        }
    }

    /// `YES [code]`; a bare YES (or "yes please") takes the one offer open.
    func yes(_ args: Words) -> LineReading {
        let args = args.dropping(.beforeReference)
        guard let token = args.first else { return .command(.takeOffer(code: nil)) }
        switch References.read(token, in: args) {
        case .success(let code): return .command(.takeOffer(code: code))
        case .failure(let wrong):
            if TrailingCourtesy.dropped(from: args).isEmpty { return .command(.takeOffer(code: nil)) }
            guard case .notAReference(let written, let flaw) = wrong else {
                return .problem(CommandProblem(.yes, understood: Understood("YES"), wrong: wrong, doctor: nil))
            }
            return .problem(CommandProblem(.yes, understood: Understood("YES"), wrong: .notAnOfferCode(written: written, flaw), doctor: nil))
        }
    }
}

/// The times a WAIT asks for, as written after the day.
enum WaitWindow {
    enum Reading {
        case window(TimeRange, consumed: Int)
        case wrong(CommandWrong)
        case none
    }

    private static let between = WordKey("between"), from = WordKey("from"), after = WordKey("after"), before = WordKey("before")
    private static let joiners = [WordKey("and"), WordKey("to"), WordKey("-"), WordKey("till"), WordKey("until")]
    private static let endOfDay = TimeOfDay(minutes: 23 * 60 + 59)

    static func read(_ words: Words) -> Reading {
        guard let first = words.first else { return .none }
        if let range = TimeRange(text: words.written()) { return .window(range, consumed: 1) }
        let key = first.key
        if key == after || key == before {
            guard case .time(let time, let used) = Times.read(words.dropFirst()) else { return .wrong(.noTimeAfter(written: words.written())) }
            let range = key == after ? TimeRange(start: time, end: endOfDay) : TimeRange(start: TimeOfDay(minutes: 0), end: time)
            guard let range else { return .wrong(.noSlotStarts(written: words.written(), time)) }
            return .window(range, consumed: 1 + used)
        }
        let opened = key == between || key == from ? 1 : 0
        let rest = words.dropFirst(opened)
        guard case .time(let start, let used) = Times.read(rest) else {
            return opened == 1 ? .wrong(.noTimeAfter(written: words.written())) : .none
        }
        var next = rest.dropFirst(used)
        guard let joiner = next.first, joiners.contains(joiner.key) else {
            return .wrong(.windowNeedsEnd(written: rest.written(used)))
        }
        next = next.dropFirst()
        guard case .time(let end, let endUsed) = Times.read(next) else { return .wrong(.noTimeAfter(written: joiner.key == WordKey("-") ? "-" : words.written(opened + used + 1))) }
        guard let range = TimeRange(start: start, end: end) else { return .wrong(.endsBeforeStart(start, end)) }
        return .window(range, consumed: opened + used + 1 + endUsed)
    }
}

extension DayParts {
    /// The times a part of the day covers, as a WAIT's window.
    static func window(_ part: DayPart) -> TimeRange {
        switch part {
        case .morning: TimeRange(start: TimeOfDay(minutes: 0), end: TimeOfDay(minutes: 12 * 60))!
        case .afternoon: TimeRange(start: TimeOfDay(minutes: 12 * 60), end: TimeOfDay(minutes: 17 * 60))!
        case .evening: TimeRange(start: TimeOfDay(minutes: 17 * 60), end: TimeOfDay(minutes: 23 * 60 + 59))!
        }
    }
}
