import Clinic

/// RATE DR <doctor> <1-5> [comment] (patients) and RATE <ref> <1-5> [comment] (doctors).
extension LineParser {
    static let commentLimit = 500

    func rate(_ args: Words) -> LineReading {
        guard let first = args.first else {
            return .problem(CommandProblem(Help.rateDoctor, understood: "RATE", wrong: "nothing to rate named", doctor: exampleDoctor))
        }
        return first.is(.title) ? rateDoctor(args) : ratePatient(args)
    }

    private func rateDoctor(_ args: Words) -> LineReading {
        switch doctor(args, for: .rate, understood: "RATE") {
        case .problem(let problem):
            return .problem(problem)
        case .found(let index, let rest):
            let doctor = names.doctors[index]
            switch stars(rest) {
            case .success(let (stars, comment)):
                return .command(.rateDoctor(doctorID: doctor.id, stars: stars, comment: comment))
            case .failure(let wrong):
                return .problem(CommandProblem(Help.rateDoctor, understood: "RATE \(doctor.name)", wrong: wrong.text,
                                               doctor: names.shortReference(doctor)))
            }
        }
    }

    private func ratePatient(_ args: Words) -> LineReading {
        let args = args.dropping(.beforeReference)
        func problem(_ understood: String, _ wrong: String) -> LineReading {
            .problem(CommandProblem(Help.ratePatient, understood: understood, wrong: wrong, doctor: nil))
        }
        guard let token = args.first else { return problem("RATE", "no booking reference given") }
        switch References.read(token, in: args) {
        case .failure(let wrong):
            return problem("RATE", wrong.text + "; to rate a doctor write RATE DR <doctor> <1-5>")
        case .success(let ref):
            switch stars(args.dropFirst()) {
            case .success(let (stars, comment)): return .command(.ratePatient(ref: ref, stars: stars, comment: comment))
            case .failure(let wrong): return problem("RATE \(ref)", wrong.text)
            }
        }
    }

    /// "4", "4/5", "4 stars", then the comment.
    private func stars(_ words: Words) -> Result<(Int, String?), CommandWrong> {
        guard let token = words.first else { return .failure(CommandWrong("no stars given: write a number from 1 to 5")) }
        var key = words.key(token)
        if key.hasSuffix("/5") { key = String(key.dropLast(2)) }
        guard let stars = Int(key), Rating.range.contains(stars) else {
            return .failure(CommandWrong("\"\(words.written())\" is not a number of stars from 1 to 5"))
        }
        var rest = words.dropFirst()
        if let next = rest.first, ["star", "stars"].contains(rest.key(next)) { rest = rest.dropFirst() }
        return .success((stars, FreeText.clean(rest.dropping(.beforeReason).textToEnd, limit: Self.commentLimit)))
    }
}
