import Foundation
import Testing

/// CANCEL DAY from a doctor and BROADCAST from the desk, through `caredesk ingest`: each affected patient gets
/// one notice, a message ingested twice tells nobody twice, and patients are refused.
@Suite struct BroadcastTests {
    let now = "2026-03-02T09:00:00+05:30"

    func clinic() throws -> (root: URL, data: URL) { try sampleClinicFolder("broadcast") }

    /// Ingests messages (each a sender and a body) in one maildir; returns the transcript on stdout.
    @discardableResult
    func ingest(_ data: URL, root: URL, _ messages: [(from: String, body: String, id: String)]) throws -> String {
        let maildir = root.appendingPathComponent("in-\(UUID().uuidString.prefix(8))")
        try makeMaildir(at: maildir, messages: messages.map { mail(from: $0.from, subject: "desk", body: $0.body, id: $0.id) })
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", now, "--transcript", maildir.path])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    /// How many notices with `subject` in their subject line went to each address.
    func notices(_ data: URL, subject: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for file in files(in: data.appendingPathComponent("outgoing/new")) {
            let text = try String(contentsOf: file, encoding: .utf8)
            guard text.contains("Auto-Submitted: auto-generated"), text.contains("Subject: \(subject)"),
                  let to = text.split(separator: "\n").first(where: { $0.hasPrefix("To: ") }),
                  let address = to.split(separator: "<").last?.split(separator: ">").first else { continue }
            counts[String(address), default: 0] += 1
        }
        return counts
    }

    /// Three patients: the first with two appointments with Dr Rao on Tuesday, the second with one, the third with Dr Iyer.
    func booked(_ data: URL, root: URL) throws -> [String] {
        let patients = try registerPatients(count: 3, data: data, root: root, now: now)
        try ingest(data, root: root, [(patients[0], "BOOK Dr Rao Tue 10:00\nBOOK Dr Rao Tue 11:00", "b0@example.in"),
                                      (patients[1], "BOOK Dr Rao Tue 10:30", "b1@example.in"),
                                      (patients[2], "BOOK Dr Iyer Tue 10:00", "b2@example.in")])
        return patients
    }

    @Test func aDoctorsCancelledDayTellsEachPatientOnceEvenWhenIngestedTwice() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let patients = try booked(data, root: root)
        let cancel = (from: "Dr Suresh Rao <rao@kanchicare.example>", body: "CANCEL DAY Tue unwell", id: "cancel-day@kanchicare.example")
        let reply = try ingest(data, root: root, [cancel])
        #expect(reply.contains("Cancelled 3 appointment(s) on Tue 3 Mar 2026 (Dr Suresh Rao):"), "\(reply)")
        #expect(reply.contains("Told by mail, with other free times: Patient Number 0, Patient Number 1"))
        try ingest(data, root: root, [cancel])
        let told = try notices(data, subject: "Cancelled:")
        #expect(told == [patients[0]: 1, patients[1]: 1], "\(told)")

        let notice = try #require(files(in: data.appendingPathComponent("outgoing/new")).map { try String(contentsOf: $0, encoding: .utf8) }
            .first { $0.contains("Subject: Cancelled:") && $0.contains(patients[0]) })
        #expect(notice.contains("Reason: unwell"))
        #expect(notice.contains("Free times with Dr Suresh Rao:"))
        #expect(!notice.contains("Patient Number 1"), "a notice names no other patient")
    }

    @Test func theDeskCancelsEveryDoctorsDayAndBroadcasts() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let patients = try booked(data, root: root)
        let message = try ingest(data, root: root, [("desk@kanchicare.example", "BROADCAST Tue The lift is out of order", "bc-1@kanchicare.example")])
        #expect(message.contains("goes to 3 patient(s) by mail, once each"), "\(message)")
        #expect(try notices(data, subject: "About your appointment") == [patients[0]: 1, patients[1]: 1, patients[2]: 1])

        let all = try ingest(data, root: root, [("desk@kanchicare.example", "BROADCAST CANCEL ALL Tue power cut", "bc-2@kanchicare.example")])
        #expect(all.contains("Cancelled 4 appointment(s) on Tue 3 Mar 2026"), "\(all)")
        #expect(try notices(data, subject: "Cancelled:") == [patients[0]: 1, patients[1]: 1, patients[2]: 1])
    }

    @Test func patientsAreRefused() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let patients = try booked(data, root: root)
        let reply = try ingest(data, root: root, [(patients[0], "CANCEL DAY Tue\nBROADCAST CANCEL ALL Tue\nBROADCAST Tue hello", "p@example.in")])
        #expect(reply.contains("CANCEL DAY is for doctors"), "\(reply)")
        #expect(reply.contains("BROADCAST is for the front desk"))
        #expect(try notices(data, subject: "Cancelled:").isEmpty)
        #expect(try notices(data, subject: "About your appointment").isEmpty)
    }

    @Test func theCommandLineCancelsThroughTheDeskAndDelivers() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let patients = try booked(data, root: root)
        let arguments = ["broadcast", "cancel", "--data", data.path, "--doctor", "rao", "--day", "2026-03-03", "--reason", "unwell",
                         "--now", "2026-03-02T09:30:00+05:30"]
        let run = try CareDeskBinary.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Cancelled 3 appointment(s) on Tue 3 Mar 2026 (Dr Suresh Rao):"), "\(run.stdout)")
        #expect(run.stdout.contains("patients notified by mail: 2"))
        #expect(run.stdout.contains("delivery: 2 sent"), "\(run.stdout)")
        let again = try CareDeskBinary.run(arguments)
        #expect(again.stdout.contains("already done"), "\(again.stdout)")
        let later = try CareDeskBinary.run(Array(arguments.dropLast()) + ["2026-03-02T09:40:00+05:30"])
        #expect(later.stdout.contains("Nothing to cancel"), "\(later.stdout)")
        #expect(try notices(data, subject: "Cancelled:") == [patients[0]: 1, patients[1]: 1])
        let unknown = try CareDeskBinary.run(["broadcast", "cancel", "--data", data.path, "--doctor", "nobody", "--day", "2026-03-03"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no such doctor"))
    }
}
