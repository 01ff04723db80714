import Clinic

/// The sentences replies to patients build in code, in Tamil: the twins of `Explanations+English.swift`,
/// case for case.
extension BookRefusal {
    func tamil(_ format: ClinicFormat) -> String {
        switch self {
        case .doctorInactive: "அந்த மருத்துவர் இப்போது முன்பதிவுகளை ஏற்பதில்லை."
        case .onLeave(let date): "\(format.day(date)) அன்று மருத்துவர் விடுப்பில் இருக்கிறார்."
        case .noClinicThatDay(let date): "\(format.day(date)) அன்று மருத்துவர் நோயாளிகளைப் பார்ப்பதில்லை."
        case .notASlot(let date, let time):
            "\(format.day(date)) அன்று \(time) மணிக்கு மருத்துவரின் எந்த நேரமும் தொடங்குவதில்லை."
        case .inThePast: "அந்த நேரம் ஏற்கெனவே கடந்துவிட்டது."
        case .tooSoon(let minutes): "சந்திப்புகளைக் குறைந்தது \(minutes) நிமிடங்களுக்கு முன்பே முன்பதிவு செய்ய வேண்டும்."
        case .taken: "அந்த நேரம் ஏற்கெனவே முன்பதிவாகிவிட்டது."
        case .overlapsOwn(let own):
            "அதே நேரத்தில் உங்களுக்கு ஏற்கெனவே ஒரு சந்திப்பு உள்ளது (\(own.ref), \(format.doctorName(own.doctorID)), \(format.span(own.start, own.end)))."
        case .unknownRef(let ref): "\(ref) என்ற குறிப்பு எண்ணில் சந்திப்பு எதுவும் இல்லை."
        case .notYours(let ref): "\(ref) சந்திப்பு இந்த முகவரியிலிருந்து முன்பதிவு செய்யப்படவில்லை."
        case .notActive(let appointment): "\(appointment.ref) சந்திப்பு \(appointment.status.tamil); அதன் நேரத்தை மாற்ற முடியாது."
        case .tooManyUpcoming(let limit): "உங்களுக்கு ஏற்கெனவே \(limit) சந்திப்புகள் வரவிருக்கின்றன; ஒரு நோயாளிக்கு அதுவே அதிகபட்சம். முதலில் அவற்றில் ஒன்றை ரத்து செய்யுங்கள் (அவற்றைப் பார்க்க APPOINTMENTS என்று எழுதுங்கள்)."
        case .beyondHorizon(let days): "இன்றிலிருந்து \(days) நாட்களுக்குள் உள்ள நேரங்களுக்கு மட்டுமே முன்பதிவு செய்ய முடியும்."
        case .noFreeSlot(let day?, _): "\(format.day(day)) அன்று காலி நேரம் எதுவும் இல்லை."
        case .noFreeSlot(nil, let days): "அடுத்த \(days) நாட்களில் காலி நேரம் எதுவும் இல்லை."
        }
    }
}

extension CancelRefusal {
    func tamil(_ format: ClinicFormat) -> String {
        switch self {
        case .nothingUpcoming: "ரத்து செய்வதற்கு உங்களுக்கு வரவிருக்கும் சந்திப்பு எதுவும் இல்லை."
        case .unknownRef(let ref): "\(ref) என்ற குறிப்பு எண்ணில் சந்திப்பு எதுவும் இல்லை. உங்கள் சந்திப்புகளைப் பார்க்க APPOINTMENTS என்று எழுதுங்கள்."
        case .notYours(let ref): "\(ref) சந்திப்பு இந்த முகவரியிலிருந்து முன்பதிவு செய்யப்படவில்லை."
        case .alreadyEnded(let a): "\(a.ref) சந்திப்பு (\(format.span(a.start, a.end))) ஏற்கெனவே நடந்து முடிந்துவிட்டது."
        case .alreadyCancelled(let a): "\(a.ref) சந்திப்பு ஏற்கெனவே \(a.status.tamil)."
        }
    }
}

extension Appointment.Status {
    var tamil: String {
        switch self {
        case .confirmed: "உறுதி செய்யப்பட்டது"
        case .cancelledByPatient: "ரத்து செய்யப்பட்டது"
        case .cancelledByClinic: "மருத்துவமனையால் ரத்து செய்யப்பட்டது"
        case .completed: "முடிந்தது"
        case .noShow: "நோயாளி வரவில்லை எனக் குறிக்கப்பட்டது"
        }
    }
}


extension WaitRefusal {
    func tamil(_ format: ClinicFormat) -> String {
        switch self {
        case .doctorInactive: "அந்த மருத்துவர் இப்போது முன்பதிவுகளை ஏற்பதில்லை."
        case .pastDay(let day): "\(format.day(day)) ஏற்கெனவே கடந்துவிட்டது."
        case .noClinicThatDay(let day): "\(format.day(day)) அன்று மருத்துவர் நோயாளிகளைப் பார்ப்பதில்லை."
        case .noClinicDays: "வரும் நாட்களில் மருத்துவர் நோயாளிகளைப் பார்க்கும் நாள் எதுவும் இல்லை; அதனால் காத்திருக்க முடியாது."
        case .beyondHorizon(let days): "இன்றிலிருந்து \(days) நாட்களுக்குள் மட்டுமே முன்பதிவு செய்ய முடியும்; அதனால் காத்திருப்பும் அந்த நாட்களுக்குள்தான் இருக்க முடியும்."
        case .tooMany(let limit): "நீங்கள் ஏற்கெனவே \(limit) மருத்துவர்களுக்காகக் காத்திருக்கிறீர்கள்; ஒரு நோயாளிக்கு அதுவே அதிகபட்சம். ஒன்றை முடிக்க, மருத்துவரின் பெயருடன் WAIT OFF <doctor> என்று எழுதுங்கள் (WAITING என்று எழுதினால் அவற்றைப் பார்க்கலாம்)."
        case .notWaiting(let name?): "\(name) என்ற மருத்துவருக்காக நீங்கள் காத்திருக்கவில்லை."
        case .notWaiting(nil): "நீங்கள் எந்த மருத்துவருக்காகவும் காத்திருக்கவில்லை."
        case .noOffer: "இப்போது உங்களுக்கு எந்த நேரமும் ஒதுக்கப்படவில்லை. நீங்கள் WAIT மூலம் காத்திருக்கும் மருத்துவரிடம் ஒரு நேரம் காலியானதும், அதன் குறியீட்டுடன் உங்களுக்குச் செய்தி வரும்."
        case .unknownOffer(let code): "\(code) என்ற குறியீட்டில் உங்களுக்கு எந்த நேரமும் ஒதுக்கப்படவில்லை. அந்த நேரத்தைத் தெரிவித்த செய்தியில் உள்ள குறியீட்டைச் சரிபாருங்கள்."
        case .whichOffer: "உங்களுக்குப் பல நேரங்கள் ஒதுக்கப்பட்டுள்ளன: உங்களுக்கு வேண்டிய நேரத்தின் குறியீட்டுடன் YES என்று எழுதுங்கள்."
        case .offerLapsed(let offer):
            "\(format.doctorName(offer.doctorID)), \(format.when(offer.start)) நேரத்தை \(format.time(offer.until)) வரை உங்களுக்காக ஒதுக்கி வைத்திருந்தோம்; அந்த அவகாசம் முடிந்ததால், அது காத்திருக்கும் அடுத்த நோயாளிக்கு வழங்கப்பட்டுவிட்டது. நீங்கள் இன்னும் காத்திருப்புப் பட்டியலில் இருக்கிறீர்கள்."
        case .alreadyTaken(let appointment):
            "அந்த நேரத்தை நீங்கள் ஏற்கெனவே பெற்றுவிட்டீர்கள்: \(appointment.ref) சந்திப்பு, \(format.doctorName(appointment.doctorID)), \(format.span(appointment.start, appointment.end))."
        }
    }
}

extension PayRefusal {
    func tamil(_ format: ClinicFormat) -> String {
        switch self {
        case .unknownRef(let ref): "\(ref) என்ற குறிப்பு எண்ணில் சந்திப்பு எதுவும் இல்லை. உங்கள் சந்திப்புகளைப் பார்க்க APPOINTMENTS என்று எழுதுங்கள்."
        case .notYours(let ref): "\(ref) சந்திப்பு இந்த முகவரியிலிருந்து முன்பதிவு செய்யப்படவில்லை."
        case .alreadyPaid(let a): "\(a.ref) சந்திப்புக்கான கட்டணம் ஏற்கெனவே செலுத்தப்பட்டுவிட்டது. இனி செலுத்த வேண்டியது எதுவும் இல்லை."
        case .notActive(let a): "\(a.ref) சந்திப்பு \(a.status.tamil); அதனால் செலுத்த வேண்டியது எதுவும் இல்லை."
        case .noFee(let a): "\(format.doctorName(a.doctorID)) கட்டணம் எதுவும் வசூலிப்பதில்லை; செலுத்த வேண்டியது எதுவும் இல்லை."
        case .notOnline: "இந்தக் கட்டணத்தை மருத்துவமனை ஆன்லைனில் பெறுவதில்லை; தயவுசெய்து வரவேற்பு மேசையில் செலுத்துங்கள்."
        case .whichOne(let list):
            list.isEmpty ? "ஆன்லைனில் கட்டணம் செலுத்த வேண்டிய வரவிருக்கும் சந்திப்பு எதுவும் உங்களுக்கு இல்லை."
                : "கட்டணம் செலுத்த வேண்டிய \(list.count) சந்திப்புகள் உங்களுக்கு உள்ளன: அவற்றில் ஒன்றின் குறிப்பு எண்ணுடன் PAY என்று எழுதுங்கள்."
        }
    }
}

extension RateRefusal {
    func tamil(_ format: ClinicFormat) -> String {
        switch self {
        case .unknownRef(let ref): "\(ref) என்ற குறிப்பு எண்ணில் சந்திப்பு எதுவும் இல்லை."
        case .notYours(let ref): "\(ref) சந்திப்பு உங்களுடையது அல்ல."
        case .notYet(let a): "\(a.ref) சந்திப்பு \(format.span(a.start, a.end)) நேரத்தில் உள்ளது; அது இன்னும் நடக்கவில்லை."
        case .cancelled(let a): "\(a.ref) சந்திப்பு \(a.status.tamil)."
        case .closed(let ref, let at): "\(ref) சந்திப்புக்கு நீங்கள் அளித்த மதிப்பீட்டை \(format.when(at)) வரை மட்டுமே மாற்ற முடியும்; அந்த அவகாசம் இப்போது முடிந்துவிட்டது."
        case .noCompletedVisit(let doctor): "மருத்துவர் ஒரு வருகையை முடிந்ததாகக் குறித்த பிறகே அவரை மதிப்பிட முடியும்; \(doctor.name) அவர்களிடம் அப்படிப்பட்ட வருகை எதுவும் உங்களுக்கு இன்னும் இல்லை."
        }
    }
}

extension DayPart {
    var tamil: String {
        switch self {
        case .morning: "காலை (12:00-க்கு முன்)"
        case .afternoon: "மதியம் (12:00 முதல் 17:00 வரை)"
        case .evening: "மாலை (17:00 முதல்)"
        }
    }
}
