import Clinic

extension DayPart {
    /// "morning (before 12:00)", as replies name it.
    var spoken: String {
        switch self {
        case .morning: "morning (before 12:00)"
        case .afternoon: "afternoon (12:00 to 17:00)"
        case .evening: "evening (from 17:00)"
        }
    }
}
