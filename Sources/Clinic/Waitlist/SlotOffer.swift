/// A freed slot offered to the first patient waiting for it, held for them until `until`: "reply YES A7K2Q to
/// take it". While it is held nobody else is offered the slot or can book it; taken, `code` becomes the
/// appointment's reference.
public struct SlotOffer: Sendable, Equatable, Codable {
    public var code: String
    public var patientID: String
    public var doctorID: String
    public var start: Int64
    public var end: Int64
    /// When the offer was made, and when the hold ends.
    public var at: Int64
    public var until: Int64

    public init(code: String, patientID: String, doctorID: String, start: Int64, end: Int64, at: Int64, until: Int64) {
        self.code = code
        self.patientID = patientID
        self.doctorID = doctorID
        self.start = start
        self.end = end
        self.at = at
        self.until = until
    }

    func overlaps(start s: Int64, end e: Int64) -> Bool { start < e && s < end }
}

/// How an offer ended.
public enum OfferEnd: String, Sendable, Equatable, Codable {
    /// YES: booked.
    case taken
    /// Not answered in time: the slot goes to the next patient waiting.
    case lapsed
    /// WAIT OFF while it was open, or the patient's details were erased: the slot goes to the next.
    case withdrawn
}

/// Why a WAIT, WAIT OFF or YES did nothing.
public enum WaitRefusal: Sendable, Equatable {
    case doctorInactive
    /// The day asked is past, or the doctor has no clinic (or is on leave) that day.
    case pastDay(LocalDate)
    case noClinicThatDay(LocalDate)
    /// No clinic day of the doctor's within the booking horizon.
    case noClinicDays
    case beyondHorizon(days: Int)
    /// The patient already waits for this many doctors.
    case tooMany(limit: Int)
    /// WAIT OFF with nothing waiting (for that doctor, if one was named).
    case notWaiting(doctorName: String?)
    /// YES with no offer open, with a code that is no offer of the sender's, or without a code when several are open.
    case noOffer
    case unknownOffer(String)
    case whichOffer([SlotOffer])
    /// YES after the hold ended.
    case offerLapsed(SlotOffer)
    /// YES again for an offer already taken: the appointment it became.
    case alreadyTaken(Appointment)
}
