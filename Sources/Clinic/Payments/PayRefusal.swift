/// Why PAY sent no link.
public enum PayRefusal: Sendable, Equatable {
    case unknownRef(String)
    case notYours(String)
    case alreadyPaid(Appointment)
    case notActive(Appointment)
    case noFee(Appointment)
    /// The clinic takes no payments online (or not for this doctor).
    case notOnline
    /// PAY without a reference, and not exactly one appointment to pay.
    case whichOne([Appointment])
}
