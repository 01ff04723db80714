import Foundation
import Testing

/// RATE by mail, through `caredesk ingest`: a patient rates a doctor after DONE and DOCTOR/DOCTORS show the
/// average; the doctor rates the patient, whose replies never mention it; the window closes after 3 days.
@Suite struct RatingCommandsTests {
    func send(_ data: URL, root: URL, from: String, body: String, now: String) throws -> String {
        try ingestOne(data, root: root, from: from, body: body, subject: "rate", now: now)
    }

    @Test func ratingsAfterAVisit() throws {
        let root = try temporaryFolder("rate")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let initRun = try CareDeskBinary.run(["init", "--data", data.path,
                                              "--clinic", CareDeskBinary.packageRoot.appendingPathComponent("Samples/clinic.json").path])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let now = "2026-03-02T09:00:00+05:30"
        let patient = try registerPatients(count: 1, data: data, root: root, now: now)[0]
        let booked = try send(data, root: root, from: patient, body: "BOOK Dr Rao Tue 10:00 chest pain", now: now)
        let found = try #require(booked.range(of: #"Reference: [2-9A-Z]{5}"#, options: .regularExpression))
        let ref = String(booked[found].suffix(5))

        let early = try send(data, root: root, from: patient, body: "RATE DR Rao 5", now: now)
        #expect(early.contains("Not rated: a doctor can be rated after a visit they marked done"))
        let after = "2026-03-03T10:40:00+05:30"
        _ = try send(data, root: root, from: "rao@kanchicare.example", body: "DONE \(ref)", now: after)
        let rated = try send(data, root: root, from: patient, body: "RATE DR Rao 4 very kind", now: after)
        #expect(rated.contains("Thank you: 4 of 5 for Dr Suresh Rao. Average now 4.0 from 1 rating(s)."))
        let detail = try send(data, root: root, from: "someone@example.in", body: "DOCTOR Dr Rao\nDOCTORS", now: after)
        #expect(detail.contains("Rated 4.0 of 5 by 1 patient(s)."))
        #expect(detail.contains("rated 4.0 of 5 (1)"))

        let noted = try send(data, root: root, from: "rao@kanchicare.example", body: "RATE \(ref) 3 arrived late", now: after)
        #expect(noted.contains("Noted: 3 of 5 for the patient of \(ref). The patient never sees it"))
        let own = try send(data, root: root, from: patient, body: "PROFILE\nAPPOINTMENTS", now: after)
        #expect(!own.contains("3 of 5") && !own.contains("arrived late"))
        let closed = try send(data, root: root, from: "rao@kanchicare.example", body: "RATE \(ref) 4", now: "2026-03-07T10:00:00+05:30")
        #expect(closed.contains("Not rated: your rating of \(ref) could be changed until Fri 6 Mar 2026, 10:40 IST; it is closed now."))

        let byPatient = try send(data, root: root, from: patient, body: "RATE \(ref) 5", now: after)
        #expect(byPatient.contains("RATE <ref> is for doctors"))
        let byDoctor = try send(data, root: root, from: "iyer@kanchicare.example", body: "RATE DR Rao 1", now: after)
        #expect(byDoctor.contains("RATE DR is for patients"))
    }
}
