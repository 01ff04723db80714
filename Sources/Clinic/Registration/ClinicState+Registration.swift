/// Registration: a sender names themself, gets a 6-digit code at the address they wrote from, and sends it
/// back from the same address. Codes expire after 30 minutes and allow five attempts.
extension ClinicState {
    func register(name: String, sender: Sender, now: Int64, random: inout some RandomNumberGenerator) -> Decision {
        let code = VerificationCode(code: Self.sixDigits(&random), expiresAt: now + VerificationCode.lifetimeSeconds)
        if let patient = patient(address: sender.address) {
            if patient.verified { return Decision(outcome: .alreadyRegistered(name: patient.name)) }
            let today = (patient.codesIssuedAt ?? []).filter { now - $0 < 86_400 }
            if today.count >= VerificationCode.perDay, let first = today.min() {
                return Decision(outcome: .registerTooOften(retryAt: first + 86_400))
            }
            return Decision(events: [.codeIssued(patientID: patient.id, name: name, code: code)],
                            outcome: .registered(name: name, code: code.code, expiresAt: code.expiresAt))
        }
        let id = "P" + String(nextPatientNumber)
        let patient = Patient(id: id, name: name,
                              email: sender.channel == .email ? sender.address : nil,
                              phone: sender.channel == .sms ? sender.address : nil,
                              registeredAt: now, pendingCode: code)
        return Decision(events: [.patientRegistered(patient)], outcome: .registered(name: name, code: code.code, expiresAt: code.expiresAt))
    }

    func verify(code: String, sender: Sender, now: Int64) -> Decision {
        guard let patient = patient(address: sender.address) else { return Decision(outcome: .verifyRefused(.nothingPending)) }
        if patient.verified { return Decision(outcome: .verifyRefused(.alreadyVerified)) }
        guard let pending = patient.pendingCode else { return Decision(outcome: .verifyRefused(.nothingPending)) }
        if now > pending.expiresAt { return Decision(outcome: .verifyRefused(.expired)) }
        if pending.attemptsLeft <= 0 { return Decision(outcome: .verifyRefused(.noAttemptsLeft)) }
        guard ConstantTime.equal(pending.code, code) else {
            return Decision(events: [.codeRejected(patientID: patient.id)],
                            outcome: .verifyRefused(.wrongCode(attemptsLeft: pending.attemptsLeft - 1)))
        }
        return Decision(events: [.patientVerified(patientID: patient.id, at: now)], outcome: .verified(name: patient.name))
    }

    public static func sixDigits(_ random: inout some RandomNumberGenerator) -> String {
        let n = random.next() % 1_000_000
        let digits = String(n)
        return String(repeating: "0", count: 6 - digits.count) + digits
    }
}
