extension ClinicState: Codable {
    enum CodingKeys: String, CodingKey {
        case info, doctors, patients, appointments, nextPatientNumber, earnings, doctorRatings, patientRatings, contactTimes, doctorRequests, payments, dues, closedMonths, pastVisits, waitlist, offers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(info: c.decode(ClinicInfo.self, forKey: .info), doctors: c.decode([Doctor].self, forKey: .doctors))
        for patient in try c.decode([Patient].self, forKey: .patients) { store(patient) }
        let list = try c.decode([Appointment].self, forKey: .appointments)
        for appointment in list { insert(appointment) }
        setNextPatientNumber(atLeast: try c.decode(Int.self, forKey: .nextPatientNumber))
        earnings = try c.decodeIfPresent([String: [EarningEntry]].self, forKey: .earnings) ?? [:]
        doctorRatings = try c.decodeIfPresent([String: [String: Rating]].self, forKey: .doctorRatings) ?? [:]
        patientRatings = try c.decodeIfPresent([String: Rating].self, forKey: .patientRatings) ?? [:]
        contactTimes = try c.decodeIfPresent([String: [Int64]].self, forKey: .contactTimes) ?? [:]
        doctorRequests = try c.decodeIfPresent([DoctorRequest].self, forKey: .doctorRequests) ?? []
        restore(payments: try c.decodeIfPresent([String: AppointmentPayment].self, forKey: .payments) ?? [:])
        dues = try c.decodeIfPresent([String: PaymentDue].self, forKey: .dues) ?? [:]
        restore(closedMonths: try c.decodeIfPresent([ClosedMonth].self, forKey: .closedMonths) ?? [],
                pastVisits: try c.decodeIfPresent([String: Set<String>].self, forKey: .pastVisits) ?? [:])
        restore(waitlist: try c.decodeIfPresent([WaitEntry].self, forKey: .waitlist) ?? [],
                offers: try c.decodeIfPresent([SlotOffer].self, forKey: .offers) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(info, forKey: .info)
        try c.encode(doctors, forKey: .doctors)
        try c.encode(patients.values.sorted { $0.id < $1.id }, forKey: .patients)
        try c.encode(appointments.values.sorted { $0.start < $1.start }, forKey: .appointments)
        try c.encode(nextPatientNumber, forKey: .nextPatientNumber)
        try c.encode(earnings, forKey: .earnings)
        try c.encode(doctorRatings, forKey: .doctorRatings)
        try c.encode(patientRatings, forKey: .patientRatings)
        try c.encode(contactTimes, forKey: .contactTimes)
        try c.encode(doctorRequests, forKey: .doctorRequests)
        try c.encode(payments, forKey: .payments)
        try c.encode(dues, forKey: .dues)
        if !closedMonths.isEmpty { try c.encode(closedMonths.values.sorted { $0.month < $1.month }, forKey: .closedMonths) }
        if !waitlist.isEmpty { try c.encode(waitlist, forKey: .waitlist) }
        if !offers.isEmpty { try c.encode(offers.values.sorted { $0.code < $1.code }, forKey: .offers) }
        if !pastVisits.isEmpty { try c.encode(pastVisits.mapValues { $0.sorted() }, forKey: .pastVisits) }
    }
}
