import Clinic

/// The sentences replies to patients build in code, in English. Their Tamil and Hindi twins are in the files
/// beside this one, case for case (the compiler checks that none is missing).
extension BookRefusal {
    func english(_ format: ClinicFormat) -> String {
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
        case .notActive(let appointment): "Appointment \(appointment.ref) is \(appointment.status.english) and cannot be moved."
        case .tooManyUpcoming(let limit): "You already hold \(limit) upcoming appointments, the most one patient may. Cancel one first (write APPOINTMENTS to see them)."
        case .beyondHorizon(let days): "Bookings are taken up to \(days) days ahead."
        case .noFreeSlot(let day?, _): "No slot is free on \(format.day(day))."
        case .noFreeSlot(nil, let days): "No slot is free in the next \(days) days."
        }
    }
}

extension CancelRefusal {
    func english(_ format: ClinicFormat) -> String {
        switch self {
        case .nothingUpcoming: "You have no upcoming appointments to cancel."
        case .unknownRef(let ref): "There is no appointment \(ref). Write APPOINTMENTS to see yours."
        case .notYours(let ref): "Appointment \(ref) was not booked from this address."
        case .alreadyEnded(let a): "Appointment \(a.ref) (\(format.span(a.start, a.end))) has already taken place."
        case .alreadyCancelled(let a): "Appointment \(a.ref) is already \(a.status.english)."
        }
    }
}

extension Appointment.Status {
    var english: String {
        switch self {
        case .confirmed: "confirmed"
        case .cancelledByPatient: "cancelled"
        case .cancelledByClinic: "cancelled by the clinic"
        case .completed: "completed"
        case .noShow: "marked as missed"
        }
    }
}


extension WaitRefusal {
    func english(_ format: ClinicFormat) -> String {
        switch self {
        case .doctorInactive: "That doctor no longer takes bookings."
        case .pastDay(let day): "\(format.day(day)) has already passed."
        case .noClinicThatDay(let day): "The doctor has no clinic on \(format.day(day))."
        case .noClinicDays: "The doctor has no clinic days ahead to wait for."
        case .beyondHorizon(let days): "Bookings are taken up to \(days) days ahead, so a wait can be too."
        case .tooMany(let limit): "You already wait for \(limit) doctors, the most one patient may. WAIT OFF <doctor> ends one (WAITING shows them)."
        case .notWaiting(let name?): "You are not waiting for \(name)."
        case .notWaiting(nil): "You are not waiting for any doctor."
        case .noOffer: "No slot is offered to you now. When one frees up for a doctor you WAIT for, you will get a message with its code."
        case .unknownOffer(let code): "No slot is offered to you under \(code). Check the code in the message that offered it."
        case .whichOffer: "Several slots are offered to you: write YES with the code of the one you want."
        case .offerLapsed(let offer):
            "The hold on \(format.doctorName(offer.doctorID)), \(format.when(offer.start)) ended at \(format.time(offer.until)); the slot has gone to the next patient waiting. You are still on the waitlist."
        case .alreadyTaken(let appointment):
            "You already took that slot: appointment \(appointment.ref), \(format.doctorName(appointment.doctorID)), \(format.span(appointment.start, appointment.end))."
        }
    }
}

extension PayRefusal {
    func english(_ format: ClinicFormat) -> String {
        switch self {
        case .unknownRef(let ref): "There is no appointment \(ref). Write APPOINTMENTS to see yours."
        case .notYours(let ref): "Appointment \(ref) was not booked from this address."
        case .alreadyPaid(let a): "Appointment \(a.ref) is already paid. Nothing more is owed."
        case .notActive(let a): "Appointment \(a.ref) is \(a.status.english): there is nothing to pay."
        case .noFee(let a): "\(format.doctorName(a.doctorID)) charges no fee: there is nothing to pay."
        case .notOnline: "The clinic does not take this fee online: please pay at the desk."
        case .whichOne(let list):
            list.isEmpty ? "You have no upcoming appointment to pay online."
                : "You have \(list.count) appointments to pay: write PAY with the reference of one of them."
        }
    }
}

extension RateRefusal {
    func english(_ format: ClinicFormat) -> String {
        switch self {
        case .unknownRef(let ref): "there is no appointment \(ref)."
        case .notYours(let ref): "appointment \(ref) is not one of yours."
        case .notYet(let a): "appointment \(a.ref) is at \(format.span(a.start, a.end)), still ahead."
        case .cancelled(let a): "appointment \(a.ref) is \(a.status.english)."
        case .closed(let ref, let at): "your rating of \(ref) could be changed until \(format.when(at)); it is closed now."
        case .noCompletedVisit(let doctor): "a doctor can be rated after a visit they marked done; you have none with \(doctor.name) yet."
        }
    }
}

extension DayPart {
    var english: String {
        switch self {
        case .morning: "morning (before 12:00)"
        case .afternoon: "afternoon (12:00 to 17:00)"
        case .evening: "evening (from 17:00)"
        }
    }
}
