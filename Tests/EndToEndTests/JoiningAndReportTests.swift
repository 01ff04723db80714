import Foundation
import Mail
import Testing

/// REGISTER DOCTOR, APPROVE, REJECT and REPORT through `caredesk ingest`, and the desk's `caredesk report`
/// for scripts: the desk is told of each request by mail, the applicant of the answer, and an approved
/// doctor's mail is read as a doctor's from then on.
@Suite struct JoiningAndReportTests {
    let desk = "desk@kanchicare.example"

    /// The messages in outgoing/new whose To is `address`, decoded.
    func mails(to address: String, in data: URL) throws -> [MailMessage] {
        try files(in: data.appendingPathComponent("outgoing/new")).map { MailMessage.parse(try Data(contentsOf: $0)) }
            .filter { $0.to.contains { $0.address == address } }
    }

    /// The request id a REGISTER DOCTOR reply names ("Your request R7K2QX to join …"), drawn at random.
    func requestID(in reply: String) throws -> String {
        let match = try #require(reply.firstMatch(of: /[Yy]our request (R[2-9A-HJKMNP-Z]{5})\b/), "\(reply)")
        return String(match.1)
    }

    @Test func aDoctorAsksTheDeskApprovesAndPatientsCanBook() throws {
        let (root, data) = try sampleClinicFolder("joining")
        defer { try? FileManager.default.removeItem(at: root) }
        let applicant = "priya.nair@example.org"
        let asked = try ingestOne(data, root: root, from: applicant, body: "REGISTER DOCTOR Priya Nair, Dermatology")
        let id = try requestID(in: asked)
        #expect(asked.contains("Your request \(id) to join as Dr Priya Nair (Dermatology) is with the front desk."), "\(asked)")
        let told = try mails(to: desk, in: data).filter { $0.subject.hasPrefix("Request \(id)") }
        #expect(told.count == 1 && told[0].text.contains("APPROVE \(id)"), "the desk hears of it once")
        #expect(try ingestOne(data, root: root, from: applicant, body: "HOURS Mon-Fri 09:00-12:00").contains("doctors"),
                "not a doctor before the desk answers")

        #expect(try ingestOne(data, root: root, from: "rao@kanchicare.example", body: "APPROVE \(id)").contains("APPROVE is for the front desk"))
        let approved = try ingestOne(data, root: root, from: desk, body: "APPROVE \(id)")
        #expect(approved.contains("Approved \(id): Dr Priya Nair (Dermatology) is now one of the clinic's doctors"), "\(approved)")
        let welcome = try mails(to: applicant, in: data).filter { $0.subject.hasPrefix("Welcome") }
        #expect(welcome.count == 1 && welcome[0].text.contains("HOURS Mon-Fri 09:00-13:00"))
        #expect(try ingestOne(data, root: root, from: desk, body: "APPROVE \(id)").contains("\(id) (Dr Priya Nair) was approved"))

        let hours = try ingestOne(data, root: root, from: applicant, body: "HOURS Mon-Fri 09:00-12:00\nSET FEE 500")
        #expect(hours.contains("Your hours are now: Mon–Fri 09:00-12:00."), "\(hours)")
        let patient = try registerPatients(count: 1, data: data, root: root, now: "2026-03-02T09:00:00+05:30")[0]
        let booked = try ingestOne(data, root: root, from: patient, body: "BOOK Dr Nair Tue 10:00")
        #expect(booked.contains("Booked"), "\(booked)")
        let schedule = try ingestOne(data, root: root, from: applicant, body: "SCHEDULE Tue")
        #expect(schedule.contains("10:00"), "\(schedule)")
    }

    @Test func aRejectedApplicantIsToldWhyAndStaysAPatientAddress() throws {
        let (root, data) = try sampleClinicFolder("rejecting")
        defer { try? FileManager.default.removeItem(at: root) }
        let applicant = "vikram@example.org"
        _ = try ingestOne(data, root: root, from: applicant, body: "REGISTER DOCTOR Vikram Sethi, Orthopaedics")
        let again = try ingestOne(data, root: root, from: applicant, body: "REGISTER DOCTOR Vikram Sethi, Orthopaedics")
        let id = try requestID(in: again)
        #expect(try mails(to: desk, in: data).filter { $0.subject.hasPrefix("Request") }.count == 1, "asked twice, told once")
        let rejected = try ingestOne(data, root: root, from: desk, body: "REJECT \(id) no orthopaedics clinic yet")
        #expect(rejected.contains("Rejected \(id)"), "\(rejected)")
        let told = try mails(to: applicant, in: data).filter { $0.subject.hasPrefix("Your request") }
        #expect(told.count == 1 && told[0].text.contains("no orthopaedics clinic yet"))
        #expect(try ingestOne(data, root: root, from: applicant, body: "EARNING 2500").contains("doctors"))
        #expect(try ingestOne(data, root: root, from: "rao@kanchicare.example", body: "REGISTER DOCTOR Suresh Rao, Cardiology")
            .contains("already Dr Suresh Rao's"))
    }

    @Test func theMonthReportByMailAndForScripts() throws {
        let (root, data) = try sampleClinicFolder("report")
        defer { try? FileManager.default.removeItem(at: root) }
        let now = "2026-03-02T09:00:00+05:30"
        let patients = try registerPatients(count: 2, data: data, root: root, now: now)
        _ = try ingestOne(data, root: root, from: patients[0], body: "BOOK Dr Rao Tue 10:00")
        _ = try ingestOne(data, root: root, from: patients[1], body: "BOOK Dr Rao Tue 10:30\nCANCEL")
        _ = try ingestOne(data, root: root, from: "rao@kanchicare.example", body: "EARNING 2500 today\nEARNING 1200 yesterday")

        #expect(try ingestOne(data, root: root, from: "rao@kanchicare.example", body: "REPORT March").contains("REPORT is for the front desk"))
        let mailed = try ingestOne(data, root: root, from: desk, body: "REPORT March")
        #expect(mailed.contains("Dr Suresh Rao\n  Appointments: 2 (seen 0, no-shows 0, still confirmed 1)"), "\(mailed)")
        #expect(mailed.contains("Cancelled: by patients 1, by the doctor 0, by the desk 0\n  Earnings: ₹3,700"), "\(mailed)")
        let reply = try #require(try mails(to: desk, in: data).last { $0.subject.contains("to the desk") })
        #expect(reply.attachments.contains { $0.filename == "report-2026-03.csv" && $0.contentType == "text/csv" })

        let printed = try CareDeskBinary.run(["report", "month", "--data", data.path, "--month", "2026-03", "--now", now])
        #expect(printed.status == 0 && printed.stdout.contains("March 2026 at the hospital:") && !printed.stdout.contains("attached"))
        let csv = try CareDeskBinary.run(["report", "month", "--data", data.path, "--month", "2026-03", "--csv", "--now", now])
        #expect(csv.stdout.hasPrefix("doctor,appointments,completed,no_shows,confirmed,cancelled_by_patient"))
        #expect(csv.stdout.contains("Dr Suresh Rao,2,0,0,1,1,0,0,3700,0,0,800\r\n"), "\(csv.stdout)")
        let earnings = try CareDeskBinary.run(["report", "earnings", "--data", data.path, "--doctor", "rao", "--month", "2026-03", "--now", now])
        #expect(earnings.stdout.contains("Earnings of Dr Suresh Rao, March 2026"), "\(earnings.stdout)")
        let earningsCSV = try CareDeskBinary.run(["report", "earnings", "--data", data.path, "--doctor", "rao", "--month", "2026-03", "--csv",
                                                  "--now", now])
        #expect(earningsCSV.stdout.hasPrefix("date,amount,note,online,cash,refunded\r\n2026-03-01,1200,"), "\(earningsCSV.stdout)")
        let empty = try CareDeskBinary.run(["report", "earnings", "--data", data.path, "--doctor", "iyer", "--month", "2026-03", "--csv",
                                            "--now", now])
        #expect(empty.status == 1 && empty.stderr.contains("Nothing was recorded"))
        let unknown = try CareDeskBinary.run(["report", "earnings", "--data", data.path, "--doctor", "nobody", "--month", "2026-03", "--now", now])
        #expect(unknown.status != 0 && unknown.stderr.contains("the ids are rao, iyer, kumar"))
        let ahead = try CareDeskBinary.run(["report", "month", "--data", data.path, "--month", "2026-05", "--now", now])
        #expect(ahead.stdout.contains("May 2026 has not begun yet"))
    }
}
