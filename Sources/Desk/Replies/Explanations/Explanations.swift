import Clinic

// Each sentence in the reader's language (`ClinicFormat.language`); the wording is in the files beside this one.

extension BookRefusal {
    /// One sentence saying why the slot could not be had.
    func explanation(_ format: ClinicFormat) -> String {
        switch format.language {
        case .en: english(format)
        case .ta: tamil(format)
        case .hi: hindi(format)
        }
    }
}

extension CancelRefusal {
    func explanation(_ format: ClinicFormat) -> String {
        switch format.language {
        case .en: english(format)
        case .ta: tamil(format)
        case .hi: hindi(format)
        }
    }
}

extension WaitRefusal {
    /// One sentence saying why the waitlist command did nothing.
    func explanation(_ format: ClinicFormat) -> String {
        switch format.language {
        case .en: english(format)
        case .ta: tamil(format)
        case .hi: hindi(format)
        }
    }
}

extension PayRefusal {
    func explanation(_ format: ClinicFormat) -> String {
        switch format.language {
        case .en: english(format)
        case .ta: tamil(format)
        case .hi: hindi(format)
        }
    }
}

extension RateRefusal {
    func explanation(_ format: ClinicFormat) -> String {
        switch format.language {
        case .en: english(format)
        case .ta: tamil(format)
        case .hi: hindi(format)
        }
    }
}

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
