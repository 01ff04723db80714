/// PAID <ref> CASH: the desk records that the doctor's fee was paid at the counter.
extension ClinicState {
    func recordPayment(ref: String, method: AppointmentPayment.Method, by: String, now: Int64) -> Decision {
        guard let appointment = appointments[ref] else { return Decision(outcome: .paymentRefused(.unknownRef(ref))) }
        if let paid = payments[ref] { return Decision(outcome: .paymentRefused(.alreadyPaid(appointment, paid))) }
        guard appointment.status != .cancelledByPatient && appointment.status != .cancelledByClinic else {
            return Decision(outcome: .paymentRefused(.notActive(appointment)))
        }
        guard let fee = doctor(id: appointment.doctorID)?.fee, fee.minorUnits > 0 else {
            return Decision(outcome: .paymentRefused(.noFee(appointment)))
        }
        let payment = AppointmentPayment(amount: fee, method: method, at: now, by: by)
        return Decision(events: [.paymentRecorded(ref: ref, payment: payment)], outcome: .paymentRecorded(appointment, payment))
    }
}

extension ClinicState {
    /// Puts back the payments a snapshot kept.
    public mutating func restore(payments: [String: AppointmentPayment]) {
        self.payments = payments
        for (ref, payment) in payments { if let intent = payment.intentID { refByIntent[intent] = ref } }
    }

    /// The appointment a paid PaymentIntent was for.
    public func ref(ofIntent intentID: String) -> String? { refByIntent[intentID] }

    /// Puts back what appointments owed when a snapshot was taken.
    public mutating func restore(dues: [String: PaymentDue]) { self.dues = dues }
}
