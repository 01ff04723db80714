import Clinic
import Commands

/// The patient's HELP in the reader's language: what each command does and how a message is read. The
/// command forms and examples stay English (they are what the patient types); English is the entries' own.
enum HelpWords {
    static func meaning(_ entry: HelpEntry, _ language: Language) -> String {
        switch language {
        case .en: entry.meaning
        case .ta: tamilMeanings[entry.command] ?? entry.meaning
        case .hi: hindiMeanings[entry.command] ?? entry.meaning
        }
    }

    static func notes(dayFirst: Bool, _ language: Language) -> [String] {
        switch language {
        case .en: Help.notes(dayFirst: dayFirst)
        case .ta: tamilNotes(dayFirst: dayFirst)
        case .hi: hindiNotes(dayFirst: dayFirst)
        }
    }
}
