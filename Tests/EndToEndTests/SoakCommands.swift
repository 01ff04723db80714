import Foundation

/// What the soak's patients write, in turns: bookings, free slots, their appointments, cancellations, HELP
/// and text the desk does not know. Bookings are 3 to 9 days ahead (in the clinic's zone), so no reminder
/// falls due during even a long run and every text a number gets is the answer to one it sent.
enum SoakCommands {
    private static let clinicZone = TimeZone(identifier: "Asia/Kolkata")!

    /// A day 3 to 9 days from now, as 2026-12-07.
    static func day(_ n: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = clinicZone
        let date = calendar.date(byAdding: .day, value: 3 + n % 7, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// A half hour of Dr Rao's mornings (09:00–12:30).
    static func time(_ n: Int) -> String {
        String(format: "%02d:%02d", 9 + (n / 2) % 4, (n % 2) * 30)
    }

    /// A mail patient's command: the whole language a patient uses by mail, by turns.
    static func forMail(_ n: Int) -> String {
        switch n % 6 {
        case 0: "BOOK Dr Rao \(day(n / 6)) \(time(n / 6)) soak check-up"
        case 1: "SLOTS Dr Iyer \(day(n))"
        case 2: "APPOINTMENTS"
        case 3: "CANCEL"
        case 4: "HELP"
        default: "could you tell me whether the canteen is open on Sundays"
        }
    }

    /// A registered texter's command. Never a bare CANCEL or STOP: by SMS those are the carrier's opt-out,
    /// after which nothing is texted back.
    static func forText(_ n: Int) -> String {
        switch n % 5 {
        case 0: "BOOK Dr Kumar \(day(n / 5)) \(time(n / 5))"
        case 1: "SLOTS Dr Rao \(day(n))"
        case 2: "MY"
        case 3: "CANCEL ZZ9ZZ"
        default: "is parking free"
        }
    }

    /// What a number the desk does not know texts.
    static func forStranger(_ n: Int) -> String {
        ["HELP", "SLOTS Dr Rao", "hello, are you open today"][n % 3]
    }
}
