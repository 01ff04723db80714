/// A booked consultation. Instants are seconds since 1970 in UTC; replies show them in the clinic's zone.
public struct Appointment: Sendable, Equatable, Codable {
    /// Five characters from an unambiguous alphabet, e.g. "A7K2Q".
    public var ref: String
    public var doctorID: String
    public var patientID: String
    public var start: Int64
    public var end: Int64
    public var status: Status
    public var reason: String?
    /// Who did what and when, oldest first.
    public var history: [Change]
    /// Raised on each reschedule (an iCalendar SEQUENCE later).
    public var sequence: Int

    public enum Status: String, Sendable, Codable, CaseIterable {
        case confirmed
        case cancelledByPatient = "cancelled-by-patient"
        case cancelledByClinic = "cancelled-by-clinic"
        case completed
        case noShow = "no-show"
    }

    public struct Change: Sendable, Equatable, Codable {
        public var at: Int64
        public var by: String
        public var what: String
        public init(at: Int64, by: String, what: String) {
            self.at = at
            self.by = by
            self.what = what
        }
    }

    /// What the first change of an appointment booked from a waitlist offer says.
    public static let bookedFromWaitlist = "booked from the waitlist"

    public init(ref: String, doctorID: String, patientID: String, start: Int64, end: Int64, reason: String?, bookedAt: Int64, bookedBy: String,
                fromWaitlist: Bool = false) {
        self.ref = ref
        self.doctorID = doctorID
        self.patientID = patientID
        self.start = start
        self.end = end
        self.status = .confirmed
        self.reason = reason
        self.history = [Change(at: bookedAt, by: bookedBy, what: fromWaitlist ? Self.bookedFromWaitlist : "booked")]
        self.sequence = 0
    }

    /// An appointment as a snapshot recorded it, whatever has happened to it since it was booked.
    public init(ref: String, doctorID: String, patientID: String, start: Int64, end: Int64, status: Status, reason: String?,
                history: [Change], sequence: Int) {
        self.ref = ref
        self.doctorID = doctorID
        self.patientID = patientID
        self.start = start
        self.end = end
        self.status = status
        self.reason = reason
        self.history = history
        self.sequence = sequence
    }

    public var isActive: Bool { status == .confirmed }

    /// Booked by taking a slot offered from the waitlist.
    public var isFromWaitlist: Bool { history.first?.what == Self.bookedFromWaitlist }

    public func overlaps(start s: Int64, end e: Int64) -> Bool { start < e && s < end }
}
