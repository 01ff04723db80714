/// Days of the clinic's week, Monday first as clinics print them.
public enum Weekday: String, CaseIterable, Codable, Sendable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// 0 for Monday … 6 for Sunday.
    public var index: Int {
        switch self {
        case .mon: 0
        case .tue: 1
        case .wed: 2
        case .thu: 3
        case .fri: 4
        case .sat: 5
        case .sun: 6
        }
    }

    static let inOrder: [Weekday] = [.mon, .tue, .wed, .thu, .fri, .sat, .sun]
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
