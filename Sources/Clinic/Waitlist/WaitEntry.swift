/// WAIT: a patient waiting for a slot of one doctor to come free, on the days and at the times they asked.
/// One entry per patient and doctor: a second WAIT for the same doctor replaces the first (and queues again).
public struct WaitEntry: Sendable, Equatable, Codable {
    public var patientID: String
    public var doctorID: String
    /// The first and last day a slot may fall on.
    public var from: LocalDate
    public var to: LocalDate
    /// The times a slot may start in (`start` included, `end` not); nil: any time of the doctor's day.
    public var window: TimeRange?
    /// When the patient asked: the waitlist is served in this order.
    public var since: Int64
    /// The starts of slots offered to this patient and let go: not offered to them again.
    public var passed: [Int64]

    public init(patientID: String, doctorID: String, from: LocalDate, to: LocalDate, window: TimeRange?, since: Int64, passed: [Int64] = []) {
        self.patientID = patientID
        self.doctorID = doctorID
        self.from = from
        self.to = to
        self.window = window
        self.since = since
        self.passed = passed
    }

    /// How many let-go slots an entry remembers.
    static let passedKept = 20

    /// Whether a slot of the entry's doctor starting at `time` on `date` (the instant `start`) is one the patient asked for.
    func wants(_ date: LocalDate, _ time: TimeOfDay, start: Int64) -> Bool {
        guard date >= from, date <= to, !passed.contains(start) else { return false }
        guard let window else { return true }
        return time >= window.start && time < window.end
    }
}

/// How a wait ended.
public enum WaitEnd: String, Sendable, Equatable, Codable {
    /// WAIT OFF.
    case withdrawn
    /// The patient took a slot offered to them.
    case filled
    /// Its last day has passed.
    case lapsed
}
