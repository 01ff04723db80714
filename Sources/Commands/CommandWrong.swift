import Clinic

/// What is wrong with a command line, before it is put together with the command's form: a value, so a reply
/// can say it in the reader's language (English here, Tamil and Hindi in the desk's Explanations). What a
/// patient can get wrong has a case of its own; staff commands (hours, earnings, payments marked, audits,
/// broadcasts) are written by the clinic's staff in English, and their problems are said `inEnglish`.
public enum CommandWrong: Error, Sendable, Equatable {
    // Days and times.
    case notADate(written: String, DateFlaw)
    /// "Wed 3 Mar" when 3 March is a Tuesday.
    case wrongWeekday(LocalDate, written: Weekday)
    case notATime(written: String, TimeFlaw)
    case notADay(written: String)
    case noDay
    /// No day, and words where it should be ("no day given ("soon" is not a day)").
    case noDayBut(written: String)
    case noTime
    case notADayOrPartOfDay(written: String)
    /// Words after a WAIT's day that are no times.
    case notWaitTimes(written: String)
    case noTimeAfter(written: String)
    /// "after 23:59": no slot can start in such a window.
    case noSlotStarts(written: String, TimeOfDay)
    /// "between 10:00" and no end.
    case windowNeedsEnd(written: String)
    case endsBeforeStart(TimeOfDay, TimeOfDay)

    // References and codes.
    case noReference
    case notAReference(written: String, ReferenceFlaw)
    /// RATE <ref> from someone who meant a doctor: the reference is wrong, and RATE DR is the form for doctors.
    case notAReferenceToRate(written: String, ReferenceFlaw)
    /// YES with something that is not an offer's code.
    case notAnOfferCode(written: String, ReferenceFlaw)
    case noCode
    case notACode(written: String, digits: Int)
    case codeLength(expected: Int, got: Int)

    // Names and doctors.
    case noName
    case nameHasControlCharacters
    case nameNeedsALetter
    case nameTooLong(length: Int, limit: Int)
    case noDoctor
    case unknownDoctor(written: String)
    case ambiguousDoctor(written: String)
    case doctorInactive(name: String)
    case noDoctorOrSpecialty
    case unknownDoctorOrSpecialty(written: String)

    // Ratings, profiles, languages, messages, privacy.
    case nothingToRate
    case noStars
    case notStars(written: String)
    case noField
    case notAField(written: String)
    case noValue(ProfileField)
    case notAPhoneNumber(written: String)
    case notABloodGroup(written: String)
    case birthNotInThePast(LocalDate)
    case birthTooLongAgo(LocalDate, years: Int)
    case notABirthDate(written: String)
    case noLanguage
    case notALanguage(written: String)
    case noMessage
    case nothingAfterForget
    case notMe(written: String)

    /// A staff command's problem, worded in English only.
    case inEnglish(String)

    /// A staff command's problem.
    init(_ text: String) { self = .inEnglish(text) }
}

/// Why written words that look like a date are not a real one.
public enum DateFlaw: Sendable, Equatable {
    case notADate
    case yearDigits
    case noMonth(Int)
    case noDayZero
    case noSuchDay(day: Int, month: Int)
    case monthLength(month: Int, year: Int, days: Int)
    case moreThanAYearAhead
}

/// Why written words that look like a time are not one.
public enum TimeFlaw: Sendable, Equatable {
    case notATime
    case minutes
    case hours
    case twelveHour
}

/// Why a word is not a booking reference.
public enum ReferenceFlaw: Sendable, Equatable {
    /// References have 5 characters.
    case length
    /// References never use 0, 1, I, L or O.
    case lookalikes
    /// Only letters and digits.
    case symbols
}
