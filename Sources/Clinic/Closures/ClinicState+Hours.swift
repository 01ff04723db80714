/// HOURS and LEAVE: a doctor changes their weekly hours or takes days off. Nothing booked is cancelled here;
/// the outcome lists the confirmed appointments the change strands, so the doctor can CANCEL DAY them.
extension ClinicState {
    /// The longest leave one command records: a longer one is more likely a typing slip.
    public static let longestLeaveDays = 92

    func setHours(of doctorID: String, days: [Weekday], ranges: [TimeRange], now: Int64) -> Decision {
        let event = ClinicEvent.hoursSet(doctorID: doctorID, days: days, ranges: ranges)
        var after = self
        after.apply(event)
        guard let doctor = after.doctor(id: doctorID) else { return Decision(outcome: .help) }
        return Decision(events: [event], outcome: .hoursSet(doctor.hours, stranded: after.stranded(doctorID, now: now)))
    }

    func addLeave(of doctorID: String, from: LocalDate, to: LocalDate, reason: String?, now: Int64) -> Decision {
        guard from <= to, to.dayNumber - from.dayNumber < Self.longestLeaveDays else {
            return Decision(outcome: .leaveRefused(from: from, to: to))
        }
        var days: [LocalDate] = []
        var day = from
        while day <= to {
            days.append(day)
            day = day.adding(days: 1)
        }
        let event = ClinicEvent.leaveAdded(doctorID: doctorID, days: days, reason: reason)
        var after = self
        after.apply(event)
        return Decision(events: [event], outcome: .leaveAdded(from: from, to: to, stranded: after.stranded(doctorID, now: now)))
    }

    /// The doctor's confirmed appointments still ahead that fall on leave or outside their hours, soonest first.
    func stranded(_ doctorID: String, now: Int64) -> [Appointment] {
        guard let doctor = doctor(id: doctorID) else { return [] }
        return appointments.values.filter { a in
            guard a.doctorID == doctorID, a.isActive, a.start > now else { return false }
            let start = zone.local(a.start), end = zone.local(a.end)
            if doctor.leave.contains(start.date) { return true }
            return !doctor.hours[start.date.weekday].contains { $0.start <= start.time && (end.date != start.date ? false : end.time <= $0.end) }
        }.sorted { ($0.start, $0.ref) < ($1.start, $1.ref) }
    }
}
