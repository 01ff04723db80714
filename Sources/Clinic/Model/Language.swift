/// A language the desk writes to people in (LANG TA / HI / EN; the clinic file's `"language"` is the
/// default). The raw value is the ISO 639-1 code, as `Content-Language` (RFC 3282) and `<html lang>` write it.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en, ta, hi

    /// The language's name as its own speakers write it ("தமிழ்").
    public var ownName: String {
        switch self {
        case .en: "English"
        case .ta: "தமிழ்"
        case .hi: "हिन्दी"
        }
    }
}
