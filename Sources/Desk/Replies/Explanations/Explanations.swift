import Clinic

/// A sentence the desk builds in code, worded in each language (the wording is in the files beside this one).
protocol Worded {
    func english(_ format: ClinicFormat) -> String
    func tamil(_ format: ClinicFormat) -> String
    func hindi(_ format: ClinicFormat) -> String
}

extension Worded {
    /// The sentence in the reader's language (`ClinicFormat.language`).
    func explanation(_ format: ClinicFormat) -> String {
        switch format.language {
        case .en: english(format)
        case .ta: tamil(format)
        case .hi: hindi(format)
        }
    }
}

/// Why the slot could not be had.
extension BookRefusal: Worded {}
extension CancelRefusal: Worded {}
/// Why the waitlist command did nothing.
extension WaitRefusal: Worded {}
extension PayRefusal: Worded {}
extension RateRefusal: Worded {}

extension Appointment.Status {
    /// "cancelled by the clinic", as a sentence about the appointment says it.
    func spoken(_ language: Language) -> String {
        switch language {
        case .en: english
        case .ta: tamil
        case .hi: hindi
        }
    }
}

extension DayPart {
    /// "morning (before 12:00)", as replies name it.
    func spoken(_ language: Language) -> String {
        switch language {
        case .en: english
        case .ta: tamil
        case .hi: hindi
        }
    }
}
