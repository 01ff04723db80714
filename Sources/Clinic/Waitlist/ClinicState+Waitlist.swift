/// WAIT, WAITING, WAIT OFF and YES: a patient's place on a doctor's waitlist, and taking the slot offered.
extension ClinicState {
    /// How many clinic days `WAIT <doctor>` (no day) covers.
    public static let waitClinicDays = 7

    /// WAIT <doctor> [day] [window]: queued, or the free slots that make waiting needless.
    func wait(doctorID: String, day: LocalDate?, window: TimeRange?, patient: Patient, now: Int64) -> Decision {
        guard let doctor = doctor(id: doctorID), doctor.active else { return Decision(outcome: .waitRefused(.doctorInactive)) }
        let today = zone.local(now).date
        let horizon = zone.local(now + Int64(info.bookingHorizonDays) * 86_400).date
        let from: LocalDate, to: LocalDate
        if let day {
            guard day >= today else { return Decision(outcome: .waitRefused(.pastDay(day))) }
            guard day <= horizon else { return Decision(outcome: .waitRefused(.beyondHorizon(days: info.bookingHorizonDays))) }
            guard !doctor.leave.contains(day), !doctor.hours[day.weekday].isEmpty else {
                return Decision(outcome: .waitRefused(.noClinicThatDay(day)))
            }
            (from, to) = (day, day)
        } else {
            var clinicDays: [LocalDate] = []
            var date = today
            while date <= horizon, clinicDays.count < Self.waitClinicDays {
                if !doctor.leave.contains(date), !doctor.hours[date.weekday].isEmpty { clinicDays.append(date) }
                date = date.adding(days: 1)
            }
            guard let first = clinicDays.first, let last = clinicDays.last else { return Decision(outcome: .waitRefused(.noClinicDays)) }
            (from, to) = (first, last)
        }
        let entry = WaitEntry(patientID: patient.id, doctorID: doctor.id, from: from, to: to, window: window, since: now)
        let free = freeSlots(for: entry, doctor: doctor, now: now, count: 3)
        if !free.isEmpty { return Decision(outcome: .waitNotNeeded(doctor, free: free)) }
        let mine = waits(of: patient.id, now: now)
        let replaced = mine.contains { $0.doctorID == doctor.id }
        if !replaced, mine.count >= info.waitsPerPatient { return Decision(outcome: .waitRefused(.tooMany(limit: info.waitsPerPatient))) }
        let ahead = waitlist.count { $0.doctorID == doctor.id && $0.patientID != patient.id && $0.to >= today }
        return Decision(events: [.waitAdded(entry)], outcome: .waitAdded(entry, doctor: doctor, ahead: ahead, replaced: replaced))
    }

    /// WAITING: what the patient waits for, and the offers open to them.
    func waiting(patient: Patient, now: Int64) -> Decision {
        Decision(outcome: .waitList(waits(of: patient.id, now: now), offers: openOffers(of: patient.id)))
    }

    /// WAIT OFF [doctor]: the patient's waits end (for that doctor only, if named), and any slot offered to
    /// them for those waits goes to the next patient.
    func waitOff(doctorID: String?, patient: Patient, now: Int64) -> Decision {
        let ending = waits(of: patient.id, now: now).filter { doctorID == nil || $0.doctorID == doctorID }
        let offers = openOffers(of: patient.id).filter { doctorID == nil || $0.doctorID == doctorID }
        guard !ending.isEmpty || !offers.isEmpty else {
            return Decision(outcome: .waitRefused(.notWaiting(doctorName: doctorID.flatMap { doctor(id: $0)?.name })))
        }
        var events = offers.map { ClinicEvent.offerEnded(code: $0.code, how: .withdrawn) }
        if !ending.isEmpty { events.append(.waitEnded(patientID: patient.id, doctorIDs: ending.map(\.doctorID), why: .withdrawn)) }
        return Decision(events: events, outcome: .waitEnded(ending))
    }

    /// YES [code]: the slot offered is booked, as BOOK would book it, under the offer's code.
    func takeOffer(code: String?, patient: Patient, now: Int64, random: inout some RandomNumberGenerator) -> Decision {
        let mine = openOffers(of: patient.id)
        let offer: SlotOffer
        if let code {
            guard let found = offers[code], found.patientID == patient.id else {
                if let booked = appointments[code], booked.patientID == patient.id,
                   booked.history.first?.what == Appointment.bookedFromWaitlist {
                    return Decision(outcome: .waitRefused(.alreadyTaken(booked)))
                }
                return Decision(outcome: .waitRefused(.unknownOffer(code)))
            }
            offer = found
        } else {
            guard mine.count == 1 else { return Decision(outcome: .waitRefused(mine.isEmpty ? .noOffer : .whichOffer(mine))) }
            offer = mine[0]
        }
        guard offer.until > now else { return Decision(outcome: .waitRefused(.offerLapsed(offer))) }
        guard let doctor = doctor(id: offer.doctorID) else { return Decision(outcome: .waitRefused(.doctorInactive)) }
        let local = zone.local(offer.start)
        var decision = book(doctor: doctor, date: local.date, time: local.time, reason: nil, patient: patient, now: now,
                            random: &random, offer: offer)
        guard decision.events.contains(where: { if case .booked = $0 { true } else { false } }) else { return decision }
        decision.events.insert(.offerEnded(code: offer.code, how: .taken), at: 0)
        decision.events.append(.waitEnded(patientID: patient.id, doctorIDs: [doctor.id], why: .filled))
        return decision
    }

    /// The patient's waits whose last day has not passed, in the order asked.
    func waits(of patientID: String, now: Int64) -> [WaitEntry] {
        let today = zone.local(now).date
        return waitlist.filter { $0.patientID == patientID && $0.to >= today }
    }

    /// The offers open to the patient, soonest slot first.
    func openOffers(of patientID: String) -> [SlotOffer] {
        offers.values.filter { $0.patientID == patientID }.sorted { ($0.start, $0.code) < ($1.start, $1.code) }
    }

    /// Up to `count` slots the entry asks for that its patient could book now, soonest first.
    func freeSlots(for entry: WaitEntry, doctor: Doctor, now: Int64, count: Int) -> [Slot] {
        var found: [Slot] = []
        var date = entry.from
        while date <= entry.to, found.count < count {
            for slot in slots(of: doctor, on: date, now: now).slots where !slot.isBooked && entry.wants(date, slot.time, start: slot.start) {
                guard found.count < count else { break }
                if case .success = checkSlot(doctor: doctor, date: date, time: slot.time, patientID: entry.patientID, now: now) {
                    found.append(slot)
                }
            }
            date = date.adding(days: 1)
        }
        return found
    }
}
