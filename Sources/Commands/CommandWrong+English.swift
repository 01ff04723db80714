import Clinic

/// The problems in English: the sentences replies have always carried, and what tests compare.
extension CommandWrong {
    public var english: String {
        switch self {
        case .notADate(let written, let flaw): "\"\(written)\" is not a date: \(flaw.english)"
        case .wrongWeekday(let date, let written):
            "\(CalendarWords.describe(day: date)) is a \(date.weekday.fullName), not a \(written.fullName)"
        case .notATime(let written, let flaw): "\"\(written)\" is not a time: \(flaw.english)"
        case .notADay(let written): "\"\(written)\" is not a day"
        case .noDay: "no day given"
        case .noDayBut(let written): "no day given (\"\(written)\" is not a day)"
        case .noTime: "no time given"
        case .notADayOrPartOfDay(let written): "\"\(written)\" is not a day or a part of the day"
        case .notWaitTimes(let written): "\"\(written)\" is not a day or times (write, for example, Tue between 10:00 and 12:00)"
        case .noTimeAfter(let written): "no time after \"\(written)\""
        case .noSlotStarts(let written, let time): "no slot starts \(written) \(time)"
        case .windowNeedsEnd(let written): "\"\(written)\" needs an end: write, for example, between 10:00 and 12:00"
        case .endsBeforeStart(let start, let end): "\(start) to \(end) ends before it starts"
        case .noReference: "no booking reference given"
        case .notAReference(let written, let flaw): "\"\(written)\" is not a booking reference: \(flaw.english)"
        case .notAReferenceToRate(let written, let flaw):
            "\"\(written)\" is not a booking reference: \(flaw.english); to rate a doctor write RATE DR <doctor> <1-5>"
        case .notAnOfferCode(let written, let flaw):
            "\"\(written)\" is not a code: \(flaw.english)"
        case .noCode: "no code given"
        case .notACode(let written, let digits): "\"\(written)\" is not a code: the code is \(digits) digits"
        case .codeLength(let expected, let got): "the code has \(expected) digits, not \(got)"
        case .noName: "no name given"
        case .nameHasControlCharacters: "the name contains control characters"
        case .nameNeedsALetter: "a name needs at least one letter"
        case .nameTooLong(let length, let limit): "the name is \(length) characters long; at most \(limit) fit"
        case .noDoctor: "no doctor given"
        case .unknownDoctor(let written): "no doctor called \"\(written)\""
        case .ambiguousDoctor(let written): "\"\(written)\" could be more than one doctor; write the full name"
        case .doctorInactive(let name): "\(name) no longer takes bookings"
        case .noDoctorOrSpecialty: "no doctor or specialty given"
        case .unknownDoctorOrSpecialty(let written): "no doctor or specialty called \"\(written)\""
        case .nothingToRate: "nothing to rate named"
        case .noStars: "no stars given: write a number from 1 to 5"
        case .notStars(let written): "\"\(written)\" is not a number of stars from 1 to 5"
        case .noField: "no field named"
        case .notAField(let written): "\"\(written)\" is not a field of a profile; the fields are " + ProfileField.allNames
        case .noValue(let field): "no \(field.spoken) given"
        case .notAPhoneNumber(let written):
            "\"\(written)\" is not a phone number: write 8 to 15 digits, with + and the country code for a number abroad"
        case .notABloodGroup(let written):
            "\"\(written)\" is not a blood group; the groups are " + BloodType.allCases.map(\.rawValue).joined(separator: ", ")
        case .birthNotInThePast(let date): "\(date) is not in the past; a date of birth is"
        case .birthTooLongAgo(let date, let years): "\(date) is more than \(years) years ago; check the year"
        case .notABirthDate(let written): "\"\(written)\" is not a whole date of birth; write the day, the month and a 4-digit year"
        case .noLanguage: "no language given (TA, HI or EN)"
        case .notALanguage(let written): "\"\(written)\" is not a language the desk writes (TA, HI or EN)"
        case .noMessage: "no message given"
        case .nothingAfterForget: "nothing after FORGET"
        case .notMe(let written): "\"\(written)\" is not ME"
        case .inEnglish(let text): text
        }
    }

    /// The English sentence (what staff commands' problems always are).
    var text: String { english }
}

extension DateFlaw {
    public var english: String {
        switch self {
        case .notADate: "it is not a date"
        case .yearDigits: "the year should have 4 digits"
        case .noMonth(let month): "there is no month \(month)"
        case .noDayZero: "there is no day 0"
        case .noSuchDay(let day, let month): "there is no \(day) \(CalendarWords.monthNames[month - 1])"
        case .monthLength(let month, let year, let days): "\(CalendarWords.monthNames[month - 1]) \(year) has \(days) days"
        case .moreThanAYearAhead: "that is more than a year ahead"
        }
    }
}

extension TimeFlaw {
    public var english: String {
        switch self {
        case .notATime: "it is not a time of day"
        case .minutes: "minutes go from 00 to 59"
        case .hours: "hours go from 0 to 23"
        case .twelveHour: "with am or pm the hour goes from 1 to 12"
        }
    }
}

extension ReferenceFlaw {
    public var english: String {
        switch self {
        case .length: "references have 5 characters, like A7K2Q"
        case .lookalikes: "references never use 0, 1, I, L or O"
        case .symbols: "references use only letters and digits, like A7K2Q"
        }
    }
}
