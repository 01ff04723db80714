import Clinic

/// RATE DR <doctor> <1-5> [comment] (patients) and RATE <ref> <1-5> [comment] (doctors).
extension LineParser {
    static let commentLimit = 500

    func rate(_ args: Words) -> LineReading {
        guard let first = args.first else {
            return .problem(CommandProblem(Help.rateDoctor, understood: Understood("RATE"), wrong: .nothingToRate, doctor: exampleDoctor))
        }
        return first.is(.title) ? rateDoctor(args) : ratePatient(args)
    }

    private func rateDoctor(_ args: Words) -> LineReading {
        switch doctor(args, for: .rate, understood: Understood("RATE")) {
        case .problem(let problem):
            return .problem(problem)
        case .found(let index, let rest):
            let doctor = names.doctors[index]
            switch stars(rest) {
            case .success(let (stars, comment)):
                return .command(.rateDoctor(doctorID: doctor.id, stars: stars, comment: comment))
            case .failure(let wrong):
                return .problem(CommandProblem(Help.rateDoctor, understood: Understood("RATE", doctor: doctor.name, link: .none), wrong: wrong,
                                               doctor: names.shortReference(doctor)))
            }
        }
    }

    private func ratePatient(_ args: Words) -> LineReading {
        let args = args.dropping(.beforeReference)
        func problem(_ understood: String, _ wrong: CommandWrong) -> LineReading {
            .problem(CommandProblem(Help.ratePatient, understood: Understood(understood), wrong: wrong, doctor: nil))
        }
        guard let token = args.first else { return problem("RATE", .noReference) }
        switch References.read(token, in: args) {
        case .failure(let wrong):
            guard case .notAReference(let written, let flaw) = wrong else { return problem("RATE", wrong) }
            return problem("RATE", .notAReferenceToRate(written: written, flaw))
        case .success(let ref):
            switch stars(args.dropFirst()) {
            case .success(let (stars, comment)): return .command(.ratePatient(ref: ref, stars: stars, comment: comment))
            case .failure(let wrong): return problem("RATE \(ref)", wrong)
            }
        }
    }

    /// "4", "4/5", "4 stars", then the comment.
    private func stars(_ words: Words) -> Result<(Int, String?), CommandWrong> {
        guard let token = words.first else { return .failure(.noStars) }
        var key = words.key(token)
        if key.hasSuffix("/5") { key = String(key.dropLast(2)) }
        guard let stars = Int(key), Rating.range.contains(stars) else {
            return .failure(.notStars(written: words.written()))
        }
        var rest = words.dropFirst()
        if let next = rest.first, ["star", "stars"].contains(rest.key(next)) { rest = rest.dropFirst() }
        return .success((stars, FreeText.clean(rest.dropping(.beforeReason).textToEnd, limit: Self.commentLimit)))
    }
}
