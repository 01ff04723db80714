import Clinic

/// CONTACT <doctor|DESK> <message> (patients).
extension LineParser {
    static let contactLimit = 1000
    /// Words that name the front desk rather than a doctor.
    static let deskWords: Set<String> = ["desk", "reception", "frontdesk"]

    func contact(_ args: Words) -> LineReading {
        func message(_ rest: Words) -> String? { FreeText.clean(rest.textToEnd, limit: Self.contactLimit) }
        let args = args.dropping(.beforeDoctor)
        var rest = args
        if let first = rest.first, rest.key(first) == "front", let second = rest.peek(1), rest.key(second) == "desk" { rest = rest.dropFirst(2) }
        else if let first = rest.first, Self.deskWords.contains(rest.key(first)) { rest = rest.dropFirst() }
        if rest.count < args.count {
            guard let text = message(rest) else {
                return .problem(CommandProblem(Help.contact, understood: Understood("CONTACT DESK"), wrong: .noMessage, doctor: exampleDoctor))
            }
            return .command(.contact(to: .desk, message: text))
        }
        switch doctor(args, for: .contact, understood: Understood("CONTACT")) {
        case .problem(let problem):
            return .problem(problem)
        case .found(let index, let rest):
            let doctor = names.doctors[index]
            guard let text = message(rest) else {
                return .problem(CommandProblem(Help.contact, understood: Understood("CONTACT", doctor: doctor.name, link: .none), wrong: .noMessage,
                                               doctor: names.shortReference(doctor)))
            }
            return .command(.contact(to: .doctor(id: doctor.id), message: text))
        }
    }
}
