import Clinic

/// A value the audit trail names by its kind alone — its case name, nothing it carries — so no name, text or
/// reason can reach the trail through it (`AuditNames.swift`). Written out, not reflected: a Mirror per
/// command cost about a tenth of the desk's time per message.
protocol AuditNamed {
    var auditName: String { get }
}

func auditCaseName(_ value: some AuditNamed) -> String { value.auditName }

extension Outcome {
    /// What a command did, in a few words: `booked A7K2Q`, `book refused: taken`, `cancelled A7K2Q`.
    /// Appointment references are the only values named; refusals name their kind, never their detail.
    var auditDid: String {
        switch self {
        case .booked(let a), .bookedWithPayment(let a, _): "booked \(a.ref)"
        case .cancelled(let a, _): "cancelled \(a.ref)"
        case .rescheduled(let a, let from): "moved \(from.ref) to \(a.ref)"
        case .appointmentMarked(let a): "marked \(a.ref) \(a.status.rawValue)"
        case .paymentRecorded(let a, _): "payment recorded \(a.ref)"
        case .payLink(let a, _): "pay link \(a.ref)"
        case .bookRefused(let why, _): "book refused: \(auditCaseName(why))"
        case .rescheduleRefused(let why, _): "move refused: \(auditCaseName(why))"
        case .cancelRefused(let why): "cancel refused: \(auditCaseName(why))"
        case .verifyRefused(let why): "verify refused: \(auditCaseName(why))"
        case .markRefused(let why): "mark refused: \(auditCaseName(why))"
        case .earningRefused(let why): "earning refused: \(auditCaseName(why))"
        case .paymentRefused(let why): "payment refused: \(auditCaseName(why))"
        case .payRefused(let why): "pay refused: \(auditCaseName(why))"
        case .rateRefused(let why): "rate refused: \(auditCaseName(why))"
        case .photoRefused(let why): "photo refused: \(auditCaseName(why))"
        case .contactRefused(let why): "contact refused: \(auditCaseName(why))"
        case .doctorRequestRefused(let why): "request refused: \(auditCaseName(why))"
        case .requestDecisionRefused(let why): "decision refused: \(auditCaseName(why))"
        case .doctorDeactivated(let d): "doctor off \(d.id)"
        case .doctorOffRefused(let d, _): "doctor off refused \(d.id)"
        case .doctorRequestDecided(let request, let doctor): doctor == nil ? "rejected \(request.id)" : "approved \(request.id)"
        case .notAllowed: "not allowed"
        case .auditTrail: "audit trail sent"
        case .profileChanged(let change): "set \(auditCaseName(change))"
        // Every other answer by its case name (AuditNames.swift).
        default: auditCaseName(self)
        }
    }

    /// The patient whose appointment a command acted on, for staff commands (a patient's own are under their id).
    var auditPatient: String? {
        switch self {
        case .booked(let a), .bookedWithPayment(let a, _), .cancelled(let a, _), .rescheduled(let a, _), .appointmentMarked(let a),
             .paymentRecorded(let a, _), .payLink(let a, _):
            a.patientID
        default: nil
        }
    }
}

extension DeskLine {
    /// What the envelope stage did with a line: `held for CONFIRM`, `confirmed`, `confirm refused: wrongCode`.
    var auditDid: String {
        switch self {
        case .held: "held for CONFIRM"
        case .confirmed: "confirmed"
        case .confirmRefused(let why): "confirm refused: \(auditCaseName(why))"
        case .actsForNobody: "acts for nobody"
        case .tooLarge: "too large"
        }
    }
}
