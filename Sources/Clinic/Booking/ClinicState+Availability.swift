/// Availability: slots come from the doctor's hours, minus leave, the past, the minimum notice, and the
/// appointments already held. A booked slot is shown as booked and never offered to anyone else.
extension ClinicState {
    /// Slots of `doctor` on `date` that can still be booked or are booked; slots too close to `now` are left out.
    public func slots(of doctor: Doctor, on date: LocalDate, now: Int64) -> DaySlots {
        if !doctor.active { return DaySlots(date: date, slots: [], closedBecause: .doctorInactive(doctor: doctor.name)) }
        if doctor.leave.contains(date) { return DaySlots(date: date, slots: [], closedBecause: .onLeave(doctor: doctor.name)) }
        let ranges = doctor.hours[date.weekday]
        if ranges.isEmpty { return DaySlots(date: date, slots: [], closedBecause: .noClinic(doctor: doctor.name, weekday: date.weekday)) }
        let earliest = now + Int64(info.minimumNoticeMinutes) * 60
        let taken = bookedTimes(doctorID: doctor.id, on: date)
        var slots: [Slot] = []
        for range in ranges {
            var minute = range.start.minutes
            while minute + doctor.slotMinutes <= range.end.minutes {
                let time = TimeOfDay(minutes: minute)
                let start = zone.instant(date, time)
                let end = start + Int64(doctor.slotMinutes) * 60
                if start >= earliest {
                    let booked = taken.contains { $0.start < end && start < $0.end }
                    slots.append(Slot(doctorID: doctor.id, date: date, time: time, start: start, end: end, isBooked: booked))
                }
                minute += doctor.slotMinutes
            }
        }
        let closed: DayClosure? = slots.isEmpty ? .nothingLeft : nil
        return DaySlots(date: date, slots: slots, closedBecause: closed)
    }

    /// The next `count` clinic days of `doctor` from `date` on that still have bookable slots (in `part` of the day,
    /// if given), looking ahead 60 days.
    public func nextClinicDays(of doctor: Doctor, from date: LocalDate, count: Int, now: Int64, part: DayPart? = nil) -> [DaySlots] {
        var days: [DaySlots] = []
        var day = date
        for _ in 0..<60 where days.count < count {
            let slots = slots(of: doctor, on: day, now: now).only(part)
            if !slots.slots.isEmpty { days.append(slots) }
            day = day.adding(days: 1)
        }
        return days
    }

    /// The `count` free slots of `doctor` nearest in time to `target`, soonest first.
    public func nearestFree(of doctor: Doctor, around target: Int64, count: Int = 3, now: Int64, excluding ref: String? = nil) -> [Slot] {
        guard count > 0 else { return [] }
        let center = zone.local(max(target, now)).date
        // The `count` nearest free slots found so far, nearest first (of two equally near, the earlier).
        var nearest: [Slot] = []
        nearest.reserveCapacity(count + 1)
        for distance in 0...21 {
            for offset in distance == 0 ? [0] : [distance, -distance] {
                let date = center.adding(days: offset)
                for slot in slots(of: doctor, on: date, now: now).slots where !slot.isBooked || isOnlyBooked(slot, by: ref) {
                    let place = nearest.firstIndex { nearer(slot, than: $0) } ?? nearest.count
                    if place < count {
                        nearest.insert(slot, at: place)
                        if nearest.count > count { nearest.removeLast() }
                    }
                }
            }
            // Once enough are found, a further day is farther than any slot already found.
            if nearest.count >= count, abs(nearest[count - 1].start - target) <= Int64(distance) * 86_400 { break }
        }
        return nearest.sorted { $0.start < $1.start }

        func nearer(_ a: Slot, than b: Slot) -> Bool {
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
