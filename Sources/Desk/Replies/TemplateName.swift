/// The reply templates, one file each in Templates/text/ and Templates/html/ (`NAME.mustache`).
enum TemplateName: String, CaseIterable, Sendable {
    /// The whole reply: greeting, each command with its result, the footer.
    case reply
    case help, problem, unrecognised
    // The envelope: commands held for CONFIRM, confirmed, a CONFIRM refused, a message of several authors
    case held, confirmed
    case confirmRefused = "confirm-refused"
    case actsForNobody = "acts-for-nobody"
    case tooLarge = "too-large"
    case info, doctors, doctor, slots
    case registered, verified
    case alreadyRegistered = "already-registered"
    case registerTooOften = "register-too-often"
    case verifyRefused = "verify-refused"
    case needsRegistration = "needs-registration"
    case booked, cancelled, rescheduled, appointments
    case bookRefused = "book-refused"
    case cancelChoice = "cancel-choice"
    case cancelRefused = "cancel-refused"
    case rescheduleRefused = "reschedule-refused"
    // The waitlist
    case waitAdded = "wait-added"
    case waitNotNeeded = "wait-not-needed"
    case waitList = "wait-list"
    case waitEnded = "wait-ended"
    case waitRefused = "wait-refused"
    // Doctors and the desk
    case notAllowed = "not-allowed"
    case earningRecorded = "earning-recorded"
    case earningRefused = "earning-refused"
    case earningsReport = "earnings-report"
    case earningsNone = "earnings-none"
    case schedule
    case appointmentMarked = "appointment-marked"
    case markRefused = "mark-refused"
    case paymentRecorded = "payment-recorded"
    case paymentRefused = "payment-refused"
    /// MY DATA: what is attached.
    case myData = "my-data"
    /// FORGET ME / ERASE done; ERASE or EXPORT of nobody on file.
    case patientErased = "patient-erased"
    case patientUnknown = "patient-unknown"
    case payLink = "pay-link"
    case payRefused = "pay-refused"
    /// To the desk: a payment Stripe reported that does not match its appointment.
    case paymentMismatch = "payment-mismatch"
    case dayCancelled = "day-cancelled"
    case broadcastSent = "broadcast-sent"
    case hoursSet = "hours-set"
    case leaveAdded = "leave-added"
    case leaveRefused = "leave-refused"
    case doctorOff = "doctor-off"
    case doctorOffRefused = "doctor-off-refused"
    case doctorRequested = "doctor-requested"
    case doctorRequestRefused = "doctor-request-refused"
    case doctorRequestDecided = "doctor-request-decided"
    case requestDecisionRefused = "request-decision-refused"
    case monthReport = "month-report"
    case monthReportAhead = "month-report-ahead"
    case auditTrail = "audit-trail"
    // Profiles
    case patientProfile = "patient-profile"
    case doctorProfile = "doctor-profile"
    case profileChanged = "profile-changed"
    case profileFieldRefused = "profile-field-refused"
    // Ratings
    case doctorRated = "doctor-rated"
    case patientRated = "patient-rated"
    case rateRefused = "rate-refused"
    case photoSaved = "photo-saved"
    case photoRefused = "photo-refused"
    case contactSent = "contact-sent"
    case contactRefused = "contact-refused"
    /// A sender past the hourly limit, told once when they will be read again.
    case tooMany = "too-many"
    /// In place of a long answer that would take a reply past its largest size.
    case leftOut = "left-out"
    /// To the desk: an event webhook endpoint answered 410 Gone and is told nothing more.
    case endpointDisabled = "endpoint-disabled"
    // Messages the clinic starts
    case reminder
    case failureSummary = "failure-summary"
    /// To a doctor or the desk as a month ends: the month's EARNINGS or REPORT, without being asked.
    case monthEndReport = "month-end-report"
    case bounceNotice = "bounce-notice"
    case cancellationNotice = "cancellation-notice"
    case broadcastNotice = "broadcast-notice"
    case contactNotice = "contact-notice"
    case receiptNotice = "receipt-notice"
    case paymentFailedNotice = "payment-failed-notice"
    case holdReleasedNotice = "hold-released-notice"
    case lateRefundNotice = "late-refund-notice"
    /// To a patient waiting: a freed slot held for them, YES <code> to take it.
    case slotOfferNotice = "slot-offer-notice"
    /// To a patient who texted STOP or CANCEL: no more texts, and how to cancel an appointment by text or mail.
    case smsOptOutNotice = "sms-opt-out-notice"
    case doctorRequestNotice = "doctor-request-notice"
    case doctorApprovedNotice = "doctor-approved-notice"
    case doctorRejectedNotice = "doctor-rejected-notice"
}
