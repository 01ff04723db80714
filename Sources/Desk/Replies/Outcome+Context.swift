import Clinic
import Commands

/// The template and the values each outcome is written with. Values are plain strings, lists and flags;
/// the wording lives in Templates/.
extension Outcome {
    func template(_ format: ClinicFormat) -> (name: String, context: [String: Any]) {
        switch self {
        case .help:
            return ("help", ["commands": Help.commands.map { ["command": $0.command, "example": $0.example, "meaning": $0.meaning] },
                             "notes": Help.notes(dayFirst: format.info.dayFirst)])
        case .info(let info):
            return ("info", ["name": info.name, "address": info.address, "phone": info.phone, "email": info.deskEmail,
                             "doctors": format.doctors.filter(\.active).count, "zone": info.timeZone])
        case .doctorList(let doctors, let specialty):
            return ("doctors", ["specialty": specialty as Any, "none": doctors.isEmpty,
                                "doctors": doctors.map { doctorContext($0, format) }])
        case .doctorDetail(let doctor):
            return ("doctor", doctorContext(doctor, format))
        case .slots(let doctor, let days):
            return ("slots", ["doctor": doctor.name, "days": days.map { daySlots($0, format) }, "none": days.isEmpty,
                              "example": days.flatMap(\.slots).first { !$0.isBooked }.map(format.bookCommand) ?? ""])
        case .registered(let name, let code, let expiresAt):
            return ("registered", ["name": name, "code": code, "expires": format.time(expiresAt)])
        case .alreadyRegistered(let name):
            return ("already-registered", ["name": name])
        case .verified(let name):
            return ("verified", ["name": name])
        case .verifyRefused(let refusal):
            return ("verify-refused", verifyContext(refusal))
        case .needsRegistration(let pending):
            return ("needs-registration", ["pending": pending])
        case .booked(let appointment):
            return ("booked", appointmentContext(appointment, format))
        case .bookRefused(let refusal, let alternatives):
            return ("book-refused", ["why": refusal.explanation(format), "alternatives": alternatives.map { slotContext($0, format) },
                                     "hasAlternatives": !alternatives.isEmpty])
        case .cancelled(let appointment):
            return ("cancelled", appointmentContext(appointment, format))
        case .cancelChoice(let list):
            return ("cancel-choice", ["appointments": list.map { appointmentContext($0, format) }])
        case .cancelRefused(let refusal):
            return ("cancel-refused", ["why": refusal.explanation(format)])
        case .rescheduled(let appointment, let old):
            var context = appointmentContext(appointment, format)
            context["from"] = format.span(old.start, old.end)
            return ("rescheduled", context)
        case .rescheduleRefused(let refusal, let alternatives):
            return ("reschedule-refused", ["why": refusal.explanation(format), "alternatives": alternatives.map { slotContext($0, format) },
                                           "hasAlternatives": !alternatives.isEmpty])
        case .appointmentList(let list):
            return ("appointments", ["appointments": list.map { appointmentContext($0, format) }, "none": list.isEmpty])
        }
    }
}

private func doctorContext(_ doctor: Doctor, _ format: ClinicFormat) -> [String: Any] {
    ["name": doctor.name, "surname": doctor.surname, "specialty": doctor.specialty, "qualifications": doctor.qualifications,
     "fee": format.money(doctor.fee), "hours": doctor.hours.summary, "slotMinutes": doctor.slotMinutes, "active": doctor.active]
}

private func slotContext(_ slot: Slot, _ format: ClinicFormat) -> [String: Any] {
    ["when": format.when(slot.start), "time": slot.time.description, "booked": slot.isBooked, "book": format.bookCommand(slot)]
}

private func daySlots(_ day: DaySlots, _ format: ClinicFormat) -> [String: Any] {
    // A day lists dozens of slots: each carries only what the day's grid shows.
    ["day": format.day(day.date), "slots": day.slots.map { ["time": $0.time.description, "booked": $0.isBooked] as [String: Any] }, "closed": day.closedBecause as Any,
     "free": day.freeCount, "zone": day.slots.first.map { format.zone.abbreviation(at: $0.start) } ?? ""]
}

private func appointmentContext(_ appointment: Appointment, _ format: ClinicFormat) -> [String: Any] {
    let doctor = format.doctor(id: appointment.doctorID)
    return ["ref": appointment.ref, "doctor": doctor?.name ?? appointment.doctorID, "specialty": doctor?.specialty ?? "",
            "when": format.span(appointment.start, appointment.end), "reason": appointment.reason ?? "",
            "fee": doctor.map { format.money($0.fee) } ?? ""]
}

private func verifyContext(_ refusal: VerifyRefusal) -> [String: Any] {
    switch refusal {
    case .nothingPending: ["nothingPending": true]
    case .alreadyVerified: ["alreadyVerified": true]
    case .expired: ["expired": true]
    case .noAttemptsLeft: ["noAttemptsLeft": true]
    case .wrongCode(let left): ["wrongCode": true, "attemptsLeft": left]
    }
}
