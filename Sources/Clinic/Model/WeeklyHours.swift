/// A doctor's clinic hours for each day of the week; several ranges a day, so a break is a gap.
/// Written in the clinic file as `{"mon": ["09:00-13:00", "17:00-19:00"], "sun": []}`.
public struct WeeklyHours: Sendable, Equatable, Codable {
    public var ranges: [Weekday: [TimeRange]]

    public init(_ ranges: [Weekday: [TimeRange]] = [:]) { self.ranges = ranges }

    public subscript(day: Weekday) -> [TimeRange] { ranges[day] ?? [] }

    public var workingDays: [Weekday] { Weekday.allCases.filter { !self[$0].isEmpty } }

    /// "Mon–Sat 09:00-13:00; …": consecutive days with the same hours grouped.
    public var summary: String { summary(dayNames: \.shortName) }

    /// The summary with each weekday named by `dayNames` (a reply in the reader's language).
    public func summary(dayNames: (Weekday) -> String) -> String {
        var parts: [String] = []
        var run: [Weekday] = []
        func flush() {
            guard let first = run.first, let last = run.last else { return }
            let days = first == last ? dayNames(first) : "\(dayNames(first))–\(dayNames(last))"
            parts.append("\(days) " + self[first].map(\.description).joined(separator: ", "))
            run = []
        }
        for day in Weekday.allCases {
            if self[day].isEmpty { flush(); continue }
            if let previous = run.last, self[previous] != self[day] { flush() }
            run.append(day)
        }
        flush()
        return parts.isEmpty ? "no clinic hours" : parts.joined(separator: "; ")
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: [TimeRange]].self)
        var ranges: [Weekday: [TimeRange]] = [:]
        for (key, value) in raw {
            guard let day = Weekday(rawValue: String(key.lowercased().prefix(3))) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a weekday: \(key)"))
            }
            ranges[day] = value.sorted { $0.start < $1.start }
        }
        self.ranges = ranges
    }

    public func encode(to encoder: any Encoder) throws {
        var raw: [String: [TimeRange]] = [:]
        for (day, value) in ranges { raw[day.rawValue] = value }
        var c = encoder.singleValueContainer()
        try c.encode(raw)
    }
}
