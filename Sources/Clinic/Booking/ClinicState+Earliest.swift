/// BOOK … earliest / first available: the first slot, in time, that any of the named doctors has free and the
/// patient may book, taken as if the patient had written its day and time.
extension ClinicState {
    func bookEarliest(doctors: [Doctor], on day: LocalDate?, in part: DayPart?, reason: String?, patient: Patient, now: Int64,
                      random: inout some RandomNumberGenerator) -> Decision {
        let active = doctors.filter(\.active)
        guard !active.isEmpty else { return Decision(outcome: .bookRefused(.doctorInactive, alternatives: [])) }
        if upcomingCount(patient.id, now: now) >= info.maxUpcoming {
            return Decision(outcome: .bookRefused(.tooManyUpcoming(limit: info.maxUpcoming), alternatives: []))
        }
        guard let slot = earliestBookable(of: active, on: day, in: part, patientID: patient.id, now: now) else {
            return Decision(outcome: .bookRefused(.noFreeSlot(on: day, days: info.bookingHorizonDays), alternatives: []))
        }
        let doctor = active.first { $0.id == slot.doctorID }!
        return book(doctor: doctor, date: slot.date, time: slot.time, reason: reason, patient: patient, now: now, random: &random)
    }

    /// The earliest slot of `doctors` (on `day` only, if given; starting in `part`, if given) that `patientID` could
    /// book now; of two at the same instant, the doctor named first.
    func earliestBookable(of doctors: [Doctor], on day: LocalDate?, in part: DayPart?, patientID: String, now: Int64) -> Slot? {
        let today = zone.local(now).date
        let days = day.map { [$0] } ?? (0...info.bookingHorizonDays).map { today.adding(days: $0) }
        for date in days {
            let candidates = doctors.flatMap { doctor in
                slots(of: doctor, on: date, now: now).only(part).slots.filter { !$0.isBooked }.map { (doctor, $0) }
            }.enumerated().sorted { a, b in
                a.element.1.start != b.element.1.start ? a.element.1.start < b.element.1.start : a.offset < b.offset
            }
            for (_, (doctor, slot)) in candidates {
                if case .success = checkSlot(doctor: doctor, date: date, time: slot.time, patientID: patientID, now: now) {
                    return slot
                }
            }
        }
        return nil
    }
}
