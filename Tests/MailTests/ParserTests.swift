import Foundation
@testable import Mail
import Testing

@Suite("Message parsing")
struct ParserTests {
    static func parse(_ s: String) -> MailMessage { MailMessage.parse(Data(s.utf8)) }

    @Test func headerAccess() {
        let m = ParserTests.parse("""
        SUBJECT: =?UTF-8?Q?caf=C3=A9?=\tand\u{0}more
        X-Loop: desk@clinic.example
        x-loop:  second  
        X-Empty:
        Received: a
        Received: b

        body
        """)
        #expect(m.header("subject") == "café and more")
        #expect(m.subject == "café and more")
        #expect(m.header("x-empty") == "")
        #expect(m.header("X-Missing") == nil)
        #expect(m.headers(named: "received") == ["a", "b"])
        #expect(m.xLoop == ["desk@clinic.example", "second"])
        #expect(m.headers.map(\.name) == ["SUBJECT", "X-Loop", "x-loop", "X-Empty", "Received", "Received"])
        #expect(m.headers[0].rawValue == "=?UTF-8?Q?caf=C3=A9?=\tand\u{0}more")
        #expect(m.text == "body")
        #expect(m.subject.unicodeScalars.allSatisfy { $0.value >= 0x20 })
    }

    @Test func envelopeFields() {
        let m = ParserTests.parse("""
        Return-Path: <>
        From: A <a@x.example>
        From: B <b@x.example>
        To: desk@clinic.example, "Front" <front@clinic.example>
        Cc: c@x.example
        Reply-To: Replies <r@x.example>
        Message-ID: < id@host >
        In-Reply-To: Your message of Monday <parent@host>
        References: <p0@host>
         <p1@host> (comment) <p2@host>
        Subject:

        x
        """)
        #expect(m.returnPath == "")
        #expect(m.from?.address == "a@x.example")
        #expect(m.to.map(\.address) == ["desk@clinic.example", "front@clinic.example"])
        #expect(m.cc.map(\.address) == ["c@x.example"])
        #expect(m.replyTo == MailAddress(name: "Replies", address: "r@x.example"))
        #expect(m.messageID == "id@host")
        #expect(m.inReplyTo == "parent@host")
        #expect(m.references == ["p0@host", "p1@host", "p2@host"])
        #expect(m.subject == "")
        #expect(m.automatic == .bounce)
    }

    @Test func messageIDWithoutBrackets() {
        #expect(ParserTests.parse("Message-ID: abc@host\n\nx").messageID == "abc@host")
        #expect(ParserTests.parse("Message-ID: garbage\n\nx").messageID == nil)
    }

    @Test func lineEndings() {
        let mixed = "From: a@b.example\r\nSubject: s\n\r\nline1\r\nline2\rline3\nline4"
        let m = MailMessage.parse(Data(mixed.utf8))
        #expect(m.subject == "s")
        #expect(m.text == "line1\nline2\nline3\nline4")
        #expect(m.warnings.isEmpty)
    }

    @Test func mboxEnvelopeLineSkipped() {
        let m = ParserTests.parse("From someone@example.com Mon Mar  2 10:00:00 2026\nFrom: a@b.example\n\nhi\n")
        #expect(m.from?.address == "a@b.example")
        #expect(m.headers.count == 1)
    }

    @Test func automaticClassification() {
        func kind(_ headers: String, _ type: String = "text/plain") -> AutomaticKind? {
            ParserTests.parse(headers + "\nContent-Type: \(type); boundary=b\n\n--b\n\nx\n--b--\n").automatic
        }
        #expect(kind("From: a@b.example") == nil)
        #expect(kind("From: a@b.example\nAuto-Submitted: no") == nil)
        #expect(kind("From: a@b.example\nAuto-Submitted: Auto-Generated; owner=x") == .autoSubmitted("auto-generated"))
        #expect(kind("From: a@b.example\nPrecedence: bulk") == .list)
        #expect(kind("From: a@b.example\nPrecedence: junk") == .list)
        #expect(kind("From: a@b.example\nPrecedence: first-class") == nil)
        #expect(kind("From: a@b.example\nList-Id: <x.example>") == .list)
        #expect(kind("From: postmaster@b.example") == .bounce)
        #expect(kind("From: <>") == .bounce)
        #expect(kind("From: Mailer-Daemon@b.example") == .bounce)
        #expect(kind("From: MAILER-DAEMON (Mail Delivery System)") == .bounce)
        #expect(kind("From: a@b.example\nReturn-Path: <MAILER-DAEMON@x.example>") == .bounce)
        #expect(kind("From: a@b.example\nReturn-Path: <>\nAuto-Submitted: auto-replied") == .bounce)
        #expect(kind("From: MAILER-DAEMON@b.example", "multipart/report") == .deliveryReport)
        #expect(kind("From: a@b.example\nAuto-Submitted: auto-replied\nList-Id: x") == .autoSubmitted("auto-replied"))
    }

    @Test func bodySelection() {
        let htmlFirst = ParserTests.parse("""
        Content-Type: multipart/alternative; boundary=b

        --b
        Content-Type: text/html

        <p>html</p>
        --b
        Content-Type: text/plain

        plain
        --b--
        """)
        #expect(htmlFirst.text == "plain")
        let blankPlain = ParserTests.parse("""
        Content-Type: multipart/alternative; boundary=b

        --b
        Content-Type: text/plain

        \u{20}
        --b
        Content-Type: text/html

        <p>BOOK Dr Rao</p>
        --b--
        """)
        #expect(blankPlain.text == "BOOK Dr Rao\n")
        let htmlOnly = ParserTests.parse("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/html; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        <p>caf=E9</p>
        --b
        Content-Type: text/plain
        Content-Disposition: attachment; filename=notes.txt

        not the body
        --b--
        """)
        #expect(htmlOnly.text == "café\n")
        #expect(htmlOnly.attachments.map(\.filename) == ["notes.txt"])
        #expect(ParserTests.parse("Content-Type: application/pdf\n\n%PDF").attachments.count == 1)
        #expect(ParserTests.parse("Content-Type: application/pdf\n\n%PDF").text == "")
        #expect(ParserTests.parse("Content-Type: text\n\nx").warnings.count == 1)
    }

    @Test func charsets() {
        func text(_ cs: String, _ body: [UInt8]) -> MailMessage {
            MailMessage.parse(Data("Content-Type: text/plain; charset=\(cs)\n\n".utf8) + Data(body))
        }
        #expect(text("utf-8", Array("é".utf8)).text == "é")
        #expect(text("\"UTF8\"", Array("é".utf8)).text == "é")
        #expect(text("latin1", [0xE9]).text == "é")
        #expect(text("iso-8859-15", [0xA4, 0xBD]).text == "€œ")
        #expect(text("windows-1252", [0x80, 0x93, 0x94, 0x96]).text == "€“”–")
        #expect(text("us-ascii", Array("é".utf8)).text == "é")        // mislabelled UTF-8 survives
        #expect(text("us-ascii", [0xE9]).text == "é")
        let bogusUTF8 = text("x-bogus", Array("é".utf8))
        #expect(bogusUTF8.text == "é" && bogusUTF8.warnings.count == 1)
        let invalid = text("utf-8", [0x61, 0xFF, 0x62])
        #expect(invalid.text == "a\u{FFFD}b" && invalid.warnings.count == 1)
    }

    @Test func transferEncodings() {
        let qp = ParserTests.parse("Content-Transfer-Encoding: Quoted-Printable\n\na=3db=3D=\nc =\n=XY=4\n")
        #expect(qp.text == "a=b=c =XY=4\n")
        let b64 = ParserTests.parse("Content-Transfer-Encoding: base64\n\naGVs\nbG8=\n")
        #expect(b64.text == "hello")
        let unknown = ParserTests.parse("Content-Transfer-Encoding: x-uuencode\n\nraw")
        #expect(unknown.text == "raw" && unknown.warnings.count == 1)
    }

    @Test func multipartProblems() {
        let noParam = ParserTests.parse("Content-Type: multipart/mixed\n\nhello")
        #expect(noParam.text == "hello" && noParam.warnings.count == 1)
        let notFound = ParserTests.parse("Content-Type: multipart/mixed; boundary=zz\n\nhello")
        #expect(notFound.text == "hello" && notFound.warnings.count == 1)
        let padded = ParserTests.parse("Content-Type: multipart/mixed; boundary=\"a b\"\n\n--a b  \n\nx\n--a b-- \t\n")
        #expect(padded.text == "x" && padded.warnings.isEmpty)
        let prefix = ParserTests.parse("Content-Type: multipart/mixed; boundary=ab\n\n--ab\n\nx\n--abc\ny\n--ab--\n")
        #expect(prefix.text == "x\n--abc\ny")
    }

    @Test func formatFlowed() {
        let m = ParserTests.parse("Content-Type: text/plain; format=flowed; delsp=yes\n\nBOOK Dr Rao Tue 10:00 and th \nen more\n> quo \n> ted\n -- \nsig\n")
        #expect(m.text == "BOOK Dr Rao Tue 10:00 and then more\n> quoted\n-- \nsig\n")
        let plain = ParserTests.parse("Content-Type: text/plain; format=flowed\n\nsoft \nbreak\n From stuffed\n")
        #expect(plain.text == "soft break\nFrom stuffed\n")
    }

    @Test func attachmentNames() {
        let m = ParserTests.parse("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: application/octet-stream; name="=?UTF-8?B?w7xiZXIucGRm?="

        x
        --b
        Content-Type: application/pdf
        Content-Disposition: attachment; filename*0*=UTF-8''%C3%BC; filename*1="ber.pdf"

        y
        --b
        Content-Type: IMAGE/PNG; name="a\\"b.png"

        z
        --b--
        """)
        #expect(m.attachments.map(\.filename) == ["über.pdf", "über.pdf", "a\"b.png"])
        #expect(m.attachments.map(\.contentType) == ["application/octet-stream", "application/pdf", "image/png"])
        #expect(m.attachments.map { String(decoding: $0.data, as: UTF8.self) } == ["x", "y", "z"])
    }

    @Test func degenerateInputs() {
        for s in ["", "\n", "\r\n\r\n", ":", "From ", "From \n", ": x\n\n", " folded first\n\nbody", "\u{0}\u{0}\u{0}",
                  "Subject: =?", "Content-Type: ;;;===\n\n", "Content-Type: multipart/x; boundary=\"\"\n\n--\n"] {
            let m = ParserTests.parse(s)
            #expect(!m.text.contains("\r"))
        }
        #expect(ParserTests.parse("").text == "")
        #expect(ParserTests.parse("Subject: only headers\n").subject == "only headers")
    }
}

/// Attachments are kept as they came and decoded only when asked for.
@Suite struct LazyAttachmentTests {
    @Test func anAttachmentIsDecodedOnlyWhenAskedFor() throws {
        let payload = Data((0..<3000).map { UInt8($0 % 251) })
        let raw = "From: a@example.in\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
            + "Content-Type: text/plain\n\nSLOTS Dr Rao\n--b\nContent-Type: application/octet-stream\n"
            + "Content-Transfer-Encoding: base64\n\n" + payload.base64EncodedString(options: .lineLength76Characters) + "\n--b--\n"
        let message = MailMessage.parse(Data(raw.utf8))
        let part = try #require(message.attachments.first)
        #expect(!part.isDecoded, "parsing keeps the base64 as it came")
        #expect(part.carriedBytes > payload.count)
        #expect(part.data == payload)
        #expect(message.text.hasPrefix("SLOTS Dr Rao"))
    }
}
