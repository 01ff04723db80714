/// Everything the clinic knows: its doctors, patients and appointments, with the indexes that keep every
/// question a message asks cheap however large the store grows. Only the records are encoded; the indexes are
/// rebuilt when the state is decoded.
public struct ClinicState: Sendable {
    public internal(set) var info: ClinicInfo
    public let zone: ClinicZone
    public internal(set) var doctors: [Doctor]
    public internal(set) var patients: [String: Patient] = [:]
    public internal(set) var appointments = Appointments()
    public internal(set) var nextPatientNumber = 1
    /// Each doctor's reported earnings, in the order reported.
    public internal(set) var earnings: [String: [EarningEntry]] = [:]
    /// Patients' ratings of each doctor: doctor id -> patient id -> rating.
    public internal(set) var doctorRatings: [String: [String: Rating]] = [:]
    /// Doctors' ratings of the patient of an appointment, by reference. Never shown to patients.
    public internal(set) var patientRatings: [String: Rating] = [:]
    /// When each patient's latest CONTACT messages were relayed (the last few only).
    public internal(set) var contactTimes: [String: [Int64]] = [:]
    /// Payments, by appointment reference.
    public internal(set) var payments: [String: AppointmentPayment] = [:]
    /// What appointments still owe online, by reference.
    public internal(set) var dues: [String: PaymentDue] = [:]
    /// Whether payments can be taken online (a Stripe key is configured): set by the desk, never stored.
    /// Off, the clinic's payment policy is not applied.
    public var onlinePayments = false
    /// Slots the database says another writer holds though this state does not know of them (its exclusion
    /// constraint refused a commit): booked for every decision, never offered. Set by the desk, never stored.
    public var heldElsewhere: [HeldElsewhere] = []
    /// WAIT: who waits for which doctor's slots, in the order they asked.
    public internal(set) var waitlist: [WaitEntry] = []
    /// Freed slots offered to patients waiting, held for them, by the code YES names.
    public internal(set) var offers: [String: SlotOffer] = [:]
    /// REGISTER DOCTOR requests, in the order asked, answered or not.
    public internal(set) var doctorRequests: [DoctorRequest] = []
    /// The months whose books are closed, with what their reports said (see `closeMonth`).
    public internal(set) var closedMonths: [YearMonth: ClosedMonth] = [:]
    /// The doctors each patient saw in a closed month (patient id -> doctor ids): RATE DR still knows the visit.
    public internal(set) var pastVisits: [String: Set<String>] = [:]

    var doctorIndex: [String: Int] = [:]
    /// The appointment each paid PaymentIntent was for (Stripe's refund events name the intent, not the appointment).
    var refByIntent: [String: String] = [:]
    var patientByAddress: [String: String] = [:]
    /// Rows of `appointments`, by doctor and day and by patient.
    var appointmentsByDoctorDay: [DoctorDay: [Int32]] = [:]
    var appointmentsByPatient: [String: [Int32]] = [:]

    /// A doctor's clinic day as one integer key (doctor's position, day number): hashing it is far cheaper
    /// than hashing the doctor's id, which matters when a million appointments are indexed at open.
    struct DoctorDay: Hashable {
        let value: Int64
        init(doctor: Int, dayNumber: Int) { value = Int64(doctor) << 32 | Int64(UInt32(truncatingIfNeeded: dayNumber)) }
        var dayNumber: Int { Int(Int32(truncatingIfNeeded: value)) }
    }

    func doctorDay(_ doctorID: String, _ dayNumber: Int) -> DoctorDay {
        DoctorDay(doctor: doctorIndex[doctorID] ?? -1, dayNumber: dayNumber)
    }

    public struct InvalidClinic: Error, CustomStringConvertible {
        public let description: String
    }

    public init(info: ClinicInfo, doctors: [Doctor]) throws {
        guard let zone = ClinicZone(identifier: info.timeZone) else {
            throw InvalidClinic(description: "unknown time zone \(info.timeZone); use an IANA name such as Asia/Kolkata")
        }
        var seen = Set<String>()
        for doctor in doctors {
            guard seen.insert(doctor.id).inserted else { throw InvalidClinic(description: "two doctors have the id \(doctor.id)") }
            guard doctor.slotMinutes >= 5, doctor.slotMinutes <= 240 else {
                throw InvalidClinic(description: "\(doctor.name): slot length must be 5 to 240 minutes")
            }
        }
        self.info = info
        self.zone = zone
        self.doctors = doctors
        for (i, doctor) in doctors.enumerated() { doctorIndex[doctor.id] = i }
    }

    public func doctor(id: String) -> Doctor? { doctorIndex[id].map { doctors[$0] } }

    /// The patient who writes from `address` (a lowercased email address or an E.164 number).
    public func patient(address: String) -> Patient? { patientByAddress[address].flatMap { patients[$0] } }

    public func appointment(ref: String) -> Appointment? { appointments[ref] }

    /// Appointments of one doctor on one clinic day, any status.
    public func appointments(doctorID: String, on date: LocalDate) -> [Appointment] {
        (appointmentsByDoctorDay[doctorDay(doctorID, date.dayNumber)] ?? []).map { appointments[row: $0] }
    }

    /// Whether a confirmed appointment of `doctorID` on `date`, other than `ref`, overlaps `start..<end`.
    /// Looks at the held appointments where they are: the hot path of every booking copies none of them.
    /// A slot offered to a patient waiting counts as booked, but for `offer` (the one being taken).
    func doctorIsBooked(_ doctorID: String, on date: LocalDate, start: Int64, end: Int64, except ref: String? = nil,
                        offer: String? = nil) -> Bool {
        if heldElsewhere.contains(where: { $0.doctorID == doctorID && $0.start < end && start < $0.end }) { return true }
        if !offers.isEmpty, offerHolds(doctorID, start: start, end: end, except: offer) { return true }
        guard let rows = appointmentsByDoctorDay[doctorDay(doctorID, date.dayNumber)] else { return false }
        return appointments.reading { held in
            rows.contains { row in
                held[Int(row)].isActive && held[Int(row)].overlaps(start: start, end: end) && held[Int(row)].ref != ref
            }
        }
    }

    /// The times of `doctorID`'s confirmed appointments on `date`, as (start, end).
    func bookedTimes(doctorID: String, on date: LocalDate) -> [(start: Int64, end: Int64)] {
        let rows = appointmentsByDoctorDay[doctorDay(doctorID, date.dayNumber)] ?? []
        let booked = rows.isEmpty ? [] : appointments.reading { held in
            rows.compactMap { row in held[Int(row)].isActive ? (held[Int(row)].start, held[Int(row)].end) : nil }
        }
        // Both almost always empty: only a commit the database refused, or a slot offered to a patient waiting.
        guard !heldElsewhere.isEmpty || !offers.isEmpty else { return booked }
        return booked + heldElsewhere.filter { $0.doctorID == doctorID }.map { (start: $0.start, end: $0.end) }
            + offers.values.filter { $0.doctorID == doctorID }.map { (start: $0.start, end: $0.end) }
    }

    /// A patient's confirmed appointments that have not started yet, soonest first.
    /// Looks at the held appointments where they are and copies only those it returns: a patient of long
    /// standing holds many past ones, and copying each (its strings retained) grew the cost with the store.
    public func upcoming(patientID: String, now: Int64) -> [Appointment] {
        guard let rows = appointmentsByPatient[patientID] else { return [] }
        let found = appointments.reading { held in
            rows.lazy.map { Int($0) }.filter { held[$0].isActive && held[$0].start > now }.map { held[$0] }
        }
        return found.sorted { $0.start < $1.start }
    }

    /// A confirmed appointment of `patientID`, other than `ref`, that overlaps `start..<end`, if any; copies none
    /// of the others.
    func patientOverlap(_ patientID: String, start: Int64, end: Int64, except ref: String? = nil) -> Appointment? {
        guard let rows = appointmentsByPatient[patientID] else { return nil }
        return appointments.reading { held in
            rows.first { row in
                held[Int(row)].isActive && held[Int(row)].overlaps(start: start, end: end) && held[Int(row)].ref != ref
            }.map { held[Int($0)] }
        }
    }

    /// How many active appointments a patient holds that have not ended, read in place.
    func upcomingCount(_ patientID: String, now: Int64) -> Int {
        guard let rows = appointmentsByPatient[patientID] else { return 0 }
        return appointments.reading { held in rows.count { held[Int($0)].isActive && held[Int($0)].end > now } }
    }

    // MARK: index upkeep

    mutating func index(_ appointment: Appointment, row: Int32) {
        appointmentsByDoctorDay[doctorDay(appointment.doctorID, zone.dayNumber(appointment.start)), default: []].append(row)
        appointmentsByPatient[appointment.patientID, default: []].append(row)
    }

    mutating func unindex(_ appointment: Appointment, row: Int32) {
        let key = doctorDay(appointment.doctorID, zone.dayNumber(appointment.start))
        appointmentsByDoctorDay[key]?.removeAll { $0 == row }
        appointmentsByPatient[appointment.patientID]?.removeAll { $0 == row }
    }

    mutating func store(_ patient: Patient) {
        patients[patient.id] = patient
        if let email = patient.email { patientByAddress[email] = patient.id }
        if let phone = patient.phone { patientByAddress[phone] = patient.id }
    }

    /// Adds a new appointment, or replaces the one that has its reference.
    mutating func insert(_ appointment: Appointment) {
        if appointments.row(of: appointment.ref) != nil { return replace(appointment) }
        index(appointment, row: appointments.add(appointment))
    }

    mutating func replace(_ appointment: Appointment) {
        guard let found = appointments.row(of: appointment.ref) else { return insert(appointment) }
        let row = Int32(found), old = appointments[row: row]
        if old.start != appointment.start || old.doctorID != appointment.doctorID || old.patientID != appointment.patientID {
            unindex(old, row: row)
            appointments.update(row, to: appointment)
            index(appointment, row: row)
        } else {
            appointments.update(row, to: appointment)
        }
    }

    mutating func setNextPatientNumber(atLeast n: Int) { nextPatientNumber = max(nextPatientNumber, n) }
}
