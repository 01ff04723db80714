import Clinic

/// REGISTER and VERIFY.
extension LineParser {
    /// `REGISTER <full name>`.
    func register(_ args: Words) -> LineReading {
        switch PersonNames.read(args.text) {
        case .success(let name): .command(.register(name: name))
        case .failure(let wrong): .problem(CommandProblem(.register, understood: Understood("REGISTER"), wrong: wrong, doctor: nil))
        }
    }

    /// `CONFIRM <code>`: six digits, written as for VERIFY.
    func confirm(_ args: Words) -> LineReading {
        switch VerificationCodes.read(args.dropping(.beforeCode)) {
        case .success(let code): .command(.confirm(code: code))
        case .failure(let wrong): .problem(CommandProblem(.confirm, understood: Understood("CONFIRM"), wrong: wrong, doctor: nil))
        }
    }

    /// `VERIFY <code>`: six digits; "VERIFY code 123 456" works too.
    func verify(_ args: Words) -> LineReading {
        switch VerificationCodes.read(args.dropping(.beforeCode)) {
        case .success(let code): .command(.verify(code: code))
        case .failure(let wrong): .problem(CommandProblem(.verify, understood: Understood("VERIFY"), wrong: wrong, doctor: nil))
        }
    }
}
