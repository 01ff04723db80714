import Clinic

/// The doctor a command names, or the problem with the name.
enum DoctorArgument {
    /// The doctor (an index into the reader's doctors) and the words after the name.
    case found(Int, rest: Words)
    case problem(CommandProblem)
}

extension LineParser {
    /// The doctor at the head of `args` and the words after the name, or the problem naming them.
    func doctor(_ args: Words, for keyword: Keyword, understood: Understood) -> DoctorArgument {
        let args = args.dropping(.beforeDoctor)
        func problem(_ wrong: CommandWrong, choices: [String]) -> DoctorArgument {
            .problem(CommandProblem(keyword, understood: understood, wrong: wrong, doctor: exampleDoctor, choices: choices))
        }
        switch names.match(args) {
        case .doctor(let doctor, let consumed):
            return .found(doctor, rest: args.dropFirst(consumed))
        case .ambiguous(let doctors, let consumed):
            return problem(.ambiguousDoctor(written: args.written(consumed)),
                           choices: doctors.map { names.doctors[$0].name })
        case .inactive(let doctor, _):
            return problem(.doctorInactive(name: names.doctors[doctor].name), choices: names.activeNames)
        case .none:
            let count = nameLength(args)
            if count == 0 || (count == 1 && args.first!.is(.title)) {
                return problem(.noDoctor, choices: names.activeNames)
            }
            return problem(.unknownDoctor(written: args.written(count)), choices: names.activeNames)
        }
    }

    /// The doctor a problem's example names: one of this clinic's, so the example works as written.
    var exampleDoctor: String? { names.doctors.first(where: \.active).map(names.shortReference) }

    /// How many words at the head of `args` are taken for a doctor's name: up to the first day or time.
    private func nameLength(_ args: Words) -> Int {
        var count = 0
        var rest = args
        while !rest.isEmpty, count < 6 {
            if Dates.read(rest, dayFirst: dayFirst) != .none || Times.read(rest) != .none { break }
            count += 1
            rest = rest.dropFirst()
        }
        return count
    }
}
