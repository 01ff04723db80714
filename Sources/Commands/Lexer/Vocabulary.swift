import Clinic

/// Every word the language gives a meaning to, with all its meanings, so that cutting a line looks each
/// word up once and the parsers compare small values instead of strings. The word lists themselves stay
/// with their concerns (`Keyword`, `CalendarWords`, `Fillers`, `Times`, `DoctorNames`); this only merges them.
///
/// The lookup is on the word's `WordKey` in a small open-addressed table: a few instructions, where a
/// `Dictionary<String, _>` lookup would hash the string.
enum Vocabulary {
    struct Roles: OptionSet, Sendable {
        let rawValue: UInt32
        static let courtesy = Roles(rawValue: 1 << 0)
        static let title = Roles(rawValue: 1 << 1)
        static let beforeDoctor = Roles(rawValue: 1 << 2)
        static let beforeDay = Roles(rawValue: 1 << 3)
        static let beforeTime = Roles(rawValue: 1 << 4)
        static let beforeReason = Roles(rawValue: 1 << 5)
        static let beforeSpecialty = Roles(rawValue: 1 << 6)
        static let beforeReference = Roles(rawValue: 1 << 7)
        static let beforeCode = Roles(rawValue: 1 << 8)
        static let appointments = Roles(rawValue: 1 << 9)
        static let am = Roles(rawValue: 1 << 10)
        static let pm = Roles(rawValue: 1 << 11)
        static let noon = Roles(rawValue: 1 << 12)
        static let terminator = Roles(rawValue: 1 << 13)
        static let beforeMonth = Roles(rawValue: 1 << 14)
    }

    struct Meaning: Sendable {
        var roles: Roles = []
        var keyword: Keyword? = nil
        var weekday: Weekday? = nil
        /// 1...12, or 0.
        var month: Int8 = 0
        /// yesterday -1, today 0, tomorrow 1, or nil.
        var dayOffset: Int8? = nil

        static let none = Meaning()
    }

    /// The meaning of a lowercased word.
    @inline(__always)
    static func meaning(of key: WordKey) -> Meaning { table[key] ?? .none }

    private static let table: WordTable<Meaning> = {
        var meanings: [String: Meaning] = [:]
        func add(_ words: [String], _ change: (inout Meaning) -> Void) {
            for word in words { change(&meanings[word, default: Meaning()]) }
        }
        for keyword in Keyword.allCases { add([keyword.rawValue]) { $0.keyword = keyword } }
        for (word, keyword) in Keyword.aliases { add([word]) { $0.keyword = keyword } }
        for (word, weekday) in CalendarWords.weekdays { add([word]) { $0.weekday = weekday } }
        for (word, month) in CalendarWords.months { add([word]) { $0.month = Int8(month) } }
        for (word, offset) in CalendarWords.relativeDays { add([word]) { $0.dayOffset = Int8(offset) } }
        let roles: [(Roles, [String])] = [
            (.courtesy, Keyword.courtesy), (.title, DoctorNames.titles),
            (.beforeDoctor, Fillers.beforeDoctor), (.beforeDay, Fillers.beforeDay), (.beforeTime, Fillers.beforeTime),
            (.beforeReason, Fillers.beforeReason), (.beforeSpecialty, Fillers.beforeSpecialty),
            (.beforeReference, Fillers.beforeReference), (.beforeCode, Fillers.beforeCode), (.beforeMonth, Fillers.beforeMonth),
            (.appointments, Keyword.myObjects), (.am, Times.am), (.pm, Times.pm), (.noon, Times.noon),
            (.terminator, Terminators.words),
        ]
        for (role, words) in roles { add(words) { $0.roles.insert(role) } }

        var table = WordTable<Meaning>(capacity: meanings.count)
        for (word, meaning) in meanings {
            // Longer words (Tamil and Hindi ones: three bytes a letter) are keyed by their digest, as the lexer keys them.
            precondition(word.utf8.count <= WordKey.maximumLength || !word.unicodeScalars.allSatisfy(\.isASCII),
                         "vocabulary word longer than 15 bytes: \(word)")
            table[WordKey(word)] = meaning
        }
        return table
    }()
}
