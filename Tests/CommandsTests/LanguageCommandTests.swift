import Clinic
import Testing
@testable import Commands

/// LANG and the few keywords patients may write in Tamil or Hindi script.
@Suite struct LanguageCommandTests {
    @Test func langTakesCodesAndNames() {
        for (written, language) in [("LANG TA", Language.ta), ("lang tamil", .ta), ("LANG தமிழ்", .ta), ("LANG HI", .hi), ("language hindi", .hi),
                                    ("LANG हिंदी", .hi), ("LANG हिन्दी", .hi), ("LANG EN", .en), ("please lang english", .en), ("மொழி TA", .ta), ("भाषा HI", .hi)] {
            #expect(Fixture.read(written) == .command(.setProfile(.language(language))), "\(written)")
        }
    }

    @Test func anUnknownLanguageIsExplained() throws {
        let french = try #require(Fixture.problem("LANG FR"))
        #expect(french.wrong.contains("\"FR\" is not a language") && french.form == "LANG TA|HI|EN")
        #expect(Fixture.problem("LANG")?.wrong.contains("no language given") == true)
        #expect(Fixture.problem("LANG TA HI")?.wrong.contains("is not a language") == true)
    }

    @Test func bookCancelHelpAndYesInTamilAndHindi() {
        let tuesday = Fixture.date(3, 3)
        for word in ["முன்பதிவு", "बुक"] {
            #expect(Fixture.read("\(word) Dr Rao Tue 10:00") == .command(.book(doctorID: "rao", day: tuesday, time: Fixture.time(10), reason: nil)), "\(word)")
        }
        for word in ["ரத்து", "रद्द"] {
            #expect(Fixture.read("\(word) A7K2Q") == .command(.cancel(ref: "A7K2Q")), "\(word)")
        }
        for word in ["உதவி", "मदद", "सहायता"] { #expect(Fixture.read(word) == .command(.help), "\(word)") }
        for word in ["ஆம்", "हाँ", "हां"] { #expect(Fixture.read("\(word) A7K2Q") == .command(.takeOffer(code: "A7K2Q")), "\(word)") }
    }

    @Test func thanksInTamilOrHindiEndsTheCommands() {
        for thanks in ["நன்றி", "धन्यवाद", "शुक्रिया!"] {
            let read = Fixture.reader.read(body: "CANCEL A7K2Q\n\(thanks)\nDr Priya Sharma, 98400 00000", subject: "", now: Fixture.now)
            #expect(read.lines.count == 1 && read.lines.first?.reading == .command(.cancel(ref: "A7K2Q")), "\(thanks): \(read.lines)")
        }
    }
}
