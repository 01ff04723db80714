import Clinic

/// CANCEL DAY (a doctor), BROADCAST CANCEL and BROADCAST (the desk): a day closed, or a word to its patients.
extension LineParser {
    static let broadcastLimit = 500

    static let dayWord = WordKey("day")
    private static let cancelWord = WordKey("cancel")
    private static let allWord = WordKey("all")

    /// `CANCEL DAY <day> [reason]`.
    func cancelDay(_ args: Words, clock: inout ClinicToday) -> LineReading {
        switch day(args, entry: Help.cancelDay, understood: "CANCEL DAY", clock: &clock) {
        case .found(let day, let rest): return .command(.cancelDay(day: day, reason: reason(rest)))
        case .problem(let problem): return .problem(problem)
        }
    }

    /// `BROADCAST CANCEL <doctor|ALL> <day> [reason]` and `BROADCAST <day> <message>`.
    func broadcast(_ args: Words, clock: inout ClinicToday) -> LineReading {
        guard args.first?.key == Self.cancelWord else {
            switch day(args, entry: Help.broadcast, understood: "BROADCAST", clock: &clock) {
            case .found(let day, let rest):
                guard let message = FreeText.clean(rest.textToEnd, limit: Self.broadcastLimit) else {
                    return .problem(CommandProblem(Help.broadcast, understood: "BROADCAST", wrong: "no message given", doctor: nil))
                }
                return .command(.broadcast(day: day, message: message))
            case .problem(let problem): return .problem(problem)
            }
        }
        let args = args.dropFirst()
        let doctorID: String?
        let afterName: Words
        let understood: String
        if args.first?.key == Self.allWord {
            (doctorID, afterName, understood) = (nil, args.dropFirst(), "BROADCAST CANCEL ALL")
        } else {
            switch doctor(args, for: .broadcast, understood: Understood("BROADCAST CANCEL")) {
            case .found(let index, let rest):
                let doctor = names.doctors[index]
                (doctorID, afterName, understood) = (doctor.id, rest, "BROADCAST CANCEL \(doctor.name)")
            case .problem(var problem):
                problem = CommandProblem(Help.broadcastCancel, understood: Understood("BROADCAST CANCEL"), wrong: problem.reason, doctor: exampleDoctor,
                                         choices: problem.choices)
                return .problem(problem)
            }
        }
        switch day(afterName, entry: Help.broadcastCancel, understood: understood, clock: &clock) {
        case .found(let day, let rest): return .command(.broadcastCancel(doctorID: doctorID, day: day, reason: reason(rest)))
        case .problem(let problem): return .problem(problem)
        }
    }

    private func reason(_ rest: Words) -> String? {
        FreeText.clean(TrailingCourtesy.dropped(from: rest.dropping(.beforeReason)).text, limit: Self.noteLimit)
    }

    /// The day at the head of `args` (a weekday is the next one, or today) and the words after it.
    private func day(_ args: Words, entry: HelpEntry, understood: String, clock: inout ClinicToday) -> DayArgument {
        let rest = args.dropping(.beforeDay)
        func problem(_ wrong: String) -> DayArgument {
            DayArgument.problem(CommandProblem(entry, understood: understood, wrong: wrong, doctor: exampleDoctor))
        }
        switch Dates.read(rest, dayFirst: dayFirst) {
        case .day(let spec, let consumed):
            switch resolve(spec, time: nil, clock: &clock) {
            case .success(let day): return .found(day, rest.dropFirst(consumed))
            case .failure(let wrong): return problem(wrong.text)
            }
        case .invalid(let written, let why): return problem(CommandWrong.notADate(written: written, why).english)
        case .none: return problem(rest.isEmpty ? "no day given" : "\"\(rest.written())\" is not a day")
        }
    }
}

/// The day a command names and the words after it, or the problem with it.
enum DayArgument {
    case found(LocalDate, Words)
    case problem(CommandProblem)
}
