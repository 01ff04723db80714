/// The first word of a command line.
enum Keyword: String, Sendable, CaseIterable {
    case help, register, verify, confirm, info, doctors, doctor, slots, book, cancel, reschedule, appointments, my, pay
    // doctors (and, for EARNINGS, the desk)
    case earning, earnings, schedule, today, done, noshow, hours, leave, reports
    // the desk
    case broadcast, approve, reject, report, paid, export, erase, audit
    // patients and doctors
    case profile, set, rate, contact, forget
    // patients
    case lang
    // the waitlist
    case wait, waiting, yes

    /// Polite words allowed before the keyword ("Please BOOK ...").
    static let courtesy = ["please", "pls", "plz"]
    /// What may follow MY to make it a command ("MY APPOINTMENTS").
    static let myObjects = ["appointments", "appointment", "appts", "bookings", "booking"]
    /// Other spellings of a keyword.
    static let aliases: [(String, Keyword)] = [("no-show", .noshow), ("waitlist", .waiting), ("language", .lang)]
        + LanguageWords.keywords

    private static let no = WordKey("no")
    private static let show = WordKey("show")

    /// The keyword written as two words ("NO SHOW"), or nil. "No, show me..." is not one: the comma parts them.
    static func twoWords(_ first: Token, _ second: Token) -> Keyword? {
        guard first.key == no, second.key == show, first.end - first.start == 2 else { return nil }
        return .noshow
    }

    /// The help entry whose form a problem with this command quotes.
    var help: HelpEntry {
        switch self {
        case .help: Help.help
        case .register: Help.register
        case .verify: Help.verify
        case .confirm: Help.confirm
        case .info: Help.info
        case .doctors: Help.doctors
        case .doctor: Help.doctor
        case .slots: Help.slots
        case .book: Help.book
        case .cancel: Help.cancel
        case .pay: Help.pay
        case .reschedule: Help.reschedule
        case .appointments, .my: Help.appointments
        case .earning: Help.earning
        case .earnings: Help.earnings
        case .schedule: Help.schedule
        case .today: Help.today
        case .done: Help.done
        case .noshow: Help.noShow
        case .broadcast: Help.broadcast
        case .approve: Help.approve
        case .reject: Help.reject
        case .report: Help.report
        case .paid: Help.paid
        case .export: Help.exportPatient
        case .erase: Help.erasePatient
        case .forget: Help.forgetMe
        case .audit: Help.audit
        case .hours: Help.hours
        case .leave: Help.leave
        case .reports: Help.monthReports
        case .profile: Help.profile
        case .set: Help.set
        case .rate: Help.rateDoctor
        case .contact: Help.contact
        case .lang: Help.language
        case .wait: Help.wait
        case .waiting: Help.waiting
        case .yes: Help.yes
        }
    }
}
