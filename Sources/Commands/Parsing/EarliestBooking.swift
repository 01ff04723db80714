import Clinic

/// `BOOK <doctor|specialty> [day] [part of the day] earliest [reason]` ("first available", "soonest", "asap"
/// too): the earliest free slot of that doctor, or of any doctor of that specialty, booked.
extension LineParser {
    private static let markers = ["earliest", "soonest", "asap"].map { WordKey($0) }
    private static let firstWords = ["first", "next", "earliest"].map { WordKey($0) }
    private static let articles = ["the", "a", "an", "your"].map { WordKey($0) }
    private static let availableWords = ["available", "free", "slot", "possible"].map { WordKey($0) }

    /// Where the earliest marker is among `args`, and how many words it takes; nil if there is none.
    private func earliestMarker(_ args: Words) -> (at: Int, length: Int)? {
        for i in 0..<args.count {
            let word = args.peek(i)!.key
            if let next = args.peek(i + 1)?.key, Self.firstWords.contains(word), Self.availableWords.contains(next) {
                return (i, 2)
            }
            if Self.markers.contains(word) { return (i, 1) }
        }
        return nil
    }

    /// The reading of a BOOK … earliest line, or nil for a BOOK without the marker.
    func bookEarliest(_ args: Words, clock: inout ClinicToday) -> LineReading? {
        guard let marker = earliestMarker(args) else { return nil }
        var head = args.prefix(marker.at).dropping(.beforeDoctor)
        while let last = head.tokens.last, Self.articles.contains(last.key) { head = head.dropLast() }   // "the earliest"
        var tail = args.dropFirst(marker.at + marker.length)
        let understood = Understood("BOOK", earliest: true)
        func problem(_ wrong: CommandWrong, who: Understood? = nil, choices: [String] = []) -> LineReading {
            let reading = who ?? understood
            return .problem(CommandProblem(Help.bookEarliest, understood: reading, wrong: wrong, doctor: exampleDoctor, choices: choices))
        }

        // Who: a doctor, or the doctors of a specialty.
        var doctorIDs: [String]
        var afterWho: Words
        var who = understood
        switch names.match(head) {
        case .doctor(let index, let consumed):
            doctorIDs = [names.doctors[index].id]
            who.doctor = names.doctors[index].name
            afterWho = head.dropFirst(consumed)
        case .ambiguous, .inactive:
            guard case .problem(let found) = doctor(head, for: .book, understood: understood) else { return nil }
            return .problem(CommandProblem(Help.bookEarliest, understood: understood, wrong: found.reason, doctor: exampleDoctor,
                                           choices: found.choices))
        case .none:
            let length = specialtyLength(head)
            guard length > 0 else { return problem(.noDoctorOrSpecialty, choices: names.activeNames) }
            let written = head.prefix(length).dropping(.beforeSpecialty)
            guard let (specialty, ids) = specialtyDoctors(written.text) else {
                return problem(.unknownDoctorOrSpecialty(written: written.written(written.count)), choices: names.activeNames)
            }
            doctorIDs = ids
            who.specialty = specialty
            afterWho = head.dropFirst(length)
        }

        // When: a day and a part of the day, before the marker or right after it.
        var day: LocalDate? = nil
        var part: DayPart? = nil
        func readWhen(_ words: inout Words) -> CommandWrong? {
            words = words.dropping(.beforeDay)
            if day == nil {
                switch Dates.read(words, dayFirst: dayFirst) {
                case .day(let spec, let consumed):
                    switch resolve(spec, time: nil, clock: &clock) {
                    case .success(let resolved): day = resolved
                    case .failure(let wrong): return wrong
                    }
                    words = words.dropFirst(consumed)
                case .invalid(let written, let why): return .notADate(written: written, why)
                case .none: break
                }
            }
            if part == nil, let read = DayParts.read(words) {
                part = read.part
                if read.today, day == nil { day = clock.now().date }
                words = words.dropFirst(read.consumed)
            }
            return nil
        }
        if let wrong = readWhen(&afterWho) { return problem(wrong, who: who) }
        guard TrailingCourtesy.dropped(from: afterWho).isEmpty else {
            return problem(.notADayOrPartOfDay(written: afterWho.written(afterWho.count)), who: who)
        }
        if let wrong = readWhen(&tail) { return problem(wrong, who: who) }
        return .command(.bookEarliest(doctorIDs: doctorIDs, day: day, part: part, reason: bookingReason(tail)))
    }

    /// How many words at the head of `words` name a specialty: up to the first day or part of the day.
    private func specialtyLength(_ words: Words) -> Int {
        var count = 0
        while count < words.count, count < 4 {
            let rest = words.dropFirst(count)
            if count > 0, Dates.read(rest, dayFirst: dayFirst) != .none || DayParts.read(rest) != nil { break }
            count += 1
        }
        return count
    }

    /// The specialty `written` names (part of an active doctor's specialty, or its "-ist": "cardiologist") and the
    /// active doctors who practise it, in the clinic's order.
    private func specialtyDoctors(_ written: String) -> (String, [String])? {
        var wanted = written.lowercased()
        guard wanted.count >= 3 else { return nil }
        func matching() -> [Doctor] { names.doctors.filter { $0.practises(wanted) } }
        var found = matching()
        if found.isEmpty, wanted.hasSuffix("ist"), wanted.count >= 6 {
            wanted = String(wanted.dropLast(3))
            found = matching()
        }
        guard let first = found.first else { return nil }
        return (first.specialty, found.map(\.id))
    }
}
