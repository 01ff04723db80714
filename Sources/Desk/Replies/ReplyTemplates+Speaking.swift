import Clinic

extension ReplyTemplates {
    /// The templates and the format a reader of `language` is written to with. Called on the set the desk
    /// opened (it holds every language); calling it again with the same language changes nothing.
    func speaking(_ language: Language, _ format: ClinicFormat) -> (ReplyTemplates, ClinicFormat) {
        (speaking(language), format.speaking(language))
    }
}

extension ClinicState {
    /// The language replies and notices to the patient `id` are written in: theirs (LANG), else the clinic's.
    func language(ofPatient id: String?) -> Language {
        id.flatMap { patients[$0]?.language } ?? info.language
    }
}
