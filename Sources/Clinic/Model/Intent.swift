/// What a sender asked for, with names and days already resolved by the command language.
public enum Intent: Sendable, Equatable {
    case help
    case register(name: String)
    case verify(code: String)
    /// CONFIRM <code>: carry out what an earlier message from the same address asked and the desk held,
    /// because nothing vouched for that message's sender. Decided by the desk, which holds the commands.
    case confirm(code: String)
    case info
    case doctors(specialty: String?)
    case doctor(id: String)
    /// `day` nil: the next three clinic days; `asked`: one part of the day only, or for a BOOK without a time.
    case slots(doctorID: String, day: LocalDate?, asked: SlotsAsked = SlotsAsked())
    case book(doctorID: String, day: LocalDate, time: TimeOfDay, reason: String?)
    /// BOOK <doctor|specialty> earliest: the earliest free slot of any of `doctorIDs` (on `day` if given, in
    /// `part` if given) that the patient may book, booked.
    case bookEarliest(doctorIDs: [String], day: LocalDate?, part: DayPart?, reason: String?)
    /// `ref` nil: allowed only when exactly one appointment is upcoming.
    case cancel(ref: String?)
    case reschedule(ref: String, day: LocalDate, time: TimeOfDay)
    case appointments
    /// WAIT <doctor> [day] [window]: `day` nil is the doctor's next clinic days; `window` nil any time of day.
    case wait(doctorID: String, day: LocalDate?, window: TimeRange?)
    /// WAITING: what the patient waits for.
    case waiting
    /// WAIT OFF [doctor]: `doctorID` nil ends every wait.
    case waitOff(doctorID: String?)
    /// YES [code]: take the slot offered from the waitlist (`code` nil: the one offer open).
    case takeOffer(code: String?)

    // doctors
    /// `day` nil: today. `replacingDay`: EARNING SET — the amount replaces what the day held.
    case earning(amount: Money, day: LocalDate?, note: String?, replacingDay: Bool)
    /// A doctor's own report, or (from the desk) any doctor's.
    case earnings(month: YearMonth, doctorID: String?)
    /// `day` nil: today.
    case schedule(day: LocalDate?)
    /// DONE (completed) or NOSHOW (no-show).
    case markAppointment(ref: String, status: Appointment.Status)
    /// PAID <ref> CASH (the desk): the doctor's fee was paid at the desk.
    case recordPayment(ref: String, method: AppointmentPayment.Method)
    /// PAY [<ref>]: the pay link again.
    case pay(ref: String?)
    /// MY DATA: everything held about the sender, as one file.
    case myData
    /// FORGET ME: erase the sender (always confirmed first).
    case forgetMe
    /// ERASE <patient> (the desk; always confirmed first) and EXPORT <patient> (the desk).
    case erasePatient(String)
    case exportPatient(String)
    /// CANCEL DAY: a doctor cancels their own confirmed appointments of a day.
    case cancelDay(day: LocalDate, reason: String?)
    /// HOURS: the weekly hours of `days` become `ranges` (none: no clinic those days).
    case setHours(days: [Weekday], ranges: [TimeRange])
    /// LEAVE: days off, `from` to `to` included.
    case leave(from: LocalDate, to: LocalDate, reason: String?)

    // the desk
    /// BROADCAST CANCEL: `doctorID` nil is every doctor.
    case broadcastCancel(doctorID: String?, day: LocalDate, reason: String?)
    /// BROADCAST <day> <message>: a notice to every patient with a confirmed appointment that day.
    case broadcast(day: LocalDate, message: String)
    /// DOCTOR OFF <doctor>: the doctor takes no more bookings, once no confirmed appointment of theirs is ahead.
    case doctorOff(doctorID: String)
    /// APPROVE <request> / REJECT <request> [reason].
    case decideRequest(id: String, approve: Bool, reason: String?)
    /// REPORT <month>: the hospital's month.
    case monthReport(YearMonth)
    /// AUDIT <patient>: the audit trail's lines about a patient (the desk reads them; the core only allows it).
    case audit(patientID: String)
    /// REGISTER DOCTOR <name>, <specialty>: from someone not yet on file as staff.
    case registerDoctor(name: String, specialty: String)

    // patients and doctors
    /// The sender's own profile.
    case profile
    /// SET <field> <value>: one field of the sender's own profile.
    case setProfile(ProfileChange)
    /// RATE DR <doctor> <1-5> [comment], from a patient.
    case rateDoctor(doctorID: String, stars: Int, comment: String?)
    /// RATE <ref> <1-5> [comment], from a doctor: the patient of that appointment.
    case ratePatient(ref: String, stars: Int, comment: String?)
    /// SET PHOTO, with the image the message brought.
    case setPhoto(PhotoAttachment)
    /// CONTACT <doctor|DESK> <message>, from a patient: relayed by mail.
    case contact(to: ContactRecipient, message: String)
}
