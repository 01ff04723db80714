/// REGISTER DOCTOR (anyone not yet on file as staff), APPROVE and REJECT (the desk).
extension ClinicState {
    /// At most this many requests wait at once: past that the desk is being flooded, not asked.
    static let requestsWaitingAtMost = 50
    /// A new doctor's slot length until the desk changes it.
    static let newDoctorSlotMinutes = 15

    public var waitingRequests: [DoctorRequest] { doctorRequests.filter { $0.status == .waiting } }

    /// The request of that id ("R7K2QX"; round-1 stores hold "R1", "R2", …). Requests are few (at most 50 wait),
    /// so a walk is cheap.
    public func doctorRequest(id: String) -> DoctorRequest? {
        doctorRequests.first { $0.id == id }
    }

    /// A fresh request id: "R" and five symbols of the reference alphabet, drawn from the system's randomness,
    /// so the number of requests so far is nobody's business and no id can be guessed from another.
    static func newRequestID(isUsed: (String) -> Bool, random: inout some RandomNumberGenerator) -> String {
        while true {
            let id = "R" + String((0..<5).map { _ in Reference.alphabet[Int(random.next() % UInt64(Reference.alphabet.count))] })
            if !isUsed(id) { return id }
        }
    }

    func requestToJoin(name: String, specialty: String, sender: Sender, now: Int64,
                       random: inout some RandomNumberGenerator) -> Decision {
        func refused(_ why: DoctorRequestRefusal) -> Decision { Decision(outcome: .doctorRequestRefused(why)) }
        switch role(of: sender.address) {
        case .doctor(let id): return refused(.alreadyDoctor(doctor(id: id)?.name ?? id))
        case .desk: return refused(.deskAddress)
        case .patient: break
        }
        if patient(address: sender.address)?.verified == true { return refused(.patientAddress) }
        let waiting = waitingRequests
        if let mine = waiting.first(where: { $0.address == sender.address }) { return refused(.alreadyWaiting(mine)) }
        guard waiting.count < Self.requestsWaitingAtMost else { return refused(.tooManyWaiting) }
        let titled = name.lowercased().hasPrefix("dr ") || name.lowercased().hasPrefix("dr.") ? name : "Dr " + name
        let request = DoctorRequest(id: Self.newRequestID(isUsed: { doctorRequest(id: $0) != nil }, random: &random), name: titled, specialty: specialty,
                                    address: sender.address, at: now)
        return Decision(events: [.doctorRequested(request)], outcome: .doctorRequested(request),
                        joiningNotices: [JoiningNotice(request: request, kind: .request)])
    }

    func decideRequest(id: String, approve: Bool, reason: String?, now: Int64) -> Decision {
        guard var request = doctorRequest(id: id) else {
            return Decision(outcome: .requestDecisionRefused(.unknown(id, waiting: waitingRequests)))
        }
        guard request.status == .waiting else { return Decision(outcome: .requestDecisionRefused(.alreadyDecided(request))) }
        request.status = approve ? .approved : .rejected
        request.decidedAt = now
        request.reason = approve ? nil : reason
        let decided = ClinicEvent.doctorRequestDecided(id: request.id, status: request.status, at: now, reason: request.reason)
        guard approve else {
            return Decision(events: [decided], outcome: .doctorRequestDecided(request, doctor: nil),
                            joiningNotices: [JoiningNotice(request: request, kind: .rejected)])
        }
        guard role(of: request.address) == .patient, patient(address: request.address)?.verified != true else {
            return Decision(outcome: .requestDecisionRefused(.addressTaken(request)))
        }
        let doctor = Doctor(id: newDoctorID(for: request.name), name: request.name, specialty: request.specialty, qualifications: "",
                            fee: Money(minorUnits: 0), slotMinutes: Self.newDoctorSlotMinutes, hours: WeeklyHours(),
                            email: request.address.contains("@") ? request.address : "",
                            phone: request.address.contains("@") ? nil : request.address)
        return Decision(events: [decided, .doctorAdded(doctor)], outcome: .doctorRequestDecided(request, doctor: doctor),
                        joiningNotices: [JoiningNotice(request: request, kind: .approved(doctor))])
    }

    /// A slug from the surname ("Dr Priya Nair" -> "nair"), then the whole name, then a number, whichever is free.
    func newDoctorID(for name: String) -> String {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { String($0.unicodeScalars.filter { $0.isASCII }) }
            .filter { !$0.isEmpty && $0 != "dr" }
        let surname = words.last ?? "doctor"
        for candidate in [surname, words.joined(separator: "-")] where !candidate.isEmpty && doctor(id: candidate) == nil {
            return candidate
        }
        var n = 2
        while doctor(id: "\(surname)-\(n)") != nil { n += 1 }
        return "\(surname)-\(n)"
    }
}

extension ClinicState {
    /// Puts back the requests a snapshot kept.
    public mutating func restore(doctorRequests: [DoctorRequest]) { self.doctorRequests = doctorRequests }
}
