import TestServers
import Foundation
import Testing
import Transport

@Suite(.timeLimit(.minutes(1)))
struct SMTPFailureTests {
    init() {
        Curl.initialise()
    }

    private let message = crlf("Subject: retry", "", "body", "")

    @Test func fourHundredFiftyOneIsTemporaryAndTheRetryGoesThrough() throws {
        let server = try SMTPTestServer(.init(failFirst: 1))
        defer { server.stop() }
        let sender = try SMTPSender(configuration: .plain(server))

        let first = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message)
        let retry = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message)

        #expect(first == .temporary(code: 451, reason: "451 4.3.0 Try again later"))
        #expect(retry == .sent("250 2.0.0 Ok: queued as 0001"))
        #expect(try server.messages().map(\.data) == [message])
    }

    @Test func fiveHundredFiftyIsPermanent() throws {
        let server = try SMTPTestServer(.init(rejectRecipient: "nobody"))
        defer { server.stop() }
        let sender = try SMTPSender(configuration: .plain(server))

        let outcome = sender.send(
            envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example", "nobody@x.example"], message: message)

        #expect(outcome == .permanent(code: 550, reason: "550 5.1.1 Recipient rejected"))
        #expect(try server.messages().isEmpty)
        // The sender stays usable after a refusal.
        #expect(sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message).isSent)
    }

    @Test func serverDownIsTemporary() throws {
        let sender = try SMTPSender(configuration: SMTPConfiguration(
            url: "smtp://127.0.0.1:\(unusedPort())", requireTLS: false))

        let outcome = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message)

        #expect(outcome.isTemporary && outcome.code == nil, "\(outcome)")
        #expect(outcome.reason.hasPrefix("could not connect"))
    }

    @Test func silentServerTimesOutAsTemporary() throws {
        let silent = LoopbackSocket(listen: true)
        defer { silent.close() }
        let sender = try SMTPSender(configuration: SMTPConfiguration(
            url: "smtp://127.0.0.1:\(silent.port)", requireTLS: false, connectTimeout: 1, transferTimeout: 1))

        let outcome = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message)

        #expect(outcome.isTemporary && outcome.code == nil, "\(outcome)")
        #expect(outcome.reason.hasPrefix("timed out"))
    }

    @Test func unknownHostIsTemporary() throws {
        let sender = try SMTPSender(configuration: SMTPConfiguration(
            url: "smtp://no-such-host.invalid:25", requireTLS: false, connectTimeout: 3, transferTimeout: 5))

        let outcome = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message)

        #expect(outcome.isTemporary && outcome.code == nil, "\(outcome)")
        #expect(outcome.reason.hasPrefix("name resolution failed"))
    }
}
