/// A change to the clinic that has happened. Events are what the journal keeps; replaying them in order
/// rebuilds the state exactly, so `apply` is deterministic and never fails.
public enum ClinicEvent: Sendable, Equatable, Codable {
    case patientRegistered(Patient)
    case codeIssued(patientID: String, name: String, code: VerificationCode)
    case codeRejected(patientID: String)
    case patientVerified(patientID: String, at: Int64)
    case booked(Appointment)
    case cancelled(ref: String, status: Appointment.Status, at: Int64, by: String, reason: String?)
    case rescheduled(ref: String, start: Int64, end: Int64, at: Int64, by: String)
    case earningRecorded(doctorID: String, entry: EarningEntry)
    /// EARNING SET: the entry replaces every entry of its day.
    case earningDaySet(doctorID: String, entry: EarningEntry)
    /// DONE / NOSHOW.
    case appointmentMarked(ref: String, status: Appointment.Status, at: Int64, by: String)
    /// PAID <ref> CASH, or a card payment Stripe reported.
    case paymentRecorded(ref: String, payment: AppointmentPayment)
    /// A booking (or PAY) that waits for an online payment: with a hold, the slot is kept for it.
    case paymentDue(ref: String, due: PaymentDue)
    /// The outbox created the PaymentIntent of a due's attempt.
    case paymentIntentCreated(ref: String, attempt: Int, intentID: String, clientSecret: String)
    /// A try was declined: the next attempt gets a new PaymentIntent.
    case paymentFailed(ref: String, reason: String, at: Int64)
    /// A cancellation gives `amount` back (the outbox asks Stripe for it).
    case refundRequested(ref: String, amount: Money, at: Int64)
    /// A second payment of an appointment already paid (another PaymentIntent) goes back whole; the
    /// appointment's own payment is untouched.
    case extraPaymentReturned(ref: String, intentID: String, amount: Money, at: Int64)
    /// Stripe refunded `amount` (once per `refundID`).
    case refunded(ref: String, refundID: String, amount: Money, at: Int64)
    /// HOURS: the doctor's hours on `days` become `ranges` (empty: no clinic those days).
    case hoursSet(doctorID: String, days: [Weekday], ranges: [TimeRange])
    /// LEAVE: days the doctor takes no bookings.
    case leaveAdded(doctorID: String, days: [LocalDate], reason: String?)
    /// SET <field> <value> from a patient.
    case patientProfileChanged(patientID: String, change: ProfileChange)
    /// SET <field> <value> from a doctor.
    case doctorProfileChanged(doctorID: String, change: ProfileChange)
    /// RATE DR: a patient's rating of a doctor, given or changed.
    case doctorRated(doctorID: String, patientID: String, rating: Rating)
    /// RATE <ref>: a doctor's rating of the patient of an appointment, given or changed.
    case patientRated(ref: String, rating: Rating)
    /// SET PHOTO: the desk wrote the file before this event was committed.
    case patientPhotoSet(patientID: String, photo: Photo)
    case doctorPhotoSet(doctorID: String, photo: Photo)
    /// DOCTOR OFF: the doctor takes no more bookings.
    case doctorDeactivated(doctorID: String)
    /// CONTACT: a patient's message was relayed.
    case contactRelayed(patientID: String, at: Int64)
    /// REGISTER DOCTOR: a request waits for the desk.
    case doctorRequested(DoctorRequest)
    /// APPROVE / REJECT.
    case doctorRequestDecided(id: String, status: DoctorRequest.Status, at: Int64, reason: String?)
    /// An approved request's doctor joins the clinic.
    case doctorAdded(Doctor)
    /// FORGET ME / ERASE: the patient's details are gone; the books keep their id.
    case patientErased(patientID: String, at: Int64)
    /// Retention: registrations never verified within a day are dropped.
    case registrationsDropped(patientIDs: [String])
    /// WAIT: the patient's wait for the doctor (replacing an earlier one for the same doctor).
    case waitAdded(WaitEntry)
    /// WAIT OFF, a slot taken, or the last day passed: the patient's waits for these doctors end.
    case waitEnded(patientID: String, doctorIDs: [String], why: WaitEnd)
    /// A freed slot offered to a patient waiting, held for them.
    case slotOffered(SlotOffer)
    /// An offer taken (YES), let go, or withdrawn.
    case offerEnded(code: String, how: OfferEnd)
    /// The month's books closed: its appointments and what hangs on them left memory (see `closeMonths`).
    case monthClosed(YearMonth)
}

extension ClinicState {
    public mutating func apply(_ event: ClinicEvent) {
        switch event {
        case .patientRegistered(var patient):
            if patient.codesIssuedAt == nil, let code = patient.pendingCode { patient.codesIssuedAt = [code.issuedAt] }
            store(patient)
            if let number = Int(patient.id.dropFirst()) { setNextPatientNumber(atLeast: number + 1) }
        case .codeIssued(let id, let name, let code):
            guard var patient = patients[id] else { return }
            patient.name = name
            patient.pendingCode = code
            patient.codesIssuedAt = Array(((patient.codesIssuedAt ?? []) + [code.issuedAt]).suffix(VerificationCode.perDay))
            store(patient)
        case .codeRejected(let id):
            guard var patient = patients[id], var code = patient.pendingCode else { return }
            code.attemptsLeft = max(0, code.attemptsLeft - 1)
            patient.pendingCode = code
            store(patient)
        case .patientVerified(let id, let at):
            guard var patient = patients[id] else { return }
            patient.verified = true
            patient.verifiedAt = at
            patient.pendingCode = nil
            store(patient)
        case .booked(let appointment):
            insert(appointment)
        case .cancelled(let ref, let status, let at, let by, let reason):
            guard var appointment = appointments[ref] else { return }
            appointment.status = status
            // Calendars drop the event on a CANCEL whose SEQUENCE is higher than the invite's (RFC 5546).
            appointment.sequence += 1
            appointment.history.append(.init(at: at, by: by, what: reason.map { "cancelled: \($0)" } ?? "cancelled"))
            replace(appointment)
            // Nothing is owed for a cancelled appointment, and its hold is gone with it.
            dues[ref] = nil
        case .rescheduled(let ref, let start, let end, let at, let by):
            guard var appointment = appointments[ref] else { return }
            let old = zone.local(appointment.start)
            appointment.history.append(.init(at: at, by: by, what: "rescheduled from \(old.date) \(old.time)"))
            appointment.start = start
            appointment.end = end
            appointment.sequence += 1
            replace(appointment)
        case .earningRecorded(let doctorID, let entry):
            earnings[doctorID, default: []].append(entry)
        case .earningDaySet(let doctorID, let entry):
            earnings[doctorID, default: []].removeAll { $0.day == entry.day }
            earnings[doctorID, default: []].append(entry)
        case .appointmentMarked(let ref, let status, let at, let by):
            guard var appointment = appointments[ref] else { return }
            appointment.status = status
            appointment.history.append(.init(at: at, by: by, what: status.rawValue))
            replace(appointment)
        case .paymentRecorded(let ref, let payment):
            guard appointments[ref] != nil, payments[ref] == nil else { return }
            payments[ref] = payment
            if let intent = payment.intentID { refByIntent[intent] = ref }
            dues[ref] = nil
        case .paymentDue(let ref, let due):
            guard appointments[ref] != nil, payments[ref] == nil else { return }
            dues[ref] = due
        case .paymentIntentCreated(let ref, let attempt, let intentID, let clientSecret):
            guard var due = dues[ref], due.attempt == attempt, due.intentID == nil else { return }
            due.intentID = intentID
            due.clientSecret = clientSecret
            dues[ref] = due
        case .paymentFailed(let ref, let reason, _):
            guard var due = dues[ref] else { return }
            due.lastFailure = reason
            due.attempt += 1
            due.intentID = nil
            due.clientSecret = nil
            dues[ref] = due
        case .refundRequested(let ref, let amount, _):
            guard var payment = payments[ref] else { return }
            payment.refundRequested = Money(minorUnits: min(payment.amount.minorUnits, payment.refundRequested.minorUnits + amount.minorUnits))
            payments[ref] = payment
        case .refunded(let ref, let refundID, let amount, let at):
            guard var payment = payments[ref], !payment.refundIDs.contains(refundID) else { return }
            payment.refundIDs.append(refundID)
            payment.refundedAt = at
            payment.refunded = Money(minorUnits: min(payment.amount.minorUnits, payment.refunded.minorUnits + amount.minorUnits))
            payment.refundRequested = max(payment.refundRequested, payment.refunded)
            payments[ref] = payment
        case .hoursSet(let id, let days, let ranges):
            guard let i = doctorIndex[id] else { return }
            for day in days { doctors[i].hours.ranges[day] = ranges.isEmpty ? nil : ranges.sorted { $0.start < $1.start } }
        case .leaveAdded(let id, let days, _):
            guard let i = doctorIndex[id] else { return }
            doctors[i].leave.formUnion(days)
        case .patientProfileChanged(let id, let change):
            guard let patient = patients[id] else { return }
            store(patient.changed(change))
        case .doctorProfileChanged(let id, let change):
            guard let i = doctorIndex[id] else { return }
            doctors[i] = doctors[i].changed(change)
        case .doctorRated(let doctorID, let patientID, let rating):
            doctorRatings[doctorID, default: [:]][patientID] = rating
        case .patientRated(let ref, let rating):
            patientRatings[ref] = rating
        case .patientPhotoSet(let id, let photo):
            guard var patient = patients[id] else { return }
            patient.photo = photo
            store(patient)
        case .doctorPhotoSet(let id, let photo):
            guard let i = doctorIndex[id] else { return }
            doctors[i].photo = photo
        case .doctorDeactivated(let id):
            guard let i = doctorIndex[id] else { return }
            doctors[i].active = false
        case .contactRelayed(let id, let at):
            // Only the last few count towards a day's limit.
            contactTimes[id] = Array(((contactTimes[id] ?? []) + [at]).suffix(Self.contactsPerDay))
        case .doctorRequested(let request):
            doctorRequests.append(request)
        case .doctorRequestDecided(let id, let status, let at, let reason):
            guard let index = doctorRequests.firstIndex(where: { $0.id == id }) else { return }
            doctorRequests[index].status = status
            doctorRequests[index].decidedAt = at
            doctorRequests[index].reason = reason
        case .doctorAdded(let doctor):
            guard doctorIndex[doctor.id] == nil else { return }
            doctorIndex[doctor.id] = doctors.count
            doctors.append(doctor)
        case .extraPaymentReturned:
            break  // nothing of the appointment's changes: the outbox gives the money back
        case .patientErased(let id, _):
            applyErasure(of: id)
        case .registrationsDropped(let ids):
            for id in ids { dropRegistration(id) }
        case .monthClosed(let month):
            closeMonths([month])
        case .waitAdded(let entry):
            waitlist.removeAll { $0.patientID == entry.patientID && $0.doctorID == entry.doctorID }
            waitlist.append(entry)
        case .waitEnded(let patientID, let doctorIDs, _):
            waitlist.removeAll { $0.patientID == patientID && doctorIDs.contains($0.doctorID) }
        case .slotOffered(let offer):
            offers[offer.code] = offer
        case .offerEnded(let code, let how):
            guard let offer = offers.removeValue(forKey: code), how == .lapsed,
                  let i = waitlist.firstIndex(where: { $0.patientID == offer.patientID && $0.doctorID == offer.doctorID }) else { return }
            waitlist[i].passed = Array((waitlist[i].passed + [offer.start]).suffix(WaitEntry.passedKept))
        }
    }

    public mutating func apply(_ events: [ClinicEvent]) {
        var closing: [YearMonth] = []
        for event in events {
            // Months closed together are closed at once (see `closeMonths`).
            if case .monthClosed(let month) = event { closing.append(month); continue }
            if !closing.isEmpty { closeMonths(closing); closing = [] }
            apply(event)
        }
        if !closing.isEmpty { closeMonths(closing) }
    }
}
