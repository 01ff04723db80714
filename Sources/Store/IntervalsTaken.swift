/// A commit refused because a constraint of the store itself (not the state's own checks) found that another
/// writer holds an interval this commit wanted: a doctor's slot, say. The caller decides again with those
/// intervals taken, so the answer is "that slot is taken", never an error.
public struct IntervalsTaken: Error, Sendable, CustomStringConvertible {
    public struct Interval: Sendable, Hashable {
        /// Whose interval it is (a doctor's id).
        public var owner: String
        public var start: Int64
        public var end: Int64

        public init(owner: String, start: Int64, end: Int64) {
            self.owner = owner
            self.start = start
            self.end = end
        }
    }

    public var intervals: [Interval]

    public init(_ intervals: [Interval]) { self.intervals = intervals }

    public var description: String { "another writer holds \(intervals.count) of the intervals this commit wanted" }
}
