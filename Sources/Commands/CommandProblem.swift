/// Why a command line could not be turned into an intent, written so the reply can teach the right form:
/// what was understood, what is wrong, the correct form and a working example.
public struct CommandProblem: Sendable, Equatable {
    /// What was understood before the problem, e.g. "BOOK with Dr Suresh Rao on Tue 3 Mar 2026".
    public var understood: String?
    /// What is wrong, e.g. "no time given".
    public var wrong: String
    /// The correct form, e.g. "BOOK <doctor> <day> <time> [reason]".
    public var form: String
    /// A command that works, e.g. "BOOK Dr Rao Tue 10:00 chest pain".
    public var example: String
    /// Names to choose from: the doctors of an ambiguous or unknown name.
    public var choices: [String]

    public init(understood: String?, wrong: String, form: String, example: String, choices: [String] = []) {
        self.understood = understood
        self.wrong = wrong
        self.form = form
        self.example = example
        self.choices = choices
    }
}

extension CommandProblem {
    /// A problem with `keyword`'s command, its example naming `doctor` (a reference that works in this clinic).
    init(_ keyword: Keyword, understood: String, wrong: String, doctor: String?, choices: [String] = []) {
        self.init(keyword.help, understood: understood, wrong: wrong, doctor: doctor, choices: choices)
    }

    /// A problem quoting `entry`'s form (for commands with more than one, such as EARNING and EARNING SET).
    init(_ entry: HelpEntry, understood: String, wrong: String, doctor: String?, choices: [String] = []) {
        var example = entry.example
        if let doctor, doctor != Help.exampleDoctor, let range = example.range(of: Help.exampleDoctor) {
            example.replaceSubrange(range, with: doctor)
        }
        self.init(understood: understood, wrong: wrong, form: entry.command, example: example, choices: choices)
    }
}
