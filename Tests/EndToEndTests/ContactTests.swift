import Foundation
import Testing

/// CONTACT through `caredesk ingest`: the message reaches the doctor's address as a notice answered to the
/// patient, the sixth of a day is refused, and a hostile name adds no header field.
@Suite struct ContactTests {
    let now = "2026-03-02T09:00:00+05:30"

    func clinic() throws -> (root: URL, data: URL) { try sampleClinicFolder("contact") }

    @discardableResult
    func ingest(_ data: URL, root: URL, from: String, body: String, id: String) throws -> String {
        let maildir = root.appendingPathComponent("in-\(UUID().uuidString.prefix(8))")
        try makeMaildir(at: maildir, messages: [mail(from: from, subject: "question", body: body, id: id)])
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", now, "--transcript", maildir.path])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    /// The notices in the outbox sent to `address`, whole.
    func relayed(_ data: URL, to address: String) throws -> [String] {
        try files(in: data.appendingPathComponent("outgoing/new")).map { try String(contentsOf: $0, encoding: .utf8) }
            .filter { $0.contains("Auto-Submitted: auto-generated") && $0.contains("To: ") && $0.contains("<\(address)>") }
    }

    /// The header fields, each unfolded onto one line.
    func header(_ text: String) -> [Substring] {
        let head = text.components(separatedBy: "\n\n").first ?? ""
        return Substring(head.replacingOccurrences(of: "\n ", with: " ").replacingOccurrences(of: "\n\t", with: " ")).split(separator: "\n")
    }

    @Test func aMessageReachesTheDoctorAnsweredToThePatient() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let patient = try registerPatients(count: 1, data: data, root: root, now: now)[0]
        let reply = try ingest(data, root: root, from: patient, body: "CONTACT Dr Rao is fasting needed before the test?", id: "c1@example.in")
        #expect(reply.contains("Passed on: your message goes to Dr Suresh Rao by mail."), "\(reply)")
        let mails = try relayed(data, to: "rao@kanchicare.example")
        #expect(mails.count == 1)
        let mail = try #require(mails.first)
        let fields = header(mail)
        #expect(fields.contains("Reply-To: Patient Number 0 <\(patient)>"), "\(fields)")
        #expect(fields.contains { $0.hasPrefix("X-Loop: ") })
        #expect(mail.contains("Patient Number 0, a patient of"))
        #expect(mail.contains("is fasting needed before the test?"))
    }

    @Test func theSixthOfADayIsRefused() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let patient = try registerPatients(count: 1, data: data, root: root, now: now)[0]
        for i in 1...5 { try ingest(data, root: root, from: patient, body: "CONTACT DESK question \(i)", id: "d\(i)@example.in") }
        let sixth = try ingest(data, root: root, from: patient, body: "CONTACT DESK question 6", id: "d6@example.in")
        #expect(sixth.contains("Not sent: you have written 5 messages today, the most a day. You can write again on Tue 3 Mar 2026."), "\(sixth)")
        #expect(try relayed(data, to: "desk@kanchicare.example").count == 5)
    }

    @Test func aHostileNameAddsNoHeaderField() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let patient = try registerPatients(count: 1, data: data, root: root, now: now)[0]
        try ingest(data, root: root, from: patient, body: "SET NAME Eve =?utf-8?q?x=0D=0ABcc:_evil@attacker.example?= \"Bcc: evil@attacker.example\"",
                   id: "n1@example.in")
        try ingest(data, root: root, from: patient, body: "CONTACT Dr Rao hello", id: "c2@example.in")
        let mail = try #require(try relayed(data, to: "rao@kanchicare.example").first)
        let fields = header(mail)
        #expect(!fields.contains { $0.lowercased().hasPrefix("bcc") }, "\(fields)")
        let replyTo = try #require(fields.first { $0.hasPrefix("Reply-To: ") })
        #expect(replyTo.hasSuffix("<\(patient)>"), "\(replyTo)")
        #expect(!mail.contains("\r"))
    }
}
