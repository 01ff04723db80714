import Foundation
import Mail
import Testing

@Suite("RFC 2047 encoded words")
struct EncodedWordTests {
    @Test func decodesBase64AndQ() {
        #expect(EncodedWord.decode("=?UTF-8?B?SsO8cmdlbg==?=") == "Jürgen")
        #expect(EncodedWord.decode("=?iso-8859-1?q?Fran=E7ois_B?=") == "François B")
        #expect(EncodedWord.decode("=?utf-8?b?SsO8cmdlbg?=") == "Jürgen")           // missing padding
    }

    @Test func keepsSurroundingText() {
        #expect(EncodedWord.decode("Re: =?UTF-8?Q?caf=C3=A9?= tomorrow") == "Re: café tomorrow")
        #expect(EncodedWord.decode("plain text") == "plain text")
        #expect(EncodedWord.decode("a = b ? c") == "a = b ? c")
    }

    @Test func joinsAdjacentWords() {
        // whitespace (including unfolded line breaks) between encoded words is dropped
        #expect(EncodedWord.decode("=?UTF-8?Q?a?= =?UTF-8?Q?b?=") == "ab")
        #expect(EncodedWord.decode("=?UTF-8?Q?a?=\t =?UTF-8?Q?b?=") == "ab")
        #expect(EncodedWord.decode("=?UTF-8?Q?a?==?UTF-8?Q?b?=") == "ab")
        #expect(EncodedWord.decode("=?UTF-8?Q?a?= x =?UTF-8?Q?b?=") == "a x b")
    }

    @Test func multiByteCharacterSplitAcrossWords() {
        // "é" is C3 A9; a sender split it between two words
        #expect(EncodedWord.decode("=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?=") == "café")
        #expect(EncodedWord.decode("=?UTF-8?B?w6nDqQ==?==?UTF-8?B?w6k=?=") == "ééé")
    }

    @Test func mixedCharsets() {
        #expect(EncodedWord.decode("=?ISO-8859-1?Q?=E9?= =?UTF-8?Q?=C3=A9?=") == "éé")
        #expect(EncodedWord.decode("=?windows-1252?Q?=93hi=94?=") == "“hi”")
        #expect(EncodedWord.decode("=?ISO-8859-15?Q?=A4?=") == "€")
    }

    @Test func languageSuffixIgnored() {
        #expect(EncodedWord.decode("=?UTF-8*en?Q?hello?=") == "hello")
    }

    @Test func malformedWordsStayLiteral() {
        for s in ["=?UTF-8?X?abc?=", "=?UTF-8?B?", "=??B?abc?=", "=?UTF-8?Q?a b?=", "=?", "=?UTF-8?Q?abc?", "=?x?q?"] {
            #expect(EncodedWord.decode(s) == s)
        }
    }

    @Test func unknownCharsetFallsBack() {
        #expect(EncodedWord.decode("=?x-unknown?Q?caf=C3=A9?=") == "café")       // valid UTF-8
        #expect(EncodedWord.decode("=?x-unknown?Q?caf=E9?=") == "café")          // Latin-1
    }

    @Test func encodeLeavesASCIIAlone() {
        #expect(EncodedWord.encode("Your appointment") == "Your appointment")
        #expect(EncodedWord.encode("") == "")
    }

    @Test func encodeProtectsLiteralEncodedWordSyntax() {
        let s = "looks like =?UTF-8?Q?x?="
        #expect(EncodedWord.encode(s) != s)
        #expect(EncodedWord.decode(EncodedWord.encode(s)) == s)
    }

    @Test("encode round-trips and keeps words short", arguments: [
        "Rendez-vous chez le Dr Rao — mardi à 10h",
        "Termin: Grüße aus Köln",
        String(repeating: "日本語のテキスト", count: 12),
        String(repeating: "👩‍⚕️🦷", count: 20),
        "ä",
        String(repeating: "x", count: 100) + "é",
    ])
    func encodeRoundTrip(_ s: String) {
        let e = EncodedWord.encode(s)
        #expect(EncodedWord.decode(e) == s)
        for word in e.split(separator: " ") {
            #expect(word.utf8.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
        }
        #expect(e.utf8.allSatisfy { $0 < 0x80 })
    }
}
