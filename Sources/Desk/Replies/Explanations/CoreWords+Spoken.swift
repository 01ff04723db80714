import Clinic

extension DayClosure {
    /// Why the day shows no slots, as a SLOTS reply says it after the day ("Tue 3 Mar 2026 — Dr Rao is on leave").
    func spoken(_ format: ClinicFormat) -> String {
        switch format.language {
        case .en:
            switch self {
            case .doctorInactive(let doctor): "\(doctor) no longer takes bookings"
            case .onLeave(let doctor): "\(doctor) is on leave"
            case .noClinic(let doctor, let weekday): "\(doctor) has no clinic on \(weekday.fullName)s"
            case .nothingLeft: "no more slots can be booked that day"
            case .nothingIn(let part): "no slots in the \(part.rawValue)"
            }
        case .ta:
            switch self {
            case .doctorInactive(let doctor): "\(doctor) இப்போது முன்பதிவுகளை ஏற்பதில்லை"
            case .onLeave(let doctor): "\(doctor) விடுப்பில் உள்ளார்"
            case .noClinic(let doctor, let weekday): "\(CalendarNames.tamil.weekday(weekday))தோறும் \(doctor) அவர்களுக்கு மருத்துவமனை நேரம் இல்லை"
            case .nothingLeft: "அன்று இனி முன்பதிவு செய்யக்கூடிய நேரம் இல்லை"
            case .nothingIn(let part): "\(part.spoken(.ta)) நேரம் எதுவும் இல்லை"
            }
        case .hi:
            switch self {
            case .doctorInactive(let doctor): "\(doctor) अब बुकिंग नहीं लेते"
            case .onLeave(let doctor): "\(doctor) छुट्टी पर हैं"
            case .noClinic(let doctor, let weekday): "\(doctor) \(CalendarNames.hindi.weekday(weekday))वार को नहीं बैठते"
            case .nothingLeft: "उस दिन अब कोई समय बुक नहीं हो सकता"
            case .nothingIn(let part): "\(part.spoken(.hi)) में कोई समय नहीं"
            }
        }
    }
}

extension AllowedSenders {
    /// Who may use the command, as "not allowed" says it in the reader's language.
    func spoken(_ language: Language) -> String {
        switch (language, self) {
        case (.en, .patients): "patients"
        case (.en, .doctors): "doctors"
        case (.en, .patientsAndDoctors): "patients and doctors"
        case (.en, .desk): "the front desk"
        case (.en, .doctorsAndDesk): "doctors (their own) and the front desk"
        case (.en, .deskNamingDoctor): "the front desk, naming a doctor"
        case (.ta, .patients): "நோயாளிகள்"
        case (.ta, .doctors): "மருத்துவர்கள்"
        case (.ta, .patientsAndDoctors): "நோயாளிகளும் மருத்துவர்களும்"
        case (.ta, .desk): "வரவேற்பு மேசை"
        case (.ta, .doctorsAndDesk): "மருத்துவர்கள் (தங்களுடையதை மட்டும்) மற்றும் வரவேற்பு மேசை"
        case (.ta, .deskNamingDoctor): "மருத்துவரின் பெயரைக் குறிப்பிட்டு வரவேற்பு மேசை"
        case (.hi, .patients): "मरीज़"
        case (.hi, .doctors): "डॉक्टर"
        case (.hi, .patientsAndDoctors): "मरीज़ और डॉक्टर"
        case (.hi, .desk): "रिसेप्शन"
        case (.hi, .doctorsAndDesk): "डॉक्टर (सिर्फ़ अपनी) और रिसेप्शन"
        case (.hi, .deskNamingDoctor): "रिसेप्शन, डॉक्टर का नाम लिखकर"
        }
    }
}
