import Clinic

/// The words of Tamil and Hindi the command reader takes: a few keywords in their own script (the words for
/// book, cancel, help, yes and language), and the names LANG accepts for each language.
enum LanguageWords {
    /// Keywords written in Tamil or Hindi, as patients of the clinic write them.
    static let keywords: [(String, Keyword)] = [
        // Tamil
        ("முன்பதிவு", .book), ("ரத்து", .cancel), ("உதவி", .help), ("ஆம்", .yes), ("மொழி", .lang),
        // Hindi
        ("बुक", .book), ("रद्द", .cancel), ("मदद", .help), ("सहायता", .help), ("हाँ", .yes), ("हां", .yes), ("भाषा", .lang),
    ]

    /// Thanks, which ends a message's commands as "thanks" does.
    static let thanks = ["நன்றி", "धन्यवाद", "शुक्रिया"]

    /// What LANG takes for each language: its code, its English name, its own name.
    static let names: [String: Language] = [
        "en": .en, "english": .en, "ta": .ta, "tamil": .ta, "தமிழ்": .ta, "hi": .hi, "hindi": .hi, "हिंदी": .hi, "हिन्दी": .hi,
    ]
}
