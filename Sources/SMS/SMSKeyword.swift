import Foundation

/// The carrier keywords an SMS gateway reserves, recognised only as the
/// whole body: `STOP` opts out, `CANCEL A7K2Q` is a command, not a keyword.
public enum SMSKeyword: Sendable, Equatable {
    /// STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT: send this number no more SMS.
    case optOut
    /// START, UNSTOP: SMS may be sent again.
    case optIn
    /// HELP: who we are and how to opt out.
    case help

    /// The keyword `body` is, if it is one: surrounding whitespace, ASCII
    /// case and one trailing '.' or '!' do not matter.
    public init?(body: String) {
        var word = Substring(body.trimmingCharacters(in: .whitespacesAndNewlines))
        if word.last == "." || word.last == "!" {
            word = word.dropLast()
        }
        guard let keyword = Self.words[Self.asciiUppercased(word)] else { return nil }
        self = keyword
    }

    private static let words: [String: SMSKeyword] = [
        "STOP": .optOut, "STOPALL": .optOut, "UNSUBSCRIBE": .optOut,
        "CANCEL": .optOut, "END": .optOut, "QUIT": .optOut,
        "START": .optIn, "UNSTOP": .optIn,
        "HELP": .help,
    ]

    /// Only a-z are raised: "quıt" (dotless i) is not QUIT.
    private static func asciiUppercased(_ word: Substring) -> String {
        String(decoding: word.utf8.map { ($0 >= 0x61 && $0 <= 0x7A) ? $0 - 0x20 : $0 }, as: UTF8.self)
    }
}
