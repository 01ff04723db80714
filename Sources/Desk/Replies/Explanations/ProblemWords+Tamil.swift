import Clinic
import Commands

/// What is wrong with a command, in Tamil: the twin of `CommandWrong.english`, case for case.
extension CommandWrong {
    func tamil(_ format: ClinicFormat) -> String {
        switch self {
        case .notADate(let written, let flaw): "\"\(written)\" ஒரு தேதி அல்ல: \(flaw.tamil(format))"
        case .wrongWeekday(let date, let written):
            "\(format.date(date)) அன்று \(format.weekdayName(date.weekday)), \(format.weekdayName(written)) அல்ல"
        case .notATime(let written, let flaw): "\"\(written)\" ஒரு நேரம் அல்ல: \(flaw.tamil)"
        case .notADay(let written): "\"\(written)\" ஒரு நாள் அல்ல"
        case .noDay: "நாள் குறிப்பிடப்படவில்லை"
        case .noDayBut(let written): "நாள் குறிப்பிடப்படவில்லை (\"\(written)\" ஒரு நாள் அல்ல)"
        case .noTime: "நேரம் குறிப்பிடப்படவில்லை"
        case .notADayOrPartOfDay(let written): "\"\(written)\" ஒரு நாளோ நாளின் பகுதியோ (காலை, மாலை) அல்ல"
        case .notWaitTimes(let written): "\"\(written)\" ஒரு நாளோ நேரமோ அல்ல (எடுத்துக்காட்டு: Tue between 10:00 and 12:00)"
        case .noTimeAfter(let written): "\"\(written)\" என்பதற்குப் பின் நேரம் இல்லை"
        case .noSlotStarts(let written, let time): "\(written) \(time): அந்த நேரத்தில் எந்த நேர ஒதுக்கீடும் தொடங்குவதில்லை"
        case .windowNeedsEnd(let written): "\"\(written)\" உடன் முடியும் நேரமும் தேவை (எடுத்துக்காட்டு: between 10:00 and 12:00)"
        case .endsBeforeStart(let start, let end): "\(start) முதல் \(end) வரை: தொடங்கும் முன்பே முடிகிறது"
        case .noReference: "முன்பதிவுக் குறிப்பு எண் குறிப்பிடப்படவில்லை"
        case .notAReference(let written, let flaw): "\"\(written)\" ஒரு முன்பதிவுக் குறிப்பு எண் அல்ல: \(flaw.tamil)"
        case .notAReferenceToRate(let written, let flaw):
            "\"\(written)\" ஒரு முன்பதிவுக் குறிப்பு எண் அல்ல: \(flaw.tamil); மருத்துவரை மதிப்பிட RATE DR <மருத்துவர்> <1-5> என்று எழுதுங்கள்"
        case .notAnOfferCode(let written, let flaw): "\"\(written)\" ஒரு குறியீடு அல்ல: \(flaw.tamil)"
        case .noCode: "குறியீடு குறிப்பிடப்படவில்லை"
        case .notACode(let written, let digits): "\"\(written)\" ஒரு குறியீடு அல்ல: குறியீட்டில் \(digits) இலக்கங்கள் இருக்கும்"
        case .codeLength(let expected, let got): "குறியீட்டில் \(expected) இலக்கங்கள் இருக்க வேண்டும், \(got) அல்ல"
        case .noName: "பெயர் குறிப்பிடப்படவில்லை"
        case .nameHasControlCharacters: "பெயரில் கட்டுப்பாட்டு எழுத்துகள் உள்ளன"
        case .nameNeedsALetter: "பெயரில் குறைந்தது ஓர் எழுத்தாவது இருக்க வேண்டும்"
        case .nameTooLong(let length, let limit): "பெயர் \(length) எழுத்துகள் நீளம்; அதிகபட்சம் \(limit) எழுத்துகளே இடம்பெறும்"
        case .noDoctor: "மருத்துவர் பெயர் குறிப்பிடப்படவில்லை"
        case .unknownDoctor(let written): "\"\(written)\" என்ற பெயரில் மருத்துவர் யாரும் இல்லை"
        case .ambiguousDoctor(let written): "\"\(written)\" ஒன்றுக்கு மேற்பட்ட மருத்துவர்களைக் குறிக்கலாம்; முழுப் பெயரை எழுதுங்கள்"
        case .doctorInactive(let name): "\(name) இப்போது முன்பதிவுகளை ஏற்பதில்லை"
        case .noDoctorOrSpecialty: "மருத்துவரோ சிறப்புப் பிரிவோ குறிப்பிடப்படவில்லை"
        case .unknownDoctorOrSpecialty(let written): "\"\(written)\" என்ற பெயரில் மருத்துவரோ சிறப்புப் பிரிவோ இல்லை"
        case .nothingToRate: "எதை மதிப்பிடுகிறீர்கள் என்று குறிப்பிடப்படவில்லை"
        case .noStars: "நட்சத்திரங்கள் குறிப்பிடப்படவில்லை: 1 முதல் 5 வரை ஓர் எண்ணை எழுதுங்கள்"
        case .notStars(let written): "\"\(written)\" என்பது 1 முதல் 5 வரையான நட்சத்திர எண் அல்ல"
        case .noField: "எந்த விவரத்தை மாற்றுவது என்று குறிப்பிடப்படவில்லை"
        case .notAField(let written): "\"\(written)\" சுயவிவரத்தில் இல்லை; இருப்பவை: NAME, PHONE, BLOOD, ADDRESS, DOB, PHOTO"
        case .noValue(let field): "\(field.spoken(in: .ta)) குறிப்பிடப்படவில்லை"
        case .notAPhoneNumber(let written):
            "\"\(written)\" ஒரு தொலைபேசி எண் அல்ல: 8 முதல் 15 இலக்கங்களை எழுதுங்கள்; வெளிநாட்டு எண்ணுக்கு + உடன் நாட்டுக் குறியீட்டையும் சேர்த்து"
        case .notABloodGroup(let written):
            "\"\(written)\" ஓர் இரத்த வகை அல்ல; வகைகள்: " + BloodType.allCases.map(\.rawValue).joined(separator: ", ")
        case .birthNotInThePast(let date): "\(format.date(date)) இன்னும் வரவில்லை; பிறந்த தேதி கடந்த காலத்தில் இருக்க வேண்டும்"
        case .birthTooLongAgo(let date, let years): "\(format.date(date)) \(years) ஆண்டுகளுக்கும் முந்தையது; ஆண்டைச் சரிபாருங்கள்"
        case .notABirthDate(let written): "\"\(written)\" முழுமையான பிறந்த தேதி அல்ல; நாள், மாதம், 4 இலக்க ஆண்டு மூன்றையும் எழுதுங்கள்"
        case .noLanguage: "மொழி குறிப்பிடப்படவில்லை (TA, HI அல்லது EN)"
        case .notALanguage(let written): "\"\(written)\" மொழியில் மருத்துவமனை பதில் எழுதுவதில்லை (TA, HI அல்லது EN)"
        case .noMessage: "செய்தி எதுவும் எழுதப்படவில்லை"
        case .nothingAfterForget: "FORGET என்பதற்குப் பின் எதுவும் இல்லை"
        case .notMe(let written): "\"\(written)\" என்பது ME அல்ல"
        case .inEnglish(let text): "(ஆங்கிலத்தில்) \(text)"
        }
    }
}

extension DateFlaw {
    func tamil(_ format: ClinicFormat) -> String {
        switch self {
        case .notADate: "அது தேதியாகத் தெரியவில்லை"
        case .yearDigits: "ஆண்டை 4 இலக்கங்களில் எழுதுங்கள்"
        case .noMonth(let month): "\(month) என்று ஒரு மாதம் இல்லை"
        case .noDayZero: "0 என்று ஒரு நாள் இல்லை"
        case .noSuchDay(let day, let month): "\(format.monthName(month)) மாதத்தில் \(day) ஆம் நாள் இல்லை"
        case .monthLength(let month, let year, let days): "\(year) \(format.monthName(month)) மாதத்தில் \(days) நாட்களே உள்ளன"
        case .moreThanAYearAhead: "அது ஓர் ஆண்டுக்கும் மேல் தொலைவில் உள்ளது"
        }
    }
}

extension TimeFlaw {
    var tamil: String {
        switch self {
        case .notATime: "அது நேரமாகத் தெரியவில்லை"
        case .minutes: "நிமிடங்கள் 00 முதல் 59 வரை"
        case .hours: "மணி 0 முதல் 23 வரை"
        case .twelveHour: "am அல்லது pm உடன் மணி 1 முதல் 12 வரை"
        }
    }
}

extension ReferenceFlaw {
    var tamil: String {
        switch self {
        case .length: "குறிப்பு எண்களில் 5 எழுத்துகள் இருக்கும், A7K2Q போல"
        case .lookalikes: "குறிப்பு எண்களில் 0, 1, I, L, O ஒருபோதும் வராது"
        case .symbols: "குறிப்பு எண்களில் ஆங்கில எழுத்துகளும் இலக்கங்களும் மட்டுமே இருக்கும், A7K2Q போல"
        }
    }
}
