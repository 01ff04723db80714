/// Closing a month's books: what keeps the state an instance holds in memory (and so its start-up) the size
/// of the months still open, however many years the clinic has run. The month's reports are kept as they
/// stood (`ClosedMonth`), the doctors each patient saw are remembered for RATE DR, and everything else of the
/// month — its appointments, their payments, dues, reminders and the doctors' notes, the EARNING entries —
/// leaves memory. What a patient may ask for later (MY DATA, EXPORT) the desk has put on the history shelf
/// first (`histories(closing:)`). Closing is one event, decided from the state alone, so replaying it
/// anywhere reaches the same state.
extension ClinicState {
    /// The months before `open` that hold appointments or earnings and are not closed yet, oldest first.
    /// Reads the day index's keys (doctors × days), not the appointments.
    public func monthsToClose(before open: YearMonth) -> [YearMonth] {
        var months = Set<YearMonth>()
        for (key, rows) in appointmentsByDoctorDay where !rows.isEmpty {
            let month = YearMonth(LocalDate(dayNumber: key.dayNumber))
            if month < open, closedMonths[month] == nil { months.insert(month) }
        }
        for entries in earnings.values {
            for entry in entries where YearMonth(entry.day) < open && closedMonths[YearMonth(entry.day)] == nil {
                months.insert(YearMonth(entry.day))
            }
        }
        return months.sorted()
    }

    /// What closing `month` takes out of memory about each patient, one history per patient, in id order.
    public func histories(closing month: YearMonth) -> [PatientHistory] {
        var byPatient: [String: [Appointment]] = [:]
        for row in rows(startingIn: month) {
            let appointment = appointments[row: row]
            byPatient[appointment.patientID, default: []].append(appointment)
        }
        return byPatient.keys.sorted().map { id in
            let theirs = byPatient[id]!.sorted { ($0.start, $0.ref) < ($1.start, $1.ref) }
            var payments: [String: AppointmentPayment] = [:], notes: [String: Rating] = [:]
            for appointment in theirs {
                payments[appointment.ref] = self.payments[appointment.ref]
                notes[appointment.ref] = patientRatings[appointment.ref]
            }
            return PatientHistory(patientID: id, month: month, appointments: theirs, payments: payments, notes: notes)
        }
    }

    /// The patients with appointments in `month` (the owners of its shelf rows).
    public func patients(of month: YearMonth) -> Set<String> {
        Set(rows(startingIn: month).map { appointments[row: $0].patientID })
    }

    /// The rows of the appointments that start in `month`, whichever doctor (one the clinic no longer lists too).
    func rows(startingIn month: YearMonth) -> [Int32] {
        var rows: [Int32] = []
        for dayNumber in month.first.dayNumber...month.last.dayNumber {
            for doctor in -1..<doctors.count {
                rows += appointmentsByDoctorDay[DoctorDay(doctor: doctor, dayNumber: dayNumber)] ?? []
            }
        }
        return rows
    }

    /// Closes `months`, oldest first: keeps their reports, lets go of their appointments and everything
    /// hanging on them. The rows go and the indexes are rebuilt once for all of them (a store closing years at
    /// its first retention would otherwise rebuild them once a month).
    mutating func closeMonths(_ months: [YearMonth]) {
        var leaving = Set<Int32>(), closing: [YearMonth] = []
        for month in months.sorted() where closedMonths[month] == nil {
            var earned: [String: MonthlyEarnings] = [:]
            for doctor in doctors {
                let report = earnings(of: doctor.id, in: month)
                if !report.days.isEmpty || report.consultationsCompleted > 0 { earned[doctor.id] = report }
            }
            closedMonths[month] = ClosedMonth(month: month, hospital: hospitalMonth(month), earnings: earned)
            leaving.formUnion(rows(startingIn: month))
            closing.append(month)
        }
        guard !closing.isEmpty else { return }
        if !leaving.isEmpty {
            for appointment in appointments.remove(rows: leaving) {
                if appointment.status == .completed { pastVisits[appointment.patientID, default: []].insert(appointment.doctorID) }
                if let intent = payments[appointment.ref]?.intentID { refByIntent[intent] = nil }
                payments[appointment.ref] = nil
                dues[appointment.ref] = nil
                patientRatings[appointment.ref] = nil
            }
            appointmentsByDoctorDay = Self.doctorDayIndex(appointments.values, zone: zone, doctorIndex: doctorIndex)
            appointmentsByPatient = Self.patientIndex(appointments.values, patientCount: patients.count)
        }
        let gone = Set(closing)
        for doctorID in Array(earnings.keys) {
            earnings[doctorID]?.removeAll { gone.contains(YearMonth($0.day)) }
            if earnings[doctorID]?.isEmpty == true { earnings[doctorID] = nil }
        }
    }

    /// Puts back what a snapshot kept of the closed months.
    public mutating func restore(closedMonths: [ClosedMonth], pastVisits: [String: Set<String>]) {
        for closed in closedMonths { self.closedMonths[closed.month] = closed }
        self.pastVisits = pastVisits
    }
}
