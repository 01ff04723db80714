import Clinic

/// DONE and NOSHOW: how an appointment went, named by its reference.
extension LineParser {
    /// `DONE <ref>` (seen) and `NOSHOW <ref>` (missed), references read as CANCEL reads them. "Done with it"
    /// is prose: after DONE, a word that does not look like a reference makes the line no command.
    func mark(_ args: Words, as status: Appointment.Status) -> LineReading {
        let keyword: Keyword = status == .noShow ? .noshow : .done
        let command = status == .noShow ? "NOSHOW" : "DONE"
        func problem(_ wrong: String) -> LineReading {
            .problem(CommandProblem(keyword, understood: command, wrong: wrong, doctor: nil))
        }
        let args = args.dropping(.beforeReference)
        guard let token = args.first else { return problem("no booking reference given") }
        switch References.read(token, in: args) {
        case .success(let ref):
            return .command(.markAppointment(ref: ref, status: status))
        case .failure(let wrong):
            if keyword == .done, !References.looksLikeReference(token) { return .unrecognised }
            return problem(wrong.text)
        }
    }

    /// `PAID <ref> CASH` (the desk): the fee was paid at the counter. Cards are paid online, not recorded here.
    func paid(_ args: Words) -> LineReading {
        func problem(_ wrong: String) -> LineReading {
            .problem(CommandProblem(Help.paid, understood: "PAID", wrong: wrong, doctor: nil))
        }
        guard let token = args.first else { return problem("no booking reference given") }
        switch References.read(token, in: args) {
        case .failure(let wrong):
            return problem(wrong.text)
        case .success(let ref):
            let rest = args.dropFirst()
            guard let how = rest.first else { return problem("no way of paying given: write CASH after the reference") }
            guard rest.key(how) == "cash", rest.count == 1 else {
                return problem("\"\(rest.written())\" is not CASH: the desk records cash; cards are paid through the pay link")
            }
            return .command(.recordPayment(ref: ref, method: .cash))
        }
    }
}
