/// DOCTOR OFF: the desk stops a doctor's bookings. As with LEAVE, nothing booked is cancelled here: while the
/// doctor has confirmed appointments ahead, the outcome lists them and nothing changes.
extension ClinicState {
    func deactivate(doctorID: String, now: Int64) -> Decision {
        guard let doctor = doctor(id: doctorID) else { return Decision(outcome: .doctorList(doctors, specialty: nil)) }
        let remaining = appointments.values
            .filter { $0.doctorID == doctorID && $0.isActive && $0.start > now }
            .sorted { ($0.start, $0.ref) < ($1.start, $1.ref) }
        guard remaining.isEmpty else { return Decision(outcome: .doctorOffRefused(doctor, remaining: remaining)) }
        let event = ClinicEvent.doctorDeactivated(doctorID: doctorID)
        var after = self
        after.apply(event)
        return Decision(events: [event], outcome: .doctorDeactivated(after.doctor(id: doctorID) ?? doctor))
    }
}
