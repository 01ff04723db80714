/// What the clinic lets go by itself: registrations never verified.
extension ClinicState {
    /// How long an address may wait to be verified before its registration is dropped.
    public static let unverifiedLifetime: Int64 = 86_400

    /// The patients who registered more than a day before `now` and never verified their address (they
    /// cannot have booked anything), in id order.
    public func unverifiedRegistrations(before now: Int64) -> [String] {
        patients.values.filter { !$0.verified && $0.registeredAt + Self.unverifiedLifetime <= now }.map(\.id).sorted()
    }

    /// Removes a registration that was never verified, and its addresses.
    mutating func dropRegistration(_ id: String) {
        guard let patient = patients[id], !patient.verified else { return }
        patients[id] = nil
        for address in [patient.email, patient.phone].compactMap({ $0 }) where patientByAddress[address] == id {
            patientByAddress[address] = nil
        }
        contactTimes[id] = nil
    }
}
