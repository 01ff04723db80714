import ArgumentParser
import Clinic
import Commands
import Foundation
import Mail
import SyntheticData

/// What reading costs, apart from the store: MIME parsing of a typical 2 KB reply from a phone's mail app,
/// and the command reader on a patient's and a doctor's 5-line message. CPU time of this thread, so other
/// work on the machine weighs less; prints, asserts nothing.
struct BenchParsing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parsing",
        abstract: "Measure MIME parsing of a 2 KB multipart message, composing a 1 KB text + 3 KB HTML reply, and the command reader.")

    @Option(help: "Parses of the message.") var parses = 20_000
    @Option(help: "Reads of each 5-line message.") var reads = 100_000
    @Option(help: "Renders of the reply.") var renders = 20_000

    static let patientLines = ["BOOK Dr Rao Tue 10:00 chest pain", "SLOTS Dr Iyer Wed", "CANCEL A7K2Q", "MY APPOINTMENTS", "thanks"]
    static let doctorLines = ["TODAY", "DONE A7K2Q", "EARNING ₹2,500.50 yesterday follow-ups", "EARNINGS last month", "thanks"]
    static let now = Int64(1_772_422_200)  // Mon 2 Mar 2026 09:00 IST, as in the other benches

    func validate() throws {
        guard parses > 0, reads > 0, renders > 0 else { throw ValidationError("--parses, --reads and --renders must be positive") }
    }

    func run() throws {
        let data = Self.message
        var sink = 0
        for _ in 0..<200 { sink &+= MailMessage.parse(data).text.utf8.count }  // warm-up
        let parse = cpuSeconds { for _ in 0..<parses { sink &+= MailMessage.parse(data).text.utf8.count } }
        print(String(format: "MailMessage.parse, %d bytes (multipart/alternative, quoted-printable), %d parses: %.2f µs CPU per message",
                     data.count, parses, parse / Double(parses) * 1e6))

        let reply = OutgoingMail(from: MailAddress(name: "CareDesk", address: "desk@clinic.example"),
                                 to: [MailAddress(name: "Anna Müller", address: "anna@example.org")], subject: "Your appointment",
                                 messageID: "desk.1@clinic.example", inReplyTo: "<orig@example.org>",
                                 references: ["orig0@example.org", "orig@example.org"], date: Date(timeIntervalSince1970: Double(Self.now)),
                                 autoSubmitted: "auto-replied", extraHeaders: [("X-Loop", "desk@clinic.example")],
                                 text: Self.text, html: Self.html)
        for _ in 0..<200 { sink &+= reply.render(lineEnding: "\r\n").count }  // warm-up
        let render = cpuSeconds { for _ in 0..<renders { sink &+= reply.render(lineEnding: "\r\n").count } }
        print(String(format: "OutgoingMail.render, %d B text + %d B HTML (multipart/alternative, quoted-printable), %d renders: %.2f µs CPU per reply",
                     Self.text.utf8.count, Self.html.utf8.count, renders, render / Double(renders) * 1e6))

        let clinic = SyntheticClinic(doctors: 50)
        let reader = CommandReader(doctors: clinic.doctorList(), zone: ClinicZone(identifier: "Asia/Kolkata")!, dayFirst: true)
        for (name, lines) in [("patient's", Self.patientLines), ("doctor's", Self.doctorLines)] {
            let read = cpuSeconds {
                for i in 0..<reads {
                    sink &+= reader.read(lines: lines, subject: "Re: appointment", now: Self.now + Int64(i & 7)).lines.count
                }
            }
            print(String(format: "CommandReader.read, a %@ 5-line message, %d reads: %.2f µs CPU per read", name, reads, read / Double(reads) * 1e6))
        }
        if sink == 0 { print("(nothing was read)") }
    }

    /// This thread's CPU time spent in `body`, in seconds.
    func cpuSeconds(_ body: () -> Void) -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        body()
        return now() - start
    }

    /// A reply of the desk's usual size, with non-ASCII in both parts.
    static let text: String = {
        var s = "Dear Anna Müller,\n\nYour appointment with Dr Rao is confirmed for Tuesday 10:00.\n"
        while s.utf8.count < 1_000 {
            s += "Reply CANCEL to cancel, or RESCHEDULE Dr Rao Tue 10:00 -> Wed 09:30 to move it.\n"
        }
        return s + "\n-- \nCareDesk, Praxis am Markt — Köln\n"
    }()

    static let html: String = {
        var s = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">\n"
        while s.utf8.count < 3_000 {
            s += "<p style=\"margin:0 0 8px 0\">Your appointment with <b>Dr Rao</b> is confirmed for "
                + "<span class=\"when\">Tuesday 10:00</span>. Reply CANCEL to cancel &mdash; Grüße aus Köln.</p>\n"
        }
        return s + "</body></html>\n"
    }()

    /// A reply from a phone's mail app: quoted-printable plain text and HTML, a DKIM signature, a quoted answer.
    static let message: Data = {
        var s = """
        Return-Path: <peter.smith@gmail.example>
        Received: from mail-wr1-f41.google.example (mail-wr1-f41.google.example [209.85.221.41])
        \tby mx.clinic.example (Postfix) with ESMTPS id 4Q1xYz2kq8z9sVt
        \tfor <desk@clinic.example>; Mon,  2 Mar 2026 10:12:34 +0000 (UTC)
        DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.example; s=20230601;
        \th=to:subject:message-id:date:from:in-reply-to:references:mime-version;
        \tbh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;
        \tb=Qm9va2luZyBEciBSYW8gVHVlIDEwOjAwIC0+IFdlZCAwOTozMCBwbGVhc2UgdGhhbmsgeW91IQ
        MIME-Version: 1.0
        References: <desk.confirm.77@clinic.example>
        In-Reply-To: <desk.confirm.77@clinic.example>
        From: =?UTF-8?Q?Peter_Sm=C3=BCth?= <peter.smith@gmail.example>
        Date: Mon, 2 Mar 2026 10:12:33 +0000
        Message-ID: <CAGmail+reply=77@mail.gmail.example>
        Subject: Re: Your appointment with Dr Rao
        To: CareDesk <desk@clinic.example>
        Content-Type: multipart/alternative; boundary="0000000000008f3e2b0611a1c2d3"

        --0000000000008f3e2b0611a1c2d3
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        Yes, please move it to Wednesday. Caf=C3=A9 is fine.
        RESCHEDULE Dr Rao Tue 10:00 -> Wed 09:30

        On Mon, 2 Mar 2026 at 10:00, CareDesk <desk@clinic.example> wrote:

        > Your appointment with Dr Rao is confirmed for Tue 10:00.
        > Reply CANCEL to cancel, or RESCHEDULE to move it.
        >
        > --
        > CareDesk

        --0000000000008f3e2b0611a1c2d3
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"ltr">Yes, please move it to Wednesday. Caf=C3=A9 is fine.<br>RESCHEDULE Dr=
         Rao Tue 10:00 -&gt; Wed 09:30</div><br><div class=3D"gmail_quote"><div dir=3D"ltr"=
         class=3D"gmail_attr">On Mon, 2 Mar 2026 at 10:00, CareDesk &lt;<a href=3D"=
        mailto:desk@clinic.example">desk@clinic.example</a>&gt; wrote:<br></div><bl=
        ockquote class=3D"gmail_quote" style=3D"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204)">Your appo=
        intment with Dr Rao is confirmed for Tue 10:00.<br>Reply CANCEL to cancel, or RESCHEDULE to move it.</blockquote></div>

        --0000000000008f3e2b0611a1c2d3--

        """
        s = s.replacingOccurrences(of: "\n", with: "\r\n")
        return Data(s.utf8)
    }()
}
