/// CANCEL DAY (a doctor) and BROADCAST CANCEL (the desk): the confirmed appointments of a day still ahead
/// are cancelled by the clinic, and each patient is told once, with free slots to book instead.
extension ClinicState {
    /// How many free slots a notice offers with each doctor.
    static let alternativesOffered = 3

    func cancelDay(of doctorIDs: [String], on day: LocalDate, reason: String?, by who: String, now: Int64) -> Decision {
        let closed = Set(doctorIDs)
        let cancelled = doctorIDs.flatMap { appointments(doctorID: $0, on: day) }
            .filter { $0.isActive && $0.start > now }
            .sorted { ($0.start, $0.ref) < ($1.start, $1.ref) }
        let events = cancelled.map { ClinicEvent.cancelled(ref: $0.ref, status: .cancelledByClinic, at: now, by: who, reason: reason) }
        var after = self
        after.apply(events)

        var notices: [PatientNotice] = []
        var notified: [String] = []
        var texted: [String] = []
        var unreachable: [String] = []
        var seen = Set<String>()
        for appointment in cancelled where seen.insert(appointment.patientID).inserted {
            let patient = patients[appointment.patientID]
            let name = patient?.name ?? appointment.patientID
            let route = patient?.contactRoute ?? .none
            guard route != .none else {
                unreachable.append(name)
                continue
            }
            let theirs = cancelled.filter { $0.patientID == appointment.patientID }
                .map { after.appointments[$0.ref] ?? $0 }
            let same = doctor(id: appointment.doctorID).map {
                after.alternatives(with: $0, around: appointment.start, closed: closed, day: day, now: now)
            } ?? []
            let other = colleague(of: appointment.doctorID, closed: closed, day: day).map {
                after.alternatives(with: $0, around: appointment.start, closed: closed, day: day, now: now)
            } ?? []
            notices.append(PatientNotice(patientID: appointment.patientID,
                                         kind: .cancellation(appointments: theirs, reason: reason, sameDoctor: same, otherDoctor: other)))
            if case .mail = route { notified.append(name) } else { texted.append(name) }
        }
        let summary = DayCancellation(day: day, doctorIDs: doctorIDs, cancelled: cancelled.map { after.appointments[$0.ref] ?? $0 },
                                      notified: notified, texted: texted, unreachable: unreachable)
        return Decision(events: events, outcome: .dayCancelled(summary), notices: notices)
    }

    /// Another active doctor of the same specialty, if there is one (the first in the clinic's order), who
    /// still works that day, or who works other days.
    func colleague(of doctorID: String, closed: Set<String>, day: LocalDate) -> Doctor? {
        guard let doctor = doctor(id: doctorID) else { return nil }
        let specialty = doctor.specialty.lowercased()
        let others = doctors.filter { $0.active && $0.id != doctorID && $0.specialty.lowercased() == specialty }
        return others.first { !closed.contains($0.id) } ?? others.first
    }

    /// The free slots of `doctor` nearest to `target`, leaving out the day if that doctor's day is cancelled.
    func alternatives(with doctor: Doctor, around target: Int64, closed: Set<String>, day: LocalDate, now: Int64) -> [Slot] {
        let count = Self.alternativesOffered
        guard closed.contains(doctor.id) else { return nearestFree(of: doctor, around: target, count: count, now: now) }
        let sameDay = slots(of: doctor, on: day, now: now).slots.count
        let found = nearestFree(of: doctor, around: target, count: count + sameDay, now: now).filter { $0.date != day }
        return Array(found.sorted { abs($0.start - target) < abs($1.start - target) }.prefix(count)).sorted { $0.start < $1.start }
    }
}
