import Foundation
import Mail
import Testing

/// Every Fixtures/NAME.eml must parse to NAME.expected.json, with LF and with CRLF line ends.
@Suite("Golden fixtures")
struct GoldenFixtureTests {
    @Test("fixture set is complete")
    func fixtureCount() {
        #expect(Fixtures.names().count >= 12)
    }

    @Test("parses as expected", arguments: Fixtures.names(), [false, true])
    func fixture(name: String, crlf: Bool) throws {
        let raw = try Fixtures.eml(name)
        let data = crlf ? Fixtures.crlf(raw) : raw
        let e = try Fixtures.expected(name)
        let m = MailMessage.parse(data)

        #expect(m.from?.address == e.from)
        #expect(m.from?.name == e.fromName)
        #expect(m.replyTo?.address == e.replyTo)
        if let n = e.replyToName { #expect(m.replyTo?.name == n) }
        #expect(m.returnPath == e.returnPath)
        #expect(m.subject == e.subject)
        #expect(m.messageID == e.messageID)
        #expect(m.inReplyTo == e.inReplyTo)
        #expect(m.references == (e.references ?? []))
        #expect(m.date?.timeIntervalSince1970 == e.date)
        #expect(m.text == e.text)
        #expect(m.automatic.map(String.init(describing:)) ?? "none" == e.automatic)
        #expect(m.warnings.count == e.warnings, "warnings: \(m.warnings)")
        #expect(m.xLoop == (e.xLoop ?? []))
        if let authored = e.authored {
            #expect(ReplyText.authoredLines(m.text) == authored)
        }
        for h in e.headerAbsent ?? [] {
            #expect(m.header(h) == nil)
            #expect(!m.headers.contains { $0.name.lowercased() == h.lowercased() })
        }
        #expect(!m.subject.contains("\r") && !m.subject.contains("\n"))

        try #require(m.attachments.count == e.attachments.count)
        for (a, x) in zip(m.attachments, e.attachments) {
            #expect(a.contentType == x.contentType)
            #expect(a.filename == x.filename)
            if let size = x.size, !crlf { #expect(a.data.count == size) }
        }
        if crlf {
            // binary parts decode identically; raw text parts keep the file's line ends
            let lf = MailMessage.parse(raw)
            for (a, b) in zip(m.attachments, lf.attachments) {
                #expect(a.data == b.data || a.data == Fixtures.crlf(b.data))
            }
        }
    }
}
