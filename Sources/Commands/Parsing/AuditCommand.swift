import Clinic

/// AUDIT (the desk): the audit trail of one patient, named by their id.
extension LineParser {
    /// `AUDIT <patient>`, the id as `caredesk show patients` prints it (P12). A line of prose that begins with
    /// "Audit" ("Audit of last week…") is no command: only a lone word after it is read as a patient.
    func audit(_ args: Words) -> LineReading {
        func problem(_ wrong: String) -> LineReading {
            .problem(CommandProblem(Help.audit, understood: "AUDIT", wrong: wrong, doctor: nil))
        }
        guard let token = args.first else { return problem("no patient given: write the patient's id, as in AUDIT P12") }
        let id = args.text(token).uppercased()
        let isPatientID = id.count > 1 && id.count <= 12 && id.hasPrefix("P") && id.dropFirst().allSatisfy(\.isASCII) && id.dropFirst().allSatisfy(\.isNumber)
        guard isPatientID else {
            return args.count == 1 ? problem("\"\(args.written())\" is not a patient's id (P and a number, as in P12)") : .unrecognised
        }
        guard args.count == 1 else { return problem("one patient at a time: \"\(args.written(args.count))\"") }
        return .command(.audit(patientID: id))
    }
}
