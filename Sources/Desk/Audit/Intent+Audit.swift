import Clinic

extension Intent {
    /// The command as the audit trail names it: the intent's kind, none of what was written with it.
    var auditCommand: String { auditCaseName(self) }

    /// What the command names: an appointment reference, a doctor or a request; nil when it names nothing.
    var auditTarget: String? {
        switch self {
        case .cancel(let ref), .pay(let ref): ref
        case .reschedule(let ref, _, _), .markAppointment(let ref, _), .recordPayment(let ref, _), .ratePatient(let ref, _, _): ref
        case .earnings(_, let doctorID), .broadcastCancel(let doctorID, _, _): doctorID
        case .doctorOff(let id), .doctor(let id), .slots(let id, _, _), .book(let id, _, _, _), .rateDoctor(let id, _, _): id
        case .decideRequest(let id, _, _), .audit(let id): id
        case .bookEarliest(let ids, _, _, _): ids.count == 1 ? ids[0] : nil
        default: nil
        }
    }
}
