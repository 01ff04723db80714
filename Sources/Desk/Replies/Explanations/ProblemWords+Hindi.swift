import Clinic
import Commands

/// What is wrong with a command, in Hindi: the twin of `CommandWrong.english`, case for case.
extension CommandWrong {
    func hindi(_ format: ClinicFormat) -> String {
        switch self {
        case .notADate(let written, let flaw): "\"\(written)\" तारीख़ नहीं है: \(flaw.hindi(format))"
        case .wrongWeekday(let date, let written):
            "\(format.date(date)) को \(format.weekdayName(date.weekday))वार है, \(format.weekdayName(written))वार नहीं"
        case .notATime(let written, let flaw): "\"\(written)\" समय नहीं है: \(flaw.hindi)"
        case .notADay(let written): "\"\(written)\" कोई दिन नहीं है"
        case .noDay: "दिन नहीं लिखा"
        case .noDayBut(let written): "दिन नहीं लिखा (\"\(written)\" कोई दिन नहीं है)"
        case .noTime: "समय नहीं लिखा"
        case .notADayOrPartOfDay(let written): "\"\(written)\" न कोई दिन है, न दिन का कोई हिस्सा (सुबह, शाम)"
        case .notWaitTimes(let written): "\"\(written)\" न दिन है, न समय (उदाहरण: Tue between 10:00 and 12:00)"
        case .noTimeAfter(let written): "\"\(written)\" के बाद समय नहीं लिखा"
        case .noSlotStarts(let written, let time): "\(written) \(time): इस दायरे में कोई स्लॉट शुरू नहीं होता"
        case .windowNeedsEnd(let written): "\"\(written)\" के साथ ख़त्म होने का समय भी लिखें (उदाहरण: between 10:00 and 12:00)"
        case .endsBeforeStart(let start, let end): "\(start) से \(end): यह शुरू होने से पहले ही ख़त्म हो जाता है"
        case .noReference: "बुकिंग संदर्भ नहीं लिखा"
        case .notAReference(let written, let flaw): "\"\(written)\" बुकिंग संदर्भ नहीं है: \(flaw.hindi)"
        case .notAReferenceToRate(let written, let flaw):
            "\"\(written)\" बुकिंग संदर्भ नहीं है: \(flaw.hindi); डॉक्टर को रेटिंग देने के लिए RATE DR <डॉक्टर> <1-5> लिखें"
        case .notAnOfferCode(let written, let flaw): "\"\(written)\" कोड नहीं है: \(flaw.hindi)"
        case .noCode: "कोड नहीं लिखा"
        case .notACode(let written, let digits): "\"\(written)\" कोड नहीं है: कोड \(digits) अंकों का होता है"
        case .codeLength(let expected, let got): "कोड \(expected) अंकों का होता है, \(got) का नहीं"
        case .noName: "नाम नहीं लिखा"
        case .nameHasControlCharacters: "नाम में कंट्रोल अक्षर हैं"
        case .nameNeedsALetter: "नाम में कम से कम एक अक्षर होना चाहिए"
        case .nameTooLong(let length, let limit): "नाम \(length) अक्षरों का है; ज़्यादा से ज़्यादा \(limit) अक्षर आ सकते हैं"
        case .noDoctor: "डॉक्टर का नाम नहीं लिखा"
        case .unknownDoctor(let written): "\"\(written)\" नाम का कोई डॉक्टर नहीं है"
        case .ambiguousDoctor(let written): "\"\(written)\" एक से ज़्यादा डॉक्टरों का नाम हो सकता है; पूरा नाम लिखें"
        case .doctorInactive(let name): "\(name) अब बुकिंग नहीं लेते"
        case .noDoctorOrSpecialty: "न डॉक्टर का नाम लिखा, न विशेषज्ञता"
        case .unknownDoctorOrSpecialty(let written): "\"\(written)\" नाम का न कोई डॉक्टर है, न कोई विशेषज्ञता"
        case .nothingToRate: "किसे रेटिंग देनी है, यह नहीं लिखा"
        case .noStars: "स्टार नहीं लिखे: 1 से 5 तक कोई संख्या लिखें"
        case .notStars(let written): "\"\(written)\" 1 से 5 तक स्टार की संख्या नहीं है"
        case .noField: "कौन-सी जानकारी बदलनी है, यह नहीं लिखा"
        case .notAField(let written): "\"\(written)\" प्रोफ़ाइल में नहीं है; ये हैं: NAME, PHONE, BLOOD, ADDRESS, DOB, PHOTO"
        case .noValue(let field): "\(field.spoken(in: .hi)): कुछ नहीं लिखा"
        case .notAPhoneNumber(let written):
            "\"\(written)\" फ़ोन नंबर नहीं है: 8 से 15 अंक लिखें; विदेश के नंबर के लिए + और देश का कोड भी"
        case .notABloodGroup(let written):
            "\"\(written)\" कोई ब्लड ग्रुप नहीं है; ग्रुप ये हैं: " + BloodType.allCases.map(\.rawValue).joined(separator: ", ")
        case .birthNotInThePast(let date): "\(format.date(date)) अभी आई नहीं है; जन्म तिथि बीते समय की होती है"
        case .birthTooLongAgo(let date, let years): "\(format.date(date)) \(years) साल से भी पहले की है; साल जाँच लें"
        case .notABirthDate(let written): "\"\(written)\" पूरी जन्म तिथि नहीं है; दिन, महीना और 4 अंकों का साल लिखें"
        case .noLanguage: "भाषा नहीं लिखी (TA, HI या EN)"
        case .notALanguage(let written): "\"\(written)\" में अस्पताल जवाब नहीं लिखता (TA, HI या EN)"
        case .noMessage: "कोई संदेश नहीं लिखा"
        case .nothingAfterForget: "FORGET के बाद कुछ नहीं लिखा"
        case .notMe(let written): "\"\(written)\" ME नहीं है"
        case .inEnglish(let text): "(अंग्रेज़ी में) \(text)"
        }
    }
}

extension DateFlaw {
    func hindi(_ format: ClinicFormat) -> String {
        switch self {
        case .notADate: "यह तारीख़ नहीं लगती"
        case .yearDigits: "साल 4 अंकों में लिखें"
        case .noMonth(let month): "\(month) नाम का कोई महीना नहीं होता"
        case .noDayZero: "0 तारीख़ नहीं होती"
        case .noSuchDay(let day, let month): "\(format.monthName(month)) में \(day) तारीख़ नहीं होती"
        case .monthLength(let month, let year, let days): "\(year) के \(format.monthName(month)) में \(days) दिन हैं"
        case .moreThanAYearAhead: "यह एक साल से ज़्यादा आगे है"
        }
    }
}

extension TimeFlaw {
    var hindi: String {
        switch self {
        case .notATime: "यह समय नहीं लगता"
        case .minutes: "मिनट 00 से 59 तक होते हैं"
        case .hours: "घंटे 0 से 23 तक होते हैं"
        case .twelveHour: "am या pm के साथ घंटा 1 से 12 तक होता है"
        }
    }
}

extension ReferenceFlaw {
    var hindi: String {
        switch self {
        case .length: "संदर्भ में 5 अक्षर होते हैं, जैसे A7K2Q"
        case .lookalikes: "संदर्भ में 0, 1, I, L या O कभी नहीं होते"
        case .symbols: "संदर्भ में केवल अंग्रेज़ी अक्षर और अंक होते हैं, जैसे A7K2Q"
        }
    }
}
