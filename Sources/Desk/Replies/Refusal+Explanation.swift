import Clinic

extension BookRefusal {
    /// One sentence saying why the slot could not be had.
    func explanation(_ format: ClinicFormat) -> String {
        switch self {
        case .doctorInactive: "That doctor no longer takes bookings."
        case .onLeave(let date): "The doctor is on leave on \(format.day(date))."
        case .noClinicThatDay(let date): "The doctor has no clinic on \(date.weekday.fullName)s (\(format.day(date)))."
        case .notASlot(let date, let time):
            "\(time) on \(format.day(date)) is not the start of one of the doctor's slots."
        case .inThePast: "That time has already passed."
        case .tooSoon(let minutes): "Appointments must be booked at least \(minutes) minutes ahead."
        case .taken: "That slot is already booked."
        case .overlapsOwn(let own):
            "You already have an appointment then (\(own.ref), \(format.doctorName(own.doctorID)), \(format.span(own.start, own.end)))."
        case .unknownRef(let ref): "There is no appointment \(ref)."
        case .notYours(let ref): "Appointment \(ref) was not booked from this address."
        case .notActive(let appointment): "Appointment \(appointment.ref) is \(appointment.status.spoken) and cannot be moved."
        case .tooManyUpcoming(let limit): "You already hold \(limit) upcoming appointments, the most one patient may. Cancel one first (write APPOINTMENTS to see them)."
        case .beyondHorizon(let days): "Bookings are taken up to \(days) days ahead."
        case .noFreeSlot(let day?, _): "No slot is free on \(format.day(day))."
        case .noFreeSlot(nil, let days): "No slot is free in the next \(days) days."
        }
    }
}

extension CancelRefusal {
    func explanation(_ format: ClinicFormat) -> String {
        switch self {
        case .nothingUpcoming: "You have no upcoming appointments to cancel."
        case .unknownRef(let ref): "There is no appointment \(ref). Write APPOINTMENTS to see yours."
        case .notYours(let ref): "Appointment \(ref) was not booked from this address."
        case .alreadyEnded(let a): "Appointment \(a.ref) (\(format.span(a.start, a.end))) has already taken place."
        case .alreadyCancelled(let a): "Appointment \(a.ref) is already \(a.status.spoken)."
        }
    }
}

extension Appointment.Status {
    var spoken: String {
        switch self {
        case .confirmed: "confirmed"
        case .cancelledByPatient: "cancelled"
        case .cancelledByClinic: "cancelled by the clinic"
        case .completed: "completed"
        case .noShow: "marked as missed"
        }
    }
}
