/// Why a command line could not be turned into an intent, written so the reply can teach the right form:
/// what was understood, what is wrong, the correct form and a working example.
public struct CommandProblem: Sendable, Equatable {
    /// What was understood before the problem, e.g. BOOK with Dr Suresh Rao on Tue 3 Mar 2026.
    public var reading: Understood?
    /// What is wrong, e.g. no time given.
    public var reason: CommandWrong
    /// The correct form, e.g. "BOOK <doctor> <day> <time> [reason]".
    public var form: String
    /// A command that works, e.g. "BOOK Dr Rao Tue 10:00 chest pain".
    public var example: String
    /// Names to choose from: the doctors of an ambiguous or unknown name.
    public var choices: [String]

    public init(understood: Understood?, wrong: CommandWrong, form: String, example: String, choices: [String] = []) {
        self.reading = understood
        self.reason = wrong
        self.form = form
        self.example = example
        self.choices = choices
    }

    /// A problem worded in English whole (a staff command's, or a test's).
    public init(understood: String?, wrong: String, form: String, example: String, choices: [String] = []) {
        self.init(understood: understood.map { Understood($0) }, wrong: .inEnglish(wrong), form: form, example: example,
                  choices: choices)
    }

    /// What was understood, in English: "BOOK with Dr Suresh Rao on Tue 3 Mar 2026".
    public var understood: String? { reading?.english }
    /// What is wrong, in English: "no time given".
    public var wrong: String { reason.english }

    /// Two problems are the same when they read the same: the values behind the words may differ (a test writes
    /// the English a parser builds from values).
    public static func == (a: CommandProblem, b: CommandProblem) -> Bool {
        a.understood == b.understood && a.wrong == b.wrong && a.form == b.form && a.example == b.example && a.choices == b.choices
    }
}

extension CommandProblem {
    /// A problem with `keyword`'s command, its example naming `doctor` (a reference that works in this clinic).
    init(_ keyword: Keyword, understood: Understood, wrong: CommandWrong, doctor: String?, choices: [String] = []) {
        self.init(keyword.help, understood: understood, wrong: wrong, doctor: doctor, choices: choices)
    }

    /// A problem quoting `entry`'s form (for commands with more than one, such as EARNING and EARNING SET).
    init(_ entry: HelpEntry, understood: Understood, wrong: CommandWrong, doctor: String?, choices: [String] = []) {
        var example = entry.example
        if let doctor, doctor != Help.exampleDoctor, let range = example.range(of: Help.exampleDoctor) {
            example.replaceSubrange(range, with: doctor)
        }
        self.init(understood: understood, wrong: wrong, form: entry.command, example: example, choices: choices)
    }

    /// A staff command's problem, in English.
    init(_ keyword: Keyword, understood: String, wrong: String, doctor: String?, choices: [String] = []) {
        self.init(keyword.help, understood: Understood(understood), wrong: .inEnglish(wrong), doctor: doctor, choices: choices)
    }

    init(_ entry: HelpEntry, understood: String, wrong: String, doctor: String?, choices: [String] = []) {
        self.init(entry, understood: Understood(understood), wrong: .inEnglish(wrong), doctor: doctor, choices: choices)
    }
}
