import Foundation
import Mail
import Testing

@Suite("Compose: bodies")
struct ComposeBodyTests {
    @Test("quoted-printable text round-trips exactly", arguments: [
        "Grüße aus Köln — à bientôt 👋\n",
        String(repeating: "long line without any breaks ", count: 12) + "\n",
        String(repeating: "é", count: 200) + "\n",
        "trailing spaces   \nand tabs\t\n",
        "a dot line follows\n.\nand .leading dots\n..\n",
        "From the clinic\n>From quoted\n",
        "equals = signs =3D and =\n",
        "tab\tinside and \u{1}control\n",
        String(repeating: "=", count: 100) + "\n" + String(repeating: "x", count: 75) + ".\n",
        String(repeating: "a", count: 75) + " \n" + String(repeating: "b", count: 76) + "\n",
        "no final newline é",
        "",
    ])
    func qpRoundTrip(_ text: String) {
        for eol in ["\n", "\r\n"] {
            let data = ComposeTests.mail(text: text).render(lineEnding: eol)
            let s = String(decoding: data, as: UTF8.self)
            let body = s.components(separatedBy: eol + eol).dropFirst().joined(separator: eol + eol)
            for line in body.components(separatedBy: eol) {
                #expect(line.utf8.count <= 76, "\(line)")
                #expect(line != ".")
            }
            let expected = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
            #expect(MailMessage.parse(data).text == expected)
        }
        let needsQP = text.unicodeScalars.contains { $0.value > 0x7E || ($0.value < 0x20 && $0 != "\n" && $0 != "\t") }
            || text.split(separator: "\n").contains { $0.utf8.count > 76 || $0.hasSuffix(" ") || $0.hasSuffix("\t") || $0 == "." }
        let s = String(decoding: ComposeTests.mail(text: text).render(), as: UTF8.self)
        #expect(s.contains("Content-Transfer-Encoding: quoted-printable") == needsQP)
    }

    @Test func alternativeAndAttachments() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<300).map { UInt8($0 % 256) })
        let mail = ComposeTests.mail(html: "<p>Confirmed: <b>Dr Rao</b></p>", attachments: [
            MailAttachment(filename: "card.png", contentType: "image/png", data: png),
            MailAttachment(filename: "Überweisung \"final\".pdf", contentType: "Application/PDF", data: Data("%PDF".utf8)),
            MailAttachment(filename: nil, contentType: "not a type\r\nBcc: x", data: Data()),
        ])
        for eol in ["\n", "\r\n"] {
            let data = mail.render(lineEnding: eol)
            let s = String(decoding: data, as: UTF8.self)
            #expect(s.contains("Content-Type: multipart/mixed; boundary="))
            #expect(s.contains("Content-Type: multipart/alternative; boundary="))
            let m = MailMessage.parse(data)
            #expect(m.warnings.isEmpty)
            #expect(m.text == "Confirmed: Dr Rao Tue 10:00.\n")
            try #require(m.attachments.count == 3)
            #expect(m.attachments[0] == MailAttachment(filename: "card.png", contentType: "image/png", data: png))
            #expect(m.attachments[1].filename == "Überweisung \"final\".pdf")
            #expect(m.attachments[1].contentType == "application/pdf")
            #expect(m.attachments[2].contentType == "application/octet-stream")
            #expect(m.attachments[2].data.isEmpty)
            #expect(!s.components(separatedBy: eol).contains { $0.hasPrefix("Bcc") })
        }
    }

    @Test func htmlOnlyPartIsReadableToo() {
        let mail = ComposeTests.mail(text: "", html: "<p>Only <i>html</i></p>")
        #expect(MailMessage.parse(mail.render()).text == "Only html\n")   // blank text/plain yields to HTML
    }

    @Test func randomRoundTrips() {
        var rng = SplitMix(seed: 42)
        let alphabet: [Unicode.Scalar] = ["a", "Z", " ", " ", "\t", "\r", "\n", "=", "?", ".", "-", "<", ">", "\"", ",",
                                          ":", ";", "\\", "(", ")", "_", "é", "ß", "€", "—", "\u{0}", "\u{1F600}", "日",
                                          "\u{85}", "\u{2028}", "\u{7F}"]
        func random(_ n: Int) -> String {
            var s = String.UnicodeScalarView()
            for _ in 0..<n { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            return String(s)
        }
        for _ in 0..<300 {
            let subject = random(Int(rng.next() % 120))
            let name = random(Int(rng.next() % 30))
            let text = random(Int(rng.next() % 400))
            var mail = ComposeTests.mail(subject: subject, text: text)
            mail.from = MailAddress(name: name, address: "p@x.example")
            let m = MailMessage.parse(mail.render(lineEnding: rng.next() % 2 == 0 ? "\n" : "\r\n"))
            #expect(m.subject == HeaderSanitizer.sanitize(subject))
            #expect(m.from == MailAddress(name: name, address: "p@x.example"))
            var normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            if !normalized.isEmpty && !normalized.hasSuffix("\n") { normalized += "\n" }
            #expect(m.text == normalized)
            #expect(m.warnings.isEmpty)
        }
    }
}
