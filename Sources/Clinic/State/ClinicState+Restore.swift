extension ClinicState {
    /// Rebuilds a state from its records (a snapshot): takes the appointments over as its rows and indexes
    /// each once. The three indexes (by reference, by doctor and day, by patient) do not depend on each
    /// other: `concurrently`, when given, runs the jobs it is handed at the same time (the desk passes
    /// Dispatch's concurrentPerform), so opening a large store uses every core. The core starts no threads.
    public init(info: ClinicInfo, doctors: [Doctor], patients: [Patient], appointments: [Appointment], nextPatientNumber: Int,
                concurrently: ((_ jobs: [@Sendable () -> Void]) -> Void)? = nil) throws {
        try self.init(info: info, doctors: doctors)
        for patient in patients { store(patient) }
        let zone = self.zone, doctorIndex = self.doctorIndex, patientCount = patients.count
        let byRef = Built<Result<Appointments, InvalidClinic>>(), byDoctorDay = Built<[DoctorDay: [Int32]]>()
        let byPatient = Built<[String: [Int32]]>()
        let jobs: [@Sendable () -> Void] = [
            { byRef.value = Result { () throws(InvalidClinic) in try Appointments(rows: appointments) } },
            { byDoctorDay.value = Self.doctorDayIndex(appointments, zone: zone, doctorIndex: doctorIndex) },
            { byPatient.value = Self.patientIndex(appointments, patientCount: patientCount) },
        ]
        if let concurrently { concurrently(jobs) } else { for job in jobs { job() } }
        self.appointments = try byRef.value!.get()
        appointmentsByDoctorDay = byDoctorDay.value!
        appointmentsByPatient = byPatient.value!
        setNextPatientNumber(atLeast: nextPatientNumber)
    }

    static func doctorDayIndex(_ rows: [Appointment], zone: ClinicZone, doctorIndex: [String: Int]) -> [DoctorDay: [Int32]] {
        var groups = RowGroups<DoctorDay>(rows: rows.count, groups: rows.count / 8)
        var lastDoctorID = "", doctor = -1
        for appointment in rows {
            if appointment.doctorID != lastDoctorID {
                lastDoctorID = appointment.doctorID
                doctor = doctorIndex[lastDoctorID] ?? -1
            }
            groups.add(DoctorDay(doctor: doctor, dayNumber: zone.dayNumber(appointment.start)))
        }
        return groups.index()
    }

    static func patientIndex(_ rows: [Appointment], patientCount: Int) -> [String: [Int32]] {
        var groups = RowGroups<String>(rows: rows.count, groups: patientCount)
        for appointment in rows { groups.add(appointment.patientID) }
        return groups.index()
    }
}

/// A value one restore job builds and the restore then takes; written once by one job, read after all ended.
private final class Built<Value>: @unchecked Sendable {
    var value: Value?
}
