import Foundation
import Mail
import Testing

/// Delivery status notifications (RFC 3464). The fixtures are written inline (LF line ends;
/// every test also runs them with CRLF), modelled on what Postfix, Exim and Gmail send.
@Suite("Delivery reports")
struct DeliveryReportTests {
    static func data(_ s: String, crlf: Bool) -> Data {
        let lf = Data(s.utf8)
        return crlf ? Fixtures.crlf(lf) : lf
    }

    // Postfix bounce of a VERP-addressed message, delivered through a virtual alias (so
    // X-Original-To keeps the VERP address and Delivered-To the mailbox it reached).
    static let postfix = """
        Return-Path: <>
        X-Original-To: bounces+appt-4711@clinic.example
        Delivered-To: desk@clinic.example
        Received: by mx.clinic.example (Postfix)
        \tid 9C1E2200A1; Tue,  3 Mar 2026 08:15:02 +0000 (UTC)
        Date: Tue,  3 Mar 2026 08:15:02 +0000 (UTC)
        From: MAILER-DAEMON@relay.clinic.example (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: bounces+appt-4711@clinic.example
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        \tboundary="9C1E2200A1.1772525702/relay.clinic.example"
        Content-Transfer-Encoding: 7bit
        Message-Id: <20260303081502.9C1E2200A1@relay.clinic.example>

        This is a MIME-encapsulated message.

        --9C1E2200A1.1772525702/relay.clinic.example
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host relay.clinic.example.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

        For further assistance, please send mail to postmaster.

        If you do so, please include this problem report. You can
        delete your own text from the attached returned message.

                           The mail system

        <patient.x@example.org>: host mx.example.org[192.0.2.25] said: 550 5.1.1
            <patient.x@example.org>: Recipient address rejected: User unknown in local
            recipient table (in reply to RCPT TO command)

        <Ravi@Example.NET>: host mx.example.net[198.51.100.4] said: 552 5.2.2 Mailbox
            full (in reply to RCPT TO command)

        --9C1E2200A1.1772525702/relay.clinic.example
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; relay.clinic.example
        X-Postfix-Queue-ID: 9C1E2200A1
        X-Postfix-Sender: rfc822; bounces+appt-4711@clinic.example
        Arrival-Date: Tue,  3 Mar 2026 08:15:01 +0000 (UTC)
        Original-Envelope-Id: appt-4711.r3

        Final-Recipient: rfc822; patient.x@example.org
        Original-Recipient: rfc822;patient.x@example.org
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mx.example.org
        Diagnostic-Code: smtp; 550 5.1.1 <patient.x@example.org>: Recipient address
            rejected: User unknown in local recipient table

        Final-Recipient: rfc822; Ravi@Example.NET
        Action: failed
        Status: 5.2.2
        Remote-MTA: dns; mx.example.net
        Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

        --9C1E2200A1.1772525702/relay.clinic.example
        Content-Description: Undelivered Message
        Content-Type: message/rfc822

        Return-Path: <bounces+appt-4711@clinic.example>
        From: CareDesk <desk@clinic.example>
        To: patient.x@example.org, Ravi@Example.NET
        Subject: Your appointment on Tuesday
        Message-ID: <desk.confirm.4711@clinic.example>
        Content-Type: text/plain; charset=utf-8

        Confirmed: Dr Rao, Tue 3 Mar 10:00.

        --9C1E2200A1.1772525702/relay.clinic.example--

        """

    // Exim bounce: no Delivered-To / X-Original-To (Exim writes Envelope-to), Action before
    // Final-Recipient, "rfc822;" without a space, lowercase "Content-type".
    static let exim = """
        Return-path: <>
        Envelope-to: bounces+77@clinic.example
        Delivery-date: Wed, 04 Mar 2026 11:02:13 +0000
        Received: from Debian-exim by relay.example.net with local (Exim 4.96)
        \tid 1vXyZ1-000AbC-2Q
        \tfor bounces+77@clinic.example;
        \tWed, 04 Mar 2026 11:02:13 +0000
        X-Failed-Recipients: r.kumar@example.in
        Auto-Submitted: auto-replied
        From: Mail Delivery System <Mailer-Daemon@relay.example.net>
        To: bounces+77@clinic.example
        Content-Type: multipart/report; report-type=delivery-status; boundary=1772622133-eximdsn-1804289383
        MIME-Version: 1.0
        Subject: Mail delivery failed: returning message to sender
        Message-Id: <E1vXyZ1-000AbC-2Q@relay.example.net>
        Date: Wed, 04 Mar 2026 11:02:13 +0000

        --1772622133-eximdsn-1804289383
        Content-type: text/plain; charset=us-ascii

        This message was created automatically by mail delivery software.

        A message that you sent could not be delivered to one or more of its
        recipients. This is a permanent error. The following address(es) failed:

          r.kumar@example.in
            host mx1.example.in [203.0.113.7]
            SMTP error from remote mail server after RCPT TO:<r.kumar@example.in>:
            550 5.1.1 <r.kumar@example.in>... User unknown

        --1772622133-eximdsn-1804289383
        Content-type: message/delivery-status

        Reporting-MTA: dns; relay.example.net

        Action: failed
        Final-Recipient: rfc822;r.kumar@example.in
        Status: 5.0.0
        Remote-MTA: dns; mx1.example.in
        Diagnostic-Code: smtp; 550 5.1.1 <r.kumar@example.in>... User unknown

        --1772622133-eximdsn-1804289383
        Content-type: text/rfc822-headers

        Return-path: <bounces+77@clinic.example>
        From: CareDesk <desk@clinic.example>
        To: r.kumar@example.in
        Subject: Appointment reminder
        Message-ID: <desk.remind.77@clinic.example>

        --1772622133-eximdsn-1804289383--

        """

    // Gmail delay warning: HTML notification in multipart/related, report-type after the
    // boundary, a whitespace-only line between the groups, a Diagnostic-Code folded with tabs,
    // Delivered-To added by our own MTA.
    static let gmailDelay = """
        Delivered-To: bounces+appt-9@clinic.example
        Received: from mail-sor-f69.google.com (mail-sor-f69.google.com [209.85.220.69])
        \tby mx.clinic.example (Postfix) with SMTPS id 1A2B3C4D
        \tfor <bounces+appt-9@clinic.example>; Thu,  5 Mar 2026 10:12:14 +0000 (UTC)
        Return-Path: <>
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: bounces+appt-9@clinic.example
        Auto-Submitted: auto-replied
        Subject: Delivery Status Notification (Delay)
        Date: Thu, 05 Mar 2026 02:12:13 -0800 (PST)
        Message-ID: <65e6f1ad.050a0220.delay@mx.google.com>
        MIME-Version: 1.0
        Content-Type: multipart/report; boundary="000000000000b1c2d3e4f5a6b7c8";
        \treport-type="delivery-status"

        --000000000000b1c2d3e4f5a6b7c8
        Content-Type: multipart/related; boundary="000000000000b1c2d3e4f5a6b7d9"

        --000000000000b1c2d3e4f5a6b7d9
        Content-Type: text/html; charset="UTF-8"

        <html><body><h2>Message not delivered yet</h2>
        <p>There was a temporary problem delivering your message to <b>meera@example.co.in</b>.
        Gmail will retry for 46 more hours. You'll be notified if the delivery fails permanently.</p>
        </body></html>

        --000000000000b1c2d3e4f5a6b7d9--
        --000000000000b1c2d3e4f5a6b7c8
        Content-Type: message/delivery-status

        Reporting-MTA: dns; googlemail.com
        Received-From-MTA: dns; desk@clinic.example
        Arrival-Date: Thu, 05 Mar 2026 02:10:11 -0800 (PST)
        X-Original-Message-ID: <desk.confirm.9@clinic.example>
        \u{20}\u{20}
        Final-Recipient: rfc822; meera@example.co.in
        Action: delayed
        Status: 4.4.1
        Remote-MTA: dns; mx.example.co.in. (203.0.113.9, the server for the domain
        \texample.co.in.)
        Diagnostic-Code: smtp; The recipient server did not accept our requests to
        \tconnect. Learn more at https://support.google.com/mail/answer/7720
        \t [mx.example.co.in. 203.0.113.9: timed out]
        Last-Attempt-Date: Thu, 05 Mar 2026 02:12:13 -0800 (PST)
        Will-Retry-Until: Sat, 07 Mar 2026 02:10:11 -0800 (PST)

        --000000000000b1c2d3e4f5a6b7c8
        Content-Type: message/rfc822

        From: CareDesk <desk@clinic.example>
        To: meera@example.co.in
        Subject: Your appointment
        Message-ID: <desk.confirm.9@clinic.example>

        Confirmed.
        --000000000000b1c2d3e4f5a6b7c8--

        """

    @Test("Postfix bounce", arguments: [false, true])
    func postfixBounce(crlf: Bool) throws {
        let r = try #require(DeliveryReport.read(DeliveryReportTests.data(DeliveryReportTests.postfix, crlf: crlf)))
        #expect(r.envelopeRecipient == "bounces+appt-4711@clinic.example")      // X-Original-To comes first
        #expect(r.originalEnvelopeID == "appt-4711.r3")
        #expect(r.reportingMTA == "relay.clinic.example")
        #expect(r.recipients == [
            DeliveryReport.Recipient(finalRecipient: "patient.x@example.org", originalRecipient: "patient.x@example.org",
                                     action: "failed", status: "5.1.1",
                                     diagnostic: "550 5.1.1 <patient.x@example.org>: Recipient address rejected: "
                                         + "User unknown in local recipient table",
                                     remoteMTA: "mx.example.org"),
            DeliveryReport.Recipient(finalRecipient: "Ravi@example.net", action: "failed", status: "5.2.2",
                                     diagnostic: "552 5.2.2 Mailbox full", remoteMTA: "mx.example.net"),
        ])
    }

    @Test("Exim bounce", arguments: [false, true])
    func eximBounce(crlf: Bool) throws {
        let r = try #require(DeliveryReport.read(DeliveryReportTests.data(DeliveryReportTests.exim, crlf: crlf)))
        #expect(r.envelopeRecipient == "bounces+77@clinic.example")              // from To
        #expect(r.originalEnvelopeID == nil)
        #expect(r.reportingMTA == "relay.example.net")
        #expect(r.recipients == [
            DeliveryReport.Recipient(finalRecipient: "r.kumar@example.in", action: "failed", status: "5.0.0",
                                     diagnostic: "550 5.1.1 <r.kumar@example.in>... User unknown",
                                     remoteMTA: "mx1.example.in"),
        ])
    }

    @Test("Gmail delay warning", arguments: [false, true])
    func gmailDelay(crlf: Bool) throws {
        let r = try #require(DeliveryReport.read(DeliveryReportTests.data(DeliveryReportTests.gmailDelay, crlf: crlf)))
        #expect(r.envelopeRecipient == "bounces+appt-9@clinic.example")          // Delivered-To
        #expect(r.reportingMTA == "googlemail.com")
        try #require(r.recipients.count == 1)
        let x = r.recipients[0]
        #expect(x.finalRecipient == "meera@example.co.in")
        #expect(x.action == "delayed")
        #expect(x.status == "4.4.1")
        #expect(x.diagnostic == "The recipient server did not accept our requests to connect. Learn more at "
            + "https://support.google.com/mail/answer/7720 [mx.example.co.in. 203.0.113.9: timed out]")
        #expect(x.remoteMTA == "mx.example.co.in. (203.0.113.9, the server for the domain example.co.in.)")
    }

    @Test func existingBounceFixture() throws {
        let r = try #require(DeliveryReport.read(try Fixtures.eml("bounce")))
        #expect(r.envelopeRecipient == "desk@clinic.example")
        #expect(r.recipients == [DeliveryReport.Recipient(finalRecipient: "nobody@example.invalid", action: "failed",
                                                          status: "5.4.4")])
    }

    @Test func missingMachinePartIsNotAReport() {
        // the text part alone, as some relays send: no message/delivery-status
        let stripped = DeliveryReportTests.postfix.replacingOccurrences(of: "Content-Type: message/delivery-status",
                                                                        with: "Content-Type: text/plain")
        #expect(DeliveryReport.read(Data(stripped.utf8)) == nil)
        let headersOnly = """
            From: MAILER-DAEMON@mx.example.org
            To: desk@clinic.example
            Content-Type: multipart/report; report-type=delivery-status; boundary=b

            --b
            Content-Type: text/plain

            Delivery failed.
            --b--

            """
        #expect(DeliveryReport.read(Data(headersOnly.utf8)) == nil)
    }

    @Test func otherMessagesAreNotReports() {
        let plain = "From: anna@example.org\nTo: desk@clinic.example\nSubject: hi\n\nBOOK Dr Rao Tue 10:00\n"
        #expect(DeliveryReport.read(Data(plain.utf8)) == nil)
        // a read receipt is a multipart/report too, of another report-type
        let mdn = """
            From: anna@example.org
            To: desk@clinic.example
            Content-Type: multipart/report; report-type=disposition-notification; boundary=m

            --m
            Content-Type: text/plain

            Your message was displayed.
            --m
            Content-Type: message/delivery-status

            Final-Recipient: rfc822; anna@example.org
            Action: delivered
            Status: 2.0.0
            --m--

            """
        #expect(DeliveryReport.read(Data(mdn.utf8)) == nil)
        // a delivery-status part outside a multipart/report does not make a report
        let mixed = mdn.replacingOccurrences(of: "multipart/report; report-type=disposition-notification", with: "multipart/mixed")
        #expect(DeliveryReport.read(Data(mixed.utf8)) == nil)
        // a report without recipient groups
        let empty = mdn.replacingOccurrences(of: "disposition-notification", with: "delivery-status")
            .replacingOccurrences(of: "Final-Recipient: rfc822; anna@example.org\n", with: "")
        #expect(DeliveryReport.read(Data(empty.utf8)) == nil)
        #expect(DeliveryReport.read(Data()) == nil)
    }

    @Test func lenientFieldValues() throws {
        let raw = """
            To: "Desk" <desk@clinic.example>
            X-Original-To: <bounces+5@clinic.example>
            Content-Type: multipart/report; report-type=Delivery-Status; boundary=z

            --z
            Content-Type: message/delivery-status

            Reporting-MTA: mx.example.org


            this line is not a field
            Original-Recipient: rfc822; <Anna@Example.ORG>
            Action: Failed (permanent)
            Status: 5.1.1 (bad destination mailbox address)
            Diagnostic-Code: X-Unix; user=
             unknown\r\u{1}

            Final-Recipient: x400; /G=Anna/S=Muller/O=Example/
            Action: relayed
            Status: 2.0.0
            --z--

            """
        let r = try #require(DeliveryReport.read(Data(raw.utf8)))
        #expect(r.envelopeRecipient == "bounces+5@clinic.example")
        #expect(r.reportingMTA == "mx.example.org")
        #expect(r.recipients == [
            DeliveryReport.Recipient(finalRecipient: "Anna@example.org", originalRecipient: "Anna@example.org",
                                     action: "failed", status: "5.1.1", diagnostic: "user= unknown"),
            DeliveryReport.Recipient(finalRecipient: "/G=Anna/S=Muller/O=Example/", action: "relayed", status: "2.0.0"),
        ])
    }
}
