/// Filler words the language tolerates between arguments.
enum Fillers {
    static let beforeDoctor = ["with", "for"]
    static let beforeDay = ["on", "for", "to"]
    static let beforeTime = ["at", "@"]
    static let beforeReason = ["-", "–", "—", "for", "reason", "because"]
    static let beforeSpecialty = ["in", "for", "of"]
    static let beforeReference = ["my", "the", "appointment", "appt", "booking", "ref", "reference", "please", "no", "number"]
    static let beforeCode = ["code", "my"]
    static let beforeMonth = ["in", "for", "of"]
}
