/// Days of the clinic's week, Monday first as clinics print them.
public enum Weekday: String, CaseIterable, Codable, Sendable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    public var index: Int { Weekday.allCases.firstIndex(of: self)! }
    public var shortName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    public var fullName: String {
        switch self {
        case .mon: "Monday"
        case .tue: "Tuesday"
        case .wed: "Wednesday"
        case .thu: "Thursday"
        case .fri: "Friday"
        case .sat: "Saturday"
        case .sun: "Sunday"
        }
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.index < b.index }
}
