/// One command of the patient's language, as the help reply lists it.
public struct HelpEntry: Sendable, Equatable {
    /// The keyword, upper case: "BOOK".
    public let keyword: String
    /// The form, with `<required>` and `[optional]` parts: "BOOK <doctor> <day> <time> [reason]".
    public let command: String
    /// A complete command that works: "BOOK Dr Rao Tue 10:00 chest pain".
    public let example: String
    /// What it does, in one sentence.
    public let meaning: String
}

/// The commands and the rules of the language, for the help reply and for every problem's "correct form".
public enum Help {
    /// The doctor written in the examples; problems put one of the clinic's own doctors in its place.
    static let exampleDoctor = "Dr Rao"

    static let help = HelpEntry(keyword: "HELP", command: "HELP", example: "HELP",
                                meaning: "This list of commands.")
    static let register = HelpEntry(keyword: "REGISTER", command: "REGISTER <full name>", example: "REGISTER Anita Sharma",
                                    meaning: "Register with the clinic; we send a 6-digit code to confirm your address.")
    static let registerDoctor = HelpEntry(keyword: "REGISTER DOCTOR", command: "REGISTER DOCTOR <full name>, <specialty>",
                                          example: "REGISTER DOCTOR Priya Nair, Dermatology",
                                          meaning: "Ask to join the clinic as a doctor; the front desk answers.")
    static let verify = HelpEntry(keyword: "VERIFY", command: "VERIFY <code>", example: "VERIFY 123456",
                                  meaning: "Confirm your registration with the 6-digit code we sent.")
    static let confirm = HelpEntry(keyword: "CONFIRM", command: "CONFIRM <code>", example: "CONFIRM 123456",
                                   meaning: "Carry out what your last message asked and we held until you confirm it; the code is in our answer.")
    static let info = HelpEntry(keyword: "INFO", command: "INFO", example: "INFO",
                                meaning: "The clinic's address, phone number and how to reach us.")
    static let doctors = HelpEntry(keyword: "DOCTORS", command: "DOCTORS [specialty]", example: "DOCTORS Cardiology",
                                   meaning: "The doctors, or only those of one specialty.")
    static let doctor = HelpEntry(keyword: "DOCTOR", command: "DOCTOR <doctor>", example: "DOCTOR Dr Rao",
                                  meaning: "One doctor's specialty, fee and clinic hours.")
    static let slots = HelpEntry(keyword: "SLOTS", command: "SLOTS <doctor> [day] [morning|afternoon|evening]", example: "SLOTS Dr Rao Tue morning",
                                 meaning: "A doctor's free times on a day, or on the next three clinic days; only that part of the day if you name one.")
    static let book = HelpEntry(keyword: "BOOK", command: "BOOK <doctor> <day> <time> [reason]",
                                example: "BOOK Dr Rao Tue 10:00 chest pain",
                                meaning: "Book an appointment. Without a time (BOOK Dr Rao Tue) we send the free times and book nothing.")
    static let bookEarliest = HelpEntry(keyword: "BOOK", command: "BOOK <doctor|specialty> [day] earliest [reason]",
                                        example: "BOOK Dr Rao earliest fever",
                                        meaning: "Book the earliest free slot of that doctor, or of any doctor of that specialty (BOOK cardiology earliest); \"first available\" works too.")
    static let cancel = HelpEntry(keyword: "CANCEL", command: "CANCEL [ref]", example: "CANCEL A7K2Q",
                                  meaning: "Cancel an appointment; the reference may be left out when you have only one upcoming.")
    static let wait = HelpEntry(keyword: "WAIT", command: "WAIT <doctor> [day] [between <time> and <time>|morning|afternoon|evening]",
                                example: "WAIT Dr Rao Tue between 10:00 and 12:00",
                                meaning: "Wait for a slot to come free (without a day: the doctor's next 7 clinic days). A freed slot is offered to the first patient waiting and held a few minutes for them.")
    static let yes = HelpEntry(keyword: "YES", command: "YES <code>", example: "YES A7K2Q",
                               meaning: "Take the slot offered to you from the waitlist; the code becomes your booking reference.")
    static let waiting = HelpEntry(keyword: "WAITING", command: "WAITING", example: "WAITING",
                                   meaning: "What you wait for, and any slot offered to you.")
    static let waitOff = HelpEntry(keyword: "WAIT OFF", command: "WAIT OFF [doctor]", example: "WAIT OFF Dr Rao",
                                   meaning: "Stop waiting (for that doctor, or for every one).")
    static let language = HelpEntry(keyword: "LANG", command: "LANG TA|HI|EN", example: "LANG TA",
                                    meaning: "Get every reply and notice in Tamil (TA), Hindi (HI) or English (EN). Commands stay in English; BOOK, CANCEL, HELP and YES may also be written in Tamil or Hindi.")
    static let pay = HelpEntry(keyword: "PAY", command: "PAY [ref]", example: "PAY A7K2Q",
                               meaning: "Get the link to pay an appointment's fee online again (where the clinic takes payments online).")
    static let reschedule = HelpEntry(keyword: "RESCHEDULE", command: "RESCHEDULE <ref> <day> <time>",
                                      example: "RESCHEDULE A7K2Q Wed 11:30", meaning: "Move an appointment to another time.")
    static let forgetMe = HelpEntry(keyword: "FORGET ME", command: "FORGET ME", example: "FORGET ME",
                                    meaning: "Erase everything about you (upcoming appointments are cancelled); always asks you to CONFIRM first.")
    static let myData = HelpEntry(keyword: "MY DATA", command: "MY DATA", example: "MY DATA",
                                  meaning: "Everything the clinic holds about you, as one file (JSON) attached to the reply.")
    static let appointments = HelpEntry(keyword: "APPOINTMENTS", command: "APPOINTMENTS", example: "MY APPOINTMENTS",
                                        meaning: "Your upcoming appointments (MY works too).")

    /// Every command, in the order the help reply lists them.
    public static let commands: [HelpEntry] = [
        help, register, registerDoctor, verify, confirm, info, doctors, doctor, slots, book, bookEarliest, cancel, reschedule, wait, yes, waiting, waitOff, pay, appointments, myData, forgetMe, profile, set, setPhoto, language, rateDoctor, contact,
    ]

    /// How days, times and doctors may be written, and how a message is read (day/month order as configured).
    public static func notes(dayFirst: Bool = true) -> [String] {
        [
            "One command per line; several lines are done in order. Capitals do not matter. Lines starting with # and greetings (Hello, Dear Sir) are skipped; a line saying THANKS or STOP ends the commands, and so does a signature (Sent from my iPhone, a confidentiality notice).",
            "Doctor: Dr Rao, Rao, Suresh Rao or Dr Suresh Rao.",
            "Day: today, tomorrow, day after tomorrow, in 3 days, a weekday (Tue, Tuesday, this Tue: the next one, or today if the time is still ahead), "
                + "next Tue (the Tuesday of next week), "
                + (dayFirst ? "4 Mar, March 4th, 4/3 (day/month)" : "Mar 4, 4 March, 3/4 (month/day)") + ", 2026-03-04.",
            "Part of the day: morning (before 12:00), afternoon (12:00 to 17:00), evening (from 17:00), tonight.",
            "Time: 10, 10:30, 10.30, 10am, 2:30 pm, 17:00, noon. A bare hour from 1 to 7 means the afternoon (3 is 15:00); write 03:00 for 3 in the morning.",
        ]
    }
}
