import Foundation
import Testing

/// DOCTOR OFF through `caredesk ingest`: refused while the doctor has a patient booked, then done once the
/// desk has cancelled that day; DOCTORS stops listing the doctor.
@Suite struct DoctorOffTests {
    @Test func refusedWhileBookedThenDone() throws {
        let (root, data) = try sampleClinicFolder("doctor-off")
        defer { try? FileManager.default.removeItem(at: root) }
        let now = "2026-03-02T09:00:00+05:30"
        let patient = try registerPatients(count: 1, data: data, root: root, now: now)[0]
        func send(_ from: String, _ body: String) throws -> String {
            try ingestOne(data, root: root, from: from, body: body, subject: "desk", now: now)
        }
        let desk = "desk@kanchicare.example"
        _ = try send(patient, "BOOK Dr Rao Tue 12:00")
        let refused = try send(desk, "DOCTOR OFF Dr Rao")
        #expect(refused.contains("still has confirmed appointments ahead"), "\(refused)")
        #expect(refused.contains("BROADCAST CANCEL Dr Suresh Rao 2026-03-03"), "\(refused)")
        #expect(try send("rao@kanchicare.example", "DOCTOR OFF Dr Rao").contains("front desk"))
        #expect(try send(patient, "DOCTORS").contains("Rao"))

        _ = try send(desk, "BROADCAST CANCEL Dr Rao Tue")
        let done = try send(desk, "DOCTOR OFF Dr Rao")
        #expect(done.contains("no longer takes bookings"), "\(done)")
        #expect(!(try send(patient, "DOCTORS")).contains("Rao"))
        #expect(try send(patient, "BOOK Dr Rao Tue 11:00").contains("no longer takes bookings"))
    }
}
