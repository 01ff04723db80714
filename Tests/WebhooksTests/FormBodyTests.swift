import Foundation
import Testing
import Webhooks

struct FormBodyTests {
    private func decode(_ text: String) throws -> [String] {
        try FormBody(decoding: Array(text.utf8)).fields.map { "\($0.name)=\($0.value)" }
    }

    @Test func decodesATwilioInboundBodyInOrder() throws {
        let body = "ToCountry=US&Body=CANCEL+A7K2Q%21&From=%2B15550100123&To=%2B15550100999&MessageSid=SM0123"
        let form = try FormBody(decoding: Data(body.utf8))
        #expect(form.fields.map(\.name) == ["ToCountry", "Body", "From", "To", "MessageSid"])
        #expect(form["Body"] == "CANCEL A7K2Q!")
        #expect(form["From"] == "+15550100123")
        #expect(form["Missing"] == nil)
    }

    @Test func plusIsASpaceButAnEncodedPlusIsAPlus() throws {
        #expect(try decode("a=1+2&b=1%2B2&c=%20") == ["a=1 2", "b=1+2", "c= "])
    }

    @Test func decodesUTF8EscapesInNamesAndValues() throws {
        #expect(try decode("na%C3%AFve=%E2%82%AC5&emoji=%F0%9F%98%80") == ["naïve=€5", "emoji=😀"])
        #expect(try decode("raw=caf%c3%a9") == ["raw=café"])
    }

    @Test func keepsRepeatedNamesAndEmptyValues() throws {
        let form = try FormBody(decoding: Array("Media=a&Media=b&flag&empty=".utf8))
        #expect(form.values(named: "Media") == ["a", "b"])
        #expect(form["flag"] == "")
        #expect(form["empty"] == "")
    }

    @Test func skipsEmptyPiecesAndSplitsAtTheFirstEquals() throws {
        #expect(try decode("") == [])
        #expect(try decode("&&a=1&&b=x=y&") == ["a=1", "b=x=y"])
        #expect(try decode("=v") == ["=v"])
    }

    @Test(arguments: ["a=%", "a=%2", "a=%zz", "a=%2g", "%=1", "a=1&b=100%"])
    func refusesBadEscapes(body: String) {
        #expect(throws: FormBodyError.self) { try FormBody(decoding: Array(body.utf8)) }
    }

    @Test func refusesBytesThatAreNotUTF8() throws {
        #expect(throws: FormBodyError.self) { try FormBody(decoding: Array("a=%FF".utf8)) }
        #expect(throws: FormBodyError.self) { try FormBody(decoding: Array("a=%C3".utf8)) }
        #expect(throws: FormBodyError.self) { try FormBody(decoding: [0x61, 0x3D, 0xC3, 0x28]) }
        #expect(throws: FormBodyError.self) { try FormBody(decoding: Array("%ED%A0%80=1".utf8)) }  // a lone surrogate
    }

    @Test func errorsNameTheFieldAndPart() {
        #expect {
            try FormBody(decoding: Array("ok=1&Body=50%".utf8))
        } throws: { error in
            "\(error)" == "form field 2: the value has a '%' not followed by two hex digits"
        }
        #expect {
            try FormBody(decoding: Array("%FF=1".utf8))
        } throws: { error in
            "\(error)" == "form field 1: the name is not UTF-8 once decoded"
        }
    }
}
