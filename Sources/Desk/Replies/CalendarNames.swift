import Clinic

/// Weekday and month names as replies write them in each language ("Tue 3 Mar 2026", "செவ்வாய் 3 மார்ச் 2026",
/// "मंगल 3 मार्च 2026"): the order of day, month and year is the same in all three, digits stay Western.
struct CalendarNames: Sendable {
    /// Monday first, as `Weekday` counts.
    let weekdays: [String]
    let months: [String]

    static func of(_ language: Language) -> CalendarNames {
        switch language {
        case .en: english
        case .ta: tamil
        case .hi: hindi
        }
    }

    static let english = CalendarNames(weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
                                       months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    static let tamil = CalendarNames(weekdays: ["திங்கள்", "செவ்வாய்", "புதன்", "வியாழன்", "வெள்ளி", "சனி", "ஞாயிறு"],
                                     months: ["ஜனவரி", "பிப்ரவரி", "மார்ச்", "ஏப்ரல்", "மே", "ஜூன்", "ஜூலை", "ஆகஸ்ட்",
                                              "செப்டம்பர்", "அக்டோபர்", "நவம்பர்", "டிசம்பர்"])
    static let hindi = CalendarNames(weekdays: ["सोम", "मंगल", "बुध", "गुरु", "शुक्र", "शनि", "रवि"],
                                     months: ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त",
                                              "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"])

    func weekday(_ day: Weekday) -> String { weekdays[day.index] }
}
