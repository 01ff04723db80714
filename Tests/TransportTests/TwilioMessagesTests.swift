import Foundation
import TestServers
import Testing
import Transport

@Suite(.timeLimit(.minutes(1)))
struct TwilioMessagesTests {
    init() {
        Curl.initialise()
    }

    private func messages(for gateway: SMSGatewayTestServer, token: String? = nil) throws -> TwilioMessages {
        let configuration = try TwilioConfiguration(
            baseURL: gateway.baseURL, accountSID: gateway.account, authToken: token ?? gateway.token,
            from: "+15550100999", connectTimeout: 2, transferTimeout: 5)
        return try TwilioMessages(configuration: configuration)
    }

    @Test func sendsFromToAndBodyWithBasicAuth() throws {
        let gateway = try SMSGatewayTestServer()
        defer { gateway.stop() }
        let sender = try messages(for: gateway)
        let body = "Booked: Dr Rao, Tue 4 Jun 10:00 & 10:30 (€40). Reply CANCEL A7K2Q to cancel."

        let first = sender.send(to: "+15550100123", body: body)
        let second = sender.send(to: "+442071838750", body: "Zahnärztin 😀 + more")

        for outcome in [first, second] {
            guard case .sent(let sid?) = outcome else {
                Issue.record("expected sent with a sid, got \(outcome)")
                continue
            }
            #expect(sid.hasPrefix("SM") && sid.count == 34)
        }
        #expect(try gateway.calls() == [
            RecordedSMS(account: gateway.account, from: "+15550100999", to: "+15550100123", body: body, authOK: true, status: 201),
            RecordedSMS(account: gateway.account, from: "+15550100999", to: "+442071838750", body: "Zahnärztin 😀 + more",
                        authOK: true, status: 201),
        ])
    }

    @Test func tooManyRequestsAndServerErrorsAreDeferred() throws {
        let gateway = try SMSGatewayTestServer(statuses: [429, 500, 503])
        defer { gateway.stop() }
        let sender = try messages(for: gateway)

        #expect(sender.send(to: "+15550100123", body: "a") == .deferred("HTTP 429: Twilio error 20429: Too Many Requests"))
        #expect(sender.send(to: "+15550100123", body: "a") == .deferred("HTTP 500: Twilio error 20500: Internal Server Error"))
        #expect(sender.send(to: "+15550100123", body: "a") == .deferred("HTTP 503: Twilio error 20503: Service Unavailable"))
        guard case .sent = sender.send(to: "+15550100123", body: "a") else {
            Issue.record("the fourth try should go through")
            return
        }
        #expect(try gateway.calls().map(\.status) == [429, 500, 503, 201])
    }

    @Test func otherClientErrorsAreRefusedWithTwiliosMessage() throws {
        let gateway = try SMSGatewayTestServer()
        defer { gateway.stop() }
        let sender = try messages(for: gateway)
        #expect(sender.send(to: "5550100123", body: "a")
            == .refused("HTTP 400: Twilio error 21211: The 'To' number is not a valid phone number."))
    }

    @Test func aWrongTokenIsRefused() throws {
        let gateway = try SMSGatewayTestServer()
        defer { gateway.stop() }
        let sender = try messages(for: gateway, token: "wrong-token")
        #expect(sender.send(to: "+15550100123", body: "a") == .refused("HTTP 401: Twilio error 20003: Authenticate"))
        #expect(try gateway.calls().map(\.authOK) == [false])
    }

    @Test func aClosedPortIsUnreachable() throws {
        let configuration = try TwilioConfiguration(
            baseURL: "http://127.0.0.1:\(unusedPort())", accountSID: "AC1", authToken: "t", from: "+15550100999",
            connectTimeout: 2, transferTimeout: 5)
        let outcome = try TwilioMessages(configuration: configuration).send(to: "+15550100123", body: "a")
        guard case .unreachable(let reason) = outcome else {
            Issue.record("expected unreachable, got \(outcome)")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test func aGatewayThatNeverAnswersIsUnreachable() throws {
        let silent = LoopbackSocket(listen: true)
        defer { silent.close() }
        let configuration = try TwilioConfiguration(
            baseURL: "http://127.0.0.1:\(silent.port)", accountSID: "AC1", authToken: "t", from: "+15550100999",
            connectTimeout: 1, transferTimeout: 1)
        let outcome = try TwilioMessages(configuration: configuration).send(to: "+15550100123", body: "a")
        guard case .unreachable = outcome else {
            Issue.record("expected unreachable, got \(outcome)")
            return
        }
    }
}
