/// The desk's BROADCAST commands and the doctors' CANCEL DAY, HOURS and LEAVE, with the role each needs checked here, once.
extension ClinicState {
    func decideClosure(_ intent: Intent, role: Role, now: Int64) -> Decision {
        switch (intent, role) {
        case (.cancelDay(let day, let reason), .doctor(let id)):
            return cancelDay(of: [id], on: day, reason: reason, by: id, now: now)
        case (.setHours(let days, let ranges), .doctor(let id)):
            return setHours(of: id, days: days, ranges: ranges, now: now)
        case (.setHours, _):
            return Decision(outcome: .notAllowed(command: "HOURS", allowed: .doctors))
        case (.leave(let from, let to, let reason), .doctor(let id)):
            return addLeave(of: id, from: from, to: to, reason: reason, now: now)
        case (.leave, _):
            return Decision(outcome: .notAllowed(command: "LEAVE", allowed: .doctors))
        case (.cancelDay, _):
            return Decision(outcome: .notAllowed(command: "CANCEL DAY", allowed: .doctors))
        case (.broadcastCancel(let doctorID, let day, let reason), .desk):
            let ids = doctorID.map { [$0] } ?? doctors.map(\.id)
            return cancelDay(of: ids, on: day, reason: reason, by: "desk", now: now)
        case (.broadcast(let day, let message), .desk):
            return broadcast(on: day, message: message, now: now)
        case (.broadcastCancel, _), (.broadcast, _):
            return Decision(outcome: .notAllowed(command: "BROADCAST", allowed: .desk))
        default:
            return Decision(outcome: .help)
        }
    }

    /// A notice to every patient with a confirmed appointment on `day` that has not started, once each.
    func broadcast(on day: LocalDate, message: String, now: Int64) -> Decision {
        var seen = Set<String>()
        var notices: [PatientNotice] = []
        var unreachable = 0, texted = 0
        let held = doctors.flatMap { appointments(doctorID: $0.id, on: day) }
            .filter { $0.isActive && $0.start > now }
            .sorted { ($0.start, $0.ref) < ($1.start, $1.ref) }
        for appointment in held where seen.insert(appointment.patientID).inserted {
            switch patients[appointment.patientID]?.contactRoute ?? .none {
            case .mail:
                notices.append(PatientNotice(patientID: appointment.patientID, kind: .message(day: day, text: message)))
            case .sms:
                notices.append(PatientNotice(patientID: appointment.patientID, kind: .message(day: day, text: message)))
                texted += 1
            case .none:
                unreachable += 1
            }
        }
        return Decision(outcome: .broadcastSent(day: day, notified: notices.count - texted, texted: texted, unreachable: unreachable),
                        notices: notices)
    }
}
