/// Stars from 1 to 5 with an optional comment: a patient's for a doctor, or a doctor's for the patient of
/// one appointment. `firstAt` is when it was first given, which starts a doctor's editing window.
public struct Rating: Sendable, Equatable, Codable {
    public var stars: Int
    public var comment: String?
    public var firstAt: Int64
    public var at: Int64

    public static let range = 1...5

    public init(stars: Int, comment: String?, firstAt: Int64, at: Int64) {
        self.stars = stars
        self.comment = comment
        self.firstAt = firstAt
        self.at = at
    }
}

/// A doctor's ratings as patients see them: the average to one decimal and how many.
public struct RatingSummary: Sendable, Equatable {
    /// The average in tenths of a star: 43 is 4.3.
    public var averageTenths: Int
    public var count: Int

    public init(_ ratings: some Collection<Rating>) {
        count = ratings.count
        let total = ratings.reduce(0) { $0 + $1.stars }
        // rounded half up, in integers so 4.25 is 4.3 on every platform
        averageTenths = count == 0 ? 0 : (total * 20 + count) / (2 * count)
    }

    /// "4.3"
    public var average: String { "\(averageTenths / 10).\(averageTenths % 10)" }
}

public enum RateRefusal: Sendable, Equatable {
    case unknownRef(String)
    case notYours(String)
    /// The appointment has not started yet.
    case notYet(Appointment)
    case cancelled(Appointment)
    /// A doctor's rating can be changed for three days after it was first given.
    case closed(ref: String, at: Int64)
    /// A patient rates a doctor only after an appointment with them was marked DONE.
    case noCompletedVisit(Doctor)
}
