/// A wall-clock time in the clinic's zone, as minutes after midnight ("09:30").
public struct TimeOfDay: Hashable, Comparable, Sendable, TextCodable {
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// "09:30" (24-hour, as the clinic's timetable is written).
    public var description: String {
        let h = hour < 10 ? "0\(hour)" : "\(hour)"
        let m = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(h):\(m)"
    }

    /// Parses "HH:MM" (24 hours; "24:00" is accepted as the end of a day).
    public init?(hhmm: String) { self.init(text: hhmm) }

    init?(text hhmm: String) {
        let parts = hhmm.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...59).contains(m) else { return nil }
        guard (0...23).contains(h) || (h == 24 && m == 0) else { return nil }
        minutes = h * 60 + m
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }

}

/// A span of clinic hours on one day, "09:00-13:00"; the end is exclusive.
public struct TimeRange: Hashable, Sendable, TextCodable {
    public let start: TimeOfDay
    public let end: TimeOfDay

    public init?(start: TimeOfDay, end: TimeOfDay) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }

    public init?(text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let s = TimeOfDay(hhmm: String(parts[0])), let e = TimeOfDay(hhmm: String(parts[1])) else { return nil }
        self.init(start: s, end: e)
    }

}
