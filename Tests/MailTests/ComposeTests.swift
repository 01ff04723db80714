import Foundation
import Mail
import Testing

@Suite("Compose: headers")
struct ComposeTests {
    static let desk = MailAddress(name: "CareDesk", address: "desk@clinic.example")
    static let patient = MailAddress(name: "Anna Müller", address: "anna@example.org")
    static let when = Date(timeIntervalSince1970: 1_772_445_600)      // Mon, 02 Mar 2026 10:00:00 +0000

    static func mail(subject: String = "Your appointment", text: String = "Confirmed: Dr Rao Tue 10:00.\n",
                     html: String? = nil, attachments: [MailAttachment] = []) -> OutgoingMail {
        OutgoingMail(from: desk, to: [patient], subject: subject, messageID: "desk.1@clinic.example",
                     inReplyTo: "<orig@example.org>", references: ["orig0@example.org", "orig@example.org"],
                     date: when, autoSubmitted: "auto-replied", extraHeaders: [("X-Loop", "desk@clinic.example")],
                     text: text, html: html, attachments: attachments)
    }

    static func headerLines(_ data: Data) -> [String] {
        let s = String(decoding: data, as: UTF8.self)
        let head = s.components(separatedBy: "\n\n").first ?? s
        return head.components(separatedBy: "\n")
    }

    @Test func rendersHeadersAndRoundTrips() {
        let data = ComposeTests.mail().render()
        let s = String(decoding: data, as: UTF8.self)
        #expect(s.hasPrefix("Date: Mon, 02 Mar 2026 10:00:00 +0000\nFrom: CareDesk <desk@clinic.example>\n"))
        #expect(s.contains("\nTo: =?UTF-8?B?"))
        #expect(s.contains("\nMessage-ID: <desk.1@clinic.example>\n"))
        #expect(s.contains("\nIn-Reply-To: <orig@example.org>\n"))
        #expect(s.contains("\nReferences: <orig0@example.org> <orig@example.org>\n"))
        #expect(s.contains("\nAuto-Submitted: auto-replied\n"))
        #expect(s.contains("\nX-Loop: desk@clinic.example\n"))
        #expect(s.contains("\nMIME-Version: 1.0\n"))
        #expect(s.contains("\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\nConfirmed"))

        let m = MailMessage.parse(data)
        #expect(m.from == ComposeTests.desk)
        #expect(m.to == [ComposeTests.patient])
        #expect(m.subject == "Your appointment")
        #expect(m.messageID == "desk.1@clinic.example")
        #expect(m.inReplyTo == "orig@example.org")
        #expect(m.references == ["orig0@example.org", "orig@example.org"])
        #expect(m.date == ComposeTests.when)
        #expect(m.automatic == AutomaticKind.autoSubmitted("auto-replied"))
        #expect(m.xLoop == ["desk@clinic.example"])
        #expect(m.text == "Confirmed: Dr Rao Tue 10:00.\n")
        #expect(m.warnings.isEmpty)
    }

    @Test func crlfRendering() {
        let data = ComposeTests.mail(text: "a\nb\r\nc", html: "<p>x</p>").render(lineEnding: "\r\n")
        let bytes = [UInt8](data)
        for (i, b) in bytes.enumerated() where b == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        for (i, b) in bytes.enumerated() where b == 0x0D { #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A) }
        #expect(MailMessage.parse(data).text == "a\nb\nc\n")
    }

    @Test("header injection is impossible", arguments: [
        "Hi\r\nBcc: x@evil.example",
        "Hi\nBcc: x@evil.example",
        "Hi\rBcc: x@evil.example",
        "Hi\u{0}\nBcc: x@evil.example",
        "Hi\u{2028}Bcc: x@evil.example",
        "Hi\u{85}Bcc: x@evil.example",
        "Hé\r\nBcc: x@evil.example",
    ])
    func injection(_ evil: String) {
        var mail = ComposeTests.mail(subject: evil)
        mail.from = MailAddress(name: evil, address: "desk@clinic.example")
        mail.to = [MailAddress(name: evil, address: "a@b.example")]
        mail.extraHeaders = [("X-Note", evil), ("X-Evil\r\nBcc", "v"), (evil, "w")]
        mail.autoSubmitted = evil
        mail.messageID = "id\r\nBcc: x@evil.example"
        mail.inReplyTo = evil
        mail.references = [evil]
        for eol in ["\n", "\r\n"] {
            let data = mail.render(lineEnding: eol)
            let lines = String(decoding: data, as: UTF8.self).components(separatedBy: eol)
            #expect(!lines.contains { $0.lowercased().hasPrefix("bcc") })
            #expect(!String(decoding: data, as: UTF8.self).unicodeScalars.contains {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\r") || $0 == "\u{2028}" || $0 == "\u{85}"
            })
            let m = MailMessage.parse(data)
            #expect(m.header("Bcc") == nil)
            #expect(!m.headers.contains { $0.name.lowercased() == "bcc" })
            #expect(m.subject == HeaderSanitizer.sanitize(evil))
        }
    }

    @Test func decodedInjectionFromParsedMessageStaysHarmless() throws {
        // an incoming subject that decodes to CRLF + Bcc, replied to with "Re: "
        let incoming = MailMessage.parse(Data("Subject: =?UTF-8?B?SGkNCkJjYzogeEBldmlsLmV4YW1wbGU=?=\n\nx".utf8))
        #expect(incoming.subject == "Hi  Bcc: x@evil.example")
        let reply = ComposeTests.mail(subject: "Re: " + incoming.subject).render()
        #expect(!String(decoding: reply, as: UTF8.self).components(separatedBy: "\n").contains { $0.hasPrefix("Bcc") })
    }

    @Test func nonASCIIHeadersAreEncoded() {
        let subject = "Termin bestätigt: Dr Rao, Dienstag 10:00 — bitte 10 Minuten früher da sein, danke schön!"
        let data = ComposeTests.mail(subject: subject).render()
        let lines = ComposeTests.headerLines(data)
        for l in lines {
            #expect(l.utf8.allSatisfy { $0 < 0x80 }, "\(l)")
            #expect(l.utf8.count <= 76, "\(l)")
        }
        let m = MailMessage.parse(data)
        #expect(m.subject == subject)
        #expect(m.to.first?.name == "Anna Müller")
    }

    @Test func longASCIIHeadersFold() {
        let subject = (0..<40).map { "word\($0)" }.joined(separator: " ")
        let data = ComposeTests.mail(subject: subject).render()
        #expect(ComposeTests.headerLines(data).allSatisfy { $0.utf8.count <= 78 })
        #expect(MailMessage.parse(data).subject == subject)
        let unbreakable = String(repeating: "x", count: 1200)
        let m = MailMessage.parse(ComposeTests.mail(subject: unbreakable).render())
        #expect(m.subject == unbreakable)
    }

    @Test func displayNameQuoting() {
        for name in ["Rao, Priya (Dr)", "Say \"hi\"", "back\\slash", "Dr. Rao", "plain name", "José", "=?x?Q?y?="] {
            var mail = ComposeTests.mail()
            mail.from = MailAddress(name: name, address: "p@x.example")
            let m = MailMessage.parse(mail.render())
            #expect(m.from == MailAddress(name: name, address: "p@x.example"), "\(name)")
        }
    }

    @Test func dateInTimeZone() {
        var mail = ComposeTests.mail()
        mail.timeZone = TimeZone(secondsFromGMT: 3600)
        let s = String(decoding: mail.render(), as: UTF8.self)
        #expect(s.hasPrefix("Date: Mon, 02 Mar 2026 11:00:00 +0100\n"))
        #expect(MailMessage.parse(mail.render()).date == ComposeTests.when)
    }
}
