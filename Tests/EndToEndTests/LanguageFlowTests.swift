import Foundation
import Mail
import SMS
import Testing

/// LANG through the built binary: a patient with LANG TA gets the booking and cancellation replies and the
/// reminder in Tamil, one with LANG HI in Hindi, each in text and HTML with the subject in that language; a
/// patient who writes by SMS gets Tamil texts (UCS-2, at most two segments). Keywords in Tamil script work.
@Suite struct LanguageFlowTests {
    /// Letters of the language's script: Tamil U+0B80–U+0BFF, Devanagari U+0900–U+097F.
    static func inScript(_ text: String, tamil: Bool) -> Bool {
        let block: ClosedRange<UInt32> = tamil ? 0x0B80...0x0BFF : 0x0900...0x097F
        return text.unicodeScalars.contains { block.contains($0.value) }
    }

    struct Sent {
        let subject: String
        let text: String
        let html: String
    }

    /// Every message in outgoing/new to `address`, decoded, in the order written.
    static func sent(to address: String, data: URL) throws -> [Sent] {
        try files(in: data.appendingPathComponent("outgoing/new")).sorted { $0.lastPathComponent < $1.lastPathComponent }.compactMap { file in
            let raw = try String(contentsOf: file, encoding: .utf8)
            let message = MailMessage.parse(Data(raw.utf8))
            guard message.to.contains(where: { $0.address == address }), let parts = mimeParts(raw), parts.count == 2 else { return nil }
            return Sent(subject: message.subject, text: parts[0].body, html: parts[1].body)
        }
    }

    @Test func tamilAndHindiPatientsGetTheirRepliesAndRemindersInTheirLanguage() throws {
        let (root, data) = try sampleClinicFolder("languages")
        defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: root) } }
        let p = try registerPatients(count: 2, data: data, root: root, now: "2026-03-02T08:00:00+05:30")
        var round = 0
        func ingest(_ messages: [(String, String)], at now: String) throws {
            round += 1
            let folder = root.appendingPathComponent("round\(round)")
            try makeMaildir(at: folder, messages: messages.enumerated().map { i, m in
                mail(from: m.0, subject: "lang", body: m.1, id: "lang-\(round)-\(i)@example.in")
            })
            let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", now, folder.path])
            #expect(run.status == 0, "\(run.stderr)")
        }
        try ingest([(p[0], "LANG TA"), (p[1], "LANG HI")], at: "2026-03-02T08:05:00+05:30")
        let (tamil, hindi) = (try #require(try Self.sent(to: p[0], data: data).last), try #require(try Self.sent(to: p[1], data: data).last))
        #expect(tamil.text.contains("தமிழ்") && Self.inScript(tamil.text, tamil: true), "\(tamil.text)")
        #expect(hindi.text.contains("हिन्दी") && Self.inScript(hindi.text, tamil: false), "\(hindi.text)")

        try ingest([(p[0], "முன்பதிவு Dr Rao 2026-03-03 10:00\nBOOK Dr Rao 2026-03-03 11:00"), (p[1], "BOOK Dr Rao 2026-03-03 10:30")],
                   at: "2026-03-02T08:10:00+05:30")
        let booked = try #require(try Self.sent(to: p[0], data: data).last)
        let refs = booked.text.matches(of: /CANCEL ([2-9A-HJ-NP-Z]{5})/).map { String($0.output.1) }
        #expect(refs.count == 2 && booked.text.contains("செவ்வாய் 3 மார்ச் 2026") && !booked.text.contains("Booked"), "\(booked.text)")
        #expect(booked.html.contains("<html lang=\"ta\">") && booked.html.contains("செவ்வாய் 3 மார்ச் 2026"), "\(booked.html)")
        let hindiBooked = try #require(try Self.sent(to: p[1], data: data).last)
        #expect(hindiBooked.text.contains("मंगल 3 मार्च 2026") && hindiBooked.html.contains("<html lang=\"hi\">"), "\(hindiBooked.text)")

        try ingest([(p[0], "ரத்து \(refs.last ?? "")")], at: "2026-03-02T08:15:00+05:30")
        let cancelled = try #require(try Self.sent(to: p[0], data: data).last)
        #expect(Self.inScript(cancelled.text, tamil: true) && cancelled.text.contains(refs.last ?? "-") && !cancelled.text.contains("Cancelled"),
                "\(cancelled.text)")

        // A day before: each patient's reminder in their language, subject and both bodies.
        let tick = try CareDeskBinary.run(["tick", "--data", data.path, "--now", "2026-03-02T10:31:00+05:30"])
        #expect(tick.status == 0, "\(tick.stderr)")
        let tamilReminder = try #require(try Self.sent(to: p[0], data: data).last)
        #expect(tamilReminder.subject.hasPrefix("நினைவூட்டல்: Dr Suresh Rao, செவ்வாய் 3 மார்ச் 2026"), "\(tamilReminder.subject)")
        #expect(tamilReminder.text.contains(refs.first ?? "-") && Self.inScript(tamilReminder.html, tamil: true))
        let hindiReminder = try #require(try Self.sent(to: p[1], data: data).last)
        #expect(hindiReminder.subject.hasPrefix("रिमाइंडर: Dr Suresh Rao, मंगल 3 मार्च 2026"), "\(hindiReminder.subject)")
        #expect(Self.inScript(hindiReminder.text, tamil: false) && Self.inScript(hindiReminder.html, tamil: false))

        // A line written wrong is explained in the patient's language too: what was understood (the day in Tamil)
        // and what is missing; the form and the example stay the English keywords patients write.
        try ingest([(p[0], "BOOK Dr Rao 2026-03-04 chest pain"), (p[1], "BOOK Dr Nobody Wed 10:00")], at: "2026-03-02T10:35:00+05:30")
        let tamilProblem = try #require(try Self.sent(to: p[0], data: data).last)
        #expect(tamilProblem.text.contains("BOOK (Dr Suresh Rao, புதன் 4 மார்ச் 2026)") && tamilProblem.text.contains("நேரம் குறிப்பிடப்படவில்லை")
                && !tamilProblem.text.contains("no time given") && !tamilProblem.text.contains("ஆங்கிலத்தில்"), "\(tamilProblem.text)")
        #expect(tamilProblem.html.contains("நேரம் குறிப்பிடப்படவில்லை"), "\(tamilProblem.html)")
        let hindiProblem = try #require(try Self.sent(to: p[1], data: data).last)
        #expect(hindiProblem.text.contains("\"Dr Nobody\" नाम का कोई डॉक्टर नहीं है") && !hindiProblem.text.contains("no doctor called"),
                "\(hindiProblem.text)")

        // LANG EN brings English back.
        try ingest([(p[0], "LANG EN\nAPPOINTMENTS")], at: "2026-03-02T10:40:00+05:30")
        let english = try #require(try Self.sent(to: p[0], data: data).last)
        #expect(english.text.contains("Tue 3 Mar 2026") && !Self.inScript(english.text, tamil: true), "\(english.text)")
    }

    @Test func aPatientWhoTextsGetsTamilTextsOfAtMostTwoSegments() async throws {
        let desk = try WebhookTests().start("language-sms")
        defer { desk.stop() }
        let number = "+919840000011"
        let sid = { (n: Int) in "SM2000000000000000000000000000000\(n)" }
        try await desk.registerBySMS("Kavya Raman", number: number, sid: sid)
        var texts: [String] = []
        _ = try await desk.sms("LANG TA", from: number, sid: sid(3))
        #expect(try eventually { texts = try desk.texts(to: number); return texts.count == 3 }, "\(texts)")
        _ = try await desk.sms("BOOK Dr Rao Tue 10:00", from: number, sid: sid(4))
        #expect(try eventually { texts = try desk.texts(to: number); return texts.count == 4 }, "\(texts)")
        let booked = try #require(texts.last)
        #expect(Self.inScript(booked, tamil: true) && booked.contains("CANCEL") && booked.contains("செவ்வாய் 3 மார்ச் 2026"), "\(booked)")
        let segments = SMSSegments(booked)
        #expect(segments.encoding == .ucs2 && segments.count <= 2, "\(segments) \(booked)")
    }
}
