import Foundation
import Mail
import Testing

/// A patient's own data: MY DATA answers with one JSON file holding everything the clinic has about them.
@Suite struct PatientDataTests {
    @Test func myDataReturnsAFileThatHoldsTheProfileAndTheAppointments() throws {
        let (root, data) = try sampleClinicFolder("my-data")
        defer { try? FileManager.default.removeItem(at: root) }
        let patient = try registerPatients(count: 1, data: data, root: root, now: "2026-03-02T09:00:00+05:30")[0]
        _ = try ingestOne(data, root: root, from: patient, body: "SET BLOOD O+\nBOOK Dr Rao Tue 10:00 chest pain\nRATE DR Rao 5")
        let before = Set(files(in: data.appendingPathComponent("outgoing/new")))
        let shown = try ingestOne(data, root: root, from: patient, body: "MY DATA")
        #expect(shown.contains("Everything the clinic holds about you is in the attached file my-data-P1.json"), "\(shown)")
        let reply = try #require(files(in: data.appendingPathComponent("outgoing/new")).first { !before.contains($0) })
        let message = MailMessage.parse(try Data(contentsOf: reply))
        let file = try #require(message.attachments.first { $0.filename == "my-data-P1.json" }, "\(message.attachments.map(\.filename))")
        #expect(file.contentType.hasPrefix("application/json"))
        let json = try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any])
        let record = try #require(json["record"] as? [String: Any])
        let profile = try #require(record["profile"] as? [String: Any])
        #expect(profile["email"] as? String == patient && profile["name"] as? String == "Patient Number 0" && profile["bloodType"] as? String == "O+")
        let appointments = try #require(record["appointments"] as? [[String: Any]])
        #expect(appointments.count == 1 && appointments.first?["reason"] as? String == "chest pain" && appointments.first?["doctorID"] as? String == "rao")
        #expect(json["consents"] as? [String: Bool] == ["smsOptedOut": false, "mailUndeliverable": false])
        #expect(record["notes"] == nil, "the doctors' private notes are the clinic's")
    }
}
