/// Every name a reply template may use: the values the desk fills in. A template naming anything else is
/// refused when the templates are loaded, so a typo shows at start-up rather than as a blank in a reply.
enum TemplateKey: String, CaseIterable, Sendable {
    // The reply around the commands
    case greeting, fromSubject, gaveUp, lines, command, result, cutAt, nothing, help
    case clinic, phone, email, deskLink, zone
    // Help
    case commands, example, meaning, notes
    // Clinic and doctors
    case name, address, doctors, specialty, surname, qualifications, fee, hours, slotMinutes, active, slotsLink
    case noneToShow = "none"
    // Slots
    case doctor, days, day, slots, rows, time, booked, closed, free, book, bookLink, part, noTimeGiven
    // Registration
    case code, expires, verifyLink, pending
    case nothingPending, alreadyVerified, expired, noAttemptsLeft, wrongCode, attemptsLeft
    // Appointments
    case ref, when, reason, from, cancelLink, appointments, why, alternatives, hasAlternatives
    // Problems with a command line
    case understood, wrong, form, choices, hasChoices
    // Doctors and the desk
    case allowed, replaced, dayTotal, monthToDate, month, total, bar, daysWorked, average, completed, previous, previousMonth
    case change, future
    // Profiles
    case bio, blood, born, field, value, fields, writesFrom
    // Ratings
    case rating, ratings, stars, updated, until
    // Photos
    case photo, kilobytes, photoID
    // Reminders and the desk's notices
    case count, failures, to, queued, attempts, kind, addresses, status
    // A day cancelled, the desk's broadcasts
    case cancelled, notified, texted, unreachable, sameDoctor, otherDoctor, otherName, message, several
    // A patient's message relayed
    case patient
    // Requests to join as a doctor; the hospital's month
    case report, paid, amount, method
    // Paying online
    case payment, held, payLink, refund, refundNone, failure, expected, currency, unpaid, refunded, late
    case refused, payable, preparing, publishableKey, clientSecret, script, twice
    case request, approved, waiting, id, noShows, confirmed, cancelledByPatients, cancelledByDoctor, cancelledByDesk, earnings, totals, attached
    case online, cash, collected, outstanding, fees, feeColumns
    // The waitlist
    case ahead, window, yes, yesLink, waits, offers, holdMinutes, fromWaitlist
}
