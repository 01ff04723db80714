import Foundation
import Testing
@testable import Transport

/// How gateway answers map to outcomes, without a gateway.
struct SMSOutcomeTests {
    private func outcome(_ status: Int, _ body: String) -> SMSOutcome {
        TwilioMessages.outcome(of: HTTPResult(status: status, body: Data(body.utf8)))
    }

    @Test func successReadsTheSIDWhenThereIsOne() {
        #expect(outcome(201, #"{"sid":"SM0123","status":"queued"}"#) == .sent(sid: "SM0123"))
        #expect(outcome(200, "") == .sent(sid: nil))
        #expect(outcome(202, #"{"sid":""}"#) == .sent(sid: nil))
        #expect(outcome(201, "<html>ok</html>") == .sent(sid: nil))
    }

    @Test func failuresWithoutTwilioFieldsStillNameTheStatus() {
        #expect(outcome(502, "<html>Bad Gateway</html>") == .deferred("HTTP 502"))
        #expect(outcome(404, #"{"message":"The requested resource was not found"}"#)
            == .refused("HTTP 404: The requested resource was not found"))
        #expect(outcome(400, #"{"code":21610,"message":"Attempt to send to\nunsubscribed recipient"}"#)
            == .refused("HTTP 400: Twilio error 21610: Attempt to send to unsubscribed recipient"))
    }

    @Test func unexpectedStatusesAreDeferred() {
        #expect(outcome(302, "") == .deferred("HTTP 302 (unexpected status)"))
        #expect(outcome(600, "") == .deferred("HTTP 600 (unexpected status)"))
    }
}
