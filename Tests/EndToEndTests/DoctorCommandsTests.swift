import Foundation
import Mail
import Testing

/// Doctors and the desk by mail, through `caredesk ingest`: earnings, the monthly report with its CSV,
/// the day's schedule, DONE, and refusals for commands outside the sender's role.
@Suite struct DoctorCommandsTests {
    func clinic() throws -> (root: URL, data: URL) { try sampleClinicFolder("doctor") }

    /// Ingests one message and returns the text of its reply and the raw reply.
    func send(_ data: URL, root: URL, from: String, body: String, now: String) throws -> (text: String, raw: String) {
        let id = "\(UUID().uuidString)@example.in"
        let maildir = root.appendingPathComponent("in-\(id.prefix(8))")
        try makeMaildir(at: maildir, messages: [mail(from: from, subject: "desk", body: body, id: id)])
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", now, "--transcript", maildir.path])
        #expect(run.status == 0, "\(run.stderr)")
        let reply = try files(in: data.appendingPathComponent("outgoing/new")).map { try String(contentsOf: $0, encoding: .utf8) }
            .first { $0.contains("In-Reply-To: <\(id)>") }
        return (run.stdout, reply ?? "")
    }

    @Test func aMonthOfEarningsMakesTheReport() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let lines = ["EARNING 2,500 2026-03-02 morning OPD", "EARNING ₹1200.50 2026-03-02", "EARNING Rs 3000 2026-03-03",
                     "EARNING SET 4000 2026-03-03", "EARNING 1800 2026-02-27"]
        let recorded = try send(data, root: root, from: "Dr Suresh Rao <rao@kanchicare.example>", body: lines.joined(separator: "\n"),
                                now: "2026-03-04T20:00:00+05:30")
        #expect(recorded.text.contains("Hello Dr Suresh Rao"))
        #expect(recorded.text.contains("Recorded: Mon 2 Mar 2026 now totals ₹3,700.50."))
        #expect(recorded.text.contains("Set: Tue 3 Mar 2026 now totals ₹4,000."))
        #expect(recorded.text.contains("March 2026 to date: ₹7,700.50."))

        let report = try send(data, root: root, from: "rao@kanchicare.example", body: "EARNINGS MARCH", now: "2026-03-04T20:05:00+05:30")
        #expect(report.text.contains("Earnings of Dr Suresh Rao, March 2026:"))
        #expect(report.text.contains("Total: ₹7,700.50 over 2 day(s) worked; average ₹3,850.25 a day."))
        #expect(report.text.contains("Against February 2026 (₹1,800): +327%."))
        let parsed = MailMessage.parse(Data(report.raw.utf8))
        let csv = try #require(parsed.attachments.first { $0.contentType == "text/csv" })
        #expect(String(decoding: csv.data, as: UTF8.self).hasPrefix("date,amount,note,online,cash,refunded\r\n2026-03-02,2500,morning OPD,,,\r\n2026-03-02,1200.50,,,,\r\n2026-03-03,4000,,,,\r\n"))
        #expect(report.raw.contains("width:100%") || report.raw.contains("width:100%;"), "the HTML draws a bar per day")

        // The desk may ask for any doctor's report; a patient may not record earnings.
        let desk = try send(data, root: root, from: "desk@kanchicare.example", body: "EARNINGS Dr Rao March", now: "2026-03-04T20:10:00+05:30")
        #expect(desk.text.contains("Earnings of Dr Suresh Rao, March 2026:"))
        let patient = try send(data, root: root, from: "asha@example.in", body: "EARNING 2500", now: "2026-03-04T20:10:00+05:30")
        #expect(patient.text.contains("EARNING is for doctors; this address is not registered as one."))
        let future = try send(data, root: root, from: "rao@kanchicare.example", body: "EARNINGS 2026-04", now: "2026-03-04T20:10:00+05:30")
        #expect(future.text.contains("April 2026 has not begun yet"))
    }

    @Test func theScheduleNamesThePatientsAndDoneCountsTheConsultation() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = "2026-03-02T09:00:00+05:30"
        let patient = try registerPatients(count: 1, data: data, root: root, now: now)[0]
        _ = try send(data, root: root, from: patient, body: "BOOK Dr Rao Tue 10:00 chest pain", now: now)
        let schedule = try send(data, root: root, from: "rao@kanchicare.example", body: "SCHEDULE Tue", now: now)
        #expect(schedule.text.contains("Tue 3 Mar 2026:"))
        #expect(schedule.text.contains("10:00  Patient Number 0 — chest pain"))
        let found = try #require(schedule.text.range(of: #"\(([2-9A-Z]{5})\)"#, options: .regularExpression))
        let ref = String(schedule.text[found].dropFirst().dropLast())

        let early = try send(data, root: root, from: "rao@kanchicare.example", body: "DONE \(ref)", now: now)
        #expect(early.text.contains("Not marked: appointment \(ref) is at Tue 3 Mar 2026, 10:00–10:30 IST, still ahead."))
        let done = try send(data, root: root, from: "rao@kanchicare.example", body: "DONE \(ref)", now: "2026-03-03T10:40:00+05:30")
        #expect(done.text.contains("\(ref) (Tue 3 Mar 2026, 10:00–10:30 IST) is marked completed."))
        let other = try send(data, root: root, from: "iyer@kanchicare.example", body: "NOSHOW \(ref)", now: "2026-03-03T10:45:00+05:30")
        #expect(other.text.contains("Not marked: appointment \(ref) is not one of yours."))
        let byPatient = try send(data, root: root, from: patient, body: "SCHEDULE", now: "2026-03-03T10:45:00+05:30")
        #expect(byPatient.text.contains("SCHEDULE is for doctors"))
        let report = try send(data, root: root, from: "rao@kanchicare.example", body: "EARNING 800\nEARNINGS this month", now: "2026-03-03T19:00:00+05:30")
        #expect(report.text.contains("Consultations completed: 1."))
    }
}
