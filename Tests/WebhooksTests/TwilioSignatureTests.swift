import Testing
import Webhooks

/// The example Twilio's own libraries test against: token 12345, this URL
/// and these parameters sign to "RSOYDt4T1cUTdK1PDd93/VVr8B8=".
struct TwilioSignatureTests {
    let token = "12345"
    let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    let parameters: [(name: String, value: String)] = [
        ("CallSid", "CA1234567890ABCDE"),
        ("Digits", "1234"),
        ("From", "+14158675309"),
        ("To", "+18005551212"),
        ("Caller", "+14158675309"),
    ]
    let documented = "RSOYDt4T1cUTdK1PDd93/VVr8B8="

    @Test func computesTwilioDocumentedExample() {
        #expect(TwilioSignature.expected(url: url, parameters: parameters, authToken: token) == documented)
        #expect(TwilioSignature.isValid(signature: documented, url: url, parameters: parameters, authToken: token))
    }

    @Test func repeatedNamesSortByValue() {
        // Twilio's libraries' example for a repeated parameter.
        let repeated: [(name: String, value: String)] = [
            ("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234"),
        ]
        #expect(TwilioSignature.expected(url: url, parameters: repeated, authToken: token) == "IK+Dwps556ElfBT0I3Rgjkr1wJU=")
    }

    @Test func orderOfParametersDoesNotMatter() {
        let reordered = Array(parameters.reversed())
        #expect(TwilioSignature.isValid(signature: documented, url: url, parameters: reordered, authToken: token))
    }

    @Test func wrongTokenChangedValueOrURLIsInvalid() {
        #expect(!TwilioSignature.isValid(signature: documented, url: url, parameters: parameters, authToken: "54321"))
        var changed = parameters
        changed[2].value = "+14158675300"
        #expect(!TwilioSignature.isValid(signature: documented, url: url, parameters: changed, authToken: token))
        #expect(!TwilioSignature.isValid(
            signature: documented, url: url + "&baz=3", parameters: parameters, authToken: token))
        let added = parameters + [("Body", "")]
        #expect(!TwilioSignature.isValid(signature: documented, url: url, parameters: added, authToken: token))
    }

    @Test(arguments: [nil, "", "not base64!", "RSOYDt4T1cUTdK1PDd93/VVr8B8", "RSOYDt4T1cUTdK1PDd93/VVr8B8=RSOY"])
    func missingOrMalformedSignatureIsInvalid(signature: String?) {
        #expect(!TwilioSignature.isValid(signature: signature, url: url, parameters: parameters, authToken: token))
    }

    @Test func emptyTokenIsNeverValid() {
        let signed = TwilioSignature.expected(url: url, parameters: parameters, authToken: "")
        #expect(!TwilioSignature.isValid(signature: signed, url: url, parameters: parameters, authToken: ""))
    }

    @Test func signsWhatAFormBodyDecodesTo() throws {
        let body = "Body=STOP&From=%2B15550100123&To=%2B15550100999&MessageSid=SM42"
        let fields = try FormBody(decoding: Array(body.utf8)).fields
        let hook = "https://desk.clinic.example/webhooks/sms"
        let signature = TwilioSignature.expected(url: hook, parameters: fields, authToken: "tok")
        #expect(TwilioSignature.isValid(signature: signature, url: hook, parameters: fields, authToken: "tok"))
    }
}
