/// What came of one command: the facts a reply is written from. The desk renders each case with a template.
public enum Outcome: Sendable, Equatable {
    case help
    /// HELP from a doctor or the desk: the patients' commands and theirs.
    case staffHelp(Role)
    /// INFO: the hospital, and how many doctors take bookings now (the reply is written after the batch, when more may have joined).
    case info(ClinicInfo, doctors: Int)
    case doctorList([Doctor], specialty: String?)
    case doctorDetail(Doctor)
    case slots(Doctor, [DaySlots], asked: SlotsAsked = SlotsAsked())

    case registered(name: String, code: String, expiresAt: Int64)
    case alreadyRegistered(name: String)
    /// REGISTER sent its three codes of the day to this address already; the next can be had at `retryAt`.
    case registerTooOften(retryAt: Int64)
    case verified(name: String)
    case verifyRefused(VerifyRefusal)
    /// A command that needs a registered, verified sender came from someone who is not.
    case needsRegistration(verificationPending: Bool)

    case booked(Appointment)
    /// Booked with the fee to pay online: held until paid (payment at booking), or confirmed with a link.
    case bookedWithPayment(Appointment, PaymentDue)
    case bookRefused(BookRefusal, alternatives: [Slot])
    /// `refund`: what goes back to the card, for an appointment paid online (zero when the rule gives nothing back).
    case cancelled(Appointment, refund: Money? = nil)
    case cancelChoice([Appointment])
    case cancelRefused(CancelRefusal)
    case rescheduled(Appointment, from: Appointment)
    case rescheduleRefused(BookRefusal, alternatives: [Slot])
    /// WAIT: queued, with how many wait for the doctor ahead of the patient; `replaced`: an earlier WAIT for the
    /// same doctor gave way.
    case waitAdded(WaitEntry, doctor: Doctor, ahead: Int, replaced: Bool)
    /// WAIT when slots it asks for are free now: book one instead.
    case waitNotNeeded(Doctor, free: [Slot])
    /// WAITING: the waits, and the offers open.
    case waitList([WaitEntry], offers: [SlotOffer])
    /// WAIT OFF: the waits that ended.
    case waitEnded([WaitEntry])
    case waitRefused(WaitRefusal)
    /// The patient's upcoming appointments (and cancelled ones whose fee goes back), with where their fees stand.
    case appointmentList([Appointment], fees: [String: FeeState])

    /// A command outside the sender's role: `command` as written in the help, `allowed` who may use it.
    case notAllowed(command: String, allowed: AllowedSenders)
    case earningRecorded(day: LocalDate, dayTotal: Money, monthToDate: Money, replaced: Bool)
    case earningRefused(EarningRefusal)
    case earningsReport(MonthlyEarnings)
    /// Nothing to report: the month is empty, or still ahead.
    case earningsNone(YearMonth, future: Bool)
    case schedule(LocalDate, [ScheduleEntry])
    case appointmentMarked(Appointment)
    case paymentRecorded(Appointment, AppointmentPayment)
    case paymentRefused(PaymentRefusal)
    /// MY DATA: what the clinic holds about the sender.
    case patientData(PatientRecord)
    /// FORGET ME / ERASE done: the appointments ahead it cancelled.
    case patientErased(cancelled: [Appointment])
    /// ERASE / EXPORT of nobody on file.
    case patientUnknown(String)
    /// PAY: the link (again).
    case payLink(Appointment, PaymentDue)
    case payRefused(PayRefusal)
    /// What a report from Stripe or the clock came to (told to the patient by notice, to the desk when it needs a look).
    case paymentReport(PaymentReportResult)
    case markRefused(MarkRefusal)
    /// CANCEL DAY / BROADCAST CANCEL: what was cancelled and who was told.
    case dayCancelled(DayCancellation)
    /// BROADCAST <day> <message>: how many patients were told by mail and by SMS, and how many could not be told.
    case broadcastSent(day: LocalDate, notified: Int, texted: Int, unreachable: Int)
    /// HOURS: the doctor's hours now, and the confirmed appointments ahead they no longer cover (not cancelled).
    case hoursSet(WeeklyHours, stranded: [Appointment])
    /// LEAVE: recorded, with the confirmed appointments ahead that fall on it (not cancelled).
    case leaveAdded(from: LocalDate, to: LocalDate, stranded: [Appointment])
    case leaveRefused(from: LocalDate, to: LocalDate)
    /// DOCTOR OFF done: the doctor takes no more bookings.
    case doctorDeactivated(Doctor)
    /// DOCTOR OFF refused: the doctor's confirmed appointments still ahead, to be cancelled first.
    case doctorOffRefused(Doctor, remaining: [Appointment])
    /// REGISTER DOCTOR: the request waits for the desk.
    case doctorRequested(DoctorRequest)
    case doctorRequestRefused(DoctorRequestRefusal)
    /// APPROVE (with the doctor now on file) or REJECT.
    case doctorRequestDecided(DoctorRequest, doctor: Doctor?)
    case requestDecisionRefused(RequestDecisionRefusal)
    case monthReport(HospitalMonth)
    /// REPORT of a month still ahead.
    case monthReportAhead(YearMonth)
    /// AUDIT <patient>: the desk attaches the audit trail's lines about the patient (an erased one too).
    case auditTrail(patientID: String)

    case patientProfile(Patient)
    case doctorProfile(Doctor)
    /// SET done: the field and the value now on file.
    case profileChanged(ProfileChange)
    /// SET of a field that is not the sender's kind of profile (a patient's FEE, a doctor's BLOOD).
    case profileFieldRefused(field: String, allowed: [String])

    case doctorRated(Doctor, stars: Int, updated: Bool)
    /// A doctor's rating of a patient, which may be changed until `editableUntil`.
    case patientRated(ref: String, stars: Int, updated: Bool, editableUntil: Int64)
    case rateRefused(RateRefusal)

    case photoSaved(Photo)
    case photoRefused(PhotoRefusal)

    /// CONTACT: the message goes to `to` (a doctor's name or the front desk).
    case contactSent(to: String)
    case contactRefused(ContactRefusal)
}

/// One line of a doctor's day.
public struct ScheduleEntry: Sendable, Equatable {
    public var appointment: Appointment
    public var patientName: String
    public var paid: Bool

    public init(appointment: Appointment, patientName: String, paid: Bool = false) {
        self.appointment = appointment
        self.patientName = patientName
        self.paid = paid
    }
}

public enum EarningRefusal: Sendable, Equatable {
    case futureDay(LocalDate)
    case tooLarge
    /// The day's month is closed: its books were kept and its appointments moved to the history shelf.
    case monthClosed(YearMonth)
}

public enum MarkRefusal: Sendable, Equatable {
    case unknownRef(String)
    case notYours(String)
    case notStarted(Appointment)
    case notActive(Appointment)
}

public enum VerifyRefusal: Sendable, Equatable {
    case nothingPending
    case alreadyVerified
    case expired
    case noAttemptsLeft
    case wrongCode(attemptsLeft: Int)
}

public enum BookRefusal: Error, Sendable, Equatable {
    case doctorInactive
    case onLeave(LocalDate)
    case noClinicThatDay(LocalDate)
    /// The time is not the start of one of the doctor's slots.
    case notASlot(LocalDate, TimeOfDay)
    case inThePast
    case tooSoon(minimumNoticeMinutes: Int)
    case taken
    /// The patient already holds an appointment at that time.
    case overlapsOwn(Appointment)
    case unknownRef(String)
    case notYours(String)
    case notActive(Appointment)
    /// The patient already holds the most upcoming appointments one may.
    case tooManyUpcoming(limit: Int)
    /// The slot is further ahead than bookings are taken.
    case beyondHorizon(days: Int)
    /// BOOK … earliest: no slot free (and bookable by this patient) on the day asked, or (nil) within the
    /// booking horizon of `days`.
    case noFreeSlot(on: LocalDate?, days: Int)
}

public enum CancelRefusal: Sendable, Equatable {
    case nothingUpcoming
    case unknownRef(String)
    case notYours(String)
    case alreadyEnded(Appointment)
    case alreadyCancelled(Appointment)
}

/// One command's decision: the events to commit, what to tell the sender, and what to tell other people
/// (patients whose appointments it touched), all committed together.
public struct Decision: Sendable, Equatable {
    public var events: [ClinicEvent]
    public var outcome: Outcome
    public var notices: [PatientNotice]
    /// What the desk or an applicant is told about a request to join.
    public var joiningNotices: [JoiningNotice]

    public init(events: [ClinicEvent] = [], outcome: Outcome, notices: [PatientNotice] = [], joiningNotices: [JoiningNotice] = []) {
        self.events = events
        self.outcome = outcome
        self.notices = notices
        self.joiningNotices = joiningNotices
    }
}

/// Who may use a command, as a refusal names them.
public enum AllowedSenders: Sendable, Equatable {
    case patients, doctors, patientsAndDoctors, desk
    /// EARNINGS: a doctor their own, the desk anyone's.
    case doctorsAndDesk
    /// EARNINGS <doctor> <month>: the desk, naming the doctor.
    case deskNamingDoctor
}
