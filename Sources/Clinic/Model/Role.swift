/// Who a sender is to the clinic, decided by the address they write from: a doctor's registered email or
/// phone, one of the desk's addresses, or else a patient (registered or not).
public enum Role: Sendable, Equatable {
    case patient
    case doctor(id: String)
    case desk

    /// How a refusal names who may use a command.
    public var name: String {
        switch self {
        case .patient: "patients"
        case .doctor: "doctors"
        case .desk: "the front desk"
        }
    }
}

extension ClinicState {
    /// The doctor who writes from `address` (their registered email or phone).
    public func doctor(address: String) -> Doctor? {
        if case .doctor(let id) = role(of: address) { return doctor(id: id) }
        return nil
    }

    public func role(of address: String) -> Role {
        // Compared byte by byte with ASCII folding: a walk over every doctor makes no new strings.
        if address.equalsFoldingASCII(info.deskEmail) || info.deskAddresses.contains(where: { $0.equalsFoldingASCII(address) }) {
            return .desk
        }
        if let doctor = doctors.first(where: { $0.email.equalsFoldingASCII(address) || ($0.phone.map { !$0.isEmpty && $0.equalsFoldingASCII(address) } ?? false) }) {
            return .doctor(id: doctor.id)
        }
        return .patient
    }
}
