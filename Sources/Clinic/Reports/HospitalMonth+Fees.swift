/// The money side of the hospital's month: what each appointment brought in, gave back or still owes.
extension HospitalMonth.DoctorMonth {
    /// Counts `appointment`'s fee: its payment (online or cash, and any refund) whatever became of the
    /// appointment, or, with nothing paid, the doctor's `fee` as outstanding while it is confirmed or seen.
    /// A no-show or a cancelled appointment owes nothing.
    mutating func countFee(of appointment: Appointment, paid payment: AppointmentPayment?, fee: Money) {
        if let payment {
            fees.add(payment)
        } else if appointment.status == .confirmed || appointment.status == .completed {
            outstanding = outstanding + fee
        }
    }
}
