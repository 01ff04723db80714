/// Availability: slots come from the doctor's hours, minus leave, the past, the minimum notice, and the
/// appointments already held. A booked slot is shown as booked and never offered to anyone else.
extension ClinicState {
    /// Slots of `doctor` on `date` that can still be booked or are booked; slots too close to `now` are left out.
    public func slots(of doctor: Doctor, on date: LocalDate, now: Int64) -> DaySlots {
        if !doctor.active { return DaySlots(date: date, slots: [], closedBecause: "\(doctor.name) no longer takes bookings") }
        if doctor.leave.contains(date) { return DaySlots(date: date, slots: [], closedBecause: "\(doctor.name) is on leave") }
        let ranges = doctor.hours[date.weekday]
        if ranges.isEmpty { return DaySlots(date: date, slots: [], closedBecause: "\(doctor.name) has no clinic on \(date.weekday.fullName)s") }
        let earliest = now + Int64(info.minimumNoticeMinutes) * 60
        let taken = appointments(doctorID: doctor.id, on: date).filter(\.isActive)
        var slots: [Slot] = []
        for range in ranges {
            var minute = range.start.minutes
            while minute + doctor.slotMinutes <= range.end.minutes {
                let time = TimeOfDay(minutes: minute)
                let start = zone.instant(date, time)
                let end = start + Int64(doctor.slotMinutes) * 60
                if start >= earliest {
                    let booked = taken.contains { $0.overlaps(start: start, end: end) }
                    slots.append(Slot(doctorID: doctor.id, date: date, time: time, start: start, end: end, isBooked: booked))
                }
                minute += doctor.slotMinutes
            }
        }
        let closed = slots.isEmpty ? "no more slots can be booked that day" : nil
        return DaySlots(date: date, slots: slots, closedBecause: closed)
    }

    /// The next `count` clinic days of `doctor` from `date` on that still have bookable slots (looking ahead 60 days).
    public func nextClinicDays(of doctor: Doctor, from date: LocalDate, count: Int, now: Int64) -> [DaySlots] {
        var days: [DaySlots] = []
        var day = date
        for _ in 0..<60 where days.count < count {
            let slots = slots(of: doctor, on: day, now: now)
            if !slots.slots.isEmpty { days.append(slots) }
            day = day.adding(days: 1)
        }
        return days
    }

    /// The `count` free slots of `doctor` nearest in time to `target`, soonest first.
    public func nearestFree(of doctor: Doctor, around target: Int64, count: Int = 3, now: Int64, excluding ref: String? = nil) -> [Slot] {
        let center = zone.local(max(target, now)).date
        var found: [Slot] = []
        for distance in 0...21 {
            for offset in distance == 0 ? [0] : [distance, -distance] {
                let date = center.adding(days: offset)
                for slot in slots(of: doctor, on: date, now: now).slots where !slot.isBooked || isOnlyBooked(slot, by: ref) {
                    found.append(slot)
                }
            }
            // Once enough are found, a further day is farther than any slot already found.
            if found.count >= count {
                let sorted = found.sorted(by: nearer)
                let worst = abs(sorted[count - 1].start - target)
                if worst <= Int64(distance) * 86_400 { return Array(sorted.prefix(count)).sorted { $0.start < $1.start } }
            }
        }
        return Array(found.sorted(by: nearer).prefix(count)).sorted { $0.start < $1.start }

        /// Nearer to the target first; of two equally near, the earlier.
        func nearer(_ a: Slot, _ b: Slot) -> Bool {
            let da = abs(a.start - target), db = abs(b.start - target)
            return da != db ? da < db : a.start < b.start
        }
    }

    /// Whether `slot` is booked only by the appointment `ref` (which is moving away from it).
    func isOnlyBooked(_ slot: Slot, by ref: String?) -> Bool {
        guard let ref else { return false }
        return appointments(doctorID: slot.doctorID, on: slot.date)
            .filter { $0.isActive && $0.overlaps(start: slot.start, end: slot.end) }
            .allSatisfy { $0.ref == ref }
    }
}
