import Clinic

/// The values of the things replies list: doctors, slots, a doctor's day, appointments.
extension ClinicFormat {
    func fields(of doctor: Doctor) -> TemplateFields {
        let rating = rating(of: doctor.id)
        return [.name: .text(doctor.name), .surname: .text(doctor.surname), .specialty: .text(doctor.specialty),
         .qualifications: doctor.qualifications.isEmpty ? nil : .text(doctor.qualifications), .fee: .text(money(doctor.fee)),
         .hours: doctor.hours.workingDays.isEmpty ? nil : .text(doctor.hours.summary(dayNames: weekdayName)),
         .slotMinutes: .number(doctor.slotMinutes), .active: .flag(doctor.active),
         .slotsLink: .text(desk.subject("SLOTS Dr \(doctor.surname)")), .bio: doctor.bio.map(TemplateValue.text),
         .phone: doctor.contactPhone.map(TemplateValue.text), .rating: rating.map { .text($0.average) },
         .ratings: rating.map { .number($0.count) }, .photo: .flag(doctor.photo != nil)]
    }

    /// A slot offered instead of the one asked for.
    func fields(of slot: Slot) -> TemplateFields {
        let book = bookCommand(slot)
        return [.when: .text(when(slot.start)), .time: .text(clock(slot.time)), .booked: .flag(slot.isBooked), .book: .text(book),
                .bookLink: slot.isBooked ? nil : .text(desk.subject(book))]
    }

    /// One day of a doctor's slots: every slot (`slots`), and the same slots four to a row (`rows`) for a
    /// grid. A day lists dozens of slots, so each carries only what the grid shows: its time, whether it is
    /// booked, and for a free one the link that books it.
    func fields(of day: DaySlots) -> TemplateFields {
        var slots: [TemplateValue] = []
        slots.reserveCapacity(day.slots.count)
        if let first = day.slots.first {
            let linkStart = desk.subject(bookCommand(doctorID: first.doctorID, date: day.date))
            for slot in day.slots {
                let time = clock(slot.time)
                slots.append(.fields([.time: .text(time), .booked: .flag(slot.isBooked),
                                      .bookLink: slot.isBooked ? nil : .text(linkStart + MailtoLink.encoded(time))]))
            }
        }
        let rows = stride(from: 0, to: slots.count, by: Self.slotsPerRow).map { start in
            TemplateValue.fields([.slots: .list(Array(slots[start..<min(start + Self.slotsPerRow, slots.count)]))])
        }
        return [.day: .text(self.day(day.date)), .slots: .list(slots), .rows: .list(rows), .closed: day.closedBecause.map { .text($0.spoken(self)) },
                .free: .number(day.freeCount), .zone: day.slots.first.map { .text(zone.abbreviation(at: $0.start)) }]
    }

    /// Slots in a row of the HTML grid: four fit a phone's width.
    static let slotsPerRow = 4

    func fields(of appointment: Appointment) -> TemplateFields {
        let doctor = doctor(id: appointment.doctorID)
        return [.ref: .text(appointment.ref), .doctor: .text(doctor?.name ?? appointment.doctorID), .specialty: .text(doctor?.specialty ?? ""),
                .when: .text(span(appointment.start, appointment.end)),
                .reason: appointment.reason.flatMap { $0.isEmpty ? nil : .text($0) },
                .fee: .text(doctor.map { money($0.fee) } ?? ""), .cancelLink: .text(desk.subject("CANCEL \(appointment.ref)"))]
    }
}
