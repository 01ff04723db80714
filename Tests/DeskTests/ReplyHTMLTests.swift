import Clinic
import Foundation
import Mail
import Testing
@testable import Desk

/// The HTML form of every reply: rendered from Templates/html, escaped, and for SLOTS a grid of the day.
@Suite struct ReplyHTMLTests {
    static let templates = Result { try ReplyTemplates(directory: DeskFixture.packageRoot.appendingPathComponent("Templates")) }

    static let hostile = [OutcomeSamples.hostileName, OutcomeSamples.hostilePatient, OutcomeSamples.hostileReason,
                          "Cardiology & <i>Hearts</i>", "MBBS <img src=x onerror=alert(1)>", "Kanchi \"Care\" & <Hospital>"]

    @Test func everyOutcomeRendersItsHTMLWithEveryValueEscaped() throws {
        let templates = try Self.templates.get()
        let samples = OutcomeSamples.all(in: try OutcomeSamples.hostileClinic(), patient: OutcomeSamples.hostilePatient,
                                         reason: OutcomeSamples.hostileReason)
        let format = ClinicFormat(samples.clinic)
        var shown = Set<String>()
        for outcome in samples.outcomes {
            let (name, fields) = outcome.template(format)
            let bodies = templates.render(name, fields)
            #expect(bodies.html.hasPrefix("<"), "html/\(name.rawValue) renders HTML")
            for value in Self.hostile where bodies.text.contains(value) {
                shown.insert(value)
                #expect(bodies.html.contains(HTMLEscaping.escaped(value)), "html/\(name.rawValue) shows \(value) escaped")
                #expect(!bodies.html.contains(value), "html/\(name.rawValue) shows \(value) raw")
            }
            for raw in ["<script", "<img src=x", "<i>Hearts", "<b>chest"] { #expect(!bodies.html.contains(raw), "html/\(name.rawValue)") }
        }
        #expect(shown == Set(Self.hostile), "the outcomes show every hostile value")
        #expect(HTMLEscaping.escaped(OutcomeSamples.hostileName) == "Dr &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &quot;&amp;Rao")
    }

    @Test func theWholeReplyIsAnEscapedHTMLDocument() throws {
        let templates = try Self.templates.get()
        let format = ClinicFormat(try OutcomeSamples.hostileClinic())
        let transcript = TranscriptReply(lines: [("BOOK <script>alert(1)</script>", templates.render(.unrecognised, [:]))],
                                         fromSubject: false, gaveUp: false, cutAt: nil, anyCommand: true)
        let html = transcript.render(templates, greeting: OutcomeSamples.hostilePatient, format: format, now: OutcomeSamples.now).html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Hello Priya &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;,"))
        #expect(html.contains("&gt; BOOK &lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        #expect(html.contains("<title>Kanchi &quot;Care&quot; &amp; &lt;Hospital&gt;</title>"))
        #expect(html.contains("Not a command I know."))
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<style") && !html.contains("http"))
        let helpless = TranscriptReply(lines: [], anyCommand: false).render(templates, greeting: "there", format: format, now: OutcomeSamples.now)
        #expect(helpless.html.contains("<code><b>RESCHEDULE &lt;ref&gt; &lt;day&gt; &lt;time&gt;</b></code>"), "a message without commands gets the help")
    }

    /// The cell of the grid that shows `time`.
    func cell(_ time: String, in html: String) throws -> String {
        let cells = html.components(separatedBy: "<td").filter { $0.contains("<b>\(time)</b>") }
        #expect(cells.count == 1, "one cell for \(time)")
        return try #require(cells.first)
    }

    @Test func theSlotsGridMarksBookedSlotsYellowAndLinksFreeOnes() throws {
        let templates = try Self.templates.get()
        var samples = OutcomeSamples(clinic: try OutcomeSamples.sampleClinic())
        let patient = Sender(address: "a@example.in", channel: .email)
        _ = samples.register("Priya Sharma", from: patient, verify: true)
        samples.decide(.book(doctorID: "rao", day: OutcomeSamples.tuesday, time: TimeOfDay(hour: 10, minute: 0)!, reason: nil), from: patient)
        samples.decide(.slots(doctorID: "rao", day: OutcomeSamples.tuesday), from: patient)
        let (name, fields) = try #require(samples.outcomes.last).template(ClinicFormat(samples.clinic))
        #expect(name == .slots)
        let html = templates.render(name, fields).html

        let booked = try cell("10:00", in: html)
        #expect(booked.contains("#ffeb3b"))
        #expect(booked.contains("booked"))
        #expect(!booked.contains("href"))
        let free = try cell("09:00", in: html)
        #expect(!free.contains("#ffeb3b"))
        #expect(free.contains("href=\"mailto:desk@kanchicare.example?subject=BOOK%20Dr%20Rao%202026-03-03%2009%3A00\""))
        #expect(try cell("12:30", in: html).contains("subject=BOOK%20Dr%20Rao%202026-03-03%2012%3A30\""))
        #expect(html.components(separatedBy: "<tr>").count - 1 == 2, "eight slots, four to a row")
    }

    @Test func aFreeSlotsLinkEncodesTheDoctorsName() throws {
        let templates = try Self.templates.get()
        var samples = OutcomeSamples(clinic: try OutcomeSamples.hostileClinic())
        samples.decide(.slots(doctorID: "rao", day: OutcomeSamples.tuesday), from: Sender(address: "x@example.in", channel: .email))
        let (name, fields) = try #require(samples.outcomes.last).template(ClinicFormat(samples.clinic))
        let html = templates.render(name, fields).html
        #expect(try cell("09:00", in: html).contains("subject=BOOK%20Dr%20%22%26Rao%202026-03-03%2009%3A00\""))
    }

    @Test func mailtoSubjectsArePercentEncodedPerRFC6068() {
        #expect(MailtoLink.encoded("BOOK Dr Rao 2026-03-03 10:00") == "BOOK%20Dr%20Rao%202026-03-03%2010%3A00")
        #expect(MailtoLink.encoded("Zoë & a=b?#%+") == "Zo%C3%AB%20%26%20a%3Db%3F%23%25%2B")
        #expect(MailtoLink(to: "desk@kanchicare.example").subject("CANCEL A7K2Q") == "mailto:desk@kanchicare.example?subject=CANCEL%20A7K2Q")
        #expect(MailtoLink(to: "front desk?@x.example").bare == "mailto:front%20desk%3F@x.example")
    }

    @Test func aReplyCarriesTextAndHTMLAsMultipartAlternative() throws {
        let fixture = try DeskFixture()
        defer { fixture.remove() }
        let reports = try fixture.desk.handle([DeskFixture.mail("SLOTS Dr Rao Tue")], now: DeskFixture.now)
        guard case .answered(let id) = try #require(reports.first).result else { Issue.record("not answered"); return }
        let data = try #require(fixture.desk.state.outbox[id]).data
        #expect(data.contains("Content-Type: multipart/alternative; boundary="))
        #expect(data.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(data.contains("Content-Type: text/html; charset=utf-8"))
        let parsed = MailMessage.parse(Data(data.utf8))
        #expect(parsed.text.contains("Dr Suresh Rao:"))
    }
}
