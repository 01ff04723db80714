import Clinic

/// REGISTER DOCTOR (someone asking to join as a doctor), APPROVE and REJECT (the desk's answer).
extension LineParser {
    static let doctorWord = WordKey("doctor")
    static let specialtyLimit = 60

    /// `REGISTER DOCTOR <name>, <specialty>`: the comma parts the name from the specialty.
    func registerDoctor(_ args: Words) -> LineReading {
        func problem(_ wrong: String) -> LineReading {
            .problem(CommandProblem(Help.registerDoctor, understood: "REGISTER DOCTOR", wrong: wrong, doctor: nil))
        }
        let written = args.textToEnd
        guard !written.isEmpty else { return problem("no name given") }
        guard let comma = written.firstIndex(of: ",") else {
            return problem("no comma between your name and your specialty")
        }
        let name = written[..<comma].trimmingCharacters(in: .whitespaces)
        let rest = written[written.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        let specialty = rest.hasSuffix(".") ? String(rest.dropLast()) : rest
        switch PersonNames.read(name) {
        case .failure(let wrong): return problem(wrong.text)
        case .success(let name):
            guard let specialty = FreeText.clean(specialty, limit: Self.specialtyLimit), specialty.contains(where: \.isLetter) else {
                return problem("no specialty given after the comma")
            }
            return .command(.registerDoctor(name: name, specialty: specialty))
        }
    }

    /// `APPROVE <request>` and `REJECT <request> [reason]`: a request is R and five symbols ("R7K2QX", "r7k2qx",
    /// "#R7K2QX"); round-1 ids ("R3") still read.
    func decideRequest(_ args: Words, approve: Bool) -> LineReading {
        let entry = approve ? Help.approve : Help.reject
        let command = approve ? "APPROVE" : "REJECT"
        guard let first = args.first else {
            return .problem(CommandProblem(entry, understood: command, wrong: "no request given", doctor: nil))
        }
        var key = args.key(first)
        if key.hasPrefix("#") { key.removeFirst() }
        let rest = key.dropFirst()
        guard key.first == "r", (1...6).contains(rest.count), rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return .problem(CommandProblem(entry, understood: command,
                                           wrong: "\"\(args.written())\" is not a request: requests are written R and five letters or digits, like R7K2QX",
                                           doctor: nil))
        }
        let reason = approve ? nil : FreeText.clean(args.dropFirst().dropping(.beforeReason).textToEnd, limit: 300)
        return .command(.decideRequest(id: "R" + rest.uppercased(), approve: approve, reason: reason))
    }

    /// `REPORT [month] [year]`: no month is this month.
    func report(_ args: Words, clock: inout ClinicToday) -> LineReading {
        let args = args.dropping(.beforeMonth)
        guard !args.isEmpty else { return .command(.monthReport(YearMonth(clock.now().date))) }
        switch Months.read(args) {
        case .month(let spec, _):
            return .command(.monthReport(Months.resolve(spec, today: clock.now().date)))
        case .invalid(let written, let why):
            return .problem(CommandProblem(Help.report, understood: "REPORT", wrong: "\"\(written)\" is not a month: \(why)", doctor: nil))
        case .none:
            return .problem(CommandProblem(Help.report, understood: "REPORT", wrong: "\"\(args.written())\" is not a month", doctor: nil))
        }
    }
}
