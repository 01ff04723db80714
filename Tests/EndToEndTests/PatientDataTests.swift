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

/// FORGET ME through the built binary: held for CONFIRM even from authenticated mail, and once confirmed no
/// file of the data folder names the patient but the one answer saying it is done, while the doctor's
/// month still counts the visit and its fee.
@Suite struct ForgetMeTests {
    @Test func onceConfirmedNoFileNamesThePatientButTheBooksStillCountTheVisit() throws {
        let (root, data) = try sampleClinicFolder("forget-me")
        defer { try? FileManager.default.removeItem(at: root) }
        let now = "2026-03-02T09:00:00+05:30"
        let patient = try registerPatients(count: 2, data: data, root: root, now: now)[0]
        _ = try ingestOne(data, root: root, from: patient, body: "SET PHONE +919840012345\nSET ADDRESS 12 Gandhi Road\nBOOK Dr Rao Tue 10:00 chest pain\nBOOK Dr Rao Wed 10:00")
        let ref = try #require(try ingestOne(data, root: root, from: patient, body: "APPOINTMENTS").firstMatch(of: /([A-Z0-9]{5}): Dr Suresh Rao, Tue/)?.1)
        _ = try ingestOne(data, root: root, from: "rao@kanchicare.example", body: "DONE \(ref)", now: "2026-03-03T10:40:00+05:30")
        _ = try ingestOne(data, root: root, from: "desk@kanchicare.example", body: "PAID \(ref) CASH", now: "2026-03-03T10:45:00+05:30")

        let asked = try ingestOne(data, root: root, from: patient, body: "FORGET ME", now: "2026-03-03T11:00:00+05:30")
        let code = try #require(asked.firstMatch(of: /CONFIRM (\d{6})/)?.1, "FORGET ME waits for CONFIRM even from authenticated mail: \(asked)")
        let done = try ingestOne(data, root: root, from: patient, body: "CONFIRM \(code)", now: "2026-03-03T11:01:00+05:30")
        #expect(done.contains("Erased:") && done.contains("Wed 4 Mar 2026"), "the visit ahead is cancelled: \(done)")

        // No file of the data folder names them, but the one answer saying it is done.
        let needles = [patient, "Patient Number 0", "+919840012345", "12 Gandhi Road", "chest pain"]
        var naming: [String] = []
        let walker = FileManager.default.enumerator(atPath: data.path)!
        for case let name as String in walker {
            let path = data.appendingPathComponent(name).path
            guard let contents = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: contents, as: UTF8.self)
            if needles.contains(where: { text.contains($0) }) { naming.append(name) }
        }
        #expect(naming.count == 1 && naming.first?.hasPrefix("outgoing/new/") == true, "\(naming)")
        if let answer = naming.first {
            #expect(try String(contentsOf: data.appendingPathComponent(answer), encoding: .utf8).contains("CONFIRM"), "only the answer")
        }
        // The other patient is untouched; the month still counts the visit and its fee.
        #expect(try ingestOne(data, root: root, from: "patient1@example.in", body: "PROFILE", now: "2026-03-03T11:05:00+05:30").contains("Patient Number 1"))
        let report = try ingestOne(data, root: root, from: "desk@kanchicare.example", body: "REPORT March", now: "2026-03-03T11:10:00+05:30")
        #expect(report.contains("seen 1") && report.contains("collected ₹800"), "\(report)")
        // Writing again, the address is a stranger's.
        #expect(try ingestOne(data, root: root, from: patient, body: "APPOINTMENTS", now: "2026-03-03T11:20:00+05:30").contains("REGISTER"))
    }
}

/// The desk's EXPORT and ERASE through the built binary: EXPORT sends the patient's file with the doctors'
/// notes; ERASE waits for CONFIRM even from the desk's authenticated mail, then erases.
@Suite struct DeskPatientDataTests {
    @Test func exportCarriesTheNotesAndEraseWaitsForConfirm() throws {
        let (root, data) = try sampleClinicFolder("export-erase")
        defer { try? FileManager.default.removeItem(at: root) }
        let patient = try registerPatients(count: 1, data: data, root: root, now: "2026-03-02T09:00:00+05:30")[0]
        _ = try ingestOne(data, root: root, from: patient, body: "BOOK Dr Rao Tue 10:00 chest pain")
        let ref = try #require(try ingestOne(data, root: root, from: patient, body: "APPOINTMENTS").firstMatch(of: /([A-Z0-9]{5}): Dr Suresh Rao/)?.1)
        _ = try ingestOne(data, root: root, from: "rao@kanchicare.example", body: "DONE \(ref)\nRATE \(ref) 3 came late", now: "2026-03-03T10:40:00+05:30")

        let before = Set(files(in: data.appendingPathComponent("outgoing/new")))
        let exported = try ingestOne(data, root: root, from: "desk@kanchicare.example", body: "EXPORT P1", now: "2026-03-03T11:00:00+05:30")
        #expect(exported.contains("my-data-P1.json"), "\(exported)")
        let reply = try #require(files(in: data.appendingPathComponent("outgoing/new")).first { !before.contains($0) })
        let file = try #require(MailMessage.parse(try Data(contentsOf: reply)).attachments.first { $0.filename == "my-data-P1.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any])
        let notes = try #require((json["record"] as? [String: Any])?["notes"] as? [String: [String: Any]])
        #expect(notes[String(ref)]?["comment"] as? String == "came late", "the desk's export lists the doctors' notes")

        let asked = try ingestOne(data, root: root, from: "desk@kanchicare.example", body: "ERASE \(patient)", now: "2026-03-03T11:05:00+05:30")
        let code = try #require(asked.firstMatch(of: /CONFIRM (\d{6})/)?.1, "ERASE waits for CONFIRM even from authenticated mail: \(asked)")
        let done = try ingestOne(data, root: root, from: "desk@kanchicare.example", body: "CONFIRM \(code)", now: "2026-03-03T11:06:00+05:30")
        #expect(done.contains("Erased:"), "\(done)")
        #expect(try ingestOne(data, root: root, from: patient, body: "APPOINTMENTS", now: "2026-03-03T11:10:00+05:30").contains("REGISTER"))
    }
}
