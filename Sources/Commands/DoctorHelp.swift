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

    /// The doctors' commands, in the order their help lists them.
    public static let doctorCommands: [HelpEntry] = [earning, earningSet, earnings, schedule, today, done, noShow, doctorSet, ratePatient]

    /// The front desk's commands.
    public static let deskCommands: [HelpEntry] = [doctorEarnings]

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
