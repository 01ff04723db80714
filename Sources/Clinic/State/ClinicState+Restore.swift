extension ClinicState {
    /// Rebuilds a state from its records (a snapshot), indexing every appointment once.
    public init(info: ClinicInfo, doctors: [Doctor], patients: [Patient], appointments: [Appointment], nextPatientNumber: Int) throws {
        try self.init(info: info, doctors: doctors)
        for patient in patients { store(patient) }
        self.appointments.reserveCapacity(appointments.count)
        for appointment in appointments { insert(appointment) }
        setNextPatientNumber(atLeast: nextPatientNumber)
    }
}
