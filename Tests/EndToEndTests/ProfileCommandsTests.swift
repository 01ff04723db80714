import Foundation
import Testing

/// PROFILE and SET by mail, through `caredesk ingest`: a patient's and a doctor's profile, values the
/// language refuses, fields of the other role, and the desk, which has no profile.
@Suite struct ProfileCommandsTests {
    func clinic() throws -> (root: URL, data: URL) { try sampleClinicFolder("profile") }

    /// Ingests one message and returns the transcript the run printed.
    func send(_ data: URL, root: URL, from: String, body: String, now: String) throws -> String {
        try ingestOne(data, root: root, from: from, body: body, subject: "profile", now: now)
    }

    @Test func aPatientFillsInTheirProfile() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = "2026-03-02T09:00:00+05:30"
        let patient = try registerPatients(count: 1, data: data, root: root, now: now)[0]
        let empty = try send(data, root: root, from: patient, body: "PROFILE", now: now)
        #expect(empty.contains("Blood group: not given (SET BLOOD O+)"))

        let lines = ["SET BLOOD o negative", "SET DOB 4/3/1980", "SET PHONE +91 98765 43210", "SET ADDRESS 12 Gandhi Road, Kanchipuram",
                     "SET NAME Anita Sharma", "SET BLOOD Z+", "SET DOB 2027-01-01", "SET FEE 900"]
        let set = try send(data, root: root, from: patient, body: lines.joined(separator: "\n"), now: now)
        #expect(set.contains("Saved: BLOOD is now O-."))
        #expect(set.contains("Saved: DOB is now Tue 4 Mar 1980."))
        #expect(set.contains("Saved: PHONE is now +919876543210."))
        #expect(set.contains("\"Z+\" is not a blood group; the groups are A+, A-, B+, B-, AB+, AB-, O+, O-"))
        #expect(set.contains("SET BLOOD O+"), "the problem gives a working example")
        #expect(set.contains("2027-01-01 is not in the past"))
        #expect(set.contains("Not saved: FEE is not a field of your profile. You can set NAME, PHONE, BLOOD, ADDRESS, DOB."))

        // A later run reads the profile back from the store.
        let profile = try send(data, root: root, from: patient, body: "PROFILE", now: "2026-03-02T09:05:00+05:30")
        #expect(profile.contains("Hello Anita Sharma"))
        for line in ["Name: Anita Sharma", "Blood group: O-", "Date of birth: Tue 4 Mar 1980", "Phone: +919876543210",
                     "Address: 12 Gandhi Road, Kanchipuram"] {
            #expect(profile.contains(line), "\(line)")
        }
    }

    @Test func aDoctorsProfileReachesPatients() throws {
        let (root, data) = try clinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = "2026-03-02T09:00:00+05:30"
        let lines = ["SET FEE ₹950.50", "SET BIO Twenty years in cardiac care.", "SET QUALIFICATIONS MBBS, MD, DM", "SET BLOOD A+"]
        let set = try send(data, root: root, from: "rao@kanchicare.example", body: lines.joined(separator: "\n"), now: now)
        #expect(set.contains("Saved: FEE is now ₹950.50."))
        #expect(set.contains("Not saved: BLOOD is not a field of your profile. You can set QUALIFICATIONS, SPECIALTY, FEE, BIO, PHONE."))
        let profile = try send(data, root: root, from: "rao@kanchicare.example", body: "PROFILE", now: now)
        #expect(profile.contains("Your profile, as patients see it:"))
        #expect(profile.contains("Qualifications: MBBS, MD, DM"))

        let seen = try send(data, root: root, from: "someone@example.in", body: "DOCTOR Dr Rao", now: now)
        #expect(seen.contains("Consultation fee: ₹950.50"))
        #expect(seen.contains("About: Twenty years in cardiac care."))

        let desk = try send(data, root: root, from: "desk@kanchicare.example", body: "PROFILE", now: now)
        #expect(desk.contains("PROFILE is for patients and doctors"))
        let stranger = try send(data, root: root, from: "someone@example.in", body: "SET BLOOD A+", now: now)
        #expect(stranger.contains("REGISTER"))
    }
}
