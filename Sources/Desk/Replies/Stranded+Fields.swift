import Clinic

/// The values of the replies to HOURS and LEAVE: the new hours or leave, and the confirmed appointments the
/// change strands, with the CANCEL DAY line for each of their days (DOCTOR OFF: the desk's BROADCAST CANCEL line).
extension ClinicFormat {
    func strandedFields(_ stranded: [Appointment], cancelling command: String = "CANCEL DAY") -> TemplateFields {
        let rows: [TemplateValue] = stranded.map { a in .fields([.ref: .text(a.ref), .when: .text(span(a.start, a.end))]) }
        var days: [LocalDate] = []
        for a in stranded {
            let day = zone.local(a.start).date
            if !days.contains(day) { days.append(day) }
        }
        let commands: [TemplateValue] = days.map { .fields([.day: .text(day($0)), .command: .text("\(command) \($0)")]) }
        return [.appointments: .list(rows), .days: .list(commands), .noneToShow: .flag(stranded.isEmpty)]
    }
}
