/// The doctors' commands: earnings, the day's schedule, the outcome of an appointment. The sender's role is
/// checked here, once, for every entry point.
extension ClinicState {
    /// The largest single entry accepted (₹1 crore): anything above is a typing slip.
    static let largestEarning = Money(major: 10_000_000)

    func decideForStaff(_ intent: Intent, role: Role, sender: Sender, now: Int64) -> Decision {
        let today = zone.local(now).date
        switch (intent, role) {
        case (.earning(let amount, let day, let note, let replacing), .doctor(let id)):
            let day = day ?? today
            guard day <= today else { return Decision(outcome: .earningRefused(.futureDay(day))) }
            guard closedMonths[YearMonth(day)] == nil else { return Decision(outcome: .earningRefused(.monthClosed(YearMonth(day)))) }
            guard amount <= Self.largestEarning else { return Decision(outcome: .earningRefused(.tooLarge)) }
            let entry = EarningEntry(day: day, amount: amount, note: note, at: now)
            var after = self
            let event: ClinicEvent = replacing ? .earningDaySet(doctorID: id, entry: entry) : .earningRecorded(doctorID: id, entry: entry)
            after.apply(event)
            let totals = after.earningTotals(of: id, on: day)
            return Decision(events: [event], outcome: .earningRecorded(day: day, dayTotal: totals.day, monthToDate: totals.monthToDate,
                                                                       replaced: replacing))
        case (.earning, _):
            return Decision(outcome: .notAllowed(command: "EARNING", allowed: .doctors))

        case (.earnings(let month, let asked), _):
            let doctorID: String
            switch role {
            case .doctor(let id) where asked == nil || asked == id: doctorID = id
            case .desk where asked != nil: doctorID = asked!
            case .desk: return Decision(outcome: .notAllowed(command: "EARNINGS <doctor> <month>", allowed: .deskNamingDoctor))
            default: return Decision(outcome: .notAllowed(command: "EARNINGS", allowed: .doctorsAndDesk))
            }
            if month > YearMonth(today) { return Decision(outcome: .earningsNone(month, future: true)) }
            let report = earnings(of: doctorID, in: month)
            guard !report.days.isEmpty || report.consultationsCompleted > 0 else { return Decision(outcome: .earningsNone(month, future: false)) }
            return Decision(outcome: .earningsReport(report))

        case (.schedule(let day), .doctor(let id)):
            let day = day ?? today
            let list = appointments(doctorID: id, on: day).filter { $0.status != .cancelledByPatient && $0.status != .cancelledByClinic }
                .sorted { $0.start < $1.start }
                .map { ScheduleEntry(appointment: $0, patientName: patients[$0.patientID]?.name ?? $0.patientID, paid: payments[$0.ref] != nil) }
            return Decision(outcome: .schedule(day, list))
        case (.schedule, _):
            return Decision(outcome: .notAllowed(command: "SCHEDULE", allowed: .doctors))

        case (.markAppointment(let ref, let status), .doctor(let id)):
            guard let appointment = appointments[ref] else { return Decision(outcome: .markRefused(.unknownRef(ref))) }
            guard appointment.doctorID == id else { return Decision(outcome: .markRefused(.notYours(ref))) }
            guard appointment.start <= now else { return Decision(outcome: .markRefused(.notStarted(appointment))) }
            guard appointment.status == .confirmed || appointment.status == .completed || appointment.status == .noShow else {
                return Decision(outcome: .markRefused(.notActive(appointment)))
            }
            var after = appointment
            after.status = status
            return Decision(events: [.appointmentMarked(ref: ref, status: status, at: now, by: id)], outcome: .appointmentMarked(after))
        case (.markAppointment(_, let status), _):
            return Decision(outcome: .notAllowed(command: status == .noShow ? "NOSHOW" : "DONE", allowed: .doctors))

        default:
            return Decision(outcome: .help)
        }
    }
}
