import Clinic

/// A patient's data: FORGET ME from the patient, EXPORT and ERASE <patient> from the desk.
extension LineParser {
    static let meWord = WordKey("me")

    /// `FORGET ME`.
    func forget(_ args: Words) -> LineReading {
        guard args.first?.key == Self.meWord else {
            return .problem(CommandProblem(.forget, understood: Understood("FORGET"),
                                           wrong: args.isEmpty ? .nothingAfterForget : .notMe(written: args.written()), doctor: nil))
        }
        return .command(.forgetMe)
    }

    /// `EXPORT <patient>` / `ERASE <patient>`: the patient's id (P12) or the address they write from.
    func patientCommand(_ args: Words, _ keyword: Keyword) -> LineReading {
        // An address is several words to the lexer: the first run of the line up to white space.
        var who = args.textToEnd.split(separator: " ").first.map(String.init) ?? ""
        while let last = who.last, ".,;:".contains(last) { who.removeLast() }
        guard !who.isEmpty, who.count <= 254, !who.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            return .problem(CommandProblem(keyword, understood: keyword.rawValue.uppercased(), wrong: "no patient given", doctor: nil))
        }
        return .command(keyword == .erase ? .erasePatient(who) : .exportPatient(who))
    }
}
