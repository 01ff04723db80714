/// Taking the fee online: what a booking owes, PAY, and what Stripe reports back. Pure, like the rest of the
/// core: the desk creates PaymentIntents and refunds from the outbox and hands the answers back as reports.
extension ClinicState {
    /// How `doctor`'s fee is taken now: the clinic's policy (or the doctor's own), or off while payments
    /// cannot be taken online or the doctor charges nothing.
    public func onlineMode(for doctor: Doctor) -> PaymentPolicy.Mode {
        guard onlinePayments, doctor.fee.minorUnits > 0 else { return .off }
        return info.paymentMode(for: doctor)
    }

    /// What a fresh booking owes online, if anything. A hold never outlasts the appointment's start.
    func dueAtBooking(start: Int64, doctor: Doctor, now: Int64) -> PaymentDue? {
        switch onlineMode(for: doctor) {
        case .off: return nil
        case .optional: return PaymentDue(amount: doctor.fee, holdUntil: nil)
        case .atBooking: return PaymentDue(amount: doctor.fee, holdUntil: min(now + Int64(info.payment.holdMinutes) * 60, start))
        }
    }

    /// PAY [<ref>]: the link to pay an appointment online, again. Without a reference: the one appointment
    /// ahead that is not paid.
    func payLink(ref: String?, patient: Patient, now: Int64) -> Decision {
        let appointment: Appointment
        if let ref {
            guard let found = appointments[ref] else { return Decision(outcome: .payRefused(.unknownRef(ref))) }
            guard found.patientID == patient.id else { return Decision(outcome: .payRefused(.notYours(ref))) }
            appointment = found
        } else {
            let unpaid = upcoming(patientID: patient.id, now: now).filter { a in
                payments[a.ref] == nil && (doctor(id: a.doctorID).map { onlineMode(for: $0) != .off } ?? false)
            }
            guard unpaid.count == 1 else { return Decision(outcome: .payRefused(.whichOne(unpaid))) }
            appointment = unpaid[0]
        }
        if payments[appointment.ref] != nil { return Decision(outcome: .payRefused(.alreadyPaid(appointment))) }
        guard appointment.isActive, appointment.end > now else { return Decision(outcome: .payRefused(.notActive(appointment))) }
        guard let doctor = doctor(id: appointment.doctorID), doctor.fee.minorUnits > 0 else {
            return Decision(outcome: .payRefused(.noFee(appointment)))
        }
        guard onlineMode(for: doctor) != .off else { return Decision(outcome: .payRefused(.notOnline)) }
        if let due = dues[appointment.ref] { return Decision(outcome: .payLink(appointment, due)) }
        let due = PaymentDue(amount: doctor.fee, holdUntil: nil)
        return Decision(events: [.paymentDue(ref: appointment.ref, due: due)], outcome: .payLink(appointment, due))
    }

    /// What Stripe's report changes, and whom it tells.
    public func decide(_ report: PaymentReport, now: Int64) -> Decision {
        let quiet = Decision(outcome: .paymentReport(.quiet))
        switch report {
        case .intentCreated(let ref, let attempt, let intentID, let clientSecret):
            guard let due = dues[ref], due.attempt == attempt, due.intentID == nil else { return quiet }
            return Decision(events: [.paymentIntentCreated(ref: ref, attempt: attempt, intentID: intentID, clientSecret: clientSecret)],
                            outcome: .paymentReport(.quiet))
        case .succeeded(let ref, let intentID, let amount, let currency):
            guard let appointment = appointments[ref], let doctor = doctor(id: appointment.doctorID) else { return quiet }
            if let paid = payments[ref] {
                // Paid twice (an older attempt's page used after the newer link): the second goes back whole.
                guard paid.intentID != intentID, paid.method == .card || paid.method == .cash else { return quiet }
                return Decision(events: [.extraPaymentReturned(ref: ref, intentID: intentID, amount: amount, at: now)],
                                outcome: .paymentReport(.refunded(appointment, amount)),
                                notices: [PatientNotice(patientID: appointment.patientID, kind: .paidTwice(appointment, amount))])
            }
            let expected = dues[ref]?.amount ?? doctor.fee
            guard currency.lowercased() == info.currency.lowercased(), amount == expected else {
                return Decision(outcome: .paymentReport(.mismatch(appointment, expected: expected, got: amount, currency: currency.uppercased())))
            }
            let payment = AppointmentPayment(amount: amount, method: .card, at: now, by: "stripe", intentID: intentID)
            guard appointment.isActive else {
                // Paid after the appointment was cancelled (a hold that ran out as the card went through): all of it goes back.
                return Decision(events: [.paymentRecorded(ref: ref, payment: payment), .refundRequested(ref: ref, amount: amount, at: now)],
                                outcome: .paymentReport(.refunded(appointment, amount)),
                                notices: [PatientNotice(patientID: appointment.patientID, kind: .lateRefund(appointment, amount))])
            }
            return Decision(events: [.paymentRecorded(ref: ref, payment: payment)], outcome: .paymentReport(.paid(appointment, payment)),
                            notices: [PatientNotice(patientID: appointment.patientID, kind: .receipt(appointment, payment))])
        case .failed(let ref, let intentID, let reason):
            guard let appointment = appointments[ref], appointment.isActive, payments[ref] == nil, var due = dues[ref],
                  due.intentID == intentID else { return quiet }
            due.lastFailure = reason
            due.attempt += 1
            due.intentID = nil
            due.clientSecret = nil
            return Decision(events: [.paymentFailed(ref: ref, reason: reason, at: now)], outcome: .paymentReport(.failed(appointment, reason: reason)),
                            notices: [PatientNotice(patientID: appointment.patientID, kind: .paymentFailed(appointment, due))])
        case .refunded(let ref, let refundID, let amount, let intentID):
            guard let appointment = appointments[ref], let payment = payments[ref], !payment.refundIDs.contains(refundID),
                  intentID == nil || intentID == payment.intentID else { return quiet }
            return Decision(events: [.refunded(ref: ref, refundID: refundID, amount: amount, at: now)],
                            outcome: .paymentReport(.refunded(appointment, amount)))
        case .holdEnded(let ref):
            guard let appointment = appointments[ref], appointment.isActive, payments[ref] == nil, let until = dues[ref]?.holdUntil,
                  until <= now else { return quiet }
            var after = appointment
            after.status = .cancelledByClinic
            after.sequence += 1
            return Decision(events: [.cancelled(ref: ref, status: .cancelledByClinic, at: now, by: "desk", reason: "not paid in time")],
                            outcome: .paymentReport(.released(after)),
                            notices: [PatientNotice(patientID: appointment.patientID, kind: .holdReleased(after))])
        }
    }

    /// APPOINTMENTS: the patient's upcoming appointments, and the cancelled ones ahead whose fee goes back,
    /// with where each fee stands (nothing for an appointment with nothing to pay online).
    func appointmentsWithFees(patientID: String, now: Int64) -> ([Appointment], [String: FeeState]) {
        var list = upcoming(patientID: patientID, now: now)
        var fees: [String: FeeState] = [:]
        for a in list {
            if payments[a.ref] != nil { fees[a.ref] = .paid } else if let due = dues[a.ref] { fees[a.ref] = .unpaid(holdUntil: due.holdUntil) }
        }
        guard !payments.isEmpty, let rows = appointmentsByPatient[patientID] else { return (list, fees) }
        let refunded = appointments.reading { held in
            rows.lazy.map { held[Int($0)] }.filter { !$0.isActive && $0.start > now }.map { $0 }
        }.filter { (payments[$0.ref]?.refundRequested.minorUnits ?? 0) > 0 }
        for a in refunded {
            let payment = payments[a.ref]!
            fees[a.ref] = .refunded(payment.refundRequested, pending: payment.refunded < payment.refundRequested)
        }
        list = (list + refunded).sorted { $0.start < $1.start }
        return (list, fees)
    }

    /// The holds whose time is up at `now` (or will be by `now + within` seconds), soonest first.
    public func holdsEnding(by instant: Int64) -> [(ref: String, due: PaymentDue)] {
        dues.compactMap { ref, due in due.holdUntil.flatMap { $0 <= instant ? (ref, due) : nil } }.sorted { $0.due.holdUntil! < $1.due.holdUntil! }
    }

    /// The decision with the refunds its cancellations owe: all of what was paid online when the clinic
    /// cancels, what the refund rule says when the patient does. Cash goes back at the desk.
    func withRefunds(_ decision: Decision, now: Int64) -> Decision {
        guard !payments.isEmpty else { return decision }
        var refunds: [String: Money] = [:]
        var extra: [ClinicEvent] = []
        for case .cancelled(let ref, let status, _, _, _) in decision.events {
            guard let payment = payments[ref], payment.method == .card, let appointment = appointments[ref] else { continue }
            let amount = status == .cancelledByClinic ? payment.refundable
                : min(payment.refundable, info.payment.refund.refund(of: payment.amount, start: appointment.start, now: now))
            refunds[ref] = amount
            if amount.minorUnits > 0 { extra.append(.refundRequested(ref: ref, amount: amount, at: now)) }
        }
        guard !refunds.isEmpty else { return decision }
        var decided = decision
        decided.events += extra
        if case .cancelled(let appointment, _) = decided.outcome { decided.outcome = .cancelled(appointment, refund: refunds[appointment.ref]) }
        decided.notices = decided.notices.map { notice in
            guard case .cancellation(let list, let reason, let same, let other, _) = notice.kind else { return notice }
            let theirs = refunds.filter { ref, _ in list.contains { $0.ref == ref } }
            return PatientNotice(patientID: notice.patientID,
                                 kind: .cancellation(appointments: list, reason: reason, sameDoctor: same, otherDoctor: other, refunds: theirs))
        }
        return decided
    }
}
