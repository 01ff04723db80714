/// The first word of a command line.
enum Keyword: String, Sendable, CaseIterable {
    case help, register, verify, info, doctors, doctor, slots, book, cancel, reschedule, appointments, my

    /// Polite words allowed before the keyword ("Please BOOK ...").
    static let courtesy = ["please", "pls", "plz"]
    /// What may follow MY to make it a command ("MY APPOINTMENTS").
    static let myObjects = ["appointments", "appointment", "appts", "bookings", "booking"]

    /// The help entry whose form a problem with this command quotes.
    var help: HelpEntry {
        switch self {
        case .help: Help.help
        case .register: Help.register
        case .verify: Help.verify
        case .info: Help.info
        case .doctors: Help.doctors
        case .doctor: Help.doctor
        case .slots: Help.slots
        case .book: Help.book
        case .cancel: Help.cancel
        case .reschedule: Help.reschedule
        case .appointments, .my: Help.appointments
        }
    }
}
