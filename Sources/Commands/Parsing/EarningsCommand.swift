import Clinic

/// EARNINGS: a month's earnings report, a doctor's own or (from the desk) a named doctor's.
extension LineParser {
    /// `EARNINGS [month] [year]` and `EARNINGS <doctor> [month] [year]`. No month: this month. Words after
    /// the month are ignored. A doctor who no longer takes bookings still has earnings to report.
    func earnings(_ args: Words, clock: inout ClinicToday) -> LineReading {
        let args = args.dropping(.beforeMonth)
        func problem(_ entry: HelpEntry, _ understood: String, _ wrong: String, choices: [String] = []) -> LineReading {
            .problem(CommandProblem(entry, understood: understood, wrong: wrong, doctor: exampleDoctor, choices: choices))
        }
        guard let first = args.first else { return .command(.earnings(month: thisMonth(&clock), doctorID: nil)) }
        if !first.is(.title) {
            switch Months.read(args) {
            case .month(let spec, _):
                return .command(.earnings(month: Months.resolve(spec, today: clock.now().date), doctorID: nil))
            case .invalid(let written, let why):
                return problem(Help.earnings, "EARNINGS", "\"\(written)\" is not a month: \(why)")
            case .none:
                break
            }
        }

        let named = args.dropping(.beforeDoctor)
        let index: Int, afterName: Words
        switch names.match(named) {
        case .doctor(let found, let consumed), .inactive(let found, let consumed):
            (index, afterName) = (found, named.dropFirst(consumed))
        case .ambiguous(let doctors, let consumed):
            return problem(Help.doctorEarnings, "EARNINGS",
                           "\"\(named.written(consumed))\" could be more than one doctor; write the full name",
                           choices: doctors.map { names.doctors[$0].name })
        case .none:
            if first.is(.title) || namesADoctorBeforeAMonth(named) {
                return problem(Help.doctorEarnings, "EARNINGS", "no doctor called \"\(named.written(doctorWordCount(named)))\"",
                               choices: names.doctors.map(\.name))
            }
            var wrong = "\"\(args.written())\" is not a month"
            if case .success = Amounts.read(args) { wrong += "; to add an amount write EARNING \(args.written())" }
            return problem(Help.earnings, "EARNINGS", wrong)
        }

        let doctor = names.doctors[index]
        let rest = afterName.dropping(.beforeMonth)
        guard !rest.isEmpty else { return .command(.earnings(month: thisMonth(&clock), doctorID: doctor.id)) }
        switch Months.read(rest) {
        case .month(let spec, _):
            return .command(.earnings(month: Months.resolve(spec, today: clock.now().date), doctorID: doctor.id))
        case .invalid(let written, let why):
            return problem(Help.doctorEarnings, "EARNINGS for \(doctor.name)", "\"\(written)\" is not a month: \(why)")
        case .none:
            return problem(Help.doctorEarnings, "EARNINGS for \(doctor.name)", "\"\(rest.written())\" is not a month")
        }
    }

    private func thisMonth(_ clock: inout ClinicToday) -> YearMonth { YearMonth(clock.now().date) }

    /// Whether a month follows within the next few words: "EARNINGS Rau March" misspells a doctor.
    private func namesADoctorBeforeAMonth(_ words: Words) -> Bool {
        var rest = words.dropFirst()
        for _ in 0..<3 where !rest.isEmpty {
            if Months.read(rest) != .none { return true }
            rest = rest.dropFirst()
        }
        return false
    }

    /// How many words at the head of `words` are taken for a doctor's name: up to a month, at most three.
    private func doctorWordCount(_ words: Words) -> Int {
        var count = 0
        var rest = words
        while !rest.isEmpty, count < 3, count == 0 || Months.read(rest) == .none {
            count += 1
            rest = rest.dropFirst()
        }
        return count
    }
}
