import Clinic

extension ClinicState {
    /// Who an address is in the audit trail: a registered patient by id, a doctor by id, the desk as `desk`,
    /// anyone else by `tag` (a keyed hash of the address, made only when needed).
    func auditSender(_ address: String, tag: () -> String) -> (sender: String, role: String) {
        switch role(of: address) {
        case .desk: return ("desk", "desk")
        case .doctor(let id): return (id, "doctor")
        case .patient:
            if let patient = patient(address: address) { return (patient.id, "patient") }
            return (tag(), "unknown")
        }
    }
}
