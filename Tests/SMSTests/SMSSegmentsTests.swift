import Testing
import SMS

struct SMSSegmentsTests {
    private func shape(_ body: String) -> String {
        let segments = SMSSegments(body)
        return "\(segments.encoding) \(segments.units) \(segments.count)"
    }

    private func text(_ count: Int, _ character: Character = "a") -> String {
        String(repeating: character, count: count)
    }

    @Test func gsmBodiesCountSeptets() {
        #expect(SMSSegments("").count == 1)
        #expect(shape(text(160)) == "gsm7 160 1")
        #expect(SMSSegments(text(161)).count == 2)
        #expect(SMSSegments(text(306)).count == 2)
        #expect(SMSSegments(text(307)).count == 3)
        #expect(SMSSegments("Dr Rao, Tue 4 Jun 10:00 £40 — no").encoding == .ucs2)  // the dash is not GSM-7
        #expect(SMSSegments("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà\r\n").encoding == .gsm7)
    }

    @Test func extensionCharactersCountTwo() {
        let extended = "^{}\\[~]|€"
        #expect(shape(extended) == "gsm7 18 1")
        #expect(SMSSegments(text(158) + "€").count == 1)
        #expect(SMSSegments(text(159) + "€").count == 2)
    }

    @Test func anEscapeIsNotSplitBetweenParts() {
        // 306 septets would fill two parts exactly, but '€' (escape + code)
        // cannot straddle them: the first part takes 152, so 3 parts.
        let body = text(152) + "€" + text(152)
        #expect(SMSSegments(body).units == 306)
        #expect(SMSSegments(body).count == 3)
    }

    @Test func otherCharactersMakeItUCS2() {
        #expect(shape(text(70, "é") + "ç") == "ucs2 71 2")
        #expect(SMSSegments(text(69) + "ç").count == 1)
        #expect(SMSSegments(text(134) + "…").count == 3)
        #expect(SMSSegments(text(133) + "…").count == 2)
    }

    @Test func emojiTakeTwoUTF16UnitsAndAreNotSplit() {
        #expect(SMSSegments("😀").units == 2)
        #expect(SMSSegments(text(35, "😀")).count == 1)
        // 66 units then a surrogate pair: the pair moves to the second part.
        let body = text(66, "ä") + "😀" + text(1, "😀")
        #expect(SMSSegments(body).units == 70)
        #expect(SMSSegments(body).count == 1)
        // 134 units would fill two parts exactly, but the pair cannot straddle them.
        let longer = text(66, "ш") + "😀" + text(66, "ш")
        #expect(SMSSegments(longer).count == 3)
    }

    @Test func fitLeavesShortTextAlone() {
        let body = "Booked: Dr Rao, Tue 4 Jun 10:00. Reply CANCEL A7K2Q to cancel."
        #expect(SMSSegments.fit(body) == body)
        #expect(SMSSegments.fit(text(306)) == text(306))
    }

    @Test func fitCutsAtAWordWithDotsForGSM() {
        let words = Array(repeating: "appointment", count: 40).joined(separator: " ")
        let fitted = SMSSegments.fit(words, segments: 2)
        #expect(SMSSegments(fitted).count == 2)
        #expect(fitted.hasSuffix("appointment..."))
        #expect(SMSSegments(fitted).encoding == .gsm7)
        #expect(fitted.utf8.count > 290)  // close to the 306 septets two parts hold
        let one = SMSSegments.fit(words, segments: 1)
        #expect(one.count <= 160 && one.hasSuffix("appointment..."))
    }

    @Test func fitUsesTheEllipsisForUCS2() {
        let words = Array(repeating: "Zahnärztin Šimić", count: 20).joined(separator: " ")
        let fitted = SMSSegments.fit(words, segments: 2)
        #expect(SMSSegments(fitted).count == 2)
        #expect(fitted.hasSuffix("…"))
        #expect(!fitted.dropLast().hasSuffix(" "))
        #expect(words.hasPrefix(String(fitted.dropLast())))
        #expect(fitted.unicodeScalars.count > 120)
    }

    @Test func fitCutsALongWordBetweenCharacters() {
        let fitted = SMSSegments.fit(text(400, "x"), segments: 1)
        #expect(fitted == text(157, "x") + "...")
        let emoji = SMSSegments.fit(text(100, "😀"), segments: 1)
        #expect(emoji == text(34, "😀") + "…")
    }
}
