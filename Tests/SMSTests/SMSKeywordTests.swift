import Testing
import SMS

struct SMSKeywordTests {
    @Test(arguments: ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "stop", "Stop.", "  quit!\n", "\tUnsubscribe "])
    func optOutWords(body: String) {
        #expect(SMSKeyword(body: body) == .optOut)
    }

    @Test(arguments: ["START", "unstop", "Start!"])
    func optInWords(body: String) {
        #expect(SMSKeyword(body: body) == .optIn)
    }

    @Test(arguments: ["HELP", "help.", " Help "])
    func helpWord(body: String) {
        #expect(SMSKeyword(body: body) == .help)
    }

    @Test(arguments: [
        "CANCEL A7K2Q", "STOP please", "please stop", "STOP!!", "STOP.!", "STOP?", "S T O P", "STOPP", "",
        "   ", ".", "HELP ME", "quıt", "ＳＴＯＰ", "STOP\nthanks",
    ])
    func anythingElseIsNoKeyword(body: String) {
        #expect(SMSKeyword(body: body) == nil)
    }
}
