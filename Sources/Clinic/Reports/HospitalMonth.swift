/// REPORT <month>: the whole hospital's month, doctor by doctor — appointments, how they ended, who
/// cancelled, the earnings each doctor reported, and the fees paid, refunded and still to collect.
public struct HospitalMonth: Sendable, Equatable, Codable {
    public struct DoctorMonth: Sendable, Equatable, Codable {
        public var doctorID: String
        /// Appointments that start in the month, whatever became of them.
        public var appointments: Int
        public var completed: Int
        public var noShows: Int
        public var cancelledByPatients: Int
        /// Cancelled by the doctor (CANCEL DAY).
        public var cancelledByDoctor: Int
        /// Cancelled by the front desk (BROADCAST CANCEL).
        public var cancelledByDesk: Int
        /// Still confirmed: ahead, or not yet marked DONE or NOSHOW.
        public var confirmed: Int
        public var earnings: Money
        /// The fees paid for the month's appointments, online and in cash, and what went back to cards.
        public var fees: FeesTaken
        /// The fees of the month's appointments still confirmed or seen that nothing was paid for.
        public var outstanding: Money
        /// Appointments booked by taking a slot offered from the waitlist (kept only when there are any, so
        /// reports closed before the waitlist read as they did).
        var waitlistBookings: Int?
        public var fromWaitlist: Int { waitlistBookings ?? 0 }

        /// Paid online and in cash for the month's appointments, less the refunds.
        public var collected: Money { fees.collected }
        /// Given back to the cards for the month's appointments.
        public var refunded: Money { fees.refunded }

        public init(doctorID: String) {
            self.doctorID = doctorID
            appointments = 0
            completed = 0
            noShows = 0
            cancelledByPatients = 0
            cancelledByDoctor = 0
            cancelledByDesk = 0
            confirmed = 0
            earnings = Money(minorUnits: 0)
            fees = FeesTaken()
            outstanding = Money(minorUnits: 0)
        }

        mutating func add(_ other: DoctorMonth) {
            appointments += other.appointments
            completed += other.completed
            noShows += other.noShows
            cancelledByPatients += other.cancelledByPatients
            cancelledByDoctor += other.cancelledByDoctor
            cancelledByDesk += other.cancelledByDesk
            confirmed += other.confirmed
            earnings = Money(minorUnits: earnings.minorUnits + other.earnings.minorUnits)
            fees = fees + other.fees
            outstanding = outstanding + other.outstanding
            if other.fromWaitlist > 0 { waitlistBookings = fromWaitlist + other.fromWaitlist }
        }
    }

    public var month: YearMonth
    /// One line per doctor, in the clinic's order: every doctor still active, and any other with something that month.
    public var doctors: [DoctorMonth]

    /// The month's totals over all doctors (`doctorID` empty).
    public var total: DoctorMonth {
        var sum = DoctorMonth(doctorID: "")
        for line in doctors { sum.add(line) }
        return sum
    }
}

extension ClinicState {
    /// The hospital's report for `month`. Reads each doctor's days through the day index, so its cost is the
    /// month's appointments, not the store's.
    public func hospitalMonth(_ month: YearMonth) -> HospitalMonth {
        if let closed = closedMonths[month] { return closed.hospital }
        var lines: [HospitalMonth.DoctorMonth] = []
        for doctor in doctors {
            var line = HospitalMonth.DoctorMonth(doctorID: doctor.id)
            var day = month.first
            while day <= month.last {
                for appointment in appointments(doctorID: doctor.id, on: day) {
                    line.count(appointment)
                    line.countFee(of: appointment, paid: payments[appointment.ref], fee: doctor.fee)
                }
                day = day.adding(days: 1)
            }
            let earned = (earnings[doctor.id] ?? []).filter { month.contains($0.day) }.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            line.earnings = Money(minorUnits: earned)
            if doctor.active || line.appointments > 0 || earned > 0 { lines.append(line) }
        }
        return HospitalMonth(month: month, doctors: lines)
    }
}

extension HospitalMonth.DoctorMonth {
    mutating func count(_ appointment: Appointment) {
        appointments += 1
        if appointment.isFromWaitlist { waitlistBookings = fromWaitlist + 1 }
        switch appointment.status {
        case .confirmed: confirmed += 1
        case .completed: completed += 1
        case .noShow: noShows += 1
        case .cancelledByPatient: cancelledByPatients += 1
        case .cancelledByClinic:
            if appointment.history.last?.by == appointment.doctorID { cancelledByDoctor += 1 } else { cancelledByDesk += 1 }
        }
    }
}
