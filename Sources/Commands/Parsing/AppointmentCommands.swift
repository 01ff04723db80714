import Clinic

/// CANCEL and RESCHEDULE: commands about an appointment already booked, named by its reference.
extension LineParser {
    /// `CANCEL [ref]` (and a doctor's `CANCEL DAY <day>`); "CANCEL my appointment" has no reference.
    func cancel(_ args: Words, clock: inout ClinicToday) -> LineReading {
        if args.first?.key == Self.dayWord { return cancelDay(args.dropFirst(), clock: &clock) }
        let args = args.dropping(.beforeReference)
        guard let token = args.first else { return .command(.cancel(ref: nil)) }
        switch References.read(token, in: args) {
        case .success(let ref): return .command(.cancel(ref: ref))
        case .failure(let wrong): return .problem(CommandProblem(.cancel, understood: Understood("CANCEL"), wrong: wrong, doctor: nil))
        }
    }

    /// `PAY [ref]`: the pay link again.
    func pay(_ args: Words) -> LineReading {
        let args = args.dropping(.beforeReference)
        guard let token = args.first else { return .command(.pay(ref: nil)) }
        switch References.read(token, in: args) {
        case .success(let ref): return .command(.pay(ref: ref))
        case .failure(let wrong): return .problem(CommandProblem(.pay, understood: Understood("PAY"), wrong: wrong, doctor: nil))
        }
    }

    /// `RESCHEDULE <ref> <day> <time>`; "RESCHEDULE A7K2Q to Wed at 11:30" works too.
    func reschedule(_ args: Words, clock: inout ClinicToday) -> LineReading {
        func problem(_ understood: Understood, _ wrong: CommandWrong) -> LineReading {
            .problem(CommandProblem(.reschedule, understood: understood, wrong: wrong, doctor: nil))
        }
        let args = args.dropping(.beforeReference)
        guard let token = args.first else { return problem(Understood("RESCHEDULE"), .noReference) }
        let ref: String
        switch References.read(token, in: args) {
        case .success(let found): ref = found
        case .failure(let wrong): return problem(Understood("RESCHEDULE"), wrong)
        }
        switch appointmentTime(args.dropFirst(), clock: &clock) {
        case .success(let (day, time, _)): return .command(.reschedule(ref: ref, day: day, time: time))
        case .failure(let failure): return problem(failure.understood(Understood("RESCHEDULE \(ref)"), dayLink: .to), failure.wrong)
        }
    }
}
