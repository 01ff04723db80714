/// The eight ABO/Rh blood groups, written as the clinic prints them ("AB+").
public enum BloodType: String, Sendable, Equatable, Codable, CaseIterable {
    case aPositive = "A+", aNegative = "A-", bPositive = "B+", bNegative = "B-"
    case abPositive = "AB+", abNegative = "AB-", oPositive = "O+", oNegative = "O-"
}
