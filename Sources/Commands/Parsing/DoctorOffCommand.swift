import Clinic

/// DOCTOR OFF (the desk): a doctor stops taking bookings.
extension LineParser {
    static let offWord = WordKey("off")

    /// `DOCTOR OFF <doctor>`.
    func doctorOff(_ args: Words) -> LineReading {
        switch doctor(args, for: .doctor, understood: Understood("DOCTOR OFF")) {
        case .found(let index, _):
            return .command(.doctorOff(doctorID: names.doctors[index].id))
        case .problem(let problem):
            return .problem(CommandProblem(Help.doctorOff, understood: Understood("DOCTOR OFF"), wrong: problem.reason, doctor: exampleDoctor,
                                           choices: problem.choices))
        }
    }
}
