import Clinic

/// A blood group as people write it: "A+", "ab-", "O positive", "B neg", "AB +ve".
enum BloodTypes {
    private static let signs: [(String, Bool)] = [
        ("+", true), ("+ve", true), ("positive", true), ("pos", true), ("plus", true),
        ("-", false), ("-ve", false), ("–", false), ("negative", false), ("neg", false), ("minus", false),
    ]

    static func read(_ text: String) -> BloodType? {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        for group in ["ab", "a", "b", "o"] where compact.hasPrefix(group) {
            let sign = compact.dropFirst(group.count)
            guard let positive = signs.first(where: { $0.0 == sign })?.1 else { continue }
            return BloodType(rawValue: group.uppercased() + (positive ? "+" : "-"))
        }
        return nil
    }
}
