/// Booking, cancelling and rescheduling, with the conflict checks made against the state as it is now.
extension ClinicState {
    /// Whether `doctor` can see `patientID` at `time` on `date`: the slot that starts then, or why not.
    /// `moving` is an appointment that gives its own time up in the same step (a reschedule).
    func checkSlot(doctor: Doctor, date: LocalDate, time: TimeOfDay, patientID: String, now: Int64,
                   moving: String? = nil, offer: String? = nil) -> Result<Slot, BookRefusal> {
        if !doctor.active { return .failure(.doctorInactive) }
        if doctor.leave.contains(date) { return .failure(.onLeave(date)) }
        let ranges = doctor.hours[date.weekday]
        if ranges.isEmpty { return .failure(.noClinicThatDay(date)) }
        let aligned = ranges.contains { range in
            time >= range.start && time.minutes + doctor.slotMinutes <= range.end.minutes
                && (time.minutes - range.start.minutes) % doctor.slotMinutes == 0
        }
        guard aligned else { return .failure(.notASlot(date, time)) }
        let start = zone.instant(date, time)
        let end = start + Int64(doctor.slotMinutes) * 60
        if start <= now { return .failure(.inThePast) }
        if start < now + Int64(info.minimumNoticeMinutes) * 60 { return .failure(.tooSoon(minimumNoticeMinutes: info.minimumNoticeMinutes)) }
        if start > now + Int64(info.bookingHorizonDays) * 86_400 { return .failure(.beyondHorizon(days: info.bookingHorizonDays)) }
        if doctorIsBooked(doctor.id, on: date, start: start, end: end, except: moving, offer: offer) { return .failure(.taken) }
        if let own = patientOverlap(patientID, start: start, end: end, except: moving) { return .failure(.overlapsOwn(own)) }
        return .success(Slot(doctorID: doctor.id, date: date, time: time, start: start, end: end, isBooked: false))
    }

    /// `offer`: a slot offered from the waitlist, taken (YES): its code becomes the reference.
    func book(doctor: Doctor, date: LocalDate, time: TimeOfDay, reason: String?, patient: Patient, now: Int64,
              random: inout some RandomNumberGenerator, offer: SlotOffer? = nil) -> Decision {
        if upcomingCount(patient.id, now: now) >= info.maxUpcoming {
            return Decision(outcome: .bookRefused(.tooManyUpcoming(limit: info.maxUpcoming), alternatives: []))
        }
        switch checkSlot(doctor: doctor, date: date, time: time, patientID: patient.id, now: now, offer: offer?.code) {
        case .failure(let refusal):
            let target = zone.instant(date, time)
            return Decision(outcome: .bookRefused(refusal, alternatives: alternatives(for: refusal, doctor: doctor, around: target, now: now)))
        case .success(let slot):
            let ref = offer?.code ?? Reference.make(isUsed: { appointments[$0] != nil || offers[$0] != nil }, random: &random)
            let appointment = Appointment(ref: ref, doctorID: doctor.id, patientID: patient.id, start: slot.start, end: slot.end,
                                          reason: reason, bookedAt: now, bookedBy: patient.id, fromWaitlist: offer != nil)
            if let due = dueAtBooking(start: slot.start, doctor: doctor, now: now) {
                return Decision(events: [.booked(appointment), .paymentDue(ref: ref, due: due)], outcome: .bookedWithPayment(appointment, due))
            }
            return Decision(events: [.booked(appointment)], outcome: .booked(appointment))
        }
    }

    func cancel(ref: String?, patient: Patient, now: Int64) -> Decision {
        guard let ref else {
            let upcoming = upcoming(patientID: patient.id, now: now)
            if upcoming.isEmpty { return Decision(outcome: .cancelRefused(.nothingUpcoming)) }
            if upcoming.count > 1 { return Decision(outcome: .cancelChoice(upcoming)) }
            return cancel(upcoming[0], by: patient, now: now)
        }
        guard let appointment = appointments[ref] else { return Decision(outcome: .cancelRefused(.unknownRef(ref))) }
        guard appointment.patientID == patient.id else { return Decision(outcome: .cancelRefused(.notYours(ref))) }
        if !appointment.isActive { return Decision(outcome: .cancelRefused(.alreadyCancelled(appointment))) }
        if appointment.end <= now { return Decision(outcome: .cancelRefused(.alreadyEnded(appointment))) }
        return cancel(appointment, by: patient, now: now)
    }

    private func cancel(_ appointment: Appointment, by patient: Patient, now: Int64) -> Decision {
        var after = appointment
        after.status = .cancelledByPatient
        after.sequence += 1
        return Decision(events: [.cancelled(ref: appointment.ref, status: .cancelledByPatient, at: now, by: patient.id, reason: nil)],
                        outcome: .cancelled(after, refund: nil))
    }

    func reschedule(ref: String, date: LocalDate, time: TimeOfDay, patient: Patient, now: Int64) -> Decision {
        guard let appointment = appointments[ref] else { return Decision(outcome: .rescheduleRefused(.unknownRef(ref), alternatives: [])) }
        guard appointment.patientID == patient.id else { return Decision(outcome: .rescheduleRefused(.notYours(ref), alternatives: [])) }
        guard appointment.isActive, appointment.start > now else {
            return Decision(outcome: .rescheduleRefused(.notActive(appointment), alternatives: []))
        }
        guard let doctor = doctor(id: appointment.doctorID) else { return Decision(outcome: .rescheduleRefused(.doctorInactive, alternatives: [])) }
        switch checkSlot(doctor: doctor, date: date, time: time, patientID: patient.id, now: now, moving: ref) {
        case .failure(let refusal):
            let target = zone.instant(date, time)
            return Decision(outcome: .rescheduleRefused(refusal, alternatives: alternatives(for: refusal, doctor: doctor, around: target, now: now, moving: ref)))
        case .success(let slot):
            var moved = appointment
            moved.start = slot.start
            moved.end = slot.end
            moved.sequence += 1
            return Decision(events: [.rescheduled(ref: ref, start: slot.start, end: slot.end, at: now, by: patient.id)],
                            outcome: .rescheduled(moved, from: appointment))
        }
    }

    private func alternatives(for refusal: BookRefusal, doctor: Doctor, around target: Int64, now: Int64, moving: String? = nil) -> [Slot] {
        switch refusal {
        case .doctorInactive, .unknownRef, .notYours, .notActive: return []
        default: return nearestFree(of: doctor, around: target, now: now, excluding: moving)
        }
    }
}
