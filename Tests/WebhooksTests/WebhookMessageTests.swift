import Foundation
import Testing
import Webhooks

struct WebhookMessageTests {
    private func message(_ fields: [String: Any]) throws -> WebhookMessage {
        try WebhookMessage(json: JSONSerialization.data(withJSONObject: fields))
    }

    private let email: [String: Any] = [
        "id": "msg-1", "channel": "email", "from": "ana.perez@example.org", "to": "desk@clinic.example",
        "text": "BOOK Dr Rao tomorrow 10:00", "subject": "Booking",
    ]
    private let sms: [String: Any] = [
        "id": "msg-2", "channel": "sms", "from": "+44 20 7183-8750", "to": "+15550100999", "text": "CANCEL A7K2Q",
    ]

    /// The error's field and description, for comparing in one #expect.
    private func refusal(_ fields: [String: Any]) -> String {
        do {
            _ = try message(fields)
            return "accepted"
        } catch let error as WebhookMessageError {
            return "\(error.field ?? "-"): \(error)"
        } catch {
            return "unexpected \(error)"
        }
    }

    private func with(_ base: [String: Any], _ changes: [String: Any]) -> [String: Any] {
        base.merging(changes) { $1 }
    }

    @Test func decodesAnEmailMessage() throws {
        let decoded = try message(email)
        #expect(decoded == WebhookMessage(
            id: "msg-1", channel: .email, from: "ana.perez@example.org", to: "desk@clinic.example",
            text: "BOOK Dr Rao tomorrow 10:00", subject: "Booking"))
    }

    @Test func decodesAnSMSMessageWithItsNumberNormalised() throws {
        let decoded = try message(sms)
        #expect(decoded.channel == .sms)
        #expect(decoded.from == "+442071838750")
        #expect(decoded.subject == nil)
    }

    @Test func ignoresUnknownFieldsAndTreatsNullOrEmptySubjectAsAbsent() throws {
        #expect(try message(with(email, ["subject": NSNull(), "extra": [1, 2]])).subject == nil)
        #expect(try message(with(email, ["subject": ""])).subject == nil)
    }

    @Test func keepsLineBreaksInTheText() throws {
        #expect(try message(with(email, ["text": "line one\r\nline two"])).text == "line one\r\nline two")
    }

    @Test func namesTheMissingOrEmptyField() {
        for name in ["id", "channel", "from", "to", "text"] {
            var fields = email
            fields[name] = nil
            #expect(refusal(fields) == "\(name): '\(name)' is required and must not be empty")
            #expect(refusal(with(email, [name: ""])) == "\(name): '\(name)' is required and must not be empty")
        }
        #expect(refusal(with(email, ["to": NSNull()])) == "to: 'to' is required and must not be empty")
    }

    @Test func refusesFieldsThatAreNotStrings() {
        #expect(refusal(with(email, ["id": 42])) == "id: 'id' must be a string")
        #expect(refusal(with(email, ["text": ["BOOK"]])) == "text: 'text' must be a string")
        #expect(refusal(with(email, ["subject": true])) == "subject: 'subject' must be a string")
    }

    @Test func refusesABodyThatIsNotAJSONObject() throws {
        for body in ["[]", "\"text\"", "{", "", "null"] {
            #expect {
                try WebhookMessage(json: Data(body.utf8))
            } throws: { error in
                (error as? WebhookMessageError)?.description == "the body must be a JSON object"
            }
        }
    }

    @Test func refusesOtherChannels() {
        #expect(refusal(with(email, ["channel": "whatsapp"])) == "channel: 'channel' must be \"email\" or \"sms\"")
        #expect(refusal(with(email, ["channel": "EMAIL"])) == "channel: 'channel' must be \"email\" or \"sms\"")
    }

    @Test func capsLengths() throws {
        _ = try message(with(email, ["id": String(repeating: "i", count: 200)]))
        #expect(refusal(with(email, ["id": String(repeating: "i", count: 201)])) == "id: 'id' is longer than 200 characters")
        _ = try message(with(email, ["text": String(repeating: "t", count: 10_000)]))
        #expect(refusal(with(email, ["text": String(repeating: "é", count: 5_001)])) == "text: 'text' is longer than 10000 bytes")
        _ = try message(with(email, ["subject": String(repeating: "s", count: 1_000)]))
        #expect(refusal(with(email, ["subject": String(repeating: "s", count: 1_001)]))
            == "subject: 'subject' is longer than 1000 characters")
    }

    @Test func refusesLineBreaksInOneLineFields() {
        #expect(refusal(with(email, ["subject": "Hi\r\nBcc: x@evil.example"])) == "subject: 'subject' must be one line (no CR, LF or NUL)")
        #expect(refusal(with(email, ["id": "a\u{0}b"])) == "id: 'id' must be one line (no CR, LF or NUL)")
    }

    @Test(arguments: ["ana", "ana@", "@example.org", "Ana <ana@example.org>", "ana perez@example.org", "ana@@example.org",
                      "ana@exa_mple.org", "ana@example..org", ".ana@example.org", "ana@-example.org", "+15550100123"])
    func emailChannelNeedsAnEmailAddress(from: String) {
        #expect(refusal(with(email, ["from": from])) == "from: 'from' must be an email address for channel email")
    }

    @Test(arguments: ["ana.perez@example.org", "a+tag@mail.example.co.uk", "x@localhost", "O'Neil@example.ie"])
    func emailChannelAcceptsAddresses(from: String) throws {
        #expect(try message(with(email, ["from": from])).from == from)
    }

    @Test(arguments: ["15550100123", "+1555", "+1234567890123456", "ana@example.org", "+1 555 CALL NOW"])
    func smsChannelNeedsAnE164Number(from: String) {
        #expect(refusal(with(sms, ["from": from]))
            == "from: 'from' must be an E.164 phone number (+ and 8 to 15 digits) for channel sms")
    }
}
