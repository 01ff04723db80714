import Clinic

/// The subject lines of the notices to patients, in the reader's language. The values come already written
/// (dates in that language too); command words (YES) stay English, since the patient types them.
enum SubjectLine {
    case reply(clinic: String)
    case cancelled(doctor: String, when: String)
    case aboutDay(String)
    case receipt(amount: String, ref: String)
    case paymentFailed(ref: String)
    case released(doctor: String, when: String)
    case refund(amount: String, ref: String, paidTwice: Bool)
    case slotOffered(doctor: String, when: String, code: String)
    case reminder(doctor: String, when: String)
    case noMoreTexts(clinic: String)

    func line(_ language: Language) -> String {
        switch language {
        case .en: english
        case .ta: tamil
        case .hi: hindi
        }
    }

    private var english: String {
        switch self {
        case .reply(let clinic): "Re: your message to \(clinic)"
        case .cancelled(let doctor, let when): "Cancelled: \(doctor), \(when)"
        case .aboutDay(let day): "About your appointment on \(day)"
        case .receipt(let amount, let ref): "Receipt: \(amount) for \(ref)"
        case .paymentFailed(let ref): "Your payment for \(ref) did not go through"
        case .released(let doctor, let when): "Released: \(doctor), \(when)"
        case .refund(let amount, let ref, true): "Refund: \(amount) paid twice for \(ref)"
        case .refund(let amount, let ref, false): "Refund: \(amount) for \(ref)"
        case .slotOffered(let doctor, let when, let code): "A slot came free: \(doctor), \(when) — reply YES \(code)"
        case .reminder(let doctor, let when): "Reminder: \(doctor), \(when)"
        case .noMoreTexts(let clinic): "You will get no more texts from \(clinic)"
        }
    }

    private var tamil: String {
        switch self {
        case .reply(let clinic): "Re: \(clinic) மருத்துவமனைக்கு நீங்கள் அனுப்பிய செய்தி"
        case .cancelled(let doctor, let when): "ரத்து செய்யப்பட்டது: \(doctor), \(when)"
        case .aboutDay(let day): "\(day) அன்று உங்கள் சந்திப்பு பற்றி"
        case .receipt(let amount, let ref): "ரசீது: \(ref) — \(amount)"
        case .paymentFailed(let ref): "\(ref) சந்திப்புக்கான உங்கள் கட்டணம் செலுத்தப்படவில்லை"
        case .released(let doctor, let when): "நேரம் விடுவிக்கப்பட்டது: \(doctor), \(when)"
        case .refund(let amount, let ref, true): "பணம் திருப்பித் தரப்படும்: \(ref) — இருமுறை செலுத்திய \(amount)"
        case .refund(let amount, let ref, false): "பணம் திருப்பித் தரப்படும்: \(ref) — \(amount)"
        case .slotOffered(let doctor, let when, let code): "நேரம் காலியாகியுள்ளது: \(doctor), \(when) — YES \(code) என்று பதில் அனுப்புங்கள்"
        case .reminder(let doctor, let when): "நினைவூட்டல்: \(doctor), \(when)"
        case .noMoreTexts(let clinic): "\(clinic) இனி உங்களுக்குக் குறுஞ்செய்தி அனுப்பாது"
        }
    }

    private var hindi: String {
        switch self {
        case .reply(let clinic): "Re: \(clinic) को आपका संदेश"
        case .cancelled(let doctor, let when): "रद्द: \(doctor), \(when)"
        case .aboutDay(let day): "\(day) के आपके अपॉइंटमेंट के बारे में"
        case .receipt(let amount, let ref): "रसीद: \(ref) — \(amount)"
        case .paymentFailed(let ref): "\(ref) के लिए आपका भुगतान नहीं हो पाया"
        case .released(let doctor, let when): "समय छोड़ दिया गया: \(doctor), \(when)"
        case .refund(let amount, let ref, true): "रिफ़ंड: \(ref) — दो बार चुकाए गए \(amount)"
        case .refund(let amount, let ref, false): "रिफ़ंड: \(ref) — \(amount)"
        case .slotOffered(let doctor, let when, let code): "समय खाली हुआ: \(doctor), \(when) — जवाब में YES \(code) लिखें"
        case .reminder(let doctor, let when): "रिमाइंडर: \(doctor), \(when)"
        case .noMoreTexts(let clinic): "\(clinic) अब आपको SMS नहीं भेजेगा"
        }
    }
}
