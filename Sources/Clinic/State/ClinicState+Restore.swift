extension ClinicState {
    /// Rebuilds a state from its records (a snapshot), indexing every appointment once.
    public init(info: ClinicInfo, doctors: [Doctor], patients: [Patient], appointments: [Appointment], nextPatientNumber: Int) throws {
        try self.init(info: info, doctors: doctors)
        for patient in patients { store(patient) }
        self.appointments.reserveCapacity(appointments.count)
        appointmentsByPatient.reserveCapacity(patients.count)
        appointmentsByDoctorDay.reserveCapacity(appointments.count / 8)
        for appointment in appointments { insert(appointment) }
        setNextPatientNumber(atLeast: nextPatientNumber)
    }
}
