/// The commands of doctors and of the front desk. They are not in `Help.commands`, the list every patient's
/// help reply prints.
extension Help {
    static let earning = HelpEntry(keyword: "EARNING", command: "EARNING <amount> [day] [note]",
                                   example: "EARNING 2500 today follow-ups",
                                   meaning: "Add an amount you earned on a day (today when no day is given); words after the day are a note.")
    static let earningSet = HelpEntry(keyword: "EARNING SET", command: "EARNING SET <amount> [day]", example: "EARNING SET 3000 yesterday",
                                      meaning: "Replace what a day holds with this amount, to correct a mistake.")
    static let earnings = HelpEntry(keyword: "EARNINGS", command: "EARNINGS [month] [year]", example: "EARNINGS March",
                                    meaning: "Your earnings for a month (this month when none is given), day by day, with the total.")
    static let schedule = HelpEntry(keyword: "SCHEDULE", command: "SCHEDULE [day]", example: "SCHEDULE tomorrow",
                                    meaning: "Your appointments on a day (today when no day is given).")
    static let today = HelpEntry(keyword: "TODAY", command: "TODAY", example: "TODAY",
                                 meaning: "Your appointments today (the same as SCHEDULE).")
    static let done = HelpEntry(keyword: "DONE", command: "DONE <ref>", example: "DONE A7K2Q",
                                meaning: "Mark an appointment as seen.")
    static let noShow = HelpEntry(keyword: "NOSHOW", command: "NOSHOW <ref>", example: "NOSHOW A7K2Q",
                                  meaning: "Mark an appointment as missed: the patient did not come (NO-SHOW works too).")
    static let doctorEarnings = HelpEntry(keyword: "EARNINGS", command: "EARNINGS <doctor> [month] [year]",
                                          example: "EARNINGS Dr Rao March",
                                          meaning: "A doctor's earnings for a month (this month when none is given).")

    static let cancelDay = HelpEntry(keyword: "CANCEL DAY", command: "CANCEL DAY <day> [reason]", example: "CANCEL DAY Tue unwell",
                                     meaning: "Cancel all your confirmed appointments of a day; each patient is told by mail with other free times.")
    static let hours = HelpEntry(keyword: "HOURS", command: "HOURS <days> <ranges|off>", example: "HOURS Mon-Fri 09:00-13:00 17:00-19:00",
                                 meaning: "Set your weekly hours on those days (HOURS Sat off: no clinic); booked patients are listed, not cancelled.")
    static let leave = HelpEntry(keyword: "LEAVE", command: "LEAVE <day> [to <day>] [reason]", example: "LEAVE 10 Mar to 14 Mar conference",
                                 meaning: "Take days off: no bookings are taken; booked patients are listed, not cancelled.")
    static let broadcastCancel = HelpEntry(keyword: "BROADCAST CANCEL", command: "BROADCAST CANCEL <doctor|ALL> <day> [reason]",
                                           example: "BROADCAST CANCEL ALL Tue power cut",
                                           meaning: "Cancel a doctor's (or every doctor's) confirmed appointments of a day and tell each patient.")
    static let broadcast = HelpEntry(keyword: "BROADCAST", command: "BROADCAST <day> <message>",
                                     example: "BROADCAST Tue The lift is out of order; please use the stairs.",
                                     meaning: "Send a message to every patient with a confirmed appointment that day, once each.")

    static let doctorOff = HelpEntry(keyword: "DOCTOR OFF", command: "DOCTOR OFF <doctor>", example: "DOCTOR OFF Dr Rao",
                                     meaning: "Stop a doctor's bookings; their confirmed appointments ahead must be cancelled first.")

    static let approve = HelpEntry(keyword: "APPROVE", command: "APPROVE <request>", example: "APPROVE R7K2QX",
                                   meaning: "Accept a request to join as a doctor (REGISTER DOCTOR); the doctor is told how to set their hours.")
    static let reject = HelpEntry(keyword: "REJECT", command: "REJECT <request> [reason]", example: "REJECT R7K2QX no such doctor on our staff",
                                  meaning: "Turn down a request to join as a doctor; the reason is passed on.")
    static let report = HelpEntry(keyword: "REPORT", command: "REPORT [month] [year]", example: "REPORT March",
                                  meaning: "The hospital's month: appointments, who cancelled, no-shows, and each doctor's earnings.")

    /// The doctors' commands, in the order their help lists them.
    static let monthReports = HelpEntry(keyword: "REPORTS", command: "REPORTS ON|OFF", example: "REPORTS OFF",
                                        meaning: "Whether your month's earnings report comes by mail as each month ends (on unless you turn it off).")

    public static let doctorCommands: [HelpEntry] = [earning, earningSet, earnings, schedule, today, done, noShow, cancelDay, hours, leave,
                                                     doctorSet, monthReports, ratePatient]

    /// The front desk's commands.
    static let paid = HelpEntry(keyword: "PAID", command: "PAID <ref> CASH", example: "PAID A7K2Q CASH",
                                meaning: "Record that an appointment's fee was paid in cash at the desk.")

    static let exportPatient = HelpEntry(keyword: "EXPORT", command: "EXPORT <patient>", example: "EXPORT P12",
                                         meaning: "Everything held about a patient (by id or address), the doctors' notes included, as one file.")
    static let erasePatient = HelpEntry(keyword: "ERASE", command: "ERASE <patient>", example: "ERASE P12",
                                        meaning: "Erase a patient as FORGET ME does; always asks to CONFIRM first.")
    static let audit = HelpEntry(keyword: "AUDIT", command: "AUDIT <patient>", example: "AUDIT P12",
                                 meaning: "The audit trail of a patient's messages and what was done with them, attached.")

    public static let deskCommands: [HelpEntry] = [doctorEarnings, report, broadcastCancel, broadcast, doctorOff, approve, reject, paid,
                                                   exportPatient, erasePatient, audit]

    /// How amounts, days and months are written in the doctors' commands (day/month order as configured).
    public static func doctorNotes(dayFirst: Bool = true) -> [String] {
        [
            "Amount: 2500, 2,500, 2,50,000, ₹2500, Rs 2500, INR 2500, 2500.50 (at most two decimals).",
            "Day for EARNING: today, yesterday, a weekday (Tue: the most recent one, today included), "
                + (dayFirst ? "4 Mar or 4/3 (the most recent 4 March)" : "Mar 4 or 3/4 (the most recent March 4)") + ", 2026-03-04.",
            "Month: March, Mar 2026, 2026-03, this month, last month. A month alone is the most recent one: in March, December is last December.",
        ]
    }
}
