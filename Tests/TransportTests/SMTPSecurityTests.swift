import TestServers
import Foundation
import Testing
import Transport

@Suite(.timeLimit(.minutes(1)))
struct SMTPSecurityTests {
    init() {
        Curl.initialise()
    }

    private let message = crlf("Subject: secure", "", "over TLS", "")

    @Test func startTLSWithATrustedCertificate() throws {
        let files = try TemporaryDirectory()
        let certificate = try SelfSignedCertificate(in: files)
        let server = try SMTPTestServer(.init(starttls: certificate))
        defer { server.stop() }
        let sender = try SMTPSender(configuration: SMTPConfiguration(
            url: server.url, requireTLS: true, caFile: certificate.certificatePath))

        let outcome = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message)

        #expect(outcome.isSent)
        let recorded = try server.messages()
        #expect(recorded.map(\.tls) == [true])
        #expect(recorded.map(\.data) == [message])
    }

    @Test func startTLSWithAnUntrustedCertificateIsTemporary() throws {
        let files = try TemporaryDirectory()
        let server = try SMTPTestServer(.init(starttls: try SelfSignedCertificate(in: files)))
        defer { server.stop() }
        let sender = try SMTPSender(configuration: SMTPConfiguration(url: server.url, requireTLS: true))

        let outcome = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message)

        #expect(outcome.isTemporary, "\(outcome)")
        #expect(outcome.reason.hasPrefix("TLS failed"))
        #expect(try server.messages().isEmpty)
    }

    /// Documented choice: a relay without STARTTLS is `.temporary` (the path or
    /// the relay is wrong, not the message), and nothing is sent in clear.
    @Test func requiredTLSAgainstAServerWithoutStartTLSSendsNothing() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let sender = try SMTPSender(configuration: SMTPConfiguration(url: server.url, requireTLS: true))

        let outcome = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message)

        #expect(outcome.isTemporary, "\(outcome)")
        #expect(outcome.code == nil)
        #expect(outcome.reason.hasPrefix("TLS failed"))
        #expect(try server.messages().isEmpty)
    }

    @Test(arguments: ["PLAIN", "LOGIN"])
    func authenticatesOverStartTLS(mechanism: String) throws {
        let files = try TemporaryDirectory()
        let certificate = try SelfSignedCertificate(in: files)
        let server = try SMTPTestServer(.init(starttls: certificate, auth: "desk:s3cret pass", authMechanism: mechanism))
        defer { server.stop() }
        let sender = try SMTPSender(configuration: SMTPConfiguration(
            url: server.url, requireTLS: true, username: "desk", password: "s3cret pass",
            caFile: certificate.certificatePath))

        for _ in 1...2 {
            let outcome = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message)
            #expect(outcome.isSent, "\(outcome)")
        }

        let recorded = try server.messages()
        #expect(recorded.map(\.auth) == Array(repeating: RecordedMessage.Auth(mechanism: mechanism, user: "desk"), count: 2))
        #expect(recorded.map(\.tls) == [true, true])
        #expect(recorded.map(\.connectionNumber) == [1, 1])
    }

    @Test func wrongPasswordIsPermanent() throws {
        let files = try TemporaryDirectory()
        let certificate = try SelfSignedCertificate(in: files)
        let server = try SMTPTestServer(.init(starttls: certificate, auth: "desk:right"))
        defer { server.stop() }
        let sender = try SMTPSender(configuration: SMTPConfiguration(
            url: server.url, requireTLS: true, username: "desk", password: "wrong",
            caFile: certificate.certificatePath))

        let outcome = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ana@x.example"], message: message)

        #expect(outcome.isPermanent, "\(outcome)")
        #expect(outcome.code == 535)
        #expect(!outcome.reason.contains("wrong"))
        #expect(try server.messages().isEmpty)
    }

    @Test func envelopeInjectionNeverReachesTheWire() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let sender = try SMTPSender(configuration: .plain(server))
        let injected = "x@a.example\r\nRCPT TO:<evil@x.example>"
        let hostile = [injected, "x@a.example\nDATA", "x@a.example\0", "<x@a.example>", "x@a.example>\r\n", "a\u{7F}@b"]

        for address in hostile {
            let asRecipient = sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ok@x.example", address], message: message)
            let asSender = sender.send(envelopeFrom: address, recipients: ["ok@x.example"], message: message)
            for outcome in [asRecipient, asSender] {
                #expect(outcome.isPermanent && outcome.code == nil, "\(outcome)")
                #expect(!outcome.reason.contains("evil") && !outcome.reason.contains("\r"))
            }
        }
        #expect(sender.send(envelopeFrom: "desk@clinic.example", recipients: [], message: message).isPermanent)

        // The first connection is the one this clean message opens.
        #expect(sender.send(envelopeFrom: "desk@clinic.example", recipients: ["ok@x.example"], message: message).isSent)
        let recorded = try server.messages()
        #expect(recorded.map(\.connectionNumber) == [1])
        #expect(recorded.map(\.rcptTos) == [["ok@x.example"]])
    }
}
