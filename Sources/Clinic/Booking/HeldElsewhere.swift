/// A doctor's interval held by an appointment this state does not know of: another writer's, found by the
/// database's own constraint. Treated as booked.
public struct HeldElsewhere: Sendable, Hashable {
    public var doctorID: String
    public var start: Int64
    public var end: Int64

    public init(doctorID: String, start: Int64, end: Int64) {
        self.doctorID = doctorID
        self.start = start
        self.end = end
    }
}
