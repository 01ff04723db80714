import Foundation
import Testing

/// HOURS and LEAVE through `caredesk ingest`: the booked patient is listed, not cancelled, and the slots follow.
@Suite struct DoctorHoursTests {
    @Test func newHoursListTheStrandedAndChangeTheSlots() throws {
        let (root, data) = try sampleClinicFolder("hours")
        defer { try? FileManager.default.removeItem(at: root) }
        let now = "2026-03-02T09:00:00+05:30"
        let patient = try registerPatients(count: 1, data: data, root: root, now: now)[0]
        func send(_ from: String, _ body: String) throws -> String {
            try ingestOne(data, root: root, from: from, body: body, subject: "desk", now: now)
        }
        _ = try send(patient, "BOOK Dr Rao Tue 12:00")
        let hours = try send("rao@kanchicare.example", "HOURS Tue 09:00-11:00\nLEAVE Wed")
        #expect(hours.contains("Your hours are now: Mon 09:00-13:00; Tue 09:00-11:00; Wed–Sat 09:00-13:00."), "\(hours)")
        #expect(hours.contains("nothing has been cancelled"))
        #expect(hours.contains("CANCEL DAY 2026-03-03"))
        #expect(hours.contains("On leave Wed 4 Mar 2026"))
        let slots = try send(patient, "SLOTS Dr Rao Tue\nSLOTS Dr Rao Wed")
        #expect(!slots.contains("11:30"), "\(slots)")
        #expect(slots.contains("on leave"), "\(slots)")
    }
}
