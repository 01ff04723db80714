import TestServers
import Foundation
import Testing
import Transport

@Suite(.timeLimit(.minutes(1)))
struct SMTPDeliveryTests {
    init() {
        Curl.initialise()
    }

    @Test func sendsTheExactBytesAndEnvelope() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let sender = try SMTPSender(configuration: .plain(server))
        let message = crlf("From: desk@clinic.example", "To: ana@patients.example", "Subject: Booked", "",
                           "Your appointment is confirmed.", "")

        let outcome = sender.send(
            envelopeFrom: "desk@clinic.example", recipients: ["ana@patients.example", "ben@patients.example"],
            message: message)

        #expect(outcome == .sent("250 2.0.0 Ok: queued as 0001"))
        let recorded = try #require(try server.messages().first)
        #expect(recorded.mailFrom == "desk@clinic.example")
        #expect(recorded.rcptTos == ["ana@patients.example", "ben@patients.example"])
        #expect(recorded.data == message)
        #expect(!recorded.tls)
    }

    @Test func heloNameGoesInEHLO() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let sender = try SMTPSender(configuration: SMTPConfiguration(
            url: server.url, requireTLS: false, heloName: "desk.clinic.example"))

        #expect(sender.send(envelopeFrom: "a@b.example", recipients: ["c@d.example"], message: crlf("x", "")).isSent)

        #expect(try server.messages().map(\.helo) == ["desk.clinic.example"])
    }

    @Test func nullReversePath() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let sender = try SMTPSender(configuration: .plain(server))

        let outcome = sender.send(envelopeFrom: "", recipients: ["ana@patients.example"], message: crlf("Subject: x", "", "bounce", ""))

        #expect(outcome == .sent("250 2.0.0 Ok: queued as 0001"))
        #expect(try server.messages().map(\.mailFrom) == ["<>"])
    }

    @Test func linesStartingWithADotSurvive() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let sender = try SMTPSender(configuration: .plain(server))
        let message = crlf(".starts the data", "Subject: dots", "", ".", "..", ".hidden", "text . .", "...", ".", "")

        #expect(sender.send(envelopeFrom: "a@b.example", recipients: ["c@d.example"], message: message).isSent)

        #expect(try server.messages().map(\.data) == [message])
    }

    @Test func lineEndsAndTheLastLineAreMadeProper() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let sender = try SMTPSender(configuration: .plain(server))
        let inputs = [
            Data("Subject: no final newline\r\n\r\nlast line".utf8),
            Data("Subject: LF only\n\nline\n.\n".utf8),
            Data("Subject: mixed\r\n\rbare CR\nbare LF\r\n".utf8),
        ]
        for input in inputs {
            #expect(sender.send(envelopeFrom: "a@b.example", recipients: ["c@d.example"], message: input).isSent)
        }

        #expect(try server.messages().map(\.data) == [
            crlf("Subject: no final newline", "", "last line", ""),
            crlf("Subject: LF only", "", "line", ".", ""),
            crlf("Subject: mixed", "", "bare CR", "bare LF", ""),
        ])
    }

    @Test func eightBitBytesPass() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let sender = try SMTPSender(configuration: .plain(server))
        var message = Data("Subject: =?utf-8?q?Caf=C3=A9?=\r\n\r\n".utf8)
        message.append(contentsOf: Array("Café naïve ☕".utf8) + [0x80, 0xFE, 0xFF, 0x0D, 0x0A])

        _ = sender.send(envelopeFrom: "a@b.example", recipients: ["c@d.example"], message: message)

        #expect(try server.messages().map(\.data) == [message])
    }

    @Test func twentyMessagesShareOneConnection() throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let sender = try SMTPSender(configuration: .plain(server))
        var opened = 0
        for number in 1...20 {
            let outcome = sender.send(
                envelopeFrom: "desk@clinic.example", recipients: ["p\(number)@patients.example"],
                message: crlf("Subject: message \(number)", "", "body \(number)", ""))
            #expect(outcome == .sent(String(format: "250 2.0.0 Ok: queued as %04d", number)))
            opened += sender.connectionsOpenedByLastSend
        }

        let recorded = try server.messages()
        #expect(recorded.count == 20)
        #expect(Set(recorded.map(\.connectionNumber)) == [1])
        #expect(opened == 1)
    }

    @Test func aConnectionTheRelayDroppedWhileIdleIsReplaced() throws {
        let server = try SMTPTestServer(.init(idleTimeout: 0.5))
        defer { server.stop() }
        let sender = try SMTPSender(configuration: .plain(server))
        let message = crlf("Subject: idle", "", "body", "")

        let first = sender.send(envelopeFrom: "a@b.example", recipients: ["c@d.example"], message: message)
        Thread.sleep(forTimeInterval: 1.5)
        let second = sender.send(envelopeFrom: "a@b.example", recipients: ["c@d.example"], message: message)

        #expect(first.isSent && second.isSent, "\(first) \(second)")
        #expect(try server.messages().map(\.connectionNumber) == [1, 2])
    }
}

/// Lines joined with CRLF ("" as the last element gives a final CRLF).
func crlf(_ lines: String...) -> Data {
    Data(lines.joined(separator: "\r\n").utf8)
}

extension SMTPConfiguration {
    /// Plain SMTP to a test server, no TLS.
    static func plain(_ server: SMTPTestServer) throws -> SMTPConfiguration {
        try SMTPConfiguration(url: server.url, requireTLS: false, connectTimeout: 5, transferTimeout: 20)
    }
}
