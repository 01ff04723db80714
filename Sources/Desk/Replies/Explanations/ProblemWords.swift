import Clinic
import Commands

/// A command's problem as a reply says it: what was understood and what is wrong, in the reader's language
/// (the wording is in the files beside this one; the keywords, forms and examples stay English, as patients
/// write them).
extension CommandWrong: Worded {
    func english(_ format: ClinicFormat) -> String { english }
}

extension Understood {
    /// "BOOK with Dr Suresh Rao on Tue 3 Mar 2026" in English; "BOOK (Dr Suresh Rao, செவ்வாய் 3 மார்ச் 2026)" in
    /// Tamil and Hindi, whose sentences would put the keyword's verb last.
    func spoken(_ format: ClinicFormat) -> String {
        guard format.language != .en else { return english }
        var parts: [String] = []
        if earliest { parts.append(format.language == .ta ? "முதல் காலி நேரம்" : "सबसे पहला ख़ाली समय") }
        if let doctor { parts.append(doctor) }
        if let specialty { parts.append(format.language == .ta ? "\(specialty) மருத்துவர்" : "\(specialty) डॉक्टर") }
        if let day {
            let new = dayLink == .to ? (format.language == .ta ? "புதிய நாள் " : "नया दिन ") : ""
            parts.append(new + format.day(day))
        }
        if let time { parts.append("\(time)") }
        return parts.isEmpty ? command : "\(command) (\(parts.joined(separator: ", ")))"
    }
}

extension CommandProblem {
    /// The problem's template fields, worded for `format`'s reader.
    func fields(_ format: ClinicFormat) -> TemplateFields {
        [.understood: reading.map { .text($0.spoken(format)) }, .wrong: .text(reason.explanation(format)), .form: .text(form),
         .example: .text(example), .choices: .list(choices.map(TemplateValue.text)), .hasChoices: .flag(!choices.isEmpty)]
    }
}

extension ProfileField {
    /// The field's name in a sentence: "date of birth", "பிறந்த தேதி", "जन्म तिथि".
    func spoken(in language: Language) -> String {
        switch (language, self) {
        case (.en, _): spoken
        case (.ta, .name): "பெயர்"
        case (.ta, .phone): "தொலைபேசி எண்"
        case (.ta, .blood): "இரத்த வகை"
        case (.ta, .address): "முகவரி"
        case (.ta, .dateOfBirth): "பிறந்த தேதி"
        case (.ta, .qualifications): "கல்வித் தகுதிகள்"
        case (.ta, .specialty): "சிறப்புப் பிரிவு"
        case (.ta, .fee): "கட்டணம்"
        case (.ta, .bio): "அறிமுகம்"
        case (.hi, .name): "नाम"
        case (.hi, .phone): "फ़ोन नंबर"
        case (.hi, .blood): "ब्लड ग्रुप"
        case (.hi, .address): "पता"
        case (.hi, .dateOfBirth): "जन्म तिथि"
        case (.hi, .qualifications): "योग्यताएँ"
        case (.hi, .specialty): "विशेषज्ञता"
        case (.hi, .fee): "फ़ीस"
        case (.hi, .bio): "परिचय"
        }
    }
}
